package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.Problems;
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

  public abstract OriginEndpointId id();

  public abstract ChannelId channelId();

  public abstract Optional<String> arn();

  public abstract Packaging packaging();

  @Value.Default
  public String manifestName() {
    return "index";
  }

  public abstract List<EndpointUrl> urls();

  public abstract Optional<String> description();

  public abstract Optional<Integer> startoverWindowSeconds();

  public abstract Optional<Integer> timeDelaySeconds();

  /** IPv4 CIDR blocks allowed to request the endpoint; empty means any. */
  public abstract List<String> whitelist();

  public abstract Optional<CdnAuthorization> authorization();

  /** CMAF only: its HLS manifests, manifest id to manifest name, in MediaPackage's order; empty for other formats. */
  public abstract Map<String, String> hlsManifests();

  /** The egress host all of this endpoint's URLs use, if it has any URL. */
  public Optional<String> host() {
    return urls().isEmpty() ? Optional.empty() : Optional.of(urls().get(0).host());
  }

  public static Builder builder() {
    return new Builder();
  }

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
