package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a user saves as an origin endpoint of a live channel. Building one checks every field and reports every
 * problem at once.
 *
 * <p>{@snippet :
 * EndpointSpec hls = EndpointSpec.builder()
 *     .id("live-news-hls")
 *     .channelId("live-news")
 *     .packaging(Packaging.HLS)
 *     .startoverWindowSeconds(3600)
 *     .build();
 * }
 */
@Value.Immutable
public abstract class EndpointSpec {

  /** The endpoint id as typed; see {@link #endpointId()}. */
  public abstract String id();

  /** The id of the channel the endpoint belongs to; see {@link #channel()}. */
  public abstract String channelId();

  public abstract Packaging packaging();

  /** The file name of the endpoint's manifest, {@code index} unless set. */
  @Value.Default
  public String manifestName() {
    return "index";
  }

  public abstract Optional<String> description();

  public abstract Optional<Integer> startoverWindowSeconds();

  public abstract Optional<Integer> timeDelaySeconds();

  /** IPv4 CIDR blocks allowed to request the endpoint; empty means any. */
  public abstract List<String> whitelist();

  /** CDN authorization: MediaPackage answers only requests carrying the CDN identifier header. */
  public abstract Optional<CdnAuthorization> authorization();

  /** The identifier stored in {@link #authorization()}'s secret, for the distribution's origin header. */
  public abstract Optional<CdnIdentifier> cdnIdentifier();

  /** CMAF only: the ids of its HLS manifests; one manifest named after the endpoint when empty. */
  public abstract List<String> hlsManifestIds();

  @Value.Lazy
  public OriginEndpointId endpointId() {
    return OriginEndpointId.of(id());
  }

  @Value.Lazy
  public ChannelId channel() {
    return ChannelId.of(channelId());
  }

  /** The HLS manifest ids a CMAF endpoint gets; empty for other formats. */
  public List<String> cmafManifestIds() {
    if (packaging() != Packaging.CMAF) {
      return List.of();
    }
    return hlsManifestIds().isEmpty() ? List.of(id()) : hlsManifestIds();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems();
    Ids.check(problems, "endpoint id", id());
    Ids.check(problems, "channel id", channelId());
    Ids.check(problems, "manifest name", manifestName());
    description().ifPresent(d -> Limits.description(problems, "endpoint", d));
    Limits.endpointWindows(problems, startoverWindowSeconds().orElse(null), timeDelaySeconds().orElse(null), whitelist());
    problems.check(cdnIdentifier().isEmpty() || authorization().isPresent(),
        "a CDN identifier is given but the endpoint has no CDN authorization");
    if (packaging() == Packaging.CMAF) {
      hlsManifestIds().forEach(m -> Ids.check(problems, "HLS manifest id", m));
      problems.check(new HashSet<>(hlsManifestIds()).size() == hlsManifestIds().size(),
          "HLS manifest ids of endpoint " + id() + " repeat");
    } else {
      problems.check(hlsManifestIds().isEmpty(), "only CMAF endpoints have HLS manifest ids");
    }
    problems.throwIfAny();
  }

  /** Builds an {@link EndpointSpec}. */
  public static class Builder extends ImmutableEndpointSpec.Builder {}
}
