package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.FleetRepairing;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.cdn.RepairOptions;
import io.github.mediapackagecdn.core.cdn.RepairResult;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Sleeper;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The use case "repair the fleet", v2's side of the engine's {@link FleetRepairing}: a channel an audit found
 * {@code NOT_SERVED} is read again (GetChannel, GetChannelGroup), its link resolved again, and it gets what v2's rules
 * own through the concern of a reconcile ({@link ServingEndpoints}): each endpoint policy's statement for the
 * distribution (written only where it is missing), and the distribution's origin, CDN identifier header and
 * behaviours in one update. What the rules do not own (an origin access control changed on the origin, a user's
 * behaviour routing an endpoint elsewhere) stays, in the endpoints still without a CDN URL. A channel served by its
 * group's distribution gets the group's layout back ({@link GroupRepair}). The pace, the stops and the result are the
 * engine's.
 */
final class RepairingV2Fleet implements FleetRepairing.Side {

  private final ChannelGroups groups;
  private final LinkResolution<V2Channel> links;
  private final ServingEndpoints serving;
  private final FleetRepairing engine;
  private final GroupRepair byGroup;

  RepairingV2Fleet(ChannelGroups groups, LinkResolution<V2Channel> links, ServingEndpoints serving, Sleeper sleeper,
      Listeners listeners, GroupRepair byGroup) {
    this.byGroup = byGroup;
    this.groups = groups;
    this.links = links;
    this.serving = serving;
    this.engine = new FleetRepairing(this, sleeper, listeners);
  }

  /** Repairs what {@code audit} found that the rules own, at the options' rate. */
  RepairResult repair(FleetAudit audit, RepairOptions options) {
    return engine.repair(audit, options);
  }

  @Override
  public FleetRepairing.Repair repair(ChannelRef ref, DistributionId audited) {
    if (ref.group().isEmpty()) {
      return FleetRepairing.Repair.left("it is not a MediaPackage v2 channel");
    }
    V2ChannelId id = V2ChannelId.of(ref.group().get(), ref.name());
    Optional<V2Channel> channel = groups.findChannel(id);
    if (channel.isEmpty()) {
      return FleetRepairing.Repair.left("the channel no longer exists");
    }
    Optional<ChannelGroup> group = groups.findGroup(id.group());
    if (group.isEmpty()) {
      return FleetRepairing.Repair.left("the channel group no longer exists");
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
    if (found.id().isEmpty() && byGroup.enabled() && byGroup.of(group.get()).equals(Optional.of(audited))) {
      return byGroup.repair(ref, id, group.get(), audited, groups.endpointsOf(id)); // served by its group's
    }
    if (!found.id().equals(Optional.of(audited))) {
      return FleetRepairing.Repair.left(found.id().map(linked -> "its linked distribution is now " + linked)
          .orElse("it has no linked distribution now") + ", not " + audited + " as audited: audit again");
    }
    if (found.needsRecording()) {
      links.record(channel.get(), audited);
    }
    List<V2Endpoint> endpoints = groups.endpointsOf(id);
    if (endpoints.isEmpty()) {
      return FleetRepairing.Repair.done(false, List.of());
    }
    ServingEndpoints.Served served = serving.serve(id, group.get(), audited, endpoints, endpoints, List.of(),
        Map.of(), Optional.empty());
    return FleetRepairing.Repair.done(served.updated() || served.policiesWritten() > 0,
        served.latest().map(config -> withoutCdnUrl(ref, audited, endpoints, config)).orElse(List.of()));
  }

  /** An {@code ENDPOINT_WITHOUT_CDN_URL} finding for each endpoint the configuration does not route to it. */
  private static List<AuditFinding> withoutCdnUrl(ChannelRef channel, DistributionId id, List<V2Endpoint> endpoints,
      DistributionConfig config) {
    List<AuditFinding> findings = new ArrayList<>();
    for (V2Endpoint endpoint : endpoints) {
      V2Layout.whyNotServed(config, endpoint).ifPresent(why -> findings.add(AuditFinding.builder()
          .kind(AuditFinding.Kind.ENDPOINT_WITHOUT_CDN_URL).channel(channel).addDistributions(id)
          .endpoint(OriginEndpointId.of(endpoint.id().endpoint())).detail(why).build()));
    }
    return findings;
  }
}
