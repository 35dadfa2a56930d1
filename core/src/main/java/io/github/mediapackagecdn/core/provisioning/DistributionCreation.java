package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.cdn.TakenReferences;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a channel's distribution, never a second one. The CallerReference is derived from the channel ARN, so a
 * second creation (another save, another instance) is refused with {@code DistributionAlreadyExists}; then the
 * distribution linked to the channel is adopted. A reference whose holder is proven no longer linked (its link tag,
 * read from CloudFront, names another channel or none) gives way to the next generation, up to
 * {@link LiveCdnSettings#maxCallerReferenceGenerations()}. A reference whose holder does not show within the
 * visibility timeout gives way only when the distribution recorded on the channel is proven deleted (it was deleted
 * in the CloudFront console, say, and CloudFront may keep its reference taken): {@link TakenReferences}, the rule v2
 * shares; otherwise it is never guessed past. Each of these steps is told to the listeners, the attempt being the
 * generation plus one.
 */
final class DistributionCreation {

  private static final Logger log = LoggerFactory.getLogger(DistributionCreation.class);

  private final Distributions distributions;
  private final LinkTags<Channel> linkTags;
  private final LinkResolution<Channel> links;
  private final VisibilityWait visibility;
  private final LiveCdnSettings settings;
  private final Listeners listeners;
  private final TakenReferences taken;

  DistributionCreation(Distributions distributions, LinkTags<Channel> linkTags, LinkResolution<Channel> links,
      VisibilityWait visibility, LiveCdnSettings settings, Listeners listeners) {
    this.listeners = listeners;
    this.distributions = distributions;
    this.linkTags = linkTags;
    this.links = links;
    this.visibility = visibility;
    this.settings = settings;
    this.taken = new TakenReferences(listeners::now, settings.visibilityTimeout());
  }

  /**
   * The distribution recorded on the channel when CloudFront says it does not exist (one GetDistribution): deleted,
   * or created a moment ago and not visible yet. Empty when none is recorded or it exists.
   */
  Optional<DistributionId> recordedButMissing(Channel channel) {
    return linkTags.channelTag(channel).recorded().filter(id -> distributions.find(id).isEmpty());
  }

  /**
   * {@code CREATED} or {@code ADOPTED}, with the distribution's id, which is remembered as a recent link.
   *
   * @throws io.github.mediapackagecdn.core.error.ValidationException when the channel's ARN is too long for the link
   *     tag's value
   * @throws io.github.mediapackagecdn.core.error.QuotaExceededException when the tags exceed the account's quota
   */
  CdnOutcome create(Channel channel, Optional<String> comment, Map<String, String> extraTags) {
    SavingChannel.refuseLinkTagValue(channel);
    Map<String, String> tags = DistributionLayout.tags(channel, extraTags, settings);
    settings.cloudFrontQuotas().refuseTags("the distribution of channel " + channel.id(), tags);
    for (int generation = 0; generation < settings.maxCallerReferenceGenerations(); generation++) {
      String callerReference = DistributionLayout.callerReference(channel.arn(), generation);
      DistributionConfig config = comment
          .map(given -> DistributionLayout.newDistribution(channel.id(), callerReference, given, settings))
          .orElseGet(() -> DistributionLayout.newDistribution(channel.id(), callerReference, settings));
      int attempt = generation + 1;
      Instant start = listeners.now();
      try {
        Distribution distribution = distributions.create(config, tags);
        log.debug("created distribution {} for channel {}", distribution.id(), channel.id());
        listeners.emit(Listeners.event(ProvisioningEvent.Step.DISTRIBUTION_CREATED, channel.id())
            .distributionId(distribution.id()).operation("CreateDistributionWithTags").attempt(attempt)
            .duration(listeners.since(start)));
        return linked(channel, distribution.id(), CdnOutcome.Action.CREATED);
      } catch (ResourceConflictException e) {
        if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
          throw e;
        }
        taken.refused(callerReference);
        // the distribution holding the reference may be too new for its tag to be indexed: wait for it, where the
        // index can lag; one that does not lag shows it at once, or shows that the holder is not linked
        Supplier<Optional<DistributionId>> index =
            () -> linkTags.atMostOne(channel, linkTags.indexed(channel), LinkTags.ON_SAVE);
        Optional<DistributionId> indexed =
            linkTags.lags() ? visibility.until(channel.id().ref(), "GetResources", index) : index.get();
        if (indexed.isPresent()) {
          taken.holderShown(callerReference);
          log.debug("adopted distribution {} already created for channel {}", indexed.get(), channel.id());
          return adopted(channel, indexed.get(), attempt, start);
        }
        // a new generation only when the holder of the reference is found and proven not linked, or does not show
        // within the visibility timeout while the channel's recorded distribution is proven deleted: never a guess
        Optional<DistributionId> shown = visibility.until(channel.id().ref(), "ListDistributions",
            () -> distributions.findByCallerReference(callerReference, config.comment()));
        if (shown.isEmpty()) {
          taken.passOver(channel.id().toString(), callerReference, recordedButMissing(channel));
          log.debug("caller reference {} of channel {} is held by no distribution that shows, and the channel's "
              + "distribution was deleted; trying the next", callerReference, channel.id());
          listeners.emit(Listeners.event(ProvisioningEvent.Step.CALLER_REFERENCE_GENERATION_TAKEN, channel.id())
              .operation("CreateDistributionWithTags").attempt(attempt).duration(listeners.since(start)));
          continue;
        }
        DistributionId holder = shown.get();
        taken.holderShown(callerReference);
        if (linkTags.namesChannel(holder, channel)) {
          log.debug("adopted distribution {} whose tag is not indexed yet, for channel {}", holder, channel.id());
          return adopted(channel, holder, attempt, start);
        }
        log.debug("caller reference {} is held by distribution {}, which is no longer linked to channel {}; "
            + "trying the next", callerReference, holder, channel.id());
        listeners.emit(Listeners.event(ProvisioningEvent.Step.CALLER_REFERENCE_GENERATION_TAKEN, channel.id())
            .distributionId(holder).operation("CreateDistributionWithTags").attempt(attempt)
            .duration(listeners.since(start)));
      }
    }
    throw new ResourceConflictException("the first " + settings.maxCallerReferenceGenerations()
        + " caller references of channel " + channel.id() + " are taken by distributions no longer linked to it",
        ResourceConflictException.Reason.ALREADY_EXISTS, channel.arn().value());
  }

  private CdnOutcome adopted(Channel channel, DistributionId id, int attempt, Instant start) {
    listeners.emit(Listeners.event(ProvisioningEvent.Step.DISTRIBUTION_ADOPTED, channel.id()).distributionId(id)
        .operation("CreateDistributionWithTags").attempt(attempt).duration(listeners.since(start)));
    return linked(channel, id, CdnOutcome.Action.ADOPTED);
  }

  private CdnOutcome linked(Channel channel, DistributionId id, CdnOutcome.Action action) {
    links.remember(channel, id);
    return CdnOutcome.of(action, id);
  }
}
