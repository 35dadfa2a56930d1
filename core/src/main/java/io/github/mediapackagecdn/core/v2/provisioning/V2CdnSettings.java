package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
 * v1's {@code LiveCdnSettings} are not changed by these.
 */
@Value.Immutable
public abstract class V2CdnSettings {

  /** The manifests' cache key query strings the v2 user guide recommends. */
  public static final List<String> MANIFEST_QUERY_STRINGS =
      List.of("aws.manifestfilter", "aws.manifestsettings", "_HLS_msn", "_HLS_part");

  /** The time-shift query strings of the guide's older version, in the key only when asked. */
  public static final List<String> TIME_SHIFT_QUERY_STRINGS = List.of("start", "end", "time_delay");

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
    return V2Layout.segmentPolicy().name();
  }

  /** Refuses what CloudFront would refuse, every problem at once. */
  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>(V2Layout.queryStringProblems(extraManifestQueryStrings(),
        manifestQueryStrings().size()));
    ValidationException.throwIfAny(problems);
  }

  /** Builds {@link V2CdnSettings}. */
  public static class Builder extends ImmutableV2CdnSettings.Builder {}
}
