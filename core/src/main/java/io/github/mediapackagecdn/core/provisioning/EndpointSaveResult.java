package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The endpoints MediaPackage saved, in the order given, and what happened to the channel's distribution for them.
 *
 * <p>A batch MediaPackage stopped partway (for example past its quota of endpoints a channel) is reported here, not
 * thrown: {@link #endpoints()} are the ones saved, and they got their cache behaviours like any other;
 * {@link #unsaved()} and {@link #stoppedBy()} say which were not and why. Check {@link #complete()}.
 */
@Value.Immutable
public abstract class EndpointSaveResult {

  /** The endpoints MediaPackage saved, in the order given. */
  @Value.Parameter
  public abstract List<OriginEndpoint> endpoints();

  /** What happened to the channel's distribution for the saved endpoints. */
  @Value.Parameter
  public abstract CdnOutcome cdn();

  /** The ids of the endpoints of the batch MediaPackage did not save, in the order given; empty when all were. */
  public abstract List<OriginEndpointId> unsaved();

  /** The MediaPackage error that stopped the batch before {@link #unsaved()}; empty when every endpoint was saved. */
  public abstract Optional<ProvisioningException> stoppedBy();

  /** The endpoint saved first. */
  public OriginEndpoint endpoint() {
    return endpoints().get(0);
  }

  /**
   * Whether everything asked was done: every endpoint saved and the CloudFront part neither failed nor left a saved
   * endpoint unserved.
   */
  public boolean complete() {
    return unsaved().isEmpty() && !cdn().failed() && cdn().action() != CdnOutcome.Action.NOT_SERVED;
  }

  static EndpointSaveResult of(List<OriginEndpoint> endpoints, CdnOutcome cdn) {
    return ImmutableEndpointSaveResult.of(endpoints, cdn);
  }

  static EndpointSaveResult partial(
      List<OriginEndpoint> saved, CdnOutcome cdn, List<OriginEndpointId> unsaved, ProvisioningException stoppedBy) {
    return ImmutableEndpointSaveResult.builder()
        .endpoints(saved).cdn(cdn).unsaved(unsaved).stoppedBy(stoppedBy).build();
  }

  /** Keeps unsaved endpoints and the error that stopped the batch together. */
  @Value.Check
  protected void check() {
    if (unsaved().isEmpty() == stoppedBy().isPresent()) {
      throw new IllegalStateException("unsaved endpoints go with the error that stopped the batch, and only with it");
    }
  }
}
