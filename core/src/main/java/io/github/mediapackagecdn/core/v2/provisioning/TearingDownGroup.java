package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionTeardown;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The use case "tear down a channel group's distribution": only when no channel of the group remains (its
 * distribution serves every channel of the group), refused otherwise with the channels named; then the distribution
 * whose own link tag names the group's ARN is disabled, awaited and deleted as a channel's is. The group itself is
 * kept, as a channel teardown keeps it. Idempotent: a group or a distribution already gone counts as done. The result
 * names the group as {@code <group>/*}, every channel of it, all gone ({@code ALREADY_GONE}).
 */
final class TearingDownGroup {

  private final ChannelGroups groups;
  private final DistributionTeardown<ChannelGroup> distribution;

  TearingDownGroup(ChannelGroups groups, Distributions distributions, LinkTags<ChannelGroup> linkTags,
      LinkResolution<ChannelGroup> links, VisibilityWait visibility, int maxUpdateAttempts, Clock clock) {
    this.groups = groups;
    this.distribution = new DistributionTeardown<>(distributions, linkTags, links, visibility, maxUpdateAttempts,
        clock);
  }

  TeardownResult teardown(String name, TeardownOptions options) {
    ChannelRef every = ChannelRef.of(name, GroupDistributions.EVERY_CHANNEL);
    Optional<ChannelGroup> group = groups.findGroup(name);
    if (group.isEmpty()) {
      return DistributionTeardown.gone(every, options).build();
    }
    List<String> channels = groups.channelNames(name);
    if (!channels.isEmpty()) {
      throw new ResourceConflictException("channel group " + name + " still has channels " + channels + ", which its"
          + " distribution serves: tear them down first; nothing was deleted",
          ResourceConflictException.Reason.IN_USE, name);
    }
    DistributionTeardown.Candidates candidates = distribution.candidates(group.get(), options);
    return distribution.remove(group.get(), candidates, options, TeardownResult.builder().channelRef(every)
        .channel(TeardownResult.Removal.ALREADY_GONE)).build();
  }
}
