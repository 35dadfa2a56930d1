package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.DistributionPlanning;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Limits;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.model.V2Limits;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The use case "what would the next v2 save or reconcile change?", read-only: v2's side of the engine's
 * {@link DistributionPlanning}, as v1's. The distribution's changes are the ones the updater's planner
 * ({@link V2EndpointUpdates}, over {@link V2Layout#changesFor}) would send for the channel's endpoints, with the
 * shared policies as found by name (never created: the plan lists those the save would create, and its changes name
 * them by a stand-in id), and the CDN identifier the save would use; the MediaPackage
 * writes are the endpoint policies the save would put ({@link ServingEndpoints#plan}, the save's own rule). A dry run
 * of a save checks its input as the save does and plans with the endpoints as they would be saved. In the distribution
 * scope per channel group, a channel without a distribution of its own is planned on its group's, by the group's link
 * rules: a reconcile or a channel save brings it to its layout ({@link GroupLayout#changesFor}, what the save sends),
 * an endpoint save changes no distribution; the endpoint policies as in the channel scope. Never writes.
 */
final class PlanningV2 {

  /** The operation that writes an endpoint's policy. */
  private static final String PUT_POLICY = "PutOriginEndpointPolicy";

  /** The stand-in ARN of a distribution not created yet: no endpoint policy names it, so each would be written. */
  private static final String NOT_CREATED_YET = "arn:aws:cloudfront::000000000000:distribution/not-created-yet";

  private final V2Side v2;
  private final DistributionPlanning<V2Channel> planning;
  private final ServingEndpoints serving;
  private final V2EndpointUpdates planner;

  /** A layout that asks for nothing: a plan with it only finds the distribution. */
  private static final DistributionPlanning.Layout NOTHING = new DistributionPlanning.Layout() {
    @Override
    public boolean hasEndpoints() {
      return false;
    }

    @Override
    public ChangeSet changesFor(DistributionConfig current) {
      return ChangeSet.empty();
    }
  };

  private final GroupDistributions groupScope;
  private final DistributionPlanning<ChannelGroup> groupPlanning;

  PlanningV2(V2Side v2, DistributionPlanning<V2Channel> planning, ServingEndpoints serving, V2EndpointUpdates planner,
      GroupDistributions groupScope, DistributionPlanning<ChannelGroup> groupPlanning) {
    this.v2 = v2;
    this.groupScope = groupScope;
    this.groupPlanning = groupPlanning;
    this.planning = planning;
    this.serving = serving;
    this.planner = planner;
  }

  /** What reconciling the channel, or saving it again, would change. */
  DistributionPlan plan(V2ChannelId id) {
    ChannelGroup group = V2NotFound.group(v2.groups(), id.group());
    V2Channel channel = V2NotFound.channel(v2.groups(), id);
    java.util.function.Supplier<DistributionPlanning.Layout> layout = () -> {
      List<V2Endpoint> endpoints = v2.groups().endpointsOf(id);
      return layout(id, group, endpoints, endpoints, existing(endpoints), List.of());
    };
    DistributionPlan own = planning.plan(channel, layout);
    return byGroup(own) ? ofChannel(id, groupPlanning.plan(group, () -> completing(group, layout.get()))) : own;
  }

  /** Whether, in the distribution scope per channel group, the channel's plan {@code own} is its group's to make. */
  private boolean byGroup(DistributionPlan own) {
    return groupScope.enabled() && own.notManaged().filter(n -> n.reason() == DistributionPlan.Reason.NO_DISTRIBUTION)
        .isPresent();
  }

  /** The group's plan {@code plan}, named for the channel {@code id} it was made for. */
  private static DistributionPlan ofChannel(V2ChannelId id, DistributionPlan plan) {
    return plan.forChannel(id.ref());
  }

  /**
   * {@code channel}'s layout on its group's distribution, as a reconcile or a channel save applies it: the group's
   * layout completed ({@link GroupLayout#changesFor}, the shared policies as found by name), the endpoint policies as
   * {@code channel} plans them.
   */
  private DistributionPlanning.Layout completing(ChannelGroup group, DistributionPlanning.Layout channel) {
    Optional<ChannelGroup> secondGroup = v2.secondaryGroup(group.name());
    return onGroup(channel, current -> GroupLayout.changesFor(current, group, secondGroup, v2.shared()::lookedUp,
        v2.settings(), v2.v2Settings()));
  }

  /** {@code channel}'s layout with the distribution's changes {@code changes} instead of its own. */
  private static DistributionPlanning.Layout onGroup(DistributionPlanning.Layout channel,
      java.util.function.Function<DistributionConfig, ChangeSet> changes) {
    return new DistributionPlanning.Layout() {
      @Override
      public boolean hasEndpoints() {
        return channel.hasEndpoints();
      }

      @Override
      public ChangeSet changesFor(DistributionConfig current) {
        return changes.apply(current);
      }

      @Override
      public List<DistributionPlan.PackagerWrite> packagerWrites(Distribution distribution) {
        return channel.packagerWrites(distribution);
      }

      @Override
      public boolean egressHostKnown() {
        return channel.egressHostKnown();
      }
    };
  }

  /** What saving {@code specs} would change, with the save's checks; nothing is saved. */
  DistributionPlan planSave(List<V2EndpointSpec> specs) {
    V2ChannelId id = SavingV2Endpoints.check(specs);
    ChannelGroup group = V2NotFound.group(v2.groups(), id.group());
    V2Channel channel = SavingV2Endpoints.visibleChannel(v2, id);
    v2.shared().refuseOverQuota();
    java.util.function.Supplier<DistributionPlanning.Layout> layout = () -> {
      Map<String, V2Endpoint> listed = SavingV2Endpoints.listedWithin(v2.groups(), id, specs);
      List<V2Endpoint> all = SavingV2Endpoints.asSaved(listed, specs);
      List<V2Endpoint> saved = all.stream()
          .filter(e -> specs.stream().anyMatch(spec -> spec.id().equals(e.id()))).toList();
      return layout(id, group, all, saved, existing(List.copyOf(listed.values())), specs);
    };
    DistributionPlan own = planning.plan(channel, layout);
    // an endpoint save in group scope changes no distribution: its group's covers every channel already
    return byGroup(own) ? ofChannel(id, groupPlanning.plan(group, () -> onGroup(layout.get(),
        current -> ChangeSet.empty()))) : own;
  }

  /** What saving the channel spec would change, with the save's checks; nothing is saved. */
  DistributionPlan planSave(V2ChannelSpec spec) {
    LinkTags.refuseReservedTag(spec.tags(), v2.settings().channelTagKey());
    if (v2.secondary().isPresent() && (spec.inputType() != io.github.mediapackagecdn.core.v2.model.InputType.CMAF
        || !spec.publishMediaQualityScore())) {
      throw new ValidationException("channel " + spec.id() + " is saved in two Regions for media quality-aware"
          + " resiliency, which compares the media quality scores of CMAF channels: give it input type CMAF and"
          + " publishMediaQualityScore(true)");
    }
    V2ChannelId id = spec.id();
    if (!spec.createDistribution()) {
      return DistributionPlanning.notRequested(id.ref());
    }
    ChannelGroup group = V2NotFound.group(v2.groups(), id.group());
    Optional<V2Channel> existing = v2.groups().findChannel(id);
    if (groupScope.enabled() && (existing.isEmpty() || byGroup(planning.plan(existing.get(), () -> NOTHING)))) {
      return ofChannel(id, planGroupSave(id, group, existing));
    }
    String arn = existing.map(V2Channel::arn).orElseGet(() -> V2Limits.channelArn(group.arn(), id.channel()));
    ValidationException.throwIfAny(existing.isPresent()
        ? Limits.linkTagValueProblem(id.toString(), arn.length(), false).stream().toList()
        : V2Limits.linkTagProblems(id, group.arn()));
    v2.settings().cloudFrontQuotas().refuseTags("the distribution of channel " + id,
        V2Layout.tags(arn, spec.distributionTags(), v2.settings()));
    v2.shared().refuseOverQuota();
    String comment = spec.distributionComment().orElseGet(() -> V2Layout.defaultComment(id, v2.settings()));
    if (existing.isEmpty()) {
      return planning.planNewChannel(id.ref(), comment, spec.distributionTags(), v2.shared().toCreate());
    }
    return planning.planSave(existing.get(), () -> {
      List<V2Endpoint> endpoints = v2.groups().endpointsOf(id);
      return layout(id, group, endpoints, endpoints, existing(endpoints), List.of());
    }, comment, spec.distributionTags(), () -> V2Layout.newDistribution(group, V2Layout.callerReference(arn),
        comment, v2.shared().lookedUp(), v2.settings(), v2.v2Settings()));
  }

  /**
   * A channel save in the distribution scope per channel group, for a channel without a distribution of its own: the
   * group's distribution as the save ensures it (its creation, when the group has none), brought to the group's
   * layout, and the policies of the channel's endpoints (none for a new channel).
   */
  private DistributionPlan planGroupSave(V2ChannelId id, ChannelGroup group, Optional<V2Channel> existing) {
    Optional<ChannelGroup> secondGroup = v2.secondaryGroup(group.name());
    return groupPlanning.planSave(group, () -> {
      List<V2Endpoint> endpoints = existing.isPresent() ? v2.groups().endpointsOf(id) : List.of();
      return completing(group, layout(id, group, endpoints, endpoints, existing(endpoints), List.of()));
    }, GroupLayout.comment(group.name()), Map.of(), () -> GroupLayout.newDistribution(group, secondGroup,
        V2Layout.callerReference(group.arn()), v2.shared().lookedUp(), v2.settings(), v2.v2Settings()));
  }

  /** The endpoints MediaPackage has (their policies can be read), by id. */
  private static Set<String> existing(List<V2Endpoint> listed) {
    Set<String> names = new LinkedHashSet<>();
    listed.forEach(e -> names.add(e.id().endpoint()));
    return names;
  }

  /** One endpoint policy as a save would read it, in one Region, with the authorization its spec gives. */
  private record PolicyRead(ChannelGroups port, V2Endpoint endpoint, Optional<EndpointPolicy> existing,
      Optional<CdnAuthConfiguration> given, String resource) {

    Optional<CdnAuthConfiguration> authorization() {
      return given.isPresent() ? given : existing.flatMap(EndpointPolicy::cdnAuthorization);
    }
  }

  /**
   * v2's layout of the save planned: {@code all} the channel's endpoints as the save leaves them, the policies of
   * {@code withPolicy} read now (in the secondary Region too), as the save reads them before it writes.
   */
  private DistributionPlanning.Layout layout(V2ChannelId id, ChannelGroup group, List<V2Endpoint> all,
      List<V2Endpoint> withPolicy, Set<String> listed, List<V2EndpointSpec> specs) {
    V2Layout.Policies policies = v2.shared().lookedUp();
    List<DistributionPlan.CloudFrontWrite> created = v2.shared().toCreate();
    Optional<ChannelGroup> secondGroup = v2.secondaryGroup(group.name());
    List<PolicyRead> reads = new ArrayList<>();
    if (!all.isEmpty()) {
      for (V2Endpoint endpoint : withPolicy) {
        Optional<CdnAuthConfiguration> given = specs.stream().filter(s -> s.id().equals(endpoint.id())).findFirst()
            .flatMap(V2EndpointSpec::cdnAuthorization);
        boolean exists = listed.contains(endpoint.id().endpoint());
        reads.add(new PolicyRead(v2.groups(), endpoint,
            exists ? v2.groups().findPolicy(endpoint.id()) : Optional.empty(), given, endpoint.id().toString()));
        if (v2.secondary().isPresent()) {
          Optional<V2Endpoint> mirror = exists ? v2.secondary().get().findEndpoint(endpoint.id()) : Optional.empty();
          reads.add(new PolicyRead(v2.secondary().get(), mirror.orElse(endpoint),
              mirror.isPresent() ? v2.secondary().get().findPolicy(endpoint.id()) : Optional.empty(), given,
              endpoint.id() + " (secondary Region)"));
        }
      }
    }
    List<CdnAuthConfiguration> authorizations = reads.stream().flatMap(r -> r.authorization().stream()).toList();
    Optional<CdnIdentifier> identifier = serving.identifier(specs, authorizations);
    List<String> authorized = reads.stream().filter(r -> r.authorization().isPresent())
        .map(r -> r.endpoint().id().endpoint()).distinct().toList();
    return new DistributionPlanning.Layout() {
      @Override
      public boolean hasEndpoints() {
        return !all.isEmpty();
      }

      @Override
      public ChangeSet changesFor(DistributionConfig current) {
        V2Layout.refuseUnservedAuthorization(current, V2Layout.originIds(group, secondGroup), identifier, authorized);
        V2EndpointUpdates.Request request =
            new V2EndpointUpdates.Request(id, group, secondGroup, all, policies, identifier);
        return planner.plan(id.ref(), null, current, List.of(request));
      }

      @Override
      public List<DistributionPlan.CloudFrontWrite> cloudFrontWrites() {
        return created;
      }

      @Override
      public List<DistributionPlan.PackagerWrite> packagerWrites(Distribution distribution) {
        String arn = distribution == null ? NOT_CREATED_YET : distribution.arn();
        return reads.stream()
            .filter(r -> ServingEndpoints.plan(r.port(), r.endpoint(), r.existing(), r.given(), arn).write()
                .isPresent())
            .map(r -> new DistributionPlan.PackagerWrite(PUT_POLICY, r.resource())).toList();
      }
    };
  }
}
