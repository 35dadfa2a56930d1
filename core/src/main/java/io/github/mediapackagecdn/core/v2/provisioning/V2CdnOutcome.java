package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.provisioning.CdnOutcome;
import java.util.Optional;

/**
 * What a v2 save did to the channel's distribution, in v1's words ({@link CdnOutcome.Action}): {@code NOT_REQUESTED},
 * {@code NO_DISTRIBUTION}, {@code CREATED}, {@code ADOPTED}, {@code UPDATED}, {@code UNCHANGED} or {@code FAILED}
 * with the typed error. A CloudFront failure never hides that MediaPackage was saved.
 */
public final class V2CdnOutcome {

  private final CdnOutcome.Action action;
  private final DistributionId distributionId;
  private final ProvisioningException failure;

  private V2CdnOutcome(CdnOutcome.Action action, DistributionId distributionId, ProvisioningException failure) {
    this.action = action;
    this.distributionId = distributionId;
    this.failure = failure;
  }

  static V2CdnOutcome of(CdnOutcome.Action action) {
    return new V2CdnOutcome(action, null, null);
  }

  static V2CdnOutcome of(CdnOutcome.Action action, DistributionId id) {
    return new V2CdnOutcome(action, id, null);
  }

  static V2CdnOutcome failed(ProvisioningException failure, Optional<DistributionId> id) {
    return new V2CdnOutcome(CdnOutcome.Action.FAILED, id.orElse(null), failure);
  }

  /** What was done. */
  public CdnOutcome.Action action() {
    return action;
  }

  /** The channel's distribution, when it has one. */
  public Optional<DistributionId> distributionId() {
    return Optional.ofNullable(distributionId);
  }

  /** The typed error of a {@code FAILED} outcome. */
  public Optional<ProvisioningException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Whether the CloudFront part failed. */
  public boolean failed() {
    return action == CdnOutcome.Action.FAILED;
  }

  @Override
  public String toString() {
    return "V2CdnOutcome[" + action + (distributionId == null ? "" : ", " + distributionId)
        + (failure == null ? "" : ", " + failure) + "]";
  }
}
