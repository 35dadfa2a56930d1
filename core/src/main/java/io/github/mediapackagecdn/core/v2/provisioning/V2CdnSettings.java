package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The v2-only settings of the layout, each with the default AWS documents: what the manifests' cache key holds. The
 * manifests key on {@link #MANIFEST_QUERY_STRINGS} (MediaPackage v2 user guide, CDN configuration recommendations:
 * "MediaPackage ignores all other query strings"), the low-latency HLS ones included for every channel, since one
 * manifest cache policy serves the account; {@link #timeShiftQueryStrings()} adds the older {@code start},
 * {@code end} and {@code time_delay} for players that still send them, and {@link #extraManifestQueryStrings()} any
 * other. Segments key on no query string. Checked when built, before any call: at most
 * {@value V2Layout#MAX_QUERY_STRINGS_PER_CACHE_POLICY} query strings in a cache policy (CloudFront's quota).
 * The origins the library creates may also get timeouts derived from {@link #segmentDurationSeconds()}, a
 * {@link #responseCompletionTimeoutSeconds()} and {@link #originShieldRegion()}; unset, nothing new is sent and
 * CloudFront's defaults apply (connection {@value #DEFAULT_CONNECTION_TIMEOUT_SECONDS} s, read
 * {@value #DEFAULT_READ_TIMEOUT_SECONDS} s, keep-alive {@value #DEFAULT_KEEPALIVE_TIMEOUT_SECONDS} s, no Origin
 * Shield). The library's origins that already exist get each one that is set at the next save; an unset one never
 * changes an origin. v1's {@code LiveCdnSettings} are not changed by
 * these. The cache policies' TTLs honour MediaPackage's {@code Cache-Control: max-age} by default (minimum 0, maximum
 * a year, above the {@value #MEDIAPACKAGE_SEGMENT_MAX_AGE_SECONDS} s MediaPackage sends for segments); each is a
 * setting, refused when built unless {@code 0 <= min <= default <= max}, and a changed one names a new policy.
 */
@Value.Immutable
public abstract class V2CdnSettings {

  /** The manifests' cache key query strings the v2 user guide recommends. */
  public static final List<String> MANIFEST_QUERY_STRINGS =
      List.of("aws.manifestfilter", "aws.manifestsettings", "_HLS_msn", "_HLS_part");

  /** The time-shift query strings of the guide's older version, in the key only when asked. */
  public static final List<String> TIME_SHIFT_QUERY_STRINGS = List.of("start", "end", "time_delay");

  /** CloudFront's origin connection timeout when none is sent (CloudFront API, {@code Origin.ConnectionTimeout}). */
  public static final int DEFAULT_CONNECTION_TIMEOUT_SECONDS = 10;

  /** CloudFront's origin read (response) timeout when none is sent ({@code CustomOriginConfig.OriginReadTimeout}). */
  public static final int DEFAULT_READ_TIMEOUT_SECONDS = 30;

  /** CloudFront's origin keep-alive timeout when none is sent ({@code CustomOriginConfig.OriginKeepaliveTimeout}). */
  public static final int DEFAULT_KEEPALIVE_TIMEOUT_SECONDS = 5;

  /** The longest connection timeout CloudFront accepts (the shortest is 1 s). */
  public static final int MAX_CONNECTION_TIMEOUT_SECONDS = 10;

  /** The longest read or keep-alive timeout CloudFront accepts (the shortest is 1 s). */
  public static final int MAX_READ_OR_KEEPALIVE_TIMEOUT_SECONDS = 120;

  /** The pattern of an Origin Shield Region (CloudFront API, {@code OriginShieldRegion}), such as {@code us-east-2}. */
  public static final String ORIGIN_SHIELD_REGION_PATTERN = "[a-z]{2}-[a-z]+-\\d";

  /** The longest {@code max-age} MediaPackage sends: segments' 14 days (v2 user guide, CDN recommendations). */
  public static final long MEDIAPACKAGE_SEGMENT_MAX_AGE_SECONDS = 1_209_600L;

  /** The default maximum TTL of both cache policies: a year (CloudFront's own default {@code MaxTTL}). */
  public static final long DEFAULT_MAX_TTL_SECONDS = 31_536_000L;

  /**
   * The id of CloudFront's managed response headers policy CORS-and-SecurityHeadersPolicy (CloudFront Developer Guide,
   * "Use managed response headers policies").
   */
  public static final String MANAGED_CORS_AND_SECURITY_HEADERS_POLICY_ID = "e61eb60c-9c35-4d20-a928-2b84e02af89c";

  /** The defaults: the guide's four manifest query strings, no time-shift ones, nothing else. */
  public static V2CdnSettings defaults() {
    return builder().build();
  }

  /** A builder; unset values keep their defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether manifests also key on {@code start}, {@code end} and {@code time_delay}; no unless set. */
  @Value.Default
  public boolean timeShiftQueryStrings() {
    return false;
  }

  /** Other query strings the manifests key on, for players or ad servers that need them; none unless set. */
  public abstract List<String> extraManifestQueryStrings();

  /**
   * The channel's segment duration in seconds, from which the origins' timeouts are derived: connection and read
   * timeouts half of it rounded up, keep-alive one second more than it; unset, CloudFront's defaults apply and no
   * timeout is sent. At most 20 s (a connection timeout of at most {@value #MAX_CONNECTION_TIMEOUT_SECONDS} s).
   */
  public abstract Optional<Integer> segmentDurationSeconds();

  /**
   * How long a request to the origin may stay open for its whole response (CloudFront {@code
   * ResponseCompletionTimeout}), for LL-HLS's blocking playlist requests; unset, none is sent and CloudFront enforces
   * no maximum. At least the read timeout.
   */
  public abstract Optional<Integer> responseCompletionTimeoutSeconds();

  /**
   * The Region of Origin Shield for the origins the library creates, such as {@code us-west-2} (the Region nearest the
   * channel group); unset, no Origin Shield. Origin Shield is charged extra (CloudFront pricing).
   */
  public abstract Optional<String> originShieldRegion();

  /** The manifests' {@code MinTTL}: 0 unless set, so MediaPackage's short {@code max-age} is honoured. */
  @Value.Default
  public long manifestMinTtlSeconds() {
    return 0;
  }

  /** The manifests' {@code DefaultTTL}, used only when the origin sends no {@code Cache-Control}: 1 s unless set. */
  @Value.Default
  public long manifestDefaultTtlSeconds() {
    return 1;
  }

  /** The manifests' {@code MaxTTL}: {@value #DEFAULT_MAX_TTL_SECONDS} s unless set. */
  @Value.Default
  public long manifestMaxTtlSeconds() {
    return DEFAULT_MAX_TTL_SECONDS;
  }

  /** The segments' {@code MinTTL}: 0 unless set. */
  @Value.Default
  public long segmentMinTtlSeconds() {
    return 0;
  }

  /** The segments' {@code DefaultTTL}, used only when the origin sends no {@code Cache-Control}: a day unless set. */
  @Value.Default
  public long segmentDefaultTtlSeconds() {
    return 86_400;
  }

  /**
   * The segments' {@code MaxTTL}: {@value #DEFAULT_MAX_TTL_SECONDS} s unless set; below
   * {@value #MEDIAPACKAGE_SEGMENT_MAX_AGE_SECONDS} s it cuts MediaPackage's {@code max-age} short.
   */
  @Value.Default
  public long segmentMaxTtlSeconds() {
    return DEFAULT_MAX_TTL_SECONDS;
  }

  /**
   * The response headers policy of the behaviours the library creates, such as CloudFront's managed
   * {@value #MANAGED_CORS_AND_SECURITY_HEADERS_POLICY_ID} (CORS-and-SecurityHeadersPolicy), so that browsers' CORS
   * needs no {@code Origin} in the cache key; unset, none, and no behaviour is touched. The library gives it to the
   * behaviours it creates, and on the next save to its behaviours that exist (on its origin, with its cache policies)
   * without it, whatever policy they had; a user's behaviour is never touched. It creates no response headers policy
   * of its own.
   */
  public abstract Optional<String> responseHeadersPolicyId();

  /** The connection timeout sent: half the segment duration rounded up, or empty (CloudFront's default). */
  public Optional<Integer> connectionTimeoutSeconds() {
    return segmentDurationSeconds().map(V2CdnSettings::halfRoundedUp);
  }

  /** The read (response) timeout sent: half the segment duration rounded up, or empty (CloudFront's default). */
  public Optional<Integer> readTimeoutSeconds() {
    return segmentDurationSeconds().map(V2CdnSettings::halfRoundedUp);
  }

  /** The keep-alive timeout sent: the segment duration plus one second, or empty (CloudFront's default). */
  public Optional<Integer> keepAliveTimeoutSeconds() {
    return segmentDurationSeconds().map(seconds -> seconds + 1);
  }

  private static int halfRoundedUp(int seconds) {
    return (seconds + 1) / 2;
  }

  /** Every query string of the manifests' cache key, in order: the guide's, the time-shift ones if asked, the extra. */
  @Value.Derived
  public List<String> manifestQueryStrings() {
    Set<String> all = new LinkedHashSet<>(MANIFEST_QUERY_STRINGS);
    if (timeShiftQueryStrings()) {
      all.addAll(TIME_SHIFT_QUERY_STRINGS);
    }
    all.addAll(extraManifestQueryStrings());
    return List.copyOf(all);
  }

  /**
   * The name of the manifest cache policy these settings use: {@code mediapackage-cdn-v2-manifests-<8 hex>}, the hex
   * digits a digest of its settings, so that other settings (or a library version that changes the policy) use another.
   */
  public String manifestCachePolicyName() {
    return V2Layout.manifestPolicy(this).name();
  }

  /** The name of the segment cache policy: {@code mediapackage-cdn-v2-segments-<8 hex>}, as the manifests'. */
  public String segmentCachePolicyName() {
    return V2Layout.segmentPolicy(this).name();
  }

  /** Refuses what CloudFront would refuse, every problem at once. */
  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>(V2Layout.queryStringProblems(extraManifestQueryStrings(),
        manifestQueryStrings().size()));
    segmentDurationSeconds().filter(seconds -> seconds < 1 || halfRoundedUp(seconds) > MAX_CONNECTION_TIMEOUT_SECONDS)
        .ifPresent(seconds -> problems.add("segment duration " + seconds + " s: must be 1 to "
            + 2 * MAX_CONNECTION_TIMEOUT_SECONDS + " s (CloudFront's connection timeout, half of it, is 1 to "
            + MAX_CONNECTION_TIMEOUT_SECONDS + " s)"));
    int read = readTimeoutSeconds().orElse(DEFAULT_READ_TIMEOUT_SECONDS);
    responseCompletionTimeoutSeconds().filter(seconds -> seconds < read).ifPresent(seconds -> problems.add(
        "response completion timeout " + seconds + " s: must be at least the read timeout, " + read + " s"));
    originShieldRegion().filter(region -> region.length() > 32 || !region.matches(ORIGIN_SHIELD_REGION_PATTERN))
        .ifPresent(region -> problems.add("Origin Shield Region '" + region + "': must be a Region code such as"
            + " us-east-2"));
    responseHeadersPolicyId().filter(id -> id.isBlank() || !id.equals(id.strip()))
        .ifPresent(id -> problems.add("response headers policy id '" + id + "': must be a policy id, not blank"));
    ttlProblem("manifest", manifestMinTtlSeconds(), manifestDefaultTtlSeconds(), manifestMaxTtlSeconds())
        .ifPresent(problems::add);
    ttlProblem("segment", segmentMinTtlSeconds(), segmentDefaultTtlSeconds(), segmentMaxTtlSeconds())
        .ifPresent(problems::add);
    ValidationException.throwIfAny(problems);
  }

  /**
   * Which distribution serves a channel: one of its own ({@link DistributionScope#CHANNEL}, the default, what the
   * console does for v1) or its channel group's ({@link DistributionScope#CHANNEL_GROUP}).
   */
  @Value.Default
  public DistributionScope distributionScope() {
    return DistributionScope.CHANNEL;
  }

  /**
   * The scope of a distribution. A channel that has a distribution of its own keeps it in either scope: nothing moves
   * by itself.
   */
  public enum DistributionScope {
    /**
     * A distribution per channel, created when the channel is saved with {@code createDistribution}; each endpoint
     * saved adds its cache behaviours (one UpdateDistribution, one CloudFront deployment). Aliases, WAF, logs and cost
     * are per channel.
     */
    CHANNEL,
    /**
     * One distribution per channel group, created when the group is saved with {@code createDistribution}, or by the
     * first channel saved with it, with cache behaviours for every channel of the group
     * ({@code /out/v1/<group>/*.m3u8}, {@code *.mpd}, {@code *}). Saving a channel or an endpoint then writes nothing
     * to CloudFront: only MediaPackage (the channel, the endpoint, the endpoint policy for the group's distribution).
     * With a secondary Region, the distribution has the second group's origin and the origin group of the two, which
     * its behaviours target, from the start.
     */
    CHANNEL_GROUP
  }

  /** CloudFront's rule for a cache policy's TTLs ({@code CachePolicyConfig}): 0 <= MinTTL <= DefaultTTL <= MaxTTL. */
  private static Optional<String> ttlProblem(String kind, long min, long defaultTtl, long max) {
    return min >= 0 && min <= defaultTtl && defaultTtl <= max ? Optional.empty()
        : Optional.of(kind + " TTLs min " + min + ", default " + defaultTtl + ", max " + max + " s: CloudFront needs"
            + " 0 <= min <= default <= max");
  }

  /** Builds {@link V2CdnSettings}. */
  public static class Builder extends ImmutableV2CdnSettings.Builder {}
}
