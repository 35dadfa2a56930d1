package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.EndpointDetails;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The invariants every fault and race must leave intact, checked on a fake account against the library's whole
 * claim: one distribution per channel at most; every endpoint's path patterns present and, when the library made
 * them, targeting the one channel origin with the library's settings; the default behaviour off the placeholder and
 * the placeholder removed; the CDN identifier header where an endpoint needs it; the user-owned part of every
 * configuration unchanged as a whole; and every CDN URL the library reports routed, by this class's own routing,
 * to its endpoint.
 *
 * <p>The expected values here are written out from CloudFront's guide, not taken from the production classes, so a
 * change in {@code DistributionLayout} cannot change what is checked.
 */
public final class Invariants {

  static final Origin USER_ORIGIN = Origin.builder().id("ads").domainName("ads.example.com")
      .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
  static final CacheBehavior USER_BEHAVIOR = CacheBehavior.builder().pathPattern("/ads/*").targetOriginId("ads")
      .viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY).allowedMethods(List.of("GET", "HEAD"))
      .cachedMethods(List.of("GET", "HEAD")).cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build();
  static final String USER_ALIAS = "live.example.com";

  /** The library's path patterns per format, from CloudFront's guide for MediaPackage origins. */
  static final Map<Packaging, List<String>> PATTERNS = Map.of(
      Packaging.HLS, List.of("*.m3u8", "*.ts"),
      Packaging.CMAF, List.of("*.m3u8", "*.mp4"),
      Packaging.DASH, List.of("*.mpd", "*.mp4"),
      Packaging.MSS, List.of("*.ism/*"));

  private static final String PLACEHOLDER_ORIGIN_ID = "TEMP_ORIGIN_ID/channel";
  private static final String CDN_IDENTIFIER_HEADER = "X-MediaPackage-CDNIdentifier";

  private Invariants() {}

  /** A user's edits in the CloudFront console: an origin, a behaviour and an alias the library must never touch. */
  static DistributionConfig withUserEdits(DistributionConfig config) {
    DistributionConfig.Builder edited = DistributionConfig.builder().from(config);
    if (config.origin(USER_ORIGIN.id()).isEmpty()) {
      edited.addOrigins(USER_ORIGIN).addCacheBehaviors(USER_BEHAVIOR).addAliases(USER_ALIAS);
    }
    return edited.build();
  }

  /** Adds the user's edits to every distribution of the account. */
  public static void editEveryDistribution(FakeAws aws) {
    aws.distributions().all().forEach(d -> aws.distributions().edit(d.id(), Invariants::withUserEdits));
  }

  /** Every distribution's configuration now, by id: what {@link #hold} compares the configurations after with. */
  public static Map<DistributionId, DistributionConfig> snapshot(FakeAws aws) {
    Map<DistributionId, DistributionConfig> configs = new LinkedHashMap<>();
    aws.distributions().all().forEach(d -> configs.put(d.id(), d.config()));
    return configs;
  }

  /** The distributions whose CloudFront link tag (the authority, never lagging) has the value {@code channelArn}. */
  public static List<Distribution> taggedWith(FakeAws aws, String channelArn) {
    return aws.distributions().all().stream()
        .filter(d -> channelArn.equals(aws.distributions().tagsOrEmpty(d.id()).get(CdnSettings.LINK_TAG_KEY)))
        .toList();
  }

  /** The distributions whose CloudFront tag (the authority, never lagging) links them to {@code channel}. */
  static List<Distribution> tagged(FakeAws aws, Channel channel) {
    return aws.distributions().all().stream()
        .filter(d -> channel.arn().value()
            .equals(aws.distributions().tagsOrEmpty(d.id()).get(CdnSettings.LINK_TAG_KEY)))
        .toList();
  }

  /**
   * The whole claim, for every channel of the account. {@code before}: the configurations before the work checked,
   * whose user-owned part must be unchanged. {@code cdn}: an instance whose {@code details} is checked (reported
   * distribution, routing of every reported CDN URL); null to skip it.
   */
  public static void hold(FakeAws aws, Map<DistributionId, DistributionConfig> before, ChannelCdn cdn) {
    for (Distribution distribution : aws.distributions().all()) {
      DistributionConfig was = before.get(distribution.id());
      if (was != null) {
        userOwnedPartUnchanged(distribution.id(), was, distribution.config());
      }
    }
    for (Channel channel : aws.channels().all()) {
      List<Distribution> linked = tagged(aws, channel);
      assertThat(linked).as("distributions tagged for channel %s", channel.id()).hasSizeLessThanOrEqualTo(1);
      List<OriginEndpoint> endpoints = endpointsOf(aws, channel.id());
      if (!linked.isEmpty()) {
        channelIsServed(channel, linked.get(0).config(), endpoints);
      }
      if (cdn != null) {
        ChannelDetails details = cdn.details(channel.id());
        if (details.distribution().isEmpty()) {
          assertThat(linked).as("channel %s reported without a distribution: nothing may be tagged for it",
              channel.id()).isEmpty();
        } else {
          assertThat(linked).as("channel %s: the reported distribution is the tagged one", channel.id())
              .extracting(Distribution::id).containsExactly(details.distribution().get().id());
          for (EndpointDetails endpoint : details.endpoints()) {
            routesToEndpoint(linked.get(0), endpoint);
          }
        }
      }
    }
  }

  /** The v1 endpoints ListOriginEndpoints shows for {@code channel} now; records no call, no fault applies. */
  public static List<OriginEndpoint> visibleEndpointsOf(FakeAws aws, ChannelId channel) {
    return aws.channels().visibleEndpointsOf(channel);
  }

  /** The v2 endpoints ListOriginEndpoints shows for {@code channel} now; records no call, no fault applies. */
  public static List<io.github.mediapackagecdn.core.v2.model.V2Endpoint> visibleEndpointsOf(FakeAws aws,
      io.github.mediapackagecdn.core.v2.model.V2ChannelId channel) {
    return aws.channelGroups().visibleEndpointsOf(channel);
  }

  /** The endpoints MediaPackage has for a channel, read without lag. */
  static List<OriginEndpoint> endpointsOf(FakeAws aws, ChannelId channel) {
    return aws.channels().allEndpoints().stream().filter(e -> e.channelId().equals(channel)).toList();
  }

  /**
   * A distribution serves a channel's endpoints: every path pattern of every endpoint is a behaviour; a behaviour on
   * a library pattern that targets the channel origin has the library's settings; there is one origin on the
   * endpoints' host and it has the library's settings when the library made it; the default behaviour is off the
   * placeholder and the placeholder origin is gone; the CDN identifier header is sent when an endpoint needs it.
   */
  public static void channelIsServed(Channel channel, DistributionConfig config, List<OriginEndpoint> endpoints) {
    List<OriginEndpoint> withUrls = endpoints.stream().filter(e -> e.host().isPresent()).toList();
    if (withUrls.isEmpty()) {
      return;
    }
    String host = withUrls.get(0).host().orElseThrow();
    List<Origin> onHost = config.origins().stream().filter(o -> o.domainName().equalsIgnoreCase(host)).toList();
    assertThat(onHost).as("channel %s: origins on the endpoints' host %s", channel.id(), host).hasSize(1);
    Origin channelOrigin = onHost.get(0);
    String libraryOriginId = "EMP-" + host.substring(0, host.indexOf('.'));
    if (channelOrigin.id().equals(libraryOriginId)) {
      assertThat(channelOrigin.originPath()).as("channel origin path").isEmpty();
      assertThat(channelOrigin.protocolPolicy()).as("channel origin protocol").contains(ProtocolPolicy.HTTPS_ONLY);
      assertThat(channelOrigin.sslProtocols()).as("channel origin TLS").containsExactly("TLSv1.2");
    }
    if (withUrls.stream().anyMatch(e -> e.authorization().isPresent())) {
      assertThat(channelOrigin.customHeaders().keySet()).as("channel %s: CDN identifier header", channel.id())
          .anyMatch(CDN_IDENTIFIER_HEADER::equalsIgnoreCase);
    }
    for (OriginEndpoint endpoint : withUrls) {
      for (String pattern : PATTERNS.get(endpoint.packaging())) {
        Optional<CacheBehavior> behavior = config.behavior(pattern);
        assertThat(behavior).as("behaviour %s for endpoint %s", pattern, endpoint.id()).isPresent();
        if (!behavior.get().targetOriginId().equals(USER_ORIGIN.id())) {
          assertThat(behavior.get()).as("library behaviour %s", pattern)
              .isEqualTo(libraryBehavior(pattern, channelOrigin.id()));
        }
      }
    }
    assertThat(config.defaultBehavior().targetOriginId()).as("channel %s: default behaviour", channel.id())
        .isNotEqualTo(PLACEHOLDER_ORIGIN_ID);
    assertThat(config.origin(PLACEHOLDER_ORIGIN_ID)).as("channel %s: placeholder origin", channel.id()).isEmpty();
    for (CacheBehavior behavior : allBehaviors(config)) {
      assertThat(config.origin(behavior.targetOriginId())).as("origin of behaviour %s", behavior.pathPattern())
          .isPresent();
    }
  }

  /** A behaviour as CloudFront's guide for MediaPackage origins has it, written out independently. */
  static CacheBehavior libraryBehavior(String pattern, String originId) {
    return CacheBehavior.builder()
        .pathPattern(pattern)
        .targetOriginId(originId)
        .viewerProtocolPolicy(ProtocolPolicy.REDIRECT_TO_HTTPS)
        .allowedMethods(List.of("GET", "HEAD", "OPTIONS"))
        .cachedMethods(List.of("GET", "HEAD"))
        .cachePolicyId(LiveCdnSettings.ELEMENTAL_MEDIAPACKAGE_CACHE_POLICY_ID)
        .compress(false)
        .smoothStreaming(pattern.equals("*.ism/*"))
        .build();
  }

  private static List<CacheBehavior> allBehaviors(DistributionConfig config) {
    List<CacheBehavior> all = new ArrayList<>(config.cacheBehaviors());
    all.add(config.defaultBehavior());
    return all;
  }

  /**
   * The whole user-owned part of a configuration is unchanged: what the library may do is append behaviours after
   * the existing ones, append origins, add the CDN identifier header to an origin that sends none, move the default
   * behaviour off the placeholder and remove the placeholder. Undoing exactly that on {@code after} must give
   * {@code before}, field for field (immutables' equality covers every field the model holds).
   */
  public static void userOwnedPartUnchanged(DistributionId id, DistributionConfig before, DistributionConfig after) {
    userOwnedPartUnchanged(id, before, after, CDN_IDENTIFIER_HEADER);
  }

  /**
   * {@link #userOwnedPartUnchanged(DistributionId, DistributionConfig, DistributionConfig)} for a version whose origins
   * send the CDN identifier in {@code cdnIdentifierHeader} (MediaPackage v2's is its own).
   */
  public static void userOwnedPartUnchanged(DistributionId id, DistributionConfig before, DistributionConfig after,
      String cdnIdentifierHeader) {
    assertThat(after.cacheBehaviors().size()).as("%s: behaviours are only added", id)
        .isGreaterThanOrEqualTo(before.cacheBehaviors().size());
    List<CacheBehavior> kept = after.cacheBehaviors().subList(0, before.cacheBehaviors().size());
    assertThat(kept).as("%s: the behaviours that existed, unchanged and first, in their order", id)
        .containsExactlyElementsOf(before.cacheBehaviors());

    Map<String, Origin> afterOrigins = new LinkedHashMap<>();
    after.origins().forEach(o -> afterOrigins.put(o.id(), o));
    List<Origin> undone = new ArrayList<>();
    for (Origin was : before.origins()) {
      Origin now = afterOrigins.get(was.id());
      if (now == null) {
        assertThat(was.id()).as("%s: only the placeholder origin may go", id).isEqualTo(PLACEHOLDER_ORIGIN_ID);
        undone.add(was);
        continue;
      }
      boolean hadHeader = was.customHeaders().keySet().stream().anyMatch(cdnIdentifierHeader::equalsIgnoreCase);
      if (!hadHeader && now.customHeaders().containsKey(cdnIdentifierHeader)) {
        Map<String, String> headers = new LinkedHashMap<>(now.customHeaders());
        headers.remove(cdnIdentifierHeader);
        now = Origin.builder().from(now).customHeaders(headers).build();
      }
      undone.add(now);
    }
    List<String> afterIds = after.origins().stream().map(Origin::id).toList();
    List<String> beforeIds = before.origins().stream().map(Origin::id).filter(afterIds::contains).toList();
    assertThat(afterIds.subList(0, beforeIds.size())).as("%s: existing origins first, in their order", id)
        .containsExactlyElementsOf(beforeIds);

    CacheBehavior defaultBehavior = after.defaultBehavior();
    if (before.defaultBehavior().targetOriginId().equals(PLACEHOLDER_ORIGIN_ID)) {
      defaultBehavior = CacheBehavior.builder().from(defaultBehavior).targetOriginId(PLACEHOLDER_ORIGIN_ID).build();
    }
    DistributionConfig restored = DistributionConfig.builder().from(after)
        .origins(undone)
        .cacheBehaviors(kept)
        .defaultBehavior(defaultBehavior)
        .build();
    assertThat(restored).as("%s: the user-owned part of the configuration", id).isEqualTo(before);
  }

  /**
   * CloudFront's routing, written here independently: the first ordered behaviour whose path pattern matches the
   * request path ({@code *} any characters, {@code ?} one, a leading slash optional), else the default; then the
   * target origin's domain, its origin path and the request path must be the endpoint's URL.
   */
  static void routesToEndpoint(Distribution distribution, EndpointDetails details) {
    OriginEndpoint endpoint = details.endpoint();
    for (String cdnUrl : details.cdnUrls()) {
      URI uri = URI.create(cdnUrl);
      assertThat(uri.getHost()).as("host of CDN URL %s", cdnUrl).isEqualTo(distribution.domainName());
      String path = uri.getRawPath();
      CacheBehavior behavior = route(distribution.config(), path);
      Optional<Origin> origin = distribution.config().origin(behavior.targetOriginId());
      assertThat(origin).as("origin of behaviour %s for %s", behavior.pathPattern(), cdnUrl).isPresent();
      String fetched = "https://" + origin.get().domainName() + origin.get().originPath() + path;
      assertThat(endpoint.urls()).extracting(EndpointUrl::value)
          .as("reported CDN URL %s (behaviour %s) must reach endpoint %s", cdnUrl, behavior.pathPattern(),
              endpoint.id())
          .contains(fetched);
    }
  }

  /** The behaviour CloudFront picks for {@code path}. */
  static CacheBehavior route(DistributionConfig config, String path) {
    for (CacheBehavior behavior : config.cacheBehaviors()) {
      if (matches(behavior.pathPattern(), path)) {
        return behavior;
      }
    }
    return config.defaultBehavior();
  }

  /** CloudFront's path pattern match: case-sensitive, {@code *} any run of characters, {@code ?} exactly one. */
  static boolean matches(String pattern, String path) {
    String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
    String s = path.startsWith("/") ? path.substring(1) : path;
    return glob(p, 0, s, 0);
  }

  private static boolean glob(String p, int i, String s, int j) {
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '*') {
        for (int k = j; k <= s.length(); k++) {
          if (glob(p, i + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (j >= s.length() || (c != '?' && c != s.charAt(j))) {
        return false;
      }
      i++;
      j++;
    }
    return j == s.length();
  }
}
