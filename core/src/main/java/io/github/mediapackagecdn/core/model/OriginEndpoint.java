package io.github.mediapackagecdn.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A MediaPackage origin endpoint as MediaPackage reports it. {@link #urls()} holds its egress URL; a CMAF endpoint has
 * one URL per HLS manifest (and none without manifests).
 */
@Value.Immutable
public abstract class OriginEndpoint {

  /** The endpoint id the user gave. */
  public abstract OriginEndpointId id();

  /** The id of the channel the endpoint belongs to. */
  public abstract ChannelId channelId();

  /** The endpoint's ARN, if MediaPackage reported it. */
  public abstract Optional<String> arn();

  /** The stream format: HLS, DASH, CMAF or MSS. */
  public abstract Packaging packaging();

  /** The file name of the endpoint's manifest, {@code index} unless set. */
  @Value.Default
  public String manifestName() {
    return "index";
  }

  /** The egress URLs: one, or one per HLS manifest for CMAF. */
  public abstract List<EndpointUrl> urls();

  /** The endpoint's description, if any. */
  public abstract Optional<String> description();

  /** How far back viewers may start over, in seconds, if set. */
  public abstract Optional<Integer> startoverWindowSeconds();

  /** How far behind live the endpoint plays, in seconds, if set. */
  public abstract Optional<Integer> timeDelaySeconds();

  /** IPv4 CIDR blocks allowed to request the endpoint; empty means any. */
  public abstract List<String> whitelist();

  /** The endpoint's CDN authorization, if it uses one. */
  public abstract Optional<CdnAuthorization> authorization();

  /** CMAF only: its HLS manifests, manifest id to manifest name, in MediaPackage's order; empty for other formats. */
  public abstract Map<String, String> hlsManifests();

  /** The egress host all of this endpoint's URLs use, if it has any URL. */
  public Optional<String> host() {
    return urls().isEmpty() ? Optional.empty() : Optional.of(urls().get(0).host());
  }

  /** A builder of an origin endpoint, for port implementations. */
  public static Builder builder() {
    return new Builder();
  }

  /** Checks the URLs (one, except CMAF; one host) and the windows. */
  @Value.Check
  protected void check() {
    Problems problems = new Problems();
    if (packaging() != Packaging.CMAF) {
      problems.check(urls().size() == 1,
          packaging() + " endpoint " + id() + " must have exactly one URL, not " + urls().size());
    }
    problems.check(urls().stream().map(EndpointUrl::host).distinct().count() <= 1,
        "the URLs of endpoint " + id() + " use more than one host");
    Limits.endpointWindows(problems, startoverWindowSeconds().orElse(null), timeDelaySeconds().orElse(null), whitelist());
    problems.check(packaging() == Packaging.CMAF || hlsManifests().isEmpty(),
        "only CMAF endpoints have HLS manifests, not " + packaging() + " endpoint " + id());
    problems.throwIfAny();
  }

  /** Builds an {@link OriginEndpoint}. */
  public static class Builder extends ImmutableOriginEndpoint.Builder {}
}
