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

  /** The request paths this behaviour serves, such as {@code *.m3u8}; {@code *} for the default behaviour. */
  public abstract String pathPattern();

  /** The id of the origin that requests matching this behaviour go to. */
  public abstract String targetOriginId();

  /** What CloudFront does with viewers' HTTP requests; {@code redirect-to-https} for the library's behaviours. */
  public abstract ProtocolPolicy viewerProtocolPolicy();

  /** The HTTP methods CloudFront forwards, such as {@code GET}, {@code HEAD}, {@code OPTIONS}. */
  public abstract List<String> allowedMethods();

  /** The HTTP methods whose responses CloudFront caches. */
  public abstract List<String> cachedMethods();

  /** The cache policy; empty for a behaviour on CloudFront's legacy cache settings. */
  public abstract Optional<String> cachePolicyId();

  /** The origin request policy; empty when none is attached. */
  public abstract Optional<String> originRequestPolicyId();

  /** The response headers policy, such as a managed CORS policy; empty when none is attached. */
  public abstract Optional<String> responseHeadersPolicyId();

  /** Whether CloudFront compresses responses; off for the library's behaviours (video is already compressed). */
  @Value.Default
  public boolean compress() {
    return false;
  }

  /** Whether the behaviour serves Microsoft Smooth Streaming; on for the MSS {@code *.ism/*} behaviour. */
  @Value.Default
  public boolean smoothStreaming() {
    return false;
  }

  /** A builder of a cache behaviour. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CacheBehavior}. */
  public static class Builder extends ImmutableCacheBehavior.Builder {}
}
