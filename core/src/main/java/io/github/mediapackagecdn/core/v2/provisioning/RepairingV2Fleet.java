package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.FleetRepairing;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * v2's side of the engine's fleet repair ({@link FleetRepairing}): a channel an audit found {@code NOT_SERVED} is
 * read again (GetChannel, GetChannelGroup) and served by its group's {@link V2Packager}. A channel with no
 * distribution of its own, served by its group's ({@link V2CdnSettings.DistributionScope#CHANNEL_GROUP}), gets the
 * group's layout back through the same completion as a reconcile or a channel save in group scope
 * ({@link GroupDistributions#serve} with the engine's updater), then its endpoints' policy statements.
 */
final class RepairingV2Fleet implements FleetRepairing.Side<V2Channel, V2Endpoint> {

  private final ChannelGroups groups;
  private final Function<ChannelGroup, V2Packager> packagers;
  private final GroupDistributions groupScope;

  /** Finds channels in {@code groups}, each served by its group's packager from {@code packagers}. */
  RepairingV2Fleet(ChannelGroups groups, Function<ChannelGroup, V2Packager> packagers,
      GroupDistributions groupScope) {
    this.groups = groups;
    this.packagers = packagers;
    this.groupScope = groupScope;
  }

  @Override
  public FleetRepairing.Found<V2Channel, V2Endpoint> find(ChannelRef ref) {
    if (ref.group().isEmpty()) {
      return FleetRepairing.Found.left("it is not a MediaPackage v2 channel");
    }
    V2ChannelId id = V2ChannelId.of(ref.group().get(), ref.name());
    Optional<V2Channel> channel = groups.findChannel(id);
    if (channel.isEmpty()) {
      return FleetRepairing.Found.left("the channel no longer exists");
    }
    Optional<ChannelGroup> group = groups.findGroup(id.group());
    if (group.isEmpty()) {
      return FleetRepairing.Found.left("the channel group no longer exists");
    }
    return FleetRepairing.Found.of(channel.get(), packagers.apply(group.get()), audited -> groupScope.enabled()
        && groupScope.resolve(group.get()).id().equals(Optional.of(audited))
        ? Optional.of(byGroup(ref, id, group.get(), audited)) : Optional.empty());
  }

  /** Completes the group's distribution {@code id} by its layout, then serves the channel's endpoints from it. */
  private FleetRepairing.Repair byGroup(ChannelRef ref, V2ChannelId channel, ChannelGroup group, DistributionId id) {
    List<V2Endpoint> endpoints = groups.endpointsOf(channel);
    GroupDistributions.Served served = groupScope.serve(channel, group, id, endpoints, endpoints, true);
    return FleetRepairing.Repair.done(served.updated() || served.policiesWritten() > 0,
        FleetRepairing.withoutCdnUrl(ref, id, served.outcome().notServed()));
  }
}
