package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The settings of the distributions the library creates and the behaviours it adds. The defaults follow CloudFront's
 * guide for MediaPackage origins; values that no AWS document settles (marked UNCONFIRMED in the README) are settings
 * here so that they can be changed in one place.
 */
@Value.Immutable
public abstract class LiveCdnSettings {

  /** The managed cache policy {@code Elemental-MediaPackage}. */
  public static final String ELEMENTAL_MEDIAPACKAGE_CACHE_POLICY_ID = "08627262-05a9-4f76-9ded-b50ca2e3a84f";

  /** The tag MediaPackage's console puts on the distributions it creates; its value is the channel ARN. */
  public static final String LINK_TAG_KEY = "mediapackage:cloudfront_assoc";

  /** The default {@link #channelTagKey()}. */
  public static final String CHANNEL_TAG_KEY = "mediapackage-cdn:distribution";

  /**
   * The value of {@link #channelTagKey()} while the channel has asked for a distribution and none is recorded yet: a
   * save cut off between asking CloudFront and recording the id leaves it, and it says "save the channel again".
   */
  public static final String CHANNEL_TAG_REQUESTED = LinkTags.REQUESTED;

  /** The header CloudFront sends to an endpoint that uses CDN authorization. */
  public static final String CDN_IDENTIFIER_HEADER = "X-MediaPackage-CDNIdentifier";

  private static final Set<String> SSL_PROTOCOLS = Set.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2");
  private static final Set<String> PRICE_CLASSES = Set.of("PriceClass_100", "PriceClass_200", "PriceClass_All", "None");
  private static final Set<String> HTTP_VERSIONS = Set.of("http1.1", "http2", "http3", "http2and3");

  /** Which cache behaviours a channel's distribution is given, and so how many updates its endpoints make. */
  public enum BehaviorLayout {
    /**
     * The behaviours of the formats the channel's endpoints use, added when the first endpoint of a format is saved:
     * the MediaPackage console's layout. Saving an HLS, a DASH, a CMAF and an MSS endpoint one by one makes three
     * updates (HLS; DASH; MSS, since CMAF reuses {@code *.m3u8} and {@code *.mp4}), each a deployment of minutes.
     */
    PER_ENDPOINT_FORMAT,
    /**
     * The behaviours of every live format ({@code *.m3u8}, {@code *.ts}, {@code *.mpd}, {@code *.mp4},
     * {@code *.ism/*}) added with the channel's first endpoint, so that endpoints of other formats saved later need
     * no update: one update, one deployment, whatever formats follow. A behaviour a user made for one of these
     * patterns is kept as it is, and one a user deleted is added again by the next save.
     */
    ALL_LIVE_FORMATS
  }

  /** The cache policy of every behaviour; the managed {@code Elemental-MediaPackage} policy unless set. */
  @Value.Default
  public String cachePolicyId() {
    return ELEMENTAL_MEDIAPACKAGE_CACHE_POLICY_ID;
  }

  /** No origin request policy unless set: MediaPackage needs none. */
  public abstract Optional<String> originRequestPolicyId();

  /** UNCONFIRMED which the console uses. */
  @Value.Default
  public String priceClass() {
    return io.github.mediapackagecdn.core.model.DistributionConfig.DEFAULT_PRICE_CLASS;
  }

  /** The highest HTTP version viewers may use; {@code http2}, CloudFront's default. */
  @Value.Default
  public String httpVersion() {
    return io.github.mediapackagecdn.core.model.DistributionConfig.DEFAULT_HTTP_VERSION;
  }

  /** Whether new distributions answer over IPv6; on unless set. */
  @Value.Default
  public boolean ipv6Enabled() {
    return io.github.mediapackagecdn.core.model.DistributionConfig.DEFAULT_IPV6_ENABLED;
  }

  /** TLS versions CloudFront may use to reach MediaPackage. */
  @Value.Default
  public List<String> originSslProtocols() {
    return List.of("TLSv1.2");
  }

