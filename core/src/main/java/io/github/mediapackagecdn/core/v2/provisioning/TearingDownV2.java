package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.cdn.DistributionRemoval;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.provisioning.TeardownOptions;
import io.github.mediapackagecdn.core.provisioning.TeardownResult;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The v2 teardown use case, as v1's: the channel's endpoints (their policies go with them), then, when asked, its
 * distribution, then the channel; with a secondary Region, its endpoints and channel too. The first Region's channel
 * goes last: its ARN (the value of the distribution's link tag) and its channel tag (the distribution's id) are how
 * the distribution is found, so a teardown that failed at any step finds everything that is left when run again.
 * What is gone counts as done. Only a distribution whose own link tag names the channel is touched, deleted as v1
 * deletes one (disabled, awaited, deleted with its ETag, the tag read again before each write); one whose tag no
 * longer names it is reported {@code NO_LONGER_LINKED} and left as it is. The channel group is left: it is shared.
 */
final class TearingDownV2 {

  private final ChannelGroups groups;
  private final Optional<ChannelGroups> secondary;
  private final Distributions distributions;
  private final LinkTags<V2Channel> linkTags;
  private final LinkResolution<V2Channel> links;
  private final VisibilityWait visibility;
  private final DistributionRemoval removal;

  TearingDownV2(ChannelGroups groups, Optional<ChannelGroups> secondary, Distributions distributions,
      LinkTags<V2Channel> linkTags, LinkResolution<V2Channel> links, VisibilityWait visibility, int maxUpdateAttempts,
      Clock clock) {
    this.groups = groups;
    this.secondary = secondary;
    this.distributions = distributions;
    this.linkTags = linkTags;
    this.links = links;
    this.visibility = visibility;
    this.removal = new DistributionRemoval(distributions, maxUpdateAttempts, clock);
  }

  V2TeardownResult teardown(V2ChannelId id, TeardownOptions options) {
    List<V2EndpointId> deleted = new ArrayList<>();
    Optional<V2Channel> found = groups.findChannel(id);
    if (found.isEmpty()) {
      secondary.ifPresent(second -> deleteChannelIn(second, id, deleted));
      return new V2TeardownResult(id, TeardownResult.Removal.ALREADY_GONE, deleted, options.deleteDistribution()
          ? TeardownResult.DistributionRemoval.NOT_LOOKED_UP : TeardownResult.DistributionRemoval.NOT_REQUESTED,
          Optional.empty(), Optional.empty());
    }
    V2Channel channel = found.get();
    // resolved before anything is deleted: an ambiguous link stops the teardown with everything in place
    Set<DistributionId> candidates = options.deleteDistribution() ? candidates(channel) : Set.of();
    Optional<DistributionId> linked = linkedDistribution(channel, candidates);
    deleteEndpointsIn(groups, id, deleted);
    secondary.ifPresent(second -> deleteChannelIn(second, id, deleted));

    TeardownResult.DistributionRemoval distribution = TeardownResult.DistributionRemoval.NOT_REQUESTED;
    Optional<DistributionId> deletedDistribution = Optional.empty();
    Optional<DistributionId> unlinkedDistribution = Optional.empty();
    if (options.deleteDistribution() && linked.isPresent()) {
      // CloudFront has just shown its tag: a read that misses it may be too early (as after a create), so it is read
      // again in pauses up to the visibility timeout before it counts as gone
      DistributionRemoval.Outcome outcome = removal.remove(id.toString(), linked.get(),
          visibility.until(id.ref(), "GetDistribution", () -> distributions.find(linked.get())),
          () -> linkTags.namesChannel(linked.get(), channel), options.deploymentTimeout());
      distribution = switch (outcome) {
        case DELETED -> TeardownResult.DistributionRemoval.DELETED;
        case NO_LONGER_LINKED -> TeardownResult.DistributionRemoval.NO_LONGER_LINKED;
        case GONE -> TeardownResult.DistributionRemoval.ALREADY_GONE;
      };
      deletedDistribution = outcome == DistributionRemoval.Outcome.DELETED ? linked : Optional.empty();
      unlinkedDistribution = outcome == DistributionRemoval.Outcome.NO_LONGER_LINKED ? linked : Optional.empty();
    } else if (options.deleteDistribution()) {
      // none linked, so every candidate's tag names another channel or none: one that still exists is reported
      unlinkedDistribution = candidates.stream().filter(c -> distributions.find(c).isPresent()).findFirst();
      distribution = unlinkedDistribution.isPresent() ? TeardownResult.DistributionRemoval.NO_LONGER_LINKED
          : TeardownResult.DistributionRemoval.ALREADY_GONE;
    }

    TeardownResult.Removal channelRemoval;
    try {
      groups.deleteChannel(id);
      channelRemoval = TeardownResult.Removal.DELETED;
    } catch (ResourceNotFoundException e) {
      channelRemoval = TeardownResult.Removal.ALREADY_GONE; // deleted meanwhile
    }
    return new V2TeardownResult(id, channelRemoval, deleted, distribution, deletedDistribution,
        unlinkedDistribution);
  }

  /**
   * The distributions that may be the channel's, as v1's teardown finds them: the one recorded on the channel (the
   * channel tag, read with the channel), those the tag index lists, and the one this process created or adopted a
   * moment ago. The index may still list a distribution deleted or re-tagged a moment ago, and may not list one created
   * a moment ago: CloudFront's own tags decide.
   */
  private Set<DistributionId> candidates(V2Channel channel) {
    Set<DistributionId> candidates = new LinkedHashSet<>();
    linkTags.channelTag(channel).recorded().ifPresent(candidates::add);
    candidates.addAll(linkTags.indexed(channel));
    links.recent(channel).ifPresent(candidates::add);
    return candidates;
  }

  /**
   * The one candidate whose own link tag names the channel: CloudFront's own tags decide.
   *
   * @throws ResourceConflictException ({@code AMBIGUOUS_LINK}) when two do
   */
  private Optional<DistributionId> linkedDistribution(V2Channel channel, Set<DistributionId> candidates) {
    List<DistributionId> confirmed = candidates.stream().filter(id -> linkTags.namesChannel(id, channel)).toList();
    return linkTags.atMostOne(channel, confirmed, LinkTags.ON_TEARDOWN);
  }

  /** Deletes the channel's endpoints in one Region, those gone meanwhile counted as done. */
  private static void deleteEndpointsIn(ChannelGroups port, V2ChannelId id, List<V2EndpointId> deleted) {
    for (V2Endpoint endpoint : port.endpointsOf(id)) {
      try {
        port.deleteEndpoint(endpoint.id());
        deleted.add(endpoint.id());
      } catch (ResourceNotFoundException e) {
        // deleted meanwhile
      }
    }
  }

  /** Deletes the channel and its endpoints in the secondary Region, if it is there. */
  private static void deleteChannelIn(ChannelGroups port, V2ChannelId id, List<V2EndpointId> deleted) {
    if (port.findChannel(id).isEmpty()) {
      return;
    }
    deleteEndpointsIn(port, id, deleted);
    try {
      port.deleteChannel(id);
    } catch (ResourceNotFoundException e) {
      // deleted meanwhile
    }
  }
}
