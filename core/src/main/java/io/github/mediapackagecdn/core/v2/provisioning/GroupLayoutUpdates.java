package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DistributionUpdater;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The plan of an update of a channel group's distribution for the engine's updater: what it lacks of
 * {@link GroupLayout} ({@link GroupLayout#changesFor}), so that a layout a person edited (a behaviour of the group
 * removed, say) is completed by the updater's one writer per distribution, with the ETag of its read, a user's
 * settings kept. Requests of a batch are for one group: the first one's group and policies are planned.
 */
final class GroupLayoutUpdates implements DistributionUpdater.Planner<GroupLayoutUpdates.Request> {

  private final CdnSettings settings;
  private final V2CdnSettings v2Settings;

  GroupLayoutUpdates(CdnSettings settings, V2CdnSettings v2Settings) {
    this.settings = settings;
    this.v2Settings = v2Settings;
  }

  /**
   * One caller's request: the layout of {@code group}'s distribution (with a {@code secondary} Region's group, the
   * origin group of the two), the shared policies asked for only when a change needs them, asked for while serving {@code endpoints} of channel {@code channel}.
   */
  record Request(ChannelRef channel, ChannelGroup group, Optional<ChannelGroup> secondary,
      Supplier<V2Layout.Policies> policies, List<OriginEndpointId> endpoints) {

    Request {
      endpoints = List.copyOf(endpoints);
    }
  }

  @Override
  public ChannelRef channel(Request request) {
    return request.channel();
  }

  @Override
  public List<OriginEndpointId> endpointIds(Request request) {
    return request.endpoints();
  }

  @Override
  public ChangeSet plan(ChannelRef channel, DistributionId id, DistributionConfig config, List<Request> requests) {
    Request first = requests.get(0);
    return GroupLayout.changesFor(config, first.group(), first.secondary(), first.policies(), settings, v2Settings);
  }
}
