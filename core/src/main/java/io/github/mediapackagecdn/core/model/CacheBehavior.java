package io.github.mediapackagecdn.core.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A cache behaviour: requests whose path matches {@link #pathPattern()} go to {@link #targetOriginId()} with these
 * settings. The default behaviour is the one with path pattern {@value #DEFAULT_PATH_PATTERN}.
 */
@Value.Immutable
public abstract class CacheBehavior {

  /** The path pattern of the default behaviour, which matches every request no other behaviour matched. */
  public static final String DEFAULT_PATH_PATTERN = "*";

  public abstract String pathPattern();

  public abstract String targetOriginId();

  public abstract ProtocolPolicy viewerProtocolPolicy();

  public abstract List<String> allowedMethods();

  public abstract List<String> cachedMethods();

  /** The cache policy; empty for a behaviour on CloudFront's legacy cache settings. */
  public abstract Optional<String> cachePolicyId();

  public abstract Optional<String> originRequestPolicyId();

  @Value.Default
  public boolean compress() {
    return false;
  }

  @Value.Default
  public boolean smoothStreaming() {
    return false;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CacheBehavior}. */
  public static class Builder extends ImmutableCacheBehavior.Builder {}
}
