package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;

/**
 * A custom CloudFront cache policy as read ({@code CachePolicy}): what a behaviour names in {@code CachePolicyId}.
 *
 * @param id {@code Id}
 * @param config its {@code CachePolicyConfig}, as far as the library models it
 */
public record CachePolicy(String id, CachePolicyConfig config) {

  /** Refuses an empty id. */
  public CachePolicy {
    if (id == null || id.isEmpty() || config == null) {
      throw new ValidationException("a cache policy has an id and a configuration");
    }
  }
}
