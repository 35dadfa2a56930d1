package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import java.util.List;
import java.util.Optional;

/**
 * Saved v2 endpoints, how many policies were written, and what was done to the distribution, as v1's
 * {@code EndpointSaveResult}: a batch MediaPackage stopped partway is reported here, not thrown; {@link #endpoints()}
 * are the ones saved, and they were served like any other; {@link #unsaved()} and {@link #stoppedBy()} say which were
 * not and why. Check {@link #complete()}.
 *
 * @param endpoints the endpoints as MediaPackage answered them, in the order given
 * @param policiesWritten how many endpoint policies were written (PutOriginEndpointPolicy); 0 when each had the
 *     library's statement already, or there is no distribution
 * @param cdn what was done to the distribution
 * @param unsaved the endpoints of the batch MediaPackage did not save, in the order given; empty when all were
 * @param stoppedBy the MediaPackage error that stopped the batch before {@code unsaved}; empty when all were saved
 */
public record V2EndpointSaveResult(List<V2Endpoint> endpoints, int policiesWritten, CdnOutcome cdn,
    List<V2EndpointId> unsaved, Optional<ProvisioningException> stoppedBy) {

  /** Keeps unmodifiable copies; unsaved endpoints go with the error that stopped the batch, and only with it. */
  public V2EndpointSaveResult {
    endpoints = List.copyOf(endpoints);
    unsaved = List.copyOf(unsaved);
    if (unsaved.isEmpty() == stoppedBy.isPresent()) {
      throw new IllegalStateException("unsaved endpoints go with the error that stopped the batch, and only with it");
    }
  }

  /** Every endpoint of the batch saved. */
  public V2EndpointSaveResult(List<V2Endpoint> endpoints, int policiesWritten, CdnOutcome cdn) {
    this(endpoints, policiesWritten, cdn, List.of(), Optional.empty());
  }

  /** The endpoint saved first. */
  public V2Endpoint endpoint() {
    return endpoints.get(0);
  }

  /**
   * Whether everything asked was done: every endpoint saved and the CloudFront part neither failed nor left a saved
   * endpoint unserved.
   */
  public boolean complete() {
    return unsaved.isEmpty() && !cdn.failed() && cdn.action() != CdnOutcome.Action.NOT_SERVED;
  }
}
