package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A v2 origin endpoint to save ({@code CreateOriginEndpointRequest}, {@code UpdateOriginEndpointRequest}): container,
 * manifests, and, for its policy ({@code PutOriginEndpointPolicyRequest}), CDN authorization. Checked when built:
 * names by the API model's patterns, two manifests with one path (a name given twice to one kind, or to an HLS and a
 * low-latency HLS manifest; an HLS and a DASH manifest may share one), manifests the container cannot have, more than
 * {@link V2Limits#MAX_MANIFESTS_PER_ENDPOINT} manifests.
 */
@Value.Immutable
public abstract class V2EndpointSpec {

  /** {@code ChannelGroupName}, {@code ChannelName} and {@code OriginEndpointName}. */
  public abstract V2EndpointId id();

  /** {@code ContainerType}. */
  public abstract ContainerType containerType();

  /** The manifests, each with its kind and {@code ManifestName}, URLs empty. */
  public abstract List<Manifest> manifests();

  /** {@code Description}, at most 1,024 characters. */
  @Value.Default
  public String description() {
    return "";
  }

  /** {@code StartoverWindowSeconds}: 60 to 1,209,600 seconds. */
  public abstract Optional<Integer> startoverWindowSeconds();

  /** {@code CdnAuthConfiguration} of the endpoint's policy; empty when it does not use CDN authorization. */
  public abstract Optional<CdnAuthConfiguration> cdnAuthorization();

  /**
   * The CDN identifier the secrets hold (under the JSON key {@code MediaPackageV2CDNIdentifier}, 8 to 256
   * characters), which the origin then sends in {@code X-MediaPackageV2-CDNIdentifier}; when not given, the builder's
   * CDN identifier source is asked for the secrets' value.
   */
  public abstract Optional<CdnIdentifier> cdnIdentifier();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link V2EndpointSpec}. */
  public static class Builder extends ImmutableV2EndpointSpec.Builder {}

  /** Reports every problem at once. */
  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    V2Limits.description(problems, "origin endpoint", description());
    if (manifests().isEmpty()) {
      problems.add("origin endpoint " + id() + " has no manifest");
    }
    if (manifests().size() > V2Limits.MAX_MANIFESTS_PER_ENDPOINT) {
      problems.add("origin endpoint " + id() + " has " + manifests().size() + " manifests; MediaPackage v2 allows at"
          + " most " + V2Limits.MAX_MANIFESTS_PER_ENDPOINT);
    }
    problems.addAll(V2Limits.manifestPathCollisions(id().toString(), manifests()));
    for (Manifest manifest : manifests()) {
      problems.addAll(V2Limits.manifestNameProblems(manifest.name()));
      if (!containerType().manifestTypes().contains(manifest.type())) {
        problems.add("a " + containerType() + " endpoint cannot have the " + manifest.type() + " manifest '"
            + manifest.name() + "'; it can have " + containerType().manifestTypes());
      }
      if (!manifest.url().isEmpty()) {
        problems.add("manifest '" + manifest.name() + "' has a URL; MediaPackage gives it, a spec does not");
      }
    }
    startoverWindowSeconds().filter(s -> s < 60 || s > 1_209_600).ifPresent(s -> problems.add(
        "startover window " + s + " s is outside 60 s to 1209600 s"));
    if (cdnIdentifier().isPresent() && cdnAuthorization().isEmpty()) {
      problems.add("a CDN identifier is given without CDN authorization (the secrets and role MediaPackage reads)");
    }
    ValidationException.throwIfAny(problems);
  }
}
