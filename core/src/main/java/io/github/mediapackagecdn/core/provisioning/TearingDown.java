package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.cdn.DistributionRemoval;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Channels;
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
 * The teardown use case: a channel's endpoints, then, when asked, its distribution, then the channel.
 *
 * <p>The channel goes last because its ARN, the value of the distribution's link tag, is the only way to find the
 * distribution: a teardown that failed at any step leaves the channel, and running it again finds everything that is
 * left. Every step reads before it writes and treats what is gone as done, so running it again is always safe.
 *
 * <p>The distribution is deleted as CloudFront requires: disabled with UpdateDistribution (everything else written
 * back as read), awaited until that is {@code Deployed}, deleted with the ETag of the latest read; a stale ETag is
 * read again, a bounded number of times. Only a distribution whose link tag names the channel, as CloudFront itself
 * shows the tag (not only the lagging tag index), is touched, and the tag is read again right before each write; one
 * whose tag no longer names the channel is reported {@code NO_LONGER_LINKED} and left as it is. Two linked
 * distributions are an error before anything is deleted.
 */
final class TearingDown {

  private static final Logger log = LoggerFactory.getLogger(TearingDown.class);

  private final Channels channels;
  private final Distributions distributions;
  private final LinkTags<Channel> linkTags;
  private final LinkResolution<Channel> links;
  private final VisibilityWait visibility;
  private final DistributionRemoval removal;

  TearingDown(Channels channels, Distributions distributions, LinkTags<Channel> linkTags, LinkResolution<Channel> links,
      VisibilityWait visibility, LiveCdnSettings settings, Clock clock) {
    this.channels = channels;
    this.distributions = distributions;
    this.linkTags = linkTags;
    this.links = links;
    this.visibility = visibility;
    this.removal = new DistributionRemoval(distributions, settings.maxUpdateAttempts(), clock);
  }

  TeardownResult teardown(ChannelId channelId, TeardownOptions options) {
    TeardownResult.Builder result = TeardownResult.builder().channelId(channelId);
    Optional<Channel> found = channels.find(channelId);
    if (found.isEmpty()) {
      log.debug("channel {} is gone already", channelId);
      return result.channel(TeardownResult.Removal.ALREADY_GONE)
          .distribution(options.deleteDistribution()
              ? TeardownResult.DistributionRemoval.NOT_LOOKED_UP
              : TeardownResult.DistributionRemoval.NOT_REQUESTED)
          .build();
    }
    Channel channel = found.get();
    // resolved before anything is deleted: an ambiguous link stops the teardown with everything in place
    Candidates candidates = options.deleteDistribution() ? candidates(channel) : Candidates.NONE;

    for (OriginEndpoint endpoint : channels.endpointsOf(channelId)) {
      if (deleteEndpoint(endpoint.id())) {
        result.addDeletedEndpoints(endpoint.id());
      }
    }

    if (!options.deleteDistribution()) {
      result.distribution(TeardownResult.DistributionRemoval.NOT_REQUESTED);
    } else {
      removeDistribution(channel, candidates, options.deploymentTimeout(), result);
    }

    try {
      channels.delete(channelId);
      log.debug("deleted channel {}", channelId);
      result.channel(TeardownResult.Removal.DELETED);
    } catch (ResourceNotFoundException e) {
      log.debug("channel {} was deleted meanwhile", channelId);
      result.channel(TeardownResult.Removal.ALREADY_GONE);
    }
    return result.build();
  }

  /** True if this call deleted it; false if it was gone already. */
  private boolean deleteEndpoint(OriginEndpointId id) {
    try {
      channels.deleteEndpoint(id);
      log.debug("deleted endpoint {}", id);
      return true;
    } catch (ResourceNotFoundException e) {
      log.debug("endpoint {} was deleted meanwhile", id);
      return false;
    }
  }

  /** The one distribution linked to the channel, if any, and the candidates whose link tag no longer names it. */
  private record Candidates(Optional<DistributionId> linked, List<DistributionId> unlinked) {
    static final Candidates NONE = new Candidates(Optional.empty(), List.of());
  }

  /**
   * The one distribution whose link tag, read from CloudFront, names the channel. The candidates are the one recorded
   * on the channel ({@link LiveCdnSettings#channelTagKey()}), those of the tag index, and one this process created a
   * moment ago. The index may still list a distribution deleted or re-tagged a moment ago, and may not list one
   * created a moment ago: CloudFront's own tags decide.
   */
  private Candidates candidates(Channel channel) {
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
        log.debug("distribution {} is not (or no longer) tagged for channel {}; not touched", candidate, channel.id());
        unlinked.add(candidate);
      }
    }
    return new Candidates(linkTags.atMostOne(channel, confirmed, LinkTags.ON_TEARDOWN), unlinked);
  }

  /**
   * Disables, awaits and deletes the linked distribution, from whatever state an earlier try left it in, and says
   * what became of it; with none linked, whether one of the candidates still exists, no longer linked.
   */
  private void removeDistribution(Channel channel, Candidates candidates, Duration timeout,
      TeardownResult.Builder result) {
    if (candidates.linked().isEmpty()) {
      Optional<DistributionId> unlinked = candidates.unlinked().stream()
          .filter(id -> distributions.find(id).isPresent()).findFirst();
      result.distribution(unlinked.isPresent() ? TeardownResult.DistributionRemoval.NO_LONGER_LINKED
          : TeardownResult.DistributionRemoval.ALREADY_GONE).unlinkedDistribution(unlinked);
      return;
    }
    DistributionId id = candidates.linked().get();
    switch (removal.remove(channel.id().toString(), id, findJustConfirmed(channel, id),
        () -> linkTags.namesChannel(id, channel), timeout)) {
      case DELETED -> result.distribution(TeardownResult.DistributionRemoval.DELETED).deletedDistribution(id);
      case NO_LONGER_LINKED ->
          result.distribution(TeardownResult.DistributionRemoval.NO_LONGER_LINKED).unlinkedDistribution(id);
      case GONE -> result.distribution(TeardownResult.DistributionRemoval.ALREADY_GONE);
    }
  }

  /**
   * The distribution whose tag CloudFront has just shown: a read that misses it may be too early (reads are
   * eventually consistent right after a create), so it is read again in pauses up to the visibility timeout before
   * it counts as gone.
   */
  private Optional<Distribution> findJustConfirmed(Channel channel, DistributionId id) {
    return visibility.until(channel.id().ref(), "GetDistribution", () -> distributions.find(id));
  }
}
