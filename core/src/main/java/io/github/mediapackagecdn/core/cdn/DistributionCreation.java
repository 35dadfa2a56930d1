package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.CallerReferences;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a channel's distribution, never a second one. The CallerReference is derived from the channel ARN, so a
 * second creation (another save, another instance) is refused with {@code DistributionAlreadyExists}; then the
 * distribution linked to the channel is adopted. A reference whose holder is proven no longer linked (its link tag,
 * read from CloudFront, names another channel or none) gives way to the next generation, up to
 * the settings' bound of CallerReference generations. A reference whose holder does not show within the
 * visibility timeout gives way only when the distribution recorded on the channel is proven deleted (it was deleted
 * in the CloudFront console, say, and CloudFront may keep its reference taken): {@link TakenReferences}, the rule v2
 * shares; otherwise it is never guessed past. Each of these steps is told to the listeners, the attempt being the
 * generation plus one. Written once for both MediaPackage versions: a side gives the configuration of its new
 * distribution and its tags.
 */
public final class DistributionCreation<C> {

  private static final Logger log = LoggerFactory.getLogger(DistributionCreation.class);

  private final Distributions distributions;
  private final LinkTags<C> linkTags;
  private final LinkResolution<C> links;
  private final VisibilityWait visibility;
  private final int maxGenerations;
  private final Listeners listeners;
  private final TakenReferences taken;

  /**
   * The creation on {@code distributions}, linking through {@code linkTags} and {@code links}, waiting with
   * {@code visibility}, trying at most {@code maxGenerations} CallerReferences.
   */
  public DistributionCreation(Distributions distributions, LinkTags<C> linkTags, LinkResolution<C> links,
      VisibilityWait visibility, int maxGenerations, Duration visibilityTimeout, Listeners listeners) {
    this.listeners = listeners;
    this.distributions = distributions;
    this.linkTags = linkTags;
    this.links = links;
    this.visibility = visibility;
    this.maxGenerations = maxGenerations;
    this.taken = new TakenReferences(listeners::now, visibilityTimeout);
  }

  /**
   * The distribution recorded on the channel (its id, or the own distribution a move to its group's deleted) when
   * CloudFront says it does not exist (one GetDistribution): deleted, or created a moment ago and not visible yet.
   * Empty when none is recorded or it exists.
   */
  public Optional<DistributionId> recordedButMissing(C channel) {
    return linkTags.channelTag(channel).recorded().or(() -> linkTags.deletedByMove(channel))
        .filter(id -> distributions.find(id).isEmpty());
  }

  /**
   * {@code CREATED}, or {@code ADOPTED} for the distribution made earlier for the channel (a try whose answer was lost,
   * another instance), remembered for the channel either way.
   *
   * @param configFor the new distribution's configuration for a CallerReference
   * @param tags the new distribution's tags, the link tag among them
   * @throws ResourceConflictException ({@code ALREADY_EXISTS}) when every generation is taken by a distribution no
   *     longer linked, or a holder does not show and no deletion proves the link gone
   */
  public CdnOutcome create(C channel, Function<String, DistributionConfig> configFor, Map<String, String> tags) {
    ChannelRef ref = linkTags.ref(channel);
    String arn = linkTags.linkValue(channel);
    for (int generation = 0; generation < maxGenerations; generation++) {
      String callerReference = CallerReferences.of(arn, generation);
      DistributionConfig config = configFor.apply(callerReference);
      int attempt = generation + 1;
      Instant start = listeners.now();
      try {
        Distribution distribution = distributions.create(config, tags);
        log.debug("created distribution {} for channel {}", distribution.id(), ref);
        listeners.emit(Listeners.event(ProvisioningEvent.Step.DISTRIBUTION_CREATED, ref)
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
            linkTags.lags() ? visibility.until(ref, "GetResources", index) : index.get();
        if (indexed.isPresent()) {
          taken.holderShown(callerReference);
          log.debug("adopted distribution {} already created for channel {}", indexed.get(), ref);
          return adopted(channel, indexed.get(), attempt, start);
        }
        // a new generation only when the holder of the reference is found and proven not linked, or does not show
        // within the visibility timeout while the channel's recorded distribution is proven deleted: never a guess
        Optional<DistributionId> shown = visibility.until(ref, "ListDistributions",
            () -> distributions.findByCallerReference(callerReference, config.comment()));
        if (shown.isEmpty()) {
          taken.passOver(ref.toString(), callerReference, recordedButMissing(channel));
          log.debug("caller reference {} of channel {} is held by no distribution that shows, and the channel's "
              + "distribution was deleted; trying the next", callerReference, ref);
          listeners.emit(Listeners.event(ProvisioningEvent.Step.CALLER_REFERENCE_GENERATION_TAKEN, ref)
              .operation("CreateDistributionWithTags").attempt(attempt).duration(listeners.since(start)));
          continue;
        }
        DistributionId holder = shown.get();
        taken.holderShown(callerReference);
        if (linkTags.namesChannel(holder, channel)) {
          log.debug("adopted distribution {} whose tag is not indexed yet, for channel {}", holder, ref);
          return adopted(channel, holder, attempt, start);
        }
        log.debug("caller reference {} is held by distribution {}, which is no longer linked to channel {}; "
            + "trying the next", callerReference, holder, ref);
        listeners.emit(Listeners.event(ProvisioningEvent.Step.CALLER_REFERENCE_GENERATION_TAKEN, ref)
            .distributionId(holder).operation("CreateDistributionWithTags").attempt(attempt)
            .duration(listeners.since(start)));
      }
    }
    throw new ResourceConflictException("the first " + maxGenerations + " caller references of channel " + ref
        + " are taken by distributions no longer linked to it", ResourceConflictException.Reason.ALREADY_EXISTS, arn);
  }

  /**
   * {@code ADOPTED} for distribution {@code id}, found linked to the channel but not recorded on it (made by a try
   * whose answer was lost, or by another instance) and recorded on it now by the caller: told to the listeners as
   * {@link ProvisioningEvent.Step#DISTRIBUTION_ADOPTED}, as an adoption after a refused creation is, with no operation
   * (the lookup found it, no creation was tried).
   */
  public CdnOutcome adoptedFound(C channel, DistributionId id) {
    log.debug("adopted distribution {} found linked to channel {}, not recorded on it yet", id, linkTags.ref(channel));
    listeners.emit(Listeners.event(ProvisioningEvent.Step.DISTRIBUTION_ADOPTED, linkTags.ref(channel))
        .distributionId(id));
    return CdnOutcome.of(CdnOutcome.Action.ADOPTED, id);
  }

  private CdnOutcome adopted(C channel, DistributionId id, int attempt, Instant start) {
    listeners.emit(Listeners.event(ProvisioningEvent.Step.DISTRIBUTION_ADOPTED, linkTags.ref(channel)).distributionId(id)
        .operation("CreateDistributionWithTags").attempt(attempt).duration(listeners.since(start)));
    return linked(channel, id, CdnOutcome.Action.ADOPTED);
  }

  private CdnOutcome linked(C channel, DistributionId id, CdnOutcome.Action action) {
    links.remember(channel, id);
    return CdnOutcome.of(action, id);
  }
}
