package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Clock;
import java.time.Duration;
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

  /** What became of the channel's distribution. */
  public enum Result {
    /** Disabled and deleted by this teardown, or an earlier try of it. */
    DELETED,
    /** A distribution that was the channel's is no longer linked to it (its tag was changed): not touched. */
    NO_LONGER_LINKED,
    /** None exists any more. */
    ALREADY_GONE
  }

  /**
   * What the removal did: the result, the distribution deleted, the one left because it is no longer linked.
   *
   * @param result what became of it
   * @param deleted the distribution deleted, when {@code DELETED}
   * @param unlinked the distribution left as it is, when {@code NO_LONGER_LINKED}
   */
  public record Removed(Result result, Optional<DistributionId> deleted, Optional<DistributionId> unlinked) {}

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
   * Disables, awaits and deletes the linked distribution, from whatever state an earlier try left it in; with none
   * linked, says whether a candidate still exists, no longer linked.
   */
  public Removed remove(C channel, Candidates candidates, Duration timeout) {
    if (candidates.linked().isEmpty()) {
      Optional<DistributionId> unlinked = candidates.unlinked().stream()
          .filter(id -> distributions.find(id).isPresent()).findFirst();
      return new Removed(unlinked.isPresent() ? Result.NO_LONGER_LINKED : Result.ALREADY_GONE, Optional.empty(),
          unlinked);
    }
    DistributionId id = candidates.linked().get();
    // CloudFront has just shown its tag: a read that misses it may be too early (as after a create), so it is read
    // again in pauses up to the visibility timeout before it counts as gone
    return switch (removal.remove(linkTags.ref(channel).toString(), id,
        visibility.until(linkTags.ref(channel), "GetDistribution", () -> distributions.find(id)),
        () -> linkTags.namesChannel(id, channel), timeout)) {
      case DELETED -> new Removed(Result.DELETED, Optional.of(id), Optional.empty());
      case NO_LONGER_LINKED -> new Removed(Result.NO_LONGER_LINKED, Optional.empty(), Optional.of(id));
      case GONE -> new Removed(Result.ALREADY_GONE, Optional.empty(), Optional.empty());
    };
  }
}