  /** Error caching minimum TTL for {@link #errorCachingCodes()}: short, so a passing origin error heals fast. */
  @Value.Default
  public long errorCachingMinTtlSeconds() {
    return 1;
  }

  /** The HTTP status codes whose errors are cached only {@link #errorCachingMinTtlSeconds()}. */
  @Value.Default
  public List<Integer> errorCachingCodes() {
    return List.of(400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504);
  }

  /** The key of the tag that links a distribution to its channel; the console's {@value #LINK_TAG_KEY} unless set. */
  @Value.Default
  public String linkTagKey() {
    return LINK_TAG_KEY;
  }

  /**
   * The MediaPackage channel tag on which the library records the channel's distribution: its id once the
   * distribution is created or adopted, {@link #CHANNEL_TAG_REQUESTED} from just before it asks CloudFront to create
   * one. DescribeChannel (v1) and GetChannel (v2) return it with the channel, so every instance finds the distribution
   * without waiting for the tag index; the distribution's link tag, read from CloudFront itself, stays the authority.
   */
  @Value.Default
  public String channelTagKey() {
    return CHANNEL_TAG_KEY;
  }

  /**
   * Whether DescribeChannel (v1) and GetChannel (v2) show a channel tag as soon as TagResource has written it.
   * UNCONFIRMED: no AWS document says how soon MediaPackage v1 or v2 shows a tag it has just written; the default
   * assumes at once (as the testkit's fakes do). When false, a channel without {@link #channelTagKey()} whose
   * distribution the tag index does not show is reported as {@link CdnOutcome.Action#NOT_VISIBLE_YET}, never as having
   * no distribution.
   */
  @Value.Default
  public boolean channelTagsReadAfterWrite() {
    return true;
  }

  /**
   * Which cache behaviours a distribution is given: {@link BehaviorLayout#PER_ENDPOINT_FORMAT}, the console's layout,
   * unless set. {@link BehaviorLayout#ALL_LIVE_FORMATS} saves deployments (one per channel instead of up to three when
   * the formats are saved one by one), but the console's layout stays the default: switching an existing fleet to the
   * other would make the next save of every channel that does not use all four formats update its distribution (a
   * deployment nobody asked for), and would add back behaviours a user deleted for formats the channel does not use.
   * Choose {@code ALL_LIVE_FORMATS} for a new fleet whose channels get their endpoints one by one; the fleet audit
   * judges a distribution by the formats its endpoints use, whichever layout is set.
   */
  @Value.Default
  public BehaviorLayout behaviorLayout() {
    return BehaviorLayout.PER_ENDPOINT_FORMAT;
  }

  /** The distribution's comment, {@code %s} standing for the channel id; cut to CloudFront's 128 characters. */
  @Value.Default
  public String commentFormat() {
    return "MediaPackage live channel %s";
  }

  /** The origin a distribution has before its channel has endpoints (UNCONFIRMED console value). */
  @Value.Default
  public String placeholderOriginId() {
    return "TEMP_ORIGIN_ID/channel";
  }

  /** The domain of the placeholder origin. */
  @Value.Default
  public String placeholderOriginDomain() {
    return "mediapackage.amazonaws.com";
  }

  /** How many times an update re-reads and re-applies after a stale ETag (HTTP 412) before giving up. */
  @Value.Default
  public int maxUpdateAttempts() {
    return 5;
  }

  /** How many CallerReference generations a channel may use (a reference stays taken after its distribution). */
  @Value.Default
  public int maxCallerReferenceGenerations() {
    return 10;
  }

  /**
   * How long a channel, endpoint, distribution or link tag that was just created may stay invisible to reads
   * (AWS is eventually consistent) before the library concludes it does not exist.
   */
  @Value.Default
  public Duration visibilityTimeout() {
    return Duration.ofSeconds(30);
  }

  /** The first pause between two reads while waiting for visibility; it doubles up to five seconds. */
  @Value.Default
  public Duration visibilityBackoff() {
    return Duration.ofMillis(500);
  }

