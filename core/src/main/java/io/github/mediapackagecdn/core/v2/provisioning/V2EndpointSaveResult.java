package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import java.util.List;

/**
 * Saved v2 endpoints, how many policies were written, and what was done to the distribution.
 *
 * @param endpoints the endpoints as MediaPackage answered them, in the order given
 * @param policiesWritten how many endpoint policies were written (PutOriginEndpointPolicy); 0 when each had the
 *     library's statement already, or there is no distribution
 * @param cdn what was done to the distribution
 */
public record V2EndpointSaveResult(List<V2Endpoint> endpoints, int policiesWritten, CdnOutcome cdn) {

  /** Keeps an unmodifiable copy. */
  public V2EndpointSaveResult {
    endpoints = List.copyOf(endpoints);
  }
}
