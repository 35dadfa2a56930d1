package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DistributionCreation;
import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Limits;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The concern "a distribution per channel group" ({@link V2CdnSettings.DistributionScope#CHANNEL_GROUP}): the group's
 * one distribution, found, created and adopted by the engine's rules for a channel's ({@link LinkTags},
 * {@link LinkResolution}, {@link DistributionCreation}, the group named {@code <group>/*}): linked by the link tag
 * whose value is the group's ARN, recorded on the group under the channel tag key, its CallerReference derived from
 * the group's ARN, so two instances never make two. Its layout ({@link GroupLayout}) covers every channel of the group
 * from the start, so serving a channel's endpoints writes nothing to CloudFront: each endpoint's policy gets the
 * library's statement for the group's distribution (merged, written only when it changes), and the distribution is
 * read once to check, by CloudFront's routing, that it brings each endpoint's requests to it.
 */
final class GroupDistributions {

  /** The name a group's refs carry in place of a channel's: every channel of it. */
  static final String EVERY_CHANNEL = "*";

  /**
   * What serving endpoints from the group's distribution did: the policies written, the CDN outcome, and whether the
   * distribution was updated (also when the outcome is {@code NOT_SERVED}).
   */
  record Served(int policiesWritten, CdnOutcome outcome, boolean updated) {

    Served(int policiesWritten, CdnOutcome outcome) {
      this(policiesWritten, outcome, outcome.action() == CdnOutcome.Action.UPDATED);
    }
  }

  private final boolean enabled;
  private final V2Side v2;
  private final LinkTags<ChannelGroup> linkTags;
  private final LinkResolution<ChannelGroup> links;
  private final DistributionCreation<ChannelGroup> creation;
  private final DistributionUpdaters<GroupLayoutUpdates.Request> updaters;

  GroupDistributions(V2Side v2, LinkTags<ChannelGroup> linkTags, LinkResolution<ChannelGroup> links,
      DistributionUpdaters<GroupLayoutUpdates.Request> updaters) {
    this.v2 = v2;
    this.updaters = updaters;
    this.enabled = v2.v2Settings().distributionScope() == V2CdnSettings.DistributionScope.CHANNEL_GROUP;
    this.linkTags = linkTags;
    this.links = links;
    this.creation = new DistributionCreation<>(v2.distributions(), linkTags, links, v2.visibility(),
        v2.settings().maxCallerReferenceGenerations(), v2.settings().visibilityTimeout(), v2.events().listeners());
  }

  /** Whether the settings choose a distribution per channel group. */
  boolean enabled() {
    return enabled;
  }

  /**
   * Refuses, before any call, what group scope does not serve: CDN authorization given by a spec (the group's one
   * origin would have to send the channel's CDN identifier, an update of the group's distribution).
   *
   * @throws ValidationException when a spec gives CDN authorization
   */
  static void refuseUnserved(List<V2EndpointSpec> specs) {
    List<String> authorized = specs.stream().filter(s -> s.cdnAuthorization().isPresent())
        .map(s -> s.id().toString()).toList();
    if (!authorized.isEmpty()) {
      throw new ValidationException("endpoints " + authorized + " give CDN authorization, which the distribution scope"
          + " CHANNEL_GROUP does not serve (the group's origin would have to send the identifier): save them without"
          + " it, or use the scope CHANNEL");
    }
  }

  /**
   * The group's distribution: the one linked to it, or a new one. {@code CREATED}, {@code ADOPTED} (made by another
   * instance or a try whose answer was lost, or found through the tag index alone, and recorded now) or
   * {@code UNCHANGED}. The "requested" marker is recorded on the group before CloudFront is asked, the id after, as
   * for a channel.
   *
   * @throws ValidationException when the group's ARN is too long to be the link tag's value, before any write
   */
  CdnOutcome ensure(ChannelGroup group) {
    ValidationException.throwIfAny(Limits.linkTagValueProblem(group.name() + "/*", group.arn().length(), false)
        .stream().toList());
    v2.settings().cloudFrontQuotas().refuseTags("the distribution of channel group " + group.name(),
        GroupLayout.tags(group, v2.settings()));
    v2.shared().refuseOverQuota();
    DistributionResolver.Resolution found = links.resolve(group);
    if (found.id().isPresent()) {
      if (found.needsRecording()) {
        links.record(group, found.id().get());
        return creation.adoptedFound(group, found.id().get());
      }
      return CdnOutcome.of(CdnOutcome.Action.UNCHANGED, found.id().get());
    }
    Optional<ChannelGroup> secondGroup = v2.secondaryGroup(group.name());
    V2Layout.Policies policies = v2.shared().ids();
    if (creation.recordedButMissing(group).isEmpty()) {
      links.recordRequest(group); // before asking CloudFront: a creation cut off stays detectable
    }
    CdnOutcome outcome = creation.create(group, callerReference -> GroupLayout.newDistribution(group, secondGroup,
        callerReference, policies, v2.settings(), v2.v2Settings()), GroupLayout.tags(group, v2.settings()));
    links.record(group, outcome.distributionId().orElseThrow());
    return outcome;
  }

  /**
   * How many TagResource calls on the group {@link #ensure} makes when it creates the group's distribution: the
   * "requested" marker (unless the group has it already, or records a distribution that is missing), then the new id.
   * Reads only: for a plan.
   */
  int tagWritesToCreate(ChannelGroup group) {
    boolean marks = creation.recordedButMissing(group).isEmpty() && !linkTags.channelTag(group).requested();
    return marks ? 2 : 1;
  }

  /** The group's distribution as the engine's rules find it, or the outcome that says why there is none. */
  DistributionResolver.Resolution resolve(ChannelGroup group) {
    return links.resolve(group);
  }

  /** The distribution of the group named {@code group}, if the group exists and has one; reads only. */
  Optional<DistributionId> of(String group) {
    return v2.groups().findGroup(group).flatMap(found -> links.resolve(found).id());
  }

  /**
   * Serves {@code endpoints} from the group's distribution {@code id}: the policies of {@code withPolicy} get the
   * library's statement for it (an endpoint's CDN authorization already in its policy is kept, and refused, with
   * nothing written, when the group's origin sends no CDN identifier), then {@code UNCHANGED}, or {@code NOT_SERVED}
   * with the reason when CloudFront's routing does not bring an endpoint's requests to it (a user's behaviour in the
   * way, say). Writes nothing to CloudFront.
   */
  Served serve(V2ChannelId channel, ChannelGroup group, DistributionId id, List<V2Endpoint> withPolicy,
      List<V2Endpoint> endpoints) {
    return serve(channel, group, id, withPolicy, endpoints, false);
  }

  /**
   * As {@link #serve(V2ChannelId, ChannelGroup, DistributionId, List, List)}; with {@code complete}, the group's
   * distribution is first brought to its layout ({@link GroupLayout#changesFor}) through the engine's updater of the
   * distribution (one writer per distribution, the ETag of its read, a user's settings kept), from the same read: an
   * UpdateDistribution only when something of the layout is missing (a behaviour a person removed, say), and then the
   * outcome is {@code UPDATED}.
   */
  Served serve(V2ChannelId channel, ChannelGroup group, DistributionId id, List<V2Endpoint> withPolicy,
      List<V2Endpoint> endpoints, boolean complete) {
    Distribution read = v2.visibility().until(channel.ref(), "GetDistribution", () -> v2.distributions().find(id))
        .orElseThrow(() -> V2NotFound.distribution(id));
    Optional<ChannelGroup> secondGroup = v2.secondaryGroup(group.name());
    List<PlannedPolicy> writes = new ArrayList<>();
    List<String> authorized = new ArrayList<>();
    for (V2Endpoint endpoint : withPolicy) {
      plan(v2.groups(), endpoint, read.arn(), writes, authorized);
      if (v2.secondary().isPresent()) { // its namesake in the second Region, read there: its ARN is that Region's
        plan(v2.secondary().get(), V2NotFound.secondaryEndpoint(v2.secondary().get(), endpoint.id()), read.arn(),
            writes, authorized);
      }
    }
    V2Layout.refuseUnservedAuthorization(read.config(), V2Layout.originIds(group, secondGroup),
        Optional.empty(), authorized);
    boolean updated = false;
    DistributionConfig config = read.config();
    if (complete) {
      DistributionUpdaters.Update update = updaters.update(id, new GroupLayoutUpdates.Request(channel.ref(), group,
          secondGroup, v2.shared()::ids, endpoints.stream().map(e -> OriginEndpointId.of(e.id().endpoint())).toList()),
          read);
      updated = update.written();
      config = update.latest().orElse(config);
    }
    writes.forEach(write -> write.port().putPolicy(write.endpoint(), write.policy()));
    DistributionConfig latest = config;
    Map<OriginEndpointId, String> notServed =
        V2Layout.notServed(endpoints, endpoint -> V2Layout.whyNotServed(latest, endpoint));
    return new Served(writes.size(), !notServed.isEmpty() ? CdnOutcome.notServed(id, notServed)
        : CdnOutcome.of(updated ? CdnOutcome.Action.UPDATED : CdnOutcome.Action.UNCHANGED, id), updated);
  }

  /** A policy to write, in one Region's MediaPackage. */
  private record PlannedPolicy(ChannelGroups port, V2EndpointId endpoint, EndpointPolicy policy) {}

  /**
   * Plans the endpoint's policy with the library's statement for {@code distributionArn}, keeping the CDN
   * authorization it has (named in {@code authorized}); only a policy that changes is planned.
   */
  private static void plan(ChannelGroups port, V2Endpoint endpoint, String distributionArn, List<PlannedPolicy> writes,
      List<String> authorized) {
    Optional<EndpointPolicy> existing = port.findPolicy(endpoint.id());
    Optional<CdnAuthConfiguration> authorization = existing.flatMap(EndpointPolicy::cdnAuthorization);
    authorization.ifPresent(kept -> authorized.add(endpoint.id().endpoint()));
    EndpointPolicies.merged(existing.map(EndpointPolicy::document), endpoint.arn(), distributionArn,
        authorization.isPresent()).ifPresent(document -> writes.add(new PlannedPolicy(port, endpoint.id(),
            new EndpointPolicy(document, authorization))));
  }

  /**
   * Gives a channel saved in group scope the group's distribution: the group's (made now if it has none), and the
   * channel's endpoints served from it: {@code CREATED} or {@code ADOPTED} when the group's distribution was made or
   * recorded on the group now (whatever completing its layout wrote), unless an endpoint is {@code NOT_SERVED}, else
   * what serving did. A failure is the outcome, beside the saved channel.
   */
  CdnOutcome channelSaved(V2ChannelId channel) {
    Optional<DistributionId> id = Optional.empty();
    try {
      ChannelGroup group = V2NotFound.group(v2.groups(), channel.group());
      v2.shared().check(); // a shared setting found by name that is not the library's is refused before any write
      CdnOutcome ensured = ensure(group);
      id = ensured.distributionId();
      List<V2Endpoint> endpoints = v2.groups().endpointsOf(channel);
      if (endpoints.isEmpty()) {
        return ensured;
      }
      CdnOutcome served = serve(channel, group, id.orElseThrow(), endpoints, endpoints, true).outcome();
      // CREATED or ADOPTED whatever completing the layout wrote, as in the channel scope, unless an endpoint is not
      // served; a distribution recorded already answers what serving did
      return ensured.action() == CdnOutcome.Action.UNCHANGED || served.action() == CdnOutcome.Action.NOT_SERVED
          ? served : ensured;
    } catch (ProvisioningException e) {
      return v2.events().failed(channel, id, e);
    }
  }
}