  /**
   * The account's CloudFront quotas that a save can exceed (cache behaviours, origins, origin groups and tags a
   * distribution, query strings a cache policy), checked before a save's first write; CloudFront's defaults unless
   * set. Give the figures AWS raised for your account, or the library refuses what CloudFront would accept.
   */
  @Value.Default
  public CloudFrontQuotas cloudFrontQuotas() {
    return CloudFrontQuotas.defaults();
  }

  /** The CloudFront console page of a distribution, {@code %s} standing for its id. */
  @Value.Default
  public String consoleUrlFormat() {
    return "https://console.aws.amazon.com/cloudfront/v4/home#/distributions/%s";
  }

  /** The defaults described on each setting. */
  public static LiveCdnSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults; {@code build()} checks every value. */
  public static Builder builder() {
    return new Builder();
  }

  /** Checks every value and reports every problem at once. */
  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    if (!(!cachePolicyId().isBlank())) {
      problems.add("cache policy id is empty");
    }
    if (!(PRICE_CLASSES.contains(priceClass()))) {
      problems.add("price class '" + priceClass() + "' is not one of " + PRICE_CLASSES);
    }
    if (!(HTTP_VERSIONS.contains(httpVersion()))) {
      problems.add("HTTP version '" + httpVersion() + "' is not one of " + HTTP_VERSIONS);
    }
    if (!(!originSslProtocols().isEmpty() && SSL_PROTOCOLS.containsAll(originSslProtocols()))) {
      problems.add("origin TLS protocols " + originSslProtocols() + " must be a non-empty subset of " + SSL_PROTOCOLS);
    }
    if (!(errorCachingMinTtlSeconds() >= 0)) {
      problems.add("error caching TTL is negative");
    }
    errorCachingCodes().stream().filter(code -> code < 400 || code > 599)
        .forEach(code -> problems.add("error caching code " + code + " is not an HTTP 4xx or 5xx status"));
    if (!(formatsOneValue(commentFormat()))) {
      problems.add("comment format '" + commentFormat() + "' must be a format with one %s for the channel id (write % as %%)");
    }
    if (!(formatsOneValue(consoleUrlFormat()))) {
      problems.add("console URL format '" + consoleUrlFormat() + "' must be a format with one %s for the distribution id");
    }
    if (!(!linkTagKey().isBlank() && linkTagKey().length() <= 128)) {
      problems.add("link tag key must have 1 to 128 characters");
    }
    if (!(!channelTagKey().isBlank() && channelTagKey().length() <= 128 && !channelTagKey().startsWith("aws:"))) {
      problems.add("channel tag key must have 1 to 128 characters and not start with 'aws:'");
    }
    if (!(maxUpdateAttempts() >= 1 && maxUpdateAttempts() <= 50)) {
      problems.add("max update attempts must be 1 to 50");
    }
    if (!(maxCallerReferenceGenerations() >= 1 && maxCallerReferenceGenerations() <= 100)) {
      problems.add("max caller reference generations must be 1 to 100");
    }
    if (!(!visibilityTimeout().isNegative())) {
      problems.add("visibility timeout is negative");
    }
    if (!(!visibilityBackoff().isNegative() && !visibilityBackoff().isZero() || visibilityTimeout().isZero())) {
      problems.add("visibility backoff must be positive");
    }
    ValidationException.throwIfAny(problems);
  }

  /** Whether {@code format} takes exactly one value, and shows it. */
  private static boolean formatsOneValue(String format) {
    String marker = "\u0001value\u0001";
    try {
      String once = String.format(format, marker);
      return once.contains(marker) && once.indexOf(marker) == once.lastIndexOf(marker);
    } catch (IllegalFormatException e) {
      return false;
    }
  }

  /** Builds {@link LiveCdnSettings}; unset values keep their defaults. */
  public static class Builder extends ImmutableLiveCdnSettings.Builder {}
}
