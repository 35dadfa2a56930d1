package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.Routing;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CallerReferences;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The v2 layout rules, pure: the channel group's origin (its egress domain, HTTPS only, the settings' TLS versions,
 * signed with the origin access control), the new distribution (its default behaviour on that origin: the group is
 * known when the channel is saved, so no placeholder is needed), and for each endpoint the cache behaviours of its
 * paths {@code /out/v1/<group>/<channel>/<endpoint>/}: one per manifest kind its container can have, with the
 * manifest cache policy, then the endpoint's other paths (segments) with the segment cache policy. With a secondary
 * Region, the second group's origin beside the first and an origin group of the two, media-quality-based, which the
 * endpoints' behaviours target. The changes only add what is missing, or move a behaviour that still targets the
 * library's own origin ({@link DistributionChange}), so applying them never overwrites a user's setting.
 */
final class V2Layout {

  /** The prefix of the group origin's id: {@code EMP2-<group>}. */
  static final String ORIGIN_ID_PREFIX = "EMP2-";

  /**
   * CloudFront's quota of query strings in one cache policy's key (CloudFront Developer Guide, quotas: "Query strings
   * per cache policy", 10 by default): a manifest query string setting that would exceed it is refused when the
   * settings are built, before any call ({@link #queryStringProblems}).
   */
  static final int MAX_QUERY_STRINGS_PER_CACHE_POLICY = 10;

  /** The longest query string name CloudFront takes in a cache key (quotas: "Query string name", 128 characters). */
  static final int MAX_QUERY_STRING_NAME_LENGTH = 128;

  /**
   * Whether the library's behaviours compress: yes, for manifests (CloudFront compresses
   * {@code application/vnd.apple.mpegurl}, {@code application/x-mpegurl} and {@code application/dash+xml}) and segments
   * (the MediaTailor guide's recommendation for MediaPackage segments; CloudFront compresses no video type, so it costs
   * nothing there). Compression needs {@code Compress} on the behaviour and gzip and brotli in its cache policy.
   */
  static final boolean COMPRESS = true;

  /** The suffix of the origin group's id: {@code EMP2-<group>-mqar} (media quality-aware resiliency). */
  static final String ORIGIN_GROUP_ID_SUFFIX = "-mqar";

  /**
   * The primary's status codes on which the origin group asks the secondary: 404 (what MediaPackage answers for an
   * endpoint it forces into error) and the 5xx CloudFront allows. UNCONFIRMED: AWS names no set for MediaPackage v2;
   * this is the one place to change it.
   */
  static final List<Integer> FAILOVER_STATUS_CODES = List.of(404, 500, 502, 503, 504);

  private static final String SMOOTH_MANIFEST_PATTERN = "*.ism/Manifest";

  /** The file name, without its suffix, of the segment whose routing is checked beside the manifests'. */
  private static final String SEGMENT_SAMPLE = "segment_1";

  /**
   * The longest path pattern of a cache behaviour CloudFront accepts. UNCONFIRMED: neither the API model nor the
   * quotas page states it; 255 is the limit remembered from the Developer Guide. The one place to change it.
   */
  static final int MAX_PATH_PATTERN_LENGTH = 255;

  private V2Layout() {}

  /**
   * The ids a v2 distribution's origin and behaviours name, and the library's earlier cache policies (those of its
   * names, {@link ChannelCdnV2#MANIFEST_CACHE_POLICY_NAME}{@code -...}, that the settings no longer want): a behaviour
   * still on one of those is the library's, and moves to the current policy.
   */
  record Policies(String originAccessControlId, String manifestCachePolicyId, String segmentCachePolicyId,
      Set<String> earlierCachePolicyIds) {

    /** Keeps an unmodifiable copy. */
    Policies {
      earlierCachePolicyIds = Set.copyOf(earlierCachePolicyIds);
    }

    /** No earlier cache policy. */
    Policies(String originAccessControlId, String manifestCachePolicyId, String segmentCachePolicyId) {
      this(originAccessControlId, manifestCachePolicyId, segmentCachePolicyId, Set.of());
    }
  }

