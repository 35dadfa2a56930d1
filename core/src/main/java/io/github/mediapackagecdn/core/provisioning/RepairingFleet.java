package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.cdn.FleetRepairing;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.cdn.RepairOptions;
import io.github.mediapackagecdn.core.cdn.RepairResult;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.Sleeper;
import java.util.List;
import java.util.Optional;

/**
 * The use case "repair the fleet", v1's side of the engine's {@link FleetRepairing}: a channel an audit found
 * {@code NOT_SERVED} is read again, its link resolved again, and its distribution given what v1's layout rules own
 * (origin, header, behaviours, default behaviour) through the same read, merge, write of its distribution's updater
 * as a reconcile. The pace, the stops and the result are the engine's.
 */
final class RepairingFleet implements FleetRepairing.Side {

  private final Channels channels;
  private final LinkResolution<Channel> links;
  private final DistributionUpdaters<List<OriginEndpoint>> updaters;
  private final FleetRepairing engine;

  RepairingFleet(Channels channels, LinkResolution<Channel> links,
      DistributionUpdaters<List<OriginEndpoint>> updaters, Sleeper sleeper, Listeners listeners) {
    this.channels = channels;
    this.links = links;
    this.updaters = updaters;
    this.engine = new FleetRepairing(this, sleeper, listeners);
  }

  /** Repairs what {@code audit} found that the rules own, at the options' rate. */
  RepairResult repair(FleetAudit audit, RepairOptions options) {
    return engine.repair(audit, options);
  }

  /** Reads the channel and its link again, then merges and writes through the distribution's updater. */
  @Override
  public FleetRepairing.Repair repair(ChannelRef ref, DistributionId audited) {
    ChannelId channelId = ChannelId.of(ref.name());
    Optional<Channel> channel = channels.find(channelId);
    if (channel.isEmpty()) {
      return FleetRepairing.Repair.left("the channel no longer exists");
    }
    DistributionResolver.Resolution found;
    try {
      found = links.resolve(channel.get());
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.AMBIGUOUS_LINK) {
        throw e;
      }
      return FleetRepairing.Repair.left("more than one distribution is tagged for the channel now");
    }
    if (!found.id().equals(Optional.of(audited))) {
      return FleetRepairing.Repair.left(found.id().map(id -> "its linked distribution is now " + id)
          .orElse("it has no linked distribution now") + ", not " + audited + " as audited: audit again");
    }
    if (found.needsRecording()) {
      links.record(channel.get(), audited);
    }
    List<OriginEndpoint> endpoints = channels.endpointsOf(channelId);
    DistributionUpdaters.Update update =
        endpoints.isEmpty() ? DistributionUpdaters.Update.none() : updaters.update(audited, endpoints);
    List<AuditFinding> withoutCdnUrl = update.latest()
        .map(config -> AuditingFleet.withoutCdnUrl(channelId, audited, endpoints, config))
        .orElse(List.of());
    return FleetRepairing.Repair.done(update.written(), withoutCdnUrl);
  }
}
