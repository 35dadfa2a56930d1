package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What happened on the CloudFront side of a save. A failure here never hides what MediaPackage saved: it is reported
 * beside it, and saving again restarts the work without ever creating a second distribution.
 */
@Value.Immutable
public abstract class CdnOutcome {

  /** What was done to the channel's distribution. */
  public enum Action {
    /** The channel was saved without asking for a distribution. */
    NOT_REQUESTED,
    /** The channel has no linked distribution, so there was nothing to update. */
    NO_DISTRIBUTION,
    /** A distribution was created. */
    CREATED,
    /** A distribution created earlier for the channel (by a previous try or another instance) was found and used. */
    ADOPTED,
    /** The distribution got the origin or cache behaviours it lacked. */
    UPDATED,
    /** The distribution already had everything; no update was sent. */
    UNCHANGED,
    /** CloudFront could not do it; see {@link #failure()}. Save again to restart. */
    FAILED
  }

  public abstract Action action();

  public abstract Optional<DistributionId> distributionId();

  public abstract Optional<ProvisioningException> failure();

  public boolean failed() {
    return action() == Action.FAILED;
  }

  static CdnOutcome of(Action action) {
    return ImmutableCdnOutcome.builder().action(action).build();
  }

  static CdnOutcome of(Action action, DistributionId id) {
    return ImmutableCdnOutcome.builder().action(action).distributionId(id).build();
  }

  static CdnOutcome failed(ProvisioningException failure, Optional<DistributionId> id) {
    return ImmutableCdnOutcome.builder().action(Action.FAILED).failure(failure).distributionId(id).build();
  }

  @Value.Check
  protected void check() {
    if ((action() == Action.FAILED) != failure().isPresent()) {
      throw new IllegalStateException("a failure goes with action FAILED, and only with it");
    }
  }
}
