package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.util.Map;
import java.util.Optional;

/**
 * The use case "make sure the channel has its distribution": the linked one if there is one, else one created (or
 * adopted, never a second) by {@link DistributionCreation}, recorded on the channel and given what the channel's
 * endpoints need by {@link Reconciling}. Idempotent.
 */
final class AttachingDistribution {

  private final LinkResolution links;
  private final DistributionCreation creation;
  private final Reconciling reconciling;

  AttachingDistribution(LinkResolution links, DistributionCreation creation, Reconciling reconciling) {
    this.links = links;
    this.creation = creation;
    this.reconciling = reconciling;
  }

  /**
   * {@code CREATED} or {@code ADOPTED} when the channel had no distribution, else what reconciling it did; {@code
   * FAILED} with the id when the distribution exists but could not be completed (attaching again completes it).
   *
   * @throws io.github.mediapackagecdn.core.error.ProvisioningException when no distribution could be found or created
   */
  CdnOutcome attach(Channel channel, Optional<String> comment, Map<String, String> extraTags) {
    DistributionResolver.Resolution found = links.resolve(channel);
    if (found.id().isPresent()) {
      return reconciling.reconcile(channel, found.id().get(), found.needsRecording());
    }
    links.recordRequest(channel); // before asking CloudFront: a creation cut off stays detectable
    CdnOutcome created = creation.create(channel, comment, extraTags);
    DistributionId id = created.distributionId().orElseThrow();
    CdnOutcome completed = reconciling.reconcile(channel, id, true);
    return completed.failed() ? completed : created;
  }

  /**
   * {@code CREATED} (or {@code ADOPTED}) for a channel this save has just created with the "requested" marker: its
   * ARN is new, so no distribution can be linked to it yet (no lookup), and it has no endpoint of its own yet (no
   * listing; an endpoint another instance saves meanwhile is told {@code REQUESTED_BUT_MISSING}, and a reconcile or
   * save gives it its behaviours). The distribution is recorded on the channel; {@code FAILED} with the id when
   * that fails (attaching again completes it).
   */
  CdnOutcome attachToNew(Channel channel, Optional<String> comment, Map<String, String> extraTags) {
    CdnOutcome created = creation.create(channel, comment, extraTags);
    CdnOutcome recorded = reconciling.record(channel, created.distributionId().orElseThrow());
    return recorded.failed() ? recorded : created;
  }
}