  /**
   * The library's manifest cache policy for the settings: the settings' query strings, no header, no cookie, gzip and
   * brotli, origin Cache-Control honoured within the settings' TTLs (min 0 by default). Its name is {@link ChannelCdnV2#MANIFEST_CACHE_POLICY_NAME}, then
   * {@code -} and 8 hex digits of these settings ({@link #versioned}).
   */
  static CachePolicyConfig manifestPolicy(V2CdnSettings settings) {
    return versioned(new CachePolicyConfig(ChannelCdnV2.MANIFEST_CACHE_POLICY_NAME, "MediaPackage v2 manifests"
        + " (mediapackage-cdn): cache key " + String.join(", ", settings.manifestQueryStrings()) + "; origin"
        + " Cache-Control honoured", settings.manifestMinTtlSeconds(), settings.manifestDefaultTtlSeconds(),
        settings.manifestMaxTtlSeconds(), settings.manifestQueryStrings()).withCompression(COMPRESS));
  }

  /**
   * The library's segment cache policy: no query string ({@code m} is v1's), no header, no cookie, gzip and brotli,
   * origin Cache-Control honoured within the settings' TTLs (min 0 by default); named as {@link #manifestPolicy}'s,
   * after {@link ChannelCdnV2#SEGMENT_CACHE_POLICY_NAME}.
   */
  static CachePolicyConfig segmentPolicy(V2CdnSettings settings) {
    return versioned(new CachePolicyConfig(ChannelCdnV2.SEGMENT_CACHE_POLICY_NAME, "MediaPackage v2 segments"
        + " (mediapackage-cdn): no query string in the cache key; origin Cache-Control honoured",
        settings.segmentMinTtlSeconds(), settings.segmentDefaultTtlSeconds(), settings.segmentMaxTtlSeconds(),
        List.of()).withCompression(COMPRESS));
  }

