package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The settings both MediaPackage versions share: the link and channel tags, the distributions the library creates
 * (price class, HTTP version, IPv6, origin TLS versions, error caching, comment), the console link, the CloudFront
 * quotas, the visibility wait and the bounds of update attempts and CallerReference generations. Given to v1's
 * {@code ChannelCdn} and v2's {@code ChannelCdnV2} alike with {@code settings(...)}; each version's layout settings
 * are its own ({@code LiveCdnSettings} for v1, {@code V2CdnSettings} for v2). The defaults follow CloudFront's guide
 * for MediaPackage origins; values that no AWS document settles (marked UNCONFIRMED in the README) are settings here
 * so that they can be changed in one place.
 */
@Value.Immutable
public abstract class CdnSettings {

  /** The tag MediaPackage's console puts on the distributions it creates; its value is the channel ARN. */
  public static final String LINK_TAG_KEY = "mediapackage:cloudfront_assoc";

  /** The default {@link #channelTagKey()}. */
  public static final String CHANNEL_TAG_KEY = "mediapackage-cdn:distribution";

  /**
   * The value of {@link #channelTagKey()} while the channel has asked for a distribution and none is recorded yet: a
   * save cut off between asking CloudFront and recording the id leaves it, and it says "save the channel again".
   */
  public static final String CHANNEL_TAG_REQUESTED = LinkTags.REQUESTED;

  private static final Set<String> SSL_PROTOCOLS = Set.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2");
  private static final Set<String> PRICE_CLASSES = Set.of("PriceClass_100", "PriceClass_200", "PriceClass_All", "None");
  private static final Set<String> HTTP_VERSIONS = Set.of("http1.1", "http2", "http3", "http2and3");

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

  /** The distribution's comment, {@code %s} standing for the channel id; cut to CloudFront's 128 characters. */
  @Value.Default
  public String commentFormat() {
    return "MediaPackage live channel %s";
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
  public static CdnSettings defaults() {
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

  /**
   * The comment of a distribution the library creates for {@code channel} (as events name it) when the spec gives
   * none: {@link #commentFormat()} with it, fitted to CloudFront's 128 characters.
   */
  public String distributionComment(String channel) {
    return Limits.fittedComment(String.format(commentFormat(), channel));
  }

  /**
   * What every distribution the library creates starts from, whichever MediaPackage version: enabled, with
   * {@code callerReference}, {@code comment} and these settings' price class, HTTP version, IPv6 and error caching;
   * each version adds its origins and behaviours.
   */
  public DistributionConfig.Builder newDistribution(String callerReference, String comment) {
    Map<Integer, Long> errorCaching = new LinkedHashMap<>();
    errorCachingCodes().forEach(code -> errorCaching.put(code, errorCachingMinTtlSeconds()));
    return DistributionConfig.builder()
        .callerReference(callerReference)
        .comment(comment)
        .enabled(true)
        .priceClass(priceClass())
        .httpVersion(httpVersion())
        .ipv6Enabled(ipv6Enabled())
        .errorCachingMinTtl(errorCaching);
  }

  /** Builds {@link CdnSettings}; unset values keep their defaults. */
  public static class Builder extends ImmutableCdnSettings.Builder {}
}
