package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudFront half of a teardown, written once for both MediaPackage versions: which distribution is the
 * channel's (read before anything is deleted, so an ambiguous link stops the teardown with everything in place), and
 * its removal (disabled, awaited, deleted by {@link DistributionRemoval}, the link tag read again before each write).
 * Each side deletes its own endpoints and channel around it.
 *
 * @param <C> the side's channel, as read
 */
public final class DistributionTeardown<C> {

  private static final Logger log = LoggerFactory.getLogger(DistributionTeardown.class);

  private final Distributions distributions;
  private final LinkTags<C> linkTags;
  private final LinkResolution<C> links;
  private final VisibilityWait visibility;
  private final DistributionRemoval removal;

  /** The teardown on {@code distributions}, each update of a disable re-read at most {@code maxUpdateAttempts} times. */
  public DistributionTeardown(Distributions distributions, LinkTags<C> linkTags, LinkResolution<C> links,
      VisibilityWait visibility, int maxUpdateAttempts, Clock clock) {
    this.distributions = distributions;
    this.linkTags = linkTags;
    this.links = links;
    this.visibility = visibility;
    this.removal = new DistributionRemoval(distributions, maxUpdateAttempts, clock);
  }

  /**
   * The one distribution linked to the channel, if any, and the candidates whose link tag no longer names it.
   *
   * @param linked the distribution whose own link tag names the channel
   * @param unlinked the candidates whose own link tag names another channel or none
   */
  public record Candidates(Optional<DistributionId> linked, List<DistributionId> unlinked) {

    /** No distribution asked for. */
    public static final Candidates NONE = new Candidates(Optional.empty(), List.of());
  }

  /**
   * The candidates: the distribution recorded on the channel (its channel tag, read with it), those of the tag index,
   * and one this process created a moment ago. The index may still list a distribution deleted or re-tagged a moment
   * ago, and may not list one created a moment ago: CloudFront's own tags decide.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException ({@code AMBIGUOUS_LINK}) when two are
   *     linked
   */
  public Candidates candidates(C channel) {
    Set<DistributionId> candidates = new LinkedHashSet<>();
    linkTags.channelTag(channel).recorded().ifPresent(candidates::add);
    candidates.addAll(linkTags.indexed(channel));
    links.recent(channel).ifPresent(candidates::add);
    List<DistributionId> confirmed = new ArrayList<>();
    List<DistributionId> unlinked = new ArrayList<>();
    for (DistributionId candidate : candidates) {
      if (linkTags.namesChannel(candidate, channel)) {
        confirmed.add(candidate);
      } else {
        log.debug("distribution {} is not (or no longer) tagged for channel {}; not touched", candidate,
            linkTags.ref(channel));
        unlinked.add(candidate);
      }
    }
    return new Candidates(linkTags.atMostOne(channel, confirmed, LinkTags.ON_TEARDOWN), unlinked);
  }

  /**
   * The result of a teardown that found the channel (for a group's, the group) gone: its ARN is unknown, so no
   * distribution was looked for ({@code NOT_LOOKED_UP} when the options asked for it, else {@code NOT_REQUESTED}).
   */
  public static TeardownResult.Builder gone(ChannelRef channel, TeardownOptions options) {
    return TeardownResult.builder().channelRef(channel).channel(TeardownResult.Removal.ALREADY_GONE)
        .distribution(options.deleteDistribution() ? TeardownResult.DistributionRemoval.NOT_LOOKED_UP
            : TeardownResult.DistributionRemoval.NOT_REQUESTED);
  }

  /** {@link #candidates(Object)} when the options ask for the distribution, else {@link Candidates#NONE}. */
  public Candidates candidates(C channel, TeardownOptions options) {
    return options.deleteDistribution() ? candidates(channel) : Candidates.NONE;
  }

  /**
   * Says in {@code result} what became of the distribution: {@code NOT_REQUESTED} unless the options ask for it;
   * else the linked one disabled, awaited and deleted, from whatever state an earlier try left it in, or, with none
   * linked, whether a candidate still exists, no longer linked.
   */
  public TeardownResult.Builder remove(C channel, Candidates candidates, TeardownOptions options,
      TeardownResult.Builder result) {
    if (!options.deleteDistribution()) {
      return result.distribution(TeardownResult.DistributionRemoval.NOT_REQUESTED);
    }
    if (candidates.linked().isEmpty()) {
      Optional<DistributionId> unlinked = candidates.unlinked().stream()
          .filter(id -> distributions.find(id).isPresent()).findFirst();
      return result.distribution(unlinked.isPresent() ? TeardownResult.DistributionRemoval.NO_LONGER_LINKED
          : TeardownResult.DistributionRemoval.ALREADY_GONE).unlinkedDistribution(unlinked);
    }
    DistributionId id = candidates.linked().get();
    // CloudFront has just shown its tag: a read that misses it may be too early (as after a create), so it is read
    // again in pauses up to the visibility timeout before it counts as gone
    return switch (removal.remove(linkTags.ref(channel).toString(), id,
        visibility.until(linkTags.ref(channel), "GetDistribution", () -> distributions.find(id)),
        () -> linkTags.namesChannel(id, channel), options.deploymentTimeout())) {
      case DELETED -> result.distribution(TeardownResult.DistributionRemoval.DELETED).deletedDistribution(id);
      case NO_LONGER_LINKED ->
          result.distribution(TeardownResult.DistributionRemoval.NO_LONGER_LINKED).unlinkedDistribution(id);
      case GONE -> result.distribution(TeardownResult.DistributionRemoval.ALREADY_GONE);
    };
  }
}
