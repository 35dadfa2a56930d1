package io.github.mediapackagecdn.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The part of a CloudFront distribution's configuration the library reads and writes. Everything else a user sets in
 * CloudFront (certificates, logging, restrictions, ...) is kept by the adapters as it was.
 */
@Value.Immutable
public abstract class DistributionConfig {

  /** The price class of a distribution unless set: {@code PriceClass_All}. */
  public static final String DEFAULT_PRICE_CLASS = "PriceClass_All";

  /** The highest HTTP version unless set: {@code http2}, CloudFront's default. */
  public static final String DEFAULT_HTTP_VERSION = "http2";

  /** Whether a distribution answers over IPv6 unless set: yes. */
  public static final boolean DEFAULT_IPV6_ENABLED = true;

  /** Set once at creation; CloudFront refuses a distribution whose reference was used before. */
  public abstract String callerReference();

  /** Shown as the distribution's description; at most 128 characters. */
  public abstract String comment();

  /** Whether the distribution serves requests; the library creates enabled distributions. */
  @Value.Default
  public boolean enabled() {
    return true;
  }

  /** The origins; a new distribution has the placeholder origin, then the channel origin. */
  public abstract List<Origin> origins();

  /** The origin groups: pairs of origins a behaviour can target as one, CloudFront failing over between them. */
  public abstract List<OriginGroup> originGroups();

  /** The default behaviour (path pattern {@code *}), evaluated after every ordered behaviour. */
  public abstract CacheBehavior defaultBehavior();

  /** The ordered cache behaviours; the first whose pattern matches a request wins. */
  public abstract List<CacheBehavior> cacheBehaviors();

  /** The CloudFront price class, such as {@code PriceClass_All}. */
  @Value.Default
  public String priceClass() {
    return DEFAULT_PRICE_CLASS;
  }

  /** The highest HTTP version viewers may use, such as {@code http2}. */
  @Value.Default
  public String httpVersion() {
    return DEFAULT_HTTP_VERSION;
  }

  /** Whether CloudFront answers over IPv6. */
  @Value.Default
  public boolean ipv6Enabled() {
    return DEFAULT_IPV6_ENABLED;
  }

  /** Alternate domain names (CNAMEs); never changed by the library. */
  public abstract List<String> aliases();

  /** The AWS WAF web ACL; never changed by the library. */
  @Value.Default
  public String webAclId() {
    return "";
  }

  /** Error caching minimum TTL in seconds, by HTTP status code. */
  public abstract Map<Integer, Long> errorCachingMinTtl();

  /** The origin with id {@code originId}, if there is one. */
  public Optional<Origin> origin(String originId) {
    return origins().stream().filter(o -> o.id().equals(originId)).findFirst();
  }

  /** The origin group with id {@code groupId}, if there is one. */
  public Optional<OriginGroup> originGroup(String groupId) {
    return originGroups().stream().filter(g -> g.id().equals(groupId)).findFirst();
  }

  /** The ordered cache behaviour with path pattern {@code pathPattern}, if there is one. */
  public Optional<CacheBehavior> behavior(String pathPattern) {
    return cacheBehaviors().stream().filter(b -> b.pathPattern().equals(pathPattern)).findFirst();
  }

  /** Whether the default behaviour or any ordered behaviour sends requests to {@code originId}. */
  public boolean targets(String originId) {
    return ModelEditor.INSTANCE.behaviorTargets(this).contains(originId);
  }

  /** A builder of a distribution configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DistributionConfig}. */
  public static class Builder extends ImmutableDistributionConfig.Builder {}
}
