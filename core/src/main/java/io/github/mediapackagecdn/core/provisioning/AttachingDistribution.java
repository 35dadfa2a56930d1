package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DistributionCreation;
import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
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

  private final LinkResolution<Channel> links;
  private final DistributionCreation<Channel> creation;
  private final Reconciling reconciling;
  private final CdnSettings settings;
  private final LiveCdnSettings layout;

  AttachingDistribution(LinkResolution<Channel> links, DistributionCreation<Channel> creation, Reconciling reconciling,
      CdnSettings settings, LiveCdnSettings layout) {
    this.links = links;
    this.settings = settings;
    this.layout = layout;
    this.creation = creation;
    this.reconciling = reconciling;
  }

  /**
   * {@code CREATED} or {@code ADOPTED} when the channel had no distribution recorded (a distribution found but not
   * recorded on the channel yet, made by a try whose answer was lost or by another instance, is {@code ADOPTED}), else
   * what reconciling it did; {@code FAILED} with the id when the distribution exists but could not be completed
   * (attaching again completes it).
   *
   * @throws io.github.mediapackagecdn.core.error.ProvisioningException when no distribution could be found or created
   */
  CdnOutcome attach(Channel channel, Optional<String> comment, Map<String, String> extraTags) {
    DistributionResolver.Resolution found = links.resolve(channel);
    if (found.id().isPresent()) {
      CdnOutcome reconciled = reconciling.reconcile(channel, found.id().get(), found.needsRecording());
      // not recorded on the channel yet: made by a try whose answer was lost, or by another instance, and used now
      return found.needsRecording() && !reconciled.failed() && reconciled.action() != CdnOutcome.Action.NOT_SERVED
          ? CdnOutcome.of(CdnOutcome.Action.ADOPTED, found.id().get()) : reconciled;
    }
    if (creation.recordedButMissing(channel).isEmpty()) {
      links.recordRequest(channel); // before asking CloudFront: a creation cut off stays detectable
    } // else the deleted distribution stays recorded until its successor is: it proves the link gone, save after save
    return createAndComplete(channel, comment, extraTags);
  }

  /**
   * As {@link #attach}, for a channel this save has just created with the "requested" marker among its tags: its ARN
   * is new, so no distribution can be linked to it yet, and nothing is looked up. Its endpoints are still listed:
   * another instance may have saved one since CreateChannel.
   */
  CdnOutcome attachToNew(Channel channel, Optional<String> comment, Map<String, String> extraTags) {
    return createAndComplete(channel, comment, extraTags);
  }

  private CdnOutcome createAndComplete(Channel channel, Optional<String> comment, Map<String, String> extraTags) {
    SavingChannel.refuseLinkTagValue(channel);
    Map<String, String> tags = DistributionLayout.tags(channel, extraTags, settings);
    settings.cloudFrontQuotas().refuseTags("the distribution of channel " + channel.id(), tags);
    CdnOutcome created = creation.create(channel, callerReference -> comment
        .map(given -> DistributionLayout.newDistribution(channel.id(), callerReference, given, settings, layout))
        .orElseGet(() -> DistributionLayout.newDistribution(channel.id(), callerReference, settings, layout)),
        tags);
    DistributionId id = created.distributionId().orElseThrow();
    CdnOutcome completed = reconciling.reconcile(channel, id, true);
    return completed.failed() ? completed : created;
  }
}
