package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.Routing;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CallerReferences;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The distribution layout rules, as pure functions: the distribution created when a channel is saved, and the changes
 * that give it the channel's one origin and the live-streaming cache behaviours of its endpoints.
 *
 * <p>Every rule is an idempotent merge: for a distribution that already has what the channel's endpoints need,
 * {@link #changesFor} answers an empty change set, and no update is sent.
 */
final class DistributionLayout {

  /** The order the library's behaviours are added in; each pattern once, whatever formats share it. */
  private static final List<String> PATTERN_ORDER = List.of("*.m3u8", "*.ts", "*.mpd", "*.mp4", "*.ism/*");

  private static final String SMOOTH_STREAMING_PATTERN = "*.ism/*";
  private static final String ORIGIN_ID_PREFIX = "EMP-";

  private DistributionLayout() {}

  /**
   * The distribution created when a channel is saved, with the default comment (the settings' format, cut to 128
   * characters): its endpoints are not known yet, so it gets CloudFront's required origin and default behaviour as
   * placeholder values.
   */
  static DistributionConfig newDistribution(
      ChannelId channelId, String callerReference, CdnSettings settings, LiveCdnSettings layout) {
    return newDistribution(channelId, callerReference, defaultComment(channelId, settings), settings, layout);
  }

  /** The distribution created when a channel is saved, as {@link #newDistribution(ChannelId, String,
   * CdnSettings, LiveCdnSettings)}, with the comment given. */
  static DistributionConfig newDistribution(
      ChannelId channelId, String callerReference, String comment, CdnSettings settings, LiveCdnSettings layout) {
    Origin placeholder = Origin.builder()
        .id(layout.placeholderOriginId())
        .domainName(layout.placeholderOriginDomain())
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .sslProtocols(settings.originSslProtocols())
        .build();
    return settings.newDistribution(callerReference, comment)
        .addOrigins(placeholder)
        .defaultBehavior(behavior(CacheBehavior.DEFAULT_PATH_PATTERN, placeholder.id(), layout))
        .build();
  }

  /** The distribution's comment for a channel: {@link CdnSettings#distributionComment}. */
  static String defaultComment(ChannelId channelId, CdnSettings settings) {
    return settings.distributionComment(channelId.value());
  }

  /** The tags of a new distribution: the link tag, whose value is the channel ARN, and the user's extra tags. */
  static Map<String, String> tags(Channel channel, Map<String, String> extraTags, CdnSettings settings) {
    return LinkTags.newDistributionTags(channel.arn().value(), extraTags, settings);
  }

  /**
   * The CallerReference of a channel's distribution: derived from the channel ARN, so that two instances saving the
   * same channel at once cannot create two distributions, plus a generation for a reference taken by a distribution
   * that is no longer linked.
   */
  static String callerReference(ChannelArn arn, int generation) {
    return CallerReferences.of(arn.value(), generation);
  }

  /** The id of the channel origin for an egress host: {@code EMP-} and the host's first label. */
  static String channelOriginId(String host) {
    int dot = host.indexOf('.');
    return ORIGIN_ID_PREFIX + (dot < 0 ? host : host.substring(0, dot));
  }

  /**
   * The changes that give {@code current} what the channel's endpoints need: the one channel origin (a custom origin
   * on the endpoints' egress host with an empty origin path, added with a free id when there is none, whatever
   * origins a user made; with the CDN identifier header when an endpoint uses CDN authorization), a cache behaviour
   * for every path pattern of every packaging format present (of every live format with
   * {@link LiveCdnSettings.BehaviorLayout#ALL_LIVE_FORMATS}), the default behaviour moved off the placeholder while it
   * still targets it, and the placeholder origin removed once nothing targets it. Nothing that exists is changed.
   *
   * @param identifiers the CDN identifier of an endpoint that uses CDN authorization, when known
   * @throws InvalidRequestException when the endpoints use more than one egress host (one origin serves them all)
   * @throws ValidationException when an endpoint uses CDN authorization and its identifier is needed but unknown, or
   *     two endpoints need different identifiers
   * @throws ResourceConflictException ({@code CDN_IDENTIFIER_MISMATCH}) when the channel origin already sends a CDN
   *     identifier other than an endpoint's known one
   */
  static ChangeSet changesFor(
      DistributionConfig current,
      List<OriginEndpoint> endpoints,
      CdnSettings settings,
      LiveCdnSettings layout,
      Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers) {
    Set<String> hosts = endpoints.stream()
        .map(OriginEndpoint::host)
        .flatMap(Optional::stream)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (hosts.isEmpty()) {
      return ChangeSet.empty();
    }
    if (hosts.size() > 1) {
      throw new InvalidRequestException("the endpoints use the egress hosts " + hosts
          + ", but one origin serves every endpoint of a channel");
    }
    String host = hosts.iterator().next();
    List<DistributionChange> changes = new ArrayList<>();

    Origin existing = channelOrigin(current, host).orElse(null);
    String originId = existing == null ? freeOriginId(current, host) : existing.id();
    if (existing == null) {
      changes.add(new DistributionChange.AddOrigin(Origin.builder()
          .id(originId)
          .domainName(host)
          .protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
          .sslProtocols(settings.originSslProtocols())
          .build()));
    }
    Optional<String> sent = existing == null ? Optional.empty() : sentIdentifier(existing);
    if (sent.isPresent()) {
      refuseOtherIdentifiers(originId, sent.get(), endpoints, identifiers);
    } else {
      cdnIdentifier(endpoints, identifiers).ifPresent(identifier -> changes.add(
          new DistributionChange.AddOriginHeader(originId, LiveCdnSettings.CDN_IDENTIFIER_HEADER, identifier.reveal())));
    }

    Set<String> needed = neededPatterns(endpoints, layout.behaviorLayout());
    for (String pattern : PATTERN_ORDER) {
      if (needed.contains(pattern) && current.behavior(pattern).isEmpty()) {
        changes.add(new DistributionChange.AddCacheBehavior(behavior(pattern, originId, layout)));
      }
    }

    if (current.defaultBehavior().targetOriginId().equals(layout.placeholderOriginId())) {
      changes.add(new DistributionChange.RetargetDefaultBehavior(layout.placeholderOriginId(), originId));
    }
    DistributionConfig after = ChangeSet.of(changes).applyTo(current);
    if (after.origin(layout.placeholderOriginId()).isPresent() && !after.targets(layout.placeholderOriginId())) {
      changes.add(new DistributionChange.RemoveOrigin(layout.placeholderOriginId()));
    }
    return ChangeSet.of(changes);
  }

  /**
   * The path patterns the endpoints need behaviours for: those of the formats of the endpoints that have a URL, or,
   * with {@link LiveCdnSettings.BehaviorLayout#ALL_LIVE_FORMATS}, those of every format as soon as one endpoint has a
   * URL.
   */
  private static Set<String> neededPatterns(List<OriginEndpoint> endpoints, LiveCdnSettings.BehaviorLayout layout) {
    List<Packaging> formats = endpoints.stream().filter(e -> !e.urls().isEmpty()).map(OriginEndpoint::packaging)
        .toList();
    List<Packaging> laidOut = layout == LiveCdnSettings.BehaviorLayout.ALL_LIVE_FORMATS && !formats.isEmpty()
        ? List.of(Packaging.values()) : formats;
    return laidOut.stream().flatMap(p -> p.pathPatterns().stream()).collect(Collectors.toSet());
  }

  /**
   * The origin that serves every endpoint on {@code host}: a custom origin on that host with an empty origin path,
   * the one with the library's id ({@link #channelOriginId}) first. An origin with an origin path (as the CloudFront
   * console fills it for one endpoint, {@code /out/v1/<id>}) is never the channel origin: CloudFront would prepend
   * its path to every other endpoint's path.
   */
  static Optional<Origin> channelOrigin(DistributionConfig config, String host) {
    return config.origin(channelOriginId(host))
        .filter(o -> servesHost(o, host))
        .or(() -> config.origins().stream().filter(o -> servesHost(o, host)).findFirst());
  }

  private static boolean servesHost(Origin origin, String host) {
    return origin.domainName().equalsIgnoreCase(host) && origin.originPath().isEmpty();
  }

  /** {@code EMP-<host label>}, or when a user's origin holds that id, the first of {@code -2}, {@code -3}, ... free. */
  private static String freeOriginId(DistributionConfig config, String host) {
    String base = channelOriginId(host);
    String id = base;
    for (int n = 2; config.origin(id).isPresent(); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  /**
   * Refuses {@code identifier} for endpoints {@code endpointIds} when the channel origin on {@code host} already sends
   * another CDN identifier: CloudFront would keep sending the old one, and MediaPackage would answer 403.
   *
   * @throws ResourceConflictException ({@code CDN_IDENTIFIER_MISMATCH}) naming the origin and the endpoints, never a
   *     value
   */
  static void refuseOtherIdentifier(
      DistributionConfig config, String host, CdnIdentifier identifier, List<String> endpointIds) {
    channelOrigin(config, host).ifPresent(origin -> sentIdentifier(origin)
        .filter(sent -> !endpointIds.isEmpty() && !same(sent, identifier))
        .ifPresent(sent -> {
          throw mismatch(origin.id(), endpointIds);
        }));
  }

  private static Optional<String> sentIdentifier(Origin origin) {
    return origin.customHeaders().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(LiveCdnSettings.CDN_IDENTIFIER_HEADER))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Compares a sent header value with an identifier in constant time. */
  private static boolean same(String sent, CdnIdentifier identifier) {
    return MessageDigest.isEqual(
        sent.getBytes(StandardCharsets.UTF_8), identifier.reveal().getBytes(StandardCharsets.UTF_8));
  }

  /** The origin sends {@code sent}; an endpoint whose known identifier differs would get 403 from MediaPackage. */
  private static void refuseOtherIdentifiers(String originId, String sent, List<OriginEndpoint> endpoints,
      Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers) {
    List<String> conflicting = endpoints.stream()
        .filter(e -> e.authorization().isPresent())
        .filter(e -> identifiers.apply(e).filter(id -> !same(sent, id)).isPresent())
        .map(e -> e.id().value())
        .toList();
    if (!conflicting.isEmpty()) {
      throw mismatch(originId, conflicting);
    }
  }

  private static ResourceConflictException mismatch(String originId, List<String> endpointIds) {
    return new ResourceConflictException("the channel origin '" + originId + "' already sends a "
        + LiveCdnSettings.CDN_IDENTIFIER_HEADER + " value other than the CDN identifier of endpoints " + endpointIds
        + "; CloudFront would keep sending the old value and MediaPackage would answer 403. Give these endpoints "
        + "the identifier the origin sends, or change the origin's header in CloudFront first (the library does "
        + "not rotate identifiers)", ResourceConflictException.Reason.CDN_IDENTIFIER_MISMATCH, originId);
  }

  private static Optional<CdnIdentifier> cdnIdentifier(
      List<OriginEndpoint> endpoints, Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers) {
    List<String> missing = new ArrayList<>();
    Set<CdnIdentifier> found = new LinkedHashSet<>();
    for (OriginEndpoint endpoint : endpoints) {
      if (endpoint.authorization().isPresent()) {
        identifiers.apply(endpoint).ifPresentOrElse(found::add, () -> missing.add(endpoint.id().value()));
      }
    }
    if (!missing.isEmpty()) {
      throw new ValidationException("endpoints " + missing + " use CDN authorization: give their CDN identifier "
          + "(EndpointSpec.cdnIdentifier or ChannelCdn.Builder.cdnIdentifiers) so that CloudFront can send it");
    }
    if (found.size() > 1) {
      throw new ValidationException("the channel's endpoints use different CDN identifiers, but they share one origin "
          + "and CloudFront sends it one identifier");
    }
    return found.stream().findFirst();
  }

  private static CacheBehavior behavior(String pathPattern, String originId, LiveCdnSettings layout) {
    return Routing.behavior(pathPattern, originId, layout.cachePolicyId())
        .originRequestPolicyId(layout.originRequestPolicyId())
        .compress(false)
        .smoothStreaming(pathPattern.equals(SMOOTH_STREAMING_PATTERN))
        .build();
  }
}