  /**
   * {@code config} named {@code <its name>-<8 hex digits>}, the start of the SHA-256 of its settings (TTLs and cache
   * key, names in any order): the name of a policy says what it holds, so a library version or a setting that changes
   * a policy gives it a new name, never changing the one other distributions use, and what is found by a name can be
   * checked against it.
   */
  static CachePolicyConfig versioned(CachePolicyConfig config) {
    String settings = config.minTtl() + "|" + config.defaultTtl() + "|" + config.maxTtl() + "|"
        + config.queryStringBehavior() + config.queryStrings().stream().sorted().toList() + "|"
        + config.headerBehavior() + config.headers().stream().sorted().toList() + "|"
        + config.cookieBehavior() + config.cookies().stream().sorted().toList() + "|" + config.gzip() + "|"
        + config.brotli();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8));
      String version = HexFormat.of().formatHex(digest, 0, 4);
      return new CachePolicyConfig(config.name() + "-" + version, config.comment(), config.minTtl(),
          config.defaultTtl(), config.maxTtl(), config.queryStrings(), config.queryStringBehavior(),
          config.headerBehavior(), config.headers(), config.cookieBehavior(), config.cookies(), config.gzip(),
          config.brotli());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Whether {@code name} is one the library gives its cache policies, of this version or an earlier one. */
  static boolean isLibraryCachePolicy(String name) {
    return name.startsWith(ChannelCdnV2.MANIFEST_CACHE_POLICY_NAME)
        || name.startsWith(ChannelCdnV2.SEGMENT_CACHE_POLICY_NAME);
  }

  /**
   * The problems of a manifest query string setting: an extra name empty or longer than
   * {@value #MAX_QUERY_STRING_NAME_LENGTH} characters, and more than {@value #MAX_QUERY_STRINGS_PER_CACHE_POLICY} query
   * strings in the cache policy (CloudFront's quota of query strings per cache policy).
   *
   * @param extra the query strings the user adds
   * @param total how many the manifest cache policy would hold
   */
  static List<String> queryStringProblems(List<String> extra, int total) {
    List<String> problems = new ArrayList<>();
    for (String name : extra) {
      if (name == null || name.isEmpty() || name.length() > MAX_QUERY_STRING_NAME_LENGTH) {
        problems.add("a cache key query string name has 1 to " + MAX_QUERY_STRING_NAME_LENGTH + " characters: '"
            + name + "'");
      }
    }
    if (total > MAX_QUERY_STRINGS_PER_CACHE_POLICY) {
      problems.add("the manifest cache policy would key on " + total + " query strings; CloudFront allows "
          + MAX_QUERY_STRINGS_PER_CACHE_POLICY + " per cache policy (quota 'Query strings per cache policy'): keep"
          + " fewer extra manifest query strings");
    }
    return problems;
  }

  /** The id of the group's origin. */
  static String originId(String group) {
    return ORIGIN_ID_PREFIX + group;
  }

  /** The id of the secondary Region's group origin: {@code EMP2-<group>-<Region of the group's ARN>}. */
  static String secondaryOriginId(ChannelGroup secondary) {
    String[] arn = secondary.arn().split(":", -1);
    String region = arn.length > 3 && !arn[3].isEmpty() ? arn[3] : "secondary";
    return originId(secondary.name()) + "-" + region;
  }

  /** The id of the origin group of the two Regions' origins. */
  static String originGroupId(String group) {
    return originId(group) + ORIGIN_GROUP_ID_SUFFIX;
  }

  /** The origin group: the primary's origin first, the secondary's, {@code media-quality-based}. */
  static OriginGroup originGroup(String group, String secondaryOriginId) {
    return OriginGroup.builder()
        .id(originGroupId(group))
        .primaryOriginId(originId(group))
        .secondaryOriginId(secondaryOriginId)
        .failoverStatusCodes(FAILOVER_STATUS_CODES)
        .selectionCriteria(OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED)
        .build();
  }

  /** The group's origin: its egress domain, HTTPS only, the settings' TLS versions, the origin access control. */
  static Origin origin(ChannelGroup group, String originAccessControlId, CdnSettings settings) {
    return origin(group, originAccessControlId, settings, V2CdnSettings.defaults());
  }

  /** As {@link #origin(ChannelGroup, String, CdnSettings)}, with the v2 settings' timeouts and Origin Shield. */
  static Origin origin(ChannelGroup group, String originAccessControlId, CdnSettings settings,
      V2CdnSettings v2) {
    return origin(originId(group.name()), group, originAccessControlId, settings, v2);
  }

  static Origin origin(String id, ChannelGroup group, String originAccessControlId,
      CdnSettings settings, V2CdnSettings v2) {
    return Origin.builder()
        .id(id)
        .domainName(group.egressDomain())
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .sslProtocols(settings.originSslProtocols())
        .originAccessControlId(originAccessControlId)
        .connectionTimeoutSeconds(v2.connectionTimeoutSeconds())
        .readTimeoutSeconds(v2.readTimeoutSeconds())
        .keepAliveTimeoutSeconds(v2.keepAliveTimeoutSeconds())
        .responseCompletionTimeoutSeconds(v2.responseCompletionTimeoutSeconds())
        .originShieldRegion(v2.originShieldRegion())
        .build();
  }

  /** The distribution created when a channel is saved: the group's origin, the default behaviour on it. */
  static DistributionConfig newDistribution(ChannelGroup group, String callerReference, String comment,
      Policies policies, CdnSettings settings) {
    return newDistribution(group, callerReference, comment, policies, settings, V2CdnSettings.defaults());
  }

  /** As the other {@code newDistribution}, its origin with the v2 settings' timeouts and Origin Shield. */
  static DistributionConfig newDistribution(ChannelGroup group, String callerReference, String comment,
      Policies policies, CdnSettings settings, V2CdnSettings v2) {
    Origin origin = origin(group, policies.originAccessControlId(), settings, v2);
    return settings.newDistribution(callerReference, comment)
        .addOrigins(origin)
        .defaultBehavior(behavior(CacheBehavior.DEFAULT_PATH_PATTERN, origin.id(), policies.segmentCachePolicyId(),
            false, v2))
        .build();
  }

  /** The distribution's comment: the settings' format with {@code <group>/<channel>}, cut to 128 characters. */
  static String defaultComment(V2ChannelId channel, CdnSettings settings) {
    return settings.distributionComment(channel.toString());
  }

  /** The new distribution's tags: the user's, and the link tag whose value is the channel ARN. */
  static Map<String, String> tags(String channelArn, Map<String, String> extraTags, CdnSettings settings) {
    return LinkTags.newDistributionTags(channelArn, extraTags, settings);
  }

  /**
   * The first CallerReference of a channel's distribution, derived from the channel ARN as v1 derives it (the engine's
   * {@code DistributionCreation} walks the later generations), so that two saves of one channel cannot create two
   * distributions.
   */
  static String callerReference(String channelArn) {
    return CallerReferences.of(channelArn, 0);
  }

  /**
   * The path patterns of the endpoint's manifests, one per manifest kind its container can have (so a manifest
   * added later is already routed, and always before the endpoint's catch-all): TS {@code *.m3u8}; CMAF
   * {@code *.m3u8}, {@code *.mpd}; ISM {@code *.ism/Manifest}.
   */
  static List<String> manifestPatterns(V2Endpoint endpoint) {
    return manifestPatterns(endpoint.id(), endpoint.containerType());
  }

  private static List<String> manifestPatterns(V2EndpointId id, ContainerType container) {
    String prefix = id.pathPrefix();
    List<String> patterns = new ArrayList<>();
    if (container != ContainerType.ISM) {
      patterns.add(prefix + "*.m3u8");
    }
    if (container == ContainerType.CMAF) {
      patterns.add(prefix + "*.mpd");
    }
    if (container == ContainerType.ISM) {
      patterns.add(prefix + SMOOTH_MANIFEST_PATTERN);
    }
    return patterns;
  }

  /**
   * The problem of an endpoint whose longest path pattern CloudFront would refuse (longer than
   * {@value #MAX_PATH_PATTERN_LENGTH} characters), if it has one; checked before any call.
   */
  static Optional<String> pathPatternProblem(V2EndpointId id, ContainerType container) {
    String longest = pathPatterns(id, container).stream().max(Comparator.comparingInt(String::length)).orElseThrow();
    return longest.length() <= MAX_PATH_PATTERN_LENGTH ? Optional.empty()
        : Optional.of("endpoint " + id + " needs the path pattern " + longest.substring(0, 40) + "… of "
            + longest.length() + " characters; CloudFront allows " + MAX_PATH_PATTERN_LENGTH + ": shorten the group,"
            + " channel or endpoint name");
  }

  /** The path pattern of the endpoint's other paths (segments): {@code /out/v1/<group>/<channel>/<endpoint>/*}. */
  static String segmentPattern(V2Endpoint endpoint) {
    return segmentPattern(endpoint.id());
  }

  private static String segmentPattern(V2EndpointId id) {
    return id.pathPrefix() + "*";
  }

  /** Every path pattern of the endpoint, in the behaviours' order: its manifests', then its segments'. */
  private static List<String> pathPatterns(V2EndpointId id, ContainerType container) {
    List<String> patterns = new ArrayList<>(manifestPatterns(id, container));
    patterns.add(segmentPattern(id));
    return patterns;
  }

  /** The endpoint's behaviours, in order: manifests first, then the segments. */
  static List<CacheBehavior> behaviors(V2Endpoint endpoint, String originId, Policies policies) {
    return behaviors(endpoint, originId, policies, V2CdnSettings.defaults());
  }

  /** As the other {@code behaviors}, with the v2 settings' response headers policy, if any. */
  static List<CacheBehavior> behaviors(V2Endpoint endpoint, String originId, Policies policies, V2CdnSettings v2) {
    List<CacheBehavior> behaviors = new ArrayList<>();
    boolean smooth = endpoint.containerType() == ContainerType.ISM; // as v1's *.ism/* behaviour
    manifestPatterns(endpoint)
        .forEach(p -> behaviors.add(behavior(p, originId, policies.manifestCachePolicyId(), smooth, v2)));
    behaviors.add(behavior(segmentPattern(endpoint), originId, policies.segmentCachePolicyId(), smooth, v2));
    return behaviors;
  }

  /**
   * What the distribution lacks for the endpoints: the group's origin, the CDN identifier header
   * ({@value ChannelCdnV2#CDN_IDENTIFIER_HEADER}) when an endpoint uses CDN authorization, and each endpoint's
   * behaviours; with a {@code secondary} group, its origin (with the same header), the origin group of the two, and
   * the endpoints' behaviours on the group, a behaviour still on the primary's origin moved to it. Empty when it has
   * everything.
   *
   * @throws ResourceConflictException ({@code CDN_IDENTIFIER_MISMATCH}) when an origin already sends another
   *     identifier
   */
  static ChangeSet changesFor(DistributionConfig config, ChannelGroup group, Optional<ChannelGroup> secondary,
      List<V2Endpoint> endpoints, Policies policies, Optional<CdnIdentifier> identifier, CdnSettings settings) {
    return changesFor(config, group, secondary, endpoints, policies, identifier, settings, V2CdnSettings.defaults());
  }

  /**
   * As the other {@code changesFor}, an origin it adds with the v2 settings' timeouts and Origin Shield; a library
   * origin that exists is given each of those settings that is set and that it lacks, one left unset never touching it.
   */
  static ChangeSet changesFor(DistributionConfig config, ChannelGroup group, Optional<ChannelGroup> secondary,
      List<V2Endpoint> endpoints, Policies policies, Optional<CdnIdentifier> identifier, CdnSettings settings,
      V2CdnSettings v2) {
    List<Origin> origins = new ArrayList<>();
    origins.add(origin(group, policies.originAccessControlId(), settings, v2));
    secondary.ifPresent(second -> origins.add(
        origin(secondaryOriginId(second), second, policies.originAccessControlId(), settings, v2)));
    List<DistributionChange> changes = new ArrayList<>();
    DistributionChange.OriginSettings given = originSettings(v2);
    for (Origin origin : origins) {
      Optional<Origin> existing = config.origin(origin.id());
      if (existing.isEmpty()) {
        changes.add(new DistributionChange.AddOrigin(origin));
      } else if (!given.isEmpty() && !given.heldBy(originSettings(existing.get()))) {
        refuseCompletionBelowRead(existing.get(), given);
        changes.add(new DistributionChange.UseOriginSettings(origin.id(), given));
      }
      identifier.ifPresent(id -> identifierHeader(config, origin.id(), id).ifPresent(changes::add));
    }
    String primaryId = origins.get(0).id();
    String target = primaryId;
    if (secondary.isPresent()) {
      OriginGroup originGroup = originGroup(group.name(), origins.get(1).id());
      target = originGroup.id();
      if (config.originGroup(target).isEmpty()) {
        changes.add(new DistributionChange.AddOriginGroup(originGroup));
      }
    }
    Set<String> earlier = policies.earlierCachePolicyIds();
    Set<String> library = libraryCachePolicyIds(policies);
    for (V2Endpoint endpoint : endpoints) {
      for (CacheBehavior behavior : behaviors(endpoint, target, policies, v2)) {
        Optional<CacheBehavior> existing = config.behavior(behavior.pathPattern());
        if (existing.isEmpty()) {
          changes.add(new DistributionChange.AddCacheBehavior(behavior));
          continue;
        }
        String on = existing.get().targetOriginId();
        if (!target.equals(primaryId) && on.equals(primaryId)) {
          changes.add(new DistributionChange.RetargetCacheBehavior(behavior.pathPattern(), primaryId, target));
          on = target;
        }
        // on the library's origin with one of its earlier cache policies: made by the library, left as it made it
        if (on.equals(target) && existing.get().cachePolicyId().filter(earlier::contains).isPresent()) {
          changes.add(new DistributionChange.UseCachePolicy(behavior.pathPattern(), target, earlier,
              behavior.cachePolicyId().orElseThrow(), COMPRESS));
        }
        if (on.equals(target) && ownedWithoutResponseHeaders(existing.get(), library, v2)) {
          changes.add(new DistributionChange.UseResponseHeadersPolicy(behavior.pathPattern(), target, library,
              v2.responseHeadersPolicyId().orElseThrow()));
        }
      }
    }
    String defaultTarget = config.defaultBehavior().targetOriginId();
    if (defaultTarget.equals(primaryId) && config.defaultBehavior().cachePolicyId().filter(earlier::contains)
        .isPresent()) {
      changes.add(new DistributionChange.UseDefaultCachePolicy(primaryId, earlier, policies.segmentCachePolicyId(),
          COMPRESS));
    }
    if (defaultTarget.equals(primaryId) && ownedWithoutResponseHeaders(config.defaultBehavior(), library, v2)) {
      changes.add(new DistributionChange.UseDefaultResponseHeadersPolicy(primaryId, library,
          v2.responseHeadersPolicyId().orElseThrow()));
    }
    return ChangeSet.of(changes);
  }

  /** The origin settings the v2 settings give (each unset one empty): the library's origins converge to them. */
  private static DistributionChange.OriginSettings originSettings(V2CdnSettings v2) {
    return new DistributionChange.OriginSettings(v2.connectionTimeoutSeconds(), v2.readTimeoutSeconds(),
        v2.keepAliveTimeoutSeconds(), v2.responseCompletionTimeoutSeconds(), v2.originShieldRegion());
  }

  /**
   * Refuses, before any call, a response completion timeout below the read timeout the existing origin keeps (one the
   * settings do not give): CloudFront would refuse the update.
   */
  private static void refuseCompletionBelowRead(Origin origin, DistributionChange.OriginSettings given) {
    int read = given.readTimeoutSeconds().or(origin::readTimeoutSeconds)
        .orElse(V2CdnSettings.DEFAULT_READ_TIMEOUT_SECONDS);
    given.responseCompletionTimeoutSeconds().filter(seconds -> seconds < read).ifPresent(seconds -> {
      throw new ValidationException("response completion timeout " + seconds + " s: origin " + origin.id()
          + " keeps its read timeout of " + read + " s, and CloudFront needs the response completion timeout at least"
          + " that: give segmentDurationSeconds too, or a longer response completion timeout");
    });
  }

  private static DistributionChange.OriginSettings originSettings(Origin origin) {
    return new DistributionChange.OriginSettings(origin.connectionTimeoutSeconds(), origin.readTimeoutSeconds(),
        origin.keepAliveTimeoutSeconds(), origin.responseCompletionTimeoutSeconds(), origin.originShieldRegion());
  }

  /** The library's cache policies: the current manifest and segment ones, and its earlier ones. */
  private static Set<String> libraryCachePolicyIds(Policies policies) {
    Set<String> library = new java.util.LinkedHashSet<>(policies.earlierCachePolicyIds());
    library.add(policies.manifestCachePolicyId());
    library.add(policies.segmentCachePolicyId());
    return library;
  }

  /**
   * Whether the settings name a response headers policy that {@code behavior}, one of the library's (on its target,
   * checked by the caller, with one of its cache policies), does not have: none yet, or another one, which an earlier
   * setting gave it. The library's behaviours follow the setting given, as its origins do; unset, it touches none.
   */
  private static boolean ownedWithoutResponseHeaders(CacheBehavior behavior, Set<String> library, V2CdnSettings v2) {
    return v2.responseHeadersPolicyId().isPresent()
        && !behavior.responseHeadersPolicyId().equals(v2.responseHeadersPolicyId())
        && behavior.cachePolicyId().filter(library::contains).isPresent();
  }

  /** The header the origin lacks for the identifier, if it lacks it. */
  private static Optional<DistributionChange> identifierHeader(DistributionConfig config, String originId,
      CdnIdentifier identifier) {
    Optional<String> sent = sentIdentifier(config, originId);
    if (sent.isPresent() && !same(sent.get(), identifier)) {
      throw mismatch(originId, List.of());
    }
    return sent.isPresent() ? Optional.empty() : Optional.of(new DistributionChange.AddOriginHeader(originId,
        ChannelCdnV2.CDN_IDENTIFIER_HEADER, identifier.reveal()));
  }

  /** The ids of the library's origins for the group: its own, and with a secondary Region, the second group's. */
  static List<String> originIds(ChannelGroup group, Optional<ChannelGroup> secondary) {
    List<String> ids = new ArrayList<>();
    ids.add(originId(group.name()));
    secondary.ifPresent(second -> ids.add(secondaryOriginId(second)));
    return ids;
  }

  /**
   * Refuses CDN authorization the origins could not serve, so that nothing is written for it: when endpoints
   * {@code authorized} use CDN authorization, an origin that already sends another identifier than {@code identifier}
   * ({@code CDN_IDENTIFIER_MISMATCH}: CloudFront would keep sending the old one), or, with no identifier known, an
   * origin that sends none or does not exist yet (MediaPackage would answer 403 to every request). An origin that
   * already sends an identifier is trusted when none is known: only MediaPackage knows whether it matches.
   *
   * @param originIds the library's origins that serve the endpoints ({@link #originIds})
   * @param authorized the names of the endpoints that use CDN authorization
   * @throws ValidationException when no identifier is known and an origin sends none
   * @throws ResourceConflictException ({@code CDN_IDENTIFIER_MISMATCH}) when an origin sends another identifier
   */
  static void refuseUnservedAuthorization(DistributionConfig config, List<String> originIds,
      Optional<CdnIdentifier> identifier, List<String> authorized) {
    if (authorized.isEmpty()) {
      return;
    }
    List<String> sendingNone = new ArrayList<>();
    for (String originId : originIds) {
      Optional<String> sent = sentIdentifier(config, originId);
      if (sent.isPresent() && identifier.isPresent() && !same(sent.get(), identifier.get())) {
        throw mismatch(originId, authorized);
      }
      if (sent.isEmpty() && identifier.isEmpty()) {
        sendingNone.add(originId);
      }
    }
    if (!sendingNone.isEmpty()) {
      throw new ValidationException("endpoints " + authorized + " use CDN authorization, but no CDN identifier is"
          + " known and origins " + sendingNone + " send no " + ChannelCdnV2.CDN_IDENTIFIER_HEADER + ", so"
          + " MediaPackage would answer 403 to every request: give the identifier the secrets hold (under the JSON key"
          + " MediaPackageV2CDNIdentifier) in V2EndpointSpec.cdnIdentifier or ChannelCdnV2.Builder.cdnIdentifiers");
    }
  }

  /** The CDN identifier the origin sends MediaPackage v2, if it exists and sends one. */
  private static Optional<String> sentIdentifier(DistributionConfig config, String originId) {
    return config.origin(originId).flatMap(o -> o.customHeaders().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(ChannelCdnV2.CDN_IDENTIFIER_HEADER))
        .map(Map.Entry::getValue).findFirst());
  }

  /** Compares a sent header value with an identifier in constant time. */
  private static boolean same(String sent, CdnIdentifier identifier) {
    return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        identifier.reveal().getBytes(StandardCharsets.UTF_8));
  }

  private static ResourceConflictException mismatch(String originId, List<String> endpoints) {
    return new ResourceConflictException("origin " + originId + " already sends another "
        + ChannelCdnV2.CDN_IDENTIFIER_HEADER + " value" + (endpoints.isEmpty() ? "" : " than the CDN identifier of"
        + " endpoints " + endpoints) + "; CloudFront would keep sending the old one and MediaPackage would answer 403."
        + " The library does not rotate identifiers: give the identifier the origin sends, or change the header in"
        + " CloudFront first", ResourceConflictException.Reason.CDN_IDENTIFIER_MISMATCH, originId);
  }

  /**
   * The URLs a player of the endpoint requests, on the group's egress domain: every manifest's, and a segment's beside
   * them (a sample of the paths the segment behaviour serves). Empty when a manifest has no URL.
   */
  static List<String> playerUrls(V2Endpoint endpoint) {
    List<String> urls = endpoint.manifests().stream().map(Manifest::url).toList();
    if (urls.isEmpty() || urls.stream().anyMatch(String::isEmpty)) {
      return List.of();
    }
    List<String> all = new ArrayList<>(urls);
    all.add("https://" + URI.create(urls.get(0)).getHost() + endpoint.id().pathPrefix() + SEGMENT_SAMPLE
        + switch (endpoint.containerType()) {
          case TS -> ".ts";
          case CMAF -> ".mp4";
          case ISM -> ".ismv";
        });
    return all;
  }

  /**
   * {@link Routing#notServed} of v2 endpoints, each by its name within its channel.
   */
  static Map<OriginEndpointId, String> notServed(List<V2Endpoint> endpoints,
      Function<V2Endpoint, Optional<String>> why) {
    return Routing.notServed(endpoints, endpoint -> OriginEndpointId.of(endpoint.id().endpoint()), why);
  }

  /**
   * Why CloudFront would not bring a player's requests for the endpoint (its manifests and its segments) to it, by
   * CloudFront's own routing ({@link Routing}: the first matching behaviour, the default last, an origin group's
   * primary member, an origin access control to sign them), if it would not.
   */
  static Optional<String> whyNotServed(DistributionConfig config, V2Endpoint endpoint) {
    return whyNotServed(config, endpoint, Optional.empty());
  }

  /**
   * {@link #whyNotServed(DistributionConfig, V2Endpoint)}, the origin also sending {@code header} when given (the CDN
   * identifier header of an endpoint that uses CDN authorization).
   */
  static Optional<String> whyNotServed(DistributionConfig config, V2Endpoint endpoint, Optional<String> header) {
    List<String> urls = playerUrls(endpoint);
    if (urls.isEmpty()) {
      return Optional.of("endpoint " + endpoint.id() + (endpoint.manifests().isEmpty() ? " has no manifest to serve"
          : " has a manifest whose URL MediaPackage did not give; read it again"));
    }
    Routing.Requirements requirements = new Routing.Requirements(header, true);
    return urls.stream()
        .flatMap(url -> Routing.whyNotRouted(config, url, endpoint.id().toString(), requirements).stream())
        .findFirst();
  }

  /**
   * Why CloudFront would not send a player's requests for the endpoint to the {@code secondary} Region as well, if it
   * would not: the behaviour each request takes ({@link Routing#route}) must target the media-quality-based origin
   * group of the two Regions ({@link #originGroup}), whose second member is the secondary Region's group's origin.
   */
  static Optional<String> whyNotFromBothRegions(DistributionConfig config, V2Endpoint endpoint,
      ChannelGroup secondary) {
    String secondId = secondaryOriginId(secondary);
    String groupId = originGroupId(endpoint.id().group());
    for (String url : playerUrls(endpoint)) {
      String path = URI.create(url).getRawPath();
      CacheBehavior behavior = Routing.route(config, path);
      boolean both = config.originGroup(behavior.targetOriginId())
          .filter(g -> g.selectionCriteria() == OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED)
          .filter(g -> g.secondaryOriginId().equals(secondId))
          .flatMap(g -> config.origin(secondId))
          .filter(o -> o.domainName().equalsIgnoreCase(secondary.egressDomain())).isPresent();
      if (!both) {
        String which = behavior == config.defaultBehavior() ? "the default cache behaviour"
            : "cache behaviour '" + behavior.pathPattern() + "'";
        return Optional.of(which + " sends " + path + " to '" + behavior.targetOriginId() + "', not to the"
            + " media-quality-based origin group '" + groupId + "' of both Regions (its second origin '" + secondId
            + "' on " + secondary.egressDomain() + "), so the secondary Region would never serve endpoint "
            + endpoint.id());
      }
    }
    return Optional.empty();
  }

  static CacheBehavior behavior(String pathPattern, String originId, String cachePolicyId, boolean smooth,
      V2CdnSettings v2) {
    return Routing.behavior(pathPattern, originId, cachePolicyId)
        .compress(COMPRESS)
        .smoothStreaming(smooth)
        .responseHeadersPolicyId(v2.responseHeadersPolicyId())
        .build();
  }
}
