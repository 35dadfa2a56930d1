package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * v1's layout settings: the cache and origin request policies of the behaviours the library adds, which behaviours a
 * distribution is given, and the placeholder origin a distribution has before its channel has endpoints. The settings
 * both versions share (the tags, the price class, the quotas, the visibility wait...) are {@link CdnSettings}, given
 * to the builder with {@code settings(...)}; these with {@code layoutSettings(...)}.
 */
@Value.Immutable
public abstract class LiveCdnSettings {

  /** The managed cache policy {@code Elemental-MediaPackage}. */
  public static final String ELEMENTAL_MEDIAPACKAGE_CACHE_POLICY_ID = "08627262-05a9-4f76-9ded-b50ca2e3a84f";

  /** The header CloudFront sends to an endpoint that uses CDN authorization. */
  public static final String CDN_IDENTIFIER_HEADER = "X-MediaPackage-CDNIdentifier";

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

  /** The defaults described on each setting. */
  public static LiveCdnSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults; {@code build()} checks every value. */
  public static Builder builder() {
    return new Builder();
  }

  /** Refuses an empty cache policy id. */
  @Value.Check
  protected void check() {
    if (cachePolicyId().isBlank()) {
      throw new ValidationException("cache policy id is empty");
    }
  }

  /** Builds {@link LiveCdnSettings}; unset values keep their defaults. */
  public static class Builder extends ImmutableLiveCdnSettings.Builder {}
}
