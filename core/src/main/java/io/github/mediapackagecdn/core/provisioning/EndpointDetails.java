package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.OriginEndpoint;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An endpoint and its CloudFront CDN URLs: the URLs to give downstream players. They are reported only when the
 * distribution routes each of them to this endpoint (through the first cache behaviour whose path pattern matches,
 * as CloudFront does); otherwise {@link #notServedReason()} says which behaviour and origin are in the way.
 */
@Value.Immutable
public abstract class EndpointDetails {

  /** The endpoint as MediaPackage reports it. */
  @Value.Parameter
  public abstract OriginEndpoint endpoint();

  /** The CDN URLs players use; empty unless the endpoint is {@link #served()}. */
  @Value.Parameter
  public abstract List<String> cdnUrls();

  /**
   * Why CloudFront would not bring this endpoint's CDN URLs to it: no distribution, or the behaviour and origin in
   * the way. Empty when it is served.
   */
  @Value.Parameter
  public abstract Optional<String> notServedReason();

  /** Whether the distribution routes every CDN URL of this endpoint to the endpoint. */
  public boolean served() {
    return notServedReason().isEmpty();
  }

  static EndpointDetails of(OriginEndpoint endpoint, List<String> cdnUrls, Optional<String> notServedReason) {
    return ImmutableEndpointDetails.of(endpoint, cdnUrls, notServedReason);
  }

  /** Keeps CDN URLs and the not-served reason apart: an endpoint has URLs exactly when it is served. */
  @Value.Check
  protected void check() {
    if (notServedReason().isPresent() != cdnUrls().isEmpty()) {
      throw new IllegalStateException("an endpoint has CDN URLs exactly when it is served");
    }
  }
}
