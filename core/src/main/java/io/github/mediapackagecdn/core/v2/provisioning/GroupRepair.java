package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.FleetRepairing;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit's rule and the repair for a channel served by its group's distribution (distribution scope
 * {@link V2CdnSettings.DistributionScope#CHANNEL_GROUP}): the distribution lacks what {@link GroupLayout} gives it
 * (the group's origin, the group's manifest and segment behaviours); the repair adds what is missing in one
 * {@code UpdateDistribution} (with the ETag of the read just made), then gives each endpoint's policy the statement
 * for the group's distribution ({@link GroupDistributions#serve}). A behaviour of the user's on one of the group's
 * patterns is kept as it is.
 */
final class GroupRepair {

  private final Distributions distributions;
  private final GroupDistributions groupScope;
  private final SharedPolicies shared;
  private final VisibilityWait visibility;
  private final CdnSettings settings;
  private final V2CdnSettings v2Settings;

  GroupRepair(Distributions distributions, GroupDistributions groupScope, SharedPolicies shared,
      VisibilityWait visibility, CdnSettings settings, V2CdnSettings v2Settings) {
    this.distributions = distributions;
    this.groupScope = groupScope;
    this.shared = shared;
    this.visibility = visibility;
    this.settings = settings;
    this.v2Settings = v2Settings;
  }

  /** Whether the settings choose a distribution per channel group. */
  boolean enabled() {
    return groupScope.enabled();
  }

  /** The group's distribution, if it has one; reads only. */
  java.util.Optional<DistributionId> of(ChannelGroup group) {
    return groupScope.resolve(group).id();
  }

  /** What the group's distribution lacks by {@link GroupLayout}: its origin and behaviours. Pure. */
  static ChangeSet changesFor(DistributionConfig config, ChannelGroup group, V2Layout.Policies policies,
      CdnSettings settings, V2CdnSettings v2) {
    List<DistributionChange> changes = new ArrayList<>();
    Origin origin = V2Layout.origin(group, policies.originAccessControlId(), settings, v2);
    if (config.origin(origin.id()).isEmpty()) {
      changes.add(new DistributionChange.AddOrigin(origin));
    }
    String originGroup = V2Layout.originGroupId(group.name());
    String target = config.originGroup(originGroup).isPresent() ? originGroup : origin.id();
    for (CacheBehavior behavior : GroupLayout.behaviors(group.name(), target, policies, v2)) {
      if (config.behavior(behavior.pathPattern()).isEmpty()) {
        changes.add(new DistributionChange.AddCacheBehavior(behavior));
      }
    }
    return ChangeSet.of(changes);
  }

  /** Repairs the channel's group distribution {@code id} and its endpoints' policies. */
  FleetRepairing.Repair repair(ChannelRef ref, V2ChannelId channel, ChannelGroup group, DistributionId id,
      List<V2Endpoint> endpoints) {
    V2Layout.Policies policies = shared.ids();
    Distribution distribution = visibility.until(channel.ref(), "GetDistribution", () -> distributions.find(id))
        .orElseThrow(() -> V2NotFound.distribution(id));
    ChangeSet changes = changesFor(distribution.config(), group, policies, settings, v2Settings);
    if (!changes.isEmpty()) {
      distributions.update(id, distribution.etag(), changes);
    }
    if (endpoints.isEmpty()) {
      return FleetRepairing.Repair.done(!changes.isEmpty(), List.of());
    }
    GroupDistributions.Served served = groupScope.serve(channel, group, id, endpoints, endpoints);
    List<AuditFinding> still = new ArrayList<>();
    if (served.outcome().action() == CdnOutcome.Action.NOT_SERVED) {
      served.outcome().notServed().forEach((endpoint, why) -> still.add(AuditFinding.builder()
          .kind(AuditFinding.Kind.ENDPOINT_WITHOUT_CDN_URL).channel(ref).addDistributions(id).endpoint(endpoint)
          .detail(why).build()));
    }
    return FleetRepairing.Repair.done(!changes.isEmpty() || served.policiesWritten() > 0, still);
  }
}
