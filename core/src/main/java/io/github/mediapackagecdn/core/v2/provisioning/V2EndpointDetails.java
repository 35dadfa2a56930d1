package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import java.util.List;
import java.util.Optional;

/**
 * A v2 endpoint and its CloudFront CDN URLs, as v1's {@code EndpointDetails}: the URLs to give downstream players,
 * one per manifest, reported only when the distribution routes the endpoint's requests to it (through the first cache
 * behaviour whose path pattern matches, as CloudFront does); otherwise {@link #notServedReason()} says why.
 *
 * @param endpoint the endpoint
 * @param cdnUrls the CDN URL of each of its manifests; empty unless it is {@link #served()}
 * @param notServedReason why CloudFront would not bring its requests to it: no distribution, or the behaviour and
 *     origin in the way; empty when it is served
 */
public record V2EndpointDetails(V2EndpointId endpoint, List<String> cdnUrls, Optional<String> notServedReason) {

  /** Keeps an unmodifiable copy; an endpoint has CDN URLs exactly when it is served. */
  public V2EndpointDetails {
    cdnUrls = List.copyOf(cdnUrls);
    if (notServedReason.isPresent() != cdnUrls.isEmpty()) {
      throw new IllegalStateException("an endpoint has CDN URLs exactly when it is served");
    }
  }

  /** Whether the distribution routes every CDN URL of this endpoint to the endpoint. */
  public boolean served() {
    return notServedReason.isEmpty();
  }
}
