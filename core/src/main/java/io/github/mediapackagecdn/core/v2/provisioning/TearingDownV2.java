package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.cdn.DistributionTeardown;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  private final V2Side v2;
  private final DistributionTeardown<V2Channel> distribution;

  TearingDownV2(V2Side v2, LinkTags<V2Channel> linkTags, LinkResolution<V2Channel> links, Clock clock) {
    this.v2 = v2;
    this.distribution = new DistributionTeardown<>(v2.distributions(), linkTags, links, v2.visibility(),
        v2.settings().maxUpdateAttempts(), clock);
  }

  TeardownResult teardown(V2ChannelId id, TeardownOptions options) {
    List<OriginEndpointId> deleted = new ArrayList<>();
    Optional<V2Channel> found = v2.groups().findChannel(id);
    if (found.isEmpty()) {
      v2.secondary().ifPresent(second -> deleteChannelIn(second, id, deleted));
      return DistributionTeardown.gone(id.ref(), options).deletedEndpoints(deleted).build();
    }
    V2Channel channel = found.get();
    // resolved before anything is deleted: an ambiguous link stops the teardown with everything in place
    DistributionTeardown.Candidates candidates = distribution.candidates(channel, options);
    deleteEndpointsIn(v2.groups(), id, deleted);
    v2.secondary().ifPresent(second -> deleteChannelIn(second, id, deleted));
    TeardownResult.Builder result = TeardownResult.builder().channelRef(id.ref()).deletedEndpoints(deleted);
    distribution.remove(channel, candidates, options, result);
    try {
      v2.groups().deleteChannel(id);
      result.channel(TeardownResult.Removal.DELETED);
    } catch (ResourceNotFoundException e) {
      result.channel(TeardownResult.Removal.ALREADY_GONE); // deleted meanwhile
    }
    return result.build();
  }

  /** Deletes the channel's endpoints in one Region, those gone meanwhile counted as done. */
  private static void deleteEndpointsIn(ChannelGroups port, V2ChannelId id, List<OriginEndpointId> deleted) {
    for (V2Endpoint endpoint : port.endpointsOf(id)) {
      try {
        port.deleteEndpoint(endpoint.id());
        deleted.add(OriginEndpointId.of(endpoint.id().endpoint()));
      } catch (ResourceNotFoundException e) {
        // deleted meanwhile
      }
    }
  }

  /** Deletes the channel and its endpoints in the secondary Region, if it is there. */
  private static void deleteChannelIn(ChannelGroups port, V2ChannelId id, List<OriginEndpointId> deleted) {
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
