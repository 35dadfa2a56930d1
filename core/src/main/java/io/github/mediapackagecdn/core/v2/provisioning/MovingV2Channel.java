package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DistributionCreation;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.DistributionTeardown;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The use case "move a channel between its own distribution and its group's", explicit and in an order that keeps
 * players served at every step: (1) the target distribution, made when missing (the group's by
 * {@link GroupDistributions}, the channel's own by the engine's {@link DistributionCreation}, so never a second), the
 * group's refused ({@code NOT_SERVED}) when it would not serve the channel, by the move and its plan alike (the
 * channel's own that would not route an endpoint ends the move {@code NOT_SERVED} after (2), as its plan says);
 * (2) each endpoint policy gains the target's statement (the library's {@link EndpointPolicies#SID}) and keeps the
 * previous distribution's as {@value #PREVIOUS_SID}, in one write; (3) the channel tag changes
 * ({@link LinkTags#SERVED_BY_GROUP}, with the own distribution's id when (4) deletes it, so that a later one of its
 * own can prove it deleted; or the own distribution's id): only then do the details' CDN URLs move to the
 * target's domain; (4) only when asked, the previous access goes: the channel's own distribution torn down by the
 * engine's rules (only one whose link tag names the channel), or the group's statement removed (the group's
 * distribution is never touched), then the {@value #PREVIOUS_SID} statements. Each step is idempotent, so running
 * the move again after a failure goes on from where it stopped. The listeners hear, besides the steps of the
 * distribution's creation and update, {@code CHANNEL_MOVED} at (3), {@code PREVIOUS_ACCESS_REMOVED} after (4), and
 * {@code FAILED} (after {@code THROTTLED} for a throttle) for a move that throws.
 */
final class MovingV2Channel {

  /** The {@code Sid} of the statement that keeps the previous distribution's access during and after a move. */
  static final String PREVIOUS_SID = "MediaPackageCdnAllowPreviousDistribution";

  private static final String PUT_POLICY = "PutOriginEndpointPolicy";
  private static final String TAG_RESOURCE = "TagResource";
  /** The ARN a plan uses for a target distribution not created yet: every policy changes for it. */
  private static final String NOT_CREATED_YET = "arn:aws:cloudfront::000000000000:distribution/NOT-CREATED-YET";

  private final V2Side v2;
  private final LinkTags<V2Channel> linkTags;
  private final LinkResolution<V2Channel> links;
  private final GroupDistributions groupScope;
  private final DistributionCreation<V2Channel> creation;
  private final DistributionTeardown<V2Channel> teardown;
  private final ServingEndpoints serving;

  MovingV2Channel(V2Side v2, LinkTags<V2Channel> linkTags, LinkResolution<V2Channel> links,
      GroupDistributions groupScope, ServingEndpoints serving, Clock clock) {
    this.v2 = v2;
    this.linkTags = linkTags;
    this.links = links;
    this.groupScope = groupScope;
    this.creation = new DistributionCreation<>(v2.distributions(), linkTags, links, v2.visibility(),
        v2.settings().maxCallerReferenceGenerations(), v2.settings().visibilityTimeout(), v2.events().listeners());
    this.teardown = new DistributionTeardown<>(v2.distributions(), linkTags, links, v2.visibility(),
        v2.settings().maxUpdateAttempts(), clock);
    this.serving = serving;
  }

  /** What the channel is now, read once: the plan and the move start from it. */
  private record State(ChannelGroup group, V2Channel channel, DistributionTeardown.Candidates own,
      Optional<DistributionId> groupDistribution, List<V2Endpoint> endpoints, boolean moved) {}

  /** One endpoint policy as read, in one Region. */
  private record Policy(ChannelGroups port, V2Endpoint endpoint, Optional<EndpointPolicy> existing) {}

  private void requireGroupScope(V2ChannelId id) {
    if (!groupScope.enabled()) {
      throw new ValidationException("moving channel " + id + " between its own distribution and its group's needs"
          + " the v2 setting distributionScope(CHANNEL_GROUP); in the scope CHANNEL every channel has its own");
    }
  }

  private State read(V2ChannelId id, V2MovePlan.Target target) {
    requireGroupScope(id);
    ChannelGroup group = V2NotFound.group(v2.groups(), id.group());
    V2Channel channel = V2NotFound.channel(v2.groups(), id);
    DistributionTeardown.Candidates own = teardown.candidates(channel);
    Optional<DistributionId> byGroup = groupScope.resolve(group).id();
    boolean moved = target == V2MovePlan.Target.GROUP_DISTRIBUTION ? linkTags.servedByGroup(channel)
        : own.linked().isPresent() && linkTags.channelTag(channel).recorded().equals(own.linked());
    return new State(group, channel, own, byGroup, v2.groups().endpointsOf(id), moved);
  }

  /**
   * The dry run: reads only, refused ({@link #checksShared}, {@link #refuseNotServed}) where the move refuses before
   * its first write; when the channel's own distribution would not route an endpoint, only the writes the move makes
   * before it ends {@code NOT_SERVED}.
   */
  V2MovePlan plan(V2ChannelId id, V2MovePlan.Target target, TeardownOptions options) {
    State state = read(id, target);
    boolean toGroup = target == V2MovePlan.Target.GROUP_DISTRIBUTION;
    Optional<DistributionId> to = toGroup ? state.groupDistribution() : state.own().linked();
    Optional<DistributionId> from = toGroup ? state.own().linked() : state.groupDistribution();
    if (checksShared(state, toGroup)) {
      v2.shared().check(); // the move's check, before it writes: a plan is refused as the move would be
    }
    Optional<Distribution> toFound = to.flatMap(v2.distributions()::find);
    if (toGroup) { // the move's check, before it writes: a plan is refused as the move would be
      toFound.ifPresent(distribution -> refuseNotServed(state, distribution));
    }
    Map<OriginEndpointId, String> notServed = toGroup || toFound.isEmpty() || state.endpoints().isEmpty() ? Map.of()
        : serving.wouldNotServe(id, state.group(), toFound.get(), state.endpoints());
    Optional<String> toArn = toFound.map(Distribution::arn);
    Optional<String> fromArn = from.flatMap(v2.distributions()::find).map(Distribution::arn);
    List<DistributionPlan.PackagerWrite> writes = new ArrayList<>();
    String channelResource = state.channel().id().toString();
    if (toGroup && to.isEmpty()) { // the group's distribution made now: recorded on the group, as a channel's is
      for (int i = groupScope.tagWritesToCreate(state.group()); i > 0; i--) {
        writes.add(new DistributionPlan.PackagerWrite(TAG_RESOURCE, state.group().name()));
      }
    }
    if (!toGroup && !state.moved() && to.isEmpty() && !linkTags.servedByGroup(state.channel())) {
      writes.add(new DistributionPlan.PackagerWrite(TAG_RESOURCE, channelResource));
    }
    List<Policy> policies = policies(state.endpoints());
    Optional<String> previousArn = state.moved() ? Optional.empty() : fromArn; // once moved, never added again
    List<Policy> after = new ArrayList<>();
    for (Policy policy : policies) {
      Optional<EndpointPolicy> write = withTarget(policy, toArn.orElse(NOT_CREATED_YET), previousArn);
      if (write.isPresent()) {
        writes.add(new DistributionPlan.PackagerWrite(PUT_POLICY, policy.endpoint().id().toString()));
      }
      after.add(new Policy(policy.port(), policy.endpoint(), write.or(policy::existing)));
    }
    if (!notServed.isEmpty()) { // the move ends NOT_SERVED after the policies: no channel tag, no removal
      return new V2MovePlan(id, target, from, to, false, writes, false, notServed);
    }
    if (toGroup ? recordsMove(state, options) : !state.moved()) {
      writes.add(new DistributionPlan.PackagerWrite(TAG_RESOURCE, channelResource));
    }
    boolean strips = false;
    if (options.deleteDistribution()) {
      for (Policy policy : after) {
        if (withoutPrevious(policy).isPresent()) {
          writes.add(new DistributionPlan.PackagerWrite(PUT_POLICY, policy.endpoint().id().toString()));
          strips = true;
        }
      }
    }
    boolean removes = options.deleteDistribution() && (toGroup && from.isPresent() || strips);
    return new V2MovePlan(id, target, from, to, to.isEmpty(), writes, removes, Map.of());
  }

  /** The move, in the order of the class comment. */
  V2MoveResult move(V2ChannelId id, V2MovePlan.Target target, TeardownOptions options) {
    requireGroupScope(id); // bad input: a typed error, no event
    Instant start = v2.events().now();
    V2MoveResult result;
    try {
      State state = read(id, target);
      result = target == V2MovePlan.Target.GROUP_DISTRIBUTION ? toGroup(state, options, start)
          : toOwn(state, options, start);
    } catch (ProvisioningException e) {
      v2.events().failed(id, Optional.empty(), e);
      throw e;
    }
    return result;
  }

  /**
   * Whether the move looks up and checks the shared settings ({@link SharedPolicies#check}, reads only) before its
   * first write: when it creates the target distribution, or serves the endpoints from the channel's own (the
   * update needs their ids). A plan makes the same check, so that it is refused as the move.
   */
  private static boolean checksShared(State state, boolean toGroup) {
    return toGroup ? state.groupDistribution().isEmpty()
        : state.own().linked().isEmpty() || !state.endpoints().isEmpty();
  }

  /** Whether a move to the group deletes the channel's own distribution (linked to it still). */
  private static boolean removesOwn(State state, TeardownOptions options) {
    return options.deleteDistribution() && state.own().linked().isPresent();
  }

  /**
   * Whether a move to the group writes the channel tag: when the channel has not moved yet, or when it deletes the
   * channel's own distribution and the tag does not record that one yet (the deleted id stays recorded, after
   * {@link LinkTags#SERVED_BY_GROUP}, so that a later distribution of its own can prove its predecessor deleted).
   */
  private boolean recordsMove(State state, TeardownOptions options) {
    return !state.moved() || removesOwn(state, options)
        && !linkTags.deletedByMove(state.channel()).equals(state.own().linked());
  }

  /** {@code CHANNEL_MOVED}: the channel tag records the target (written now, or already). */
  private void moved(State state, boolean toGroup, DistributionId target, Optional<DistributionId> from,
      int policiesWritten, boolean tagWritten, Instant start) {
    String where = state.channel().id() + (toGroup ? " to its group's distribution " : " to its own distribution ")
        + target
        + from.map(f -> " from " + f).orElse(" from none");
    v2.events().emit(V2Events.event(ProvisioningEvent.Step.CHANNEL_MOVED, state.channel().id()).distributionId(target)
        .endpointIds(endpointIds(state)).operation(tagWritten ? TAG_RESOURCE : "").count(policiesWritten)
        .detail((state.moved() ? "moved already: " : "moved: ") + where).duration(v2.events().since(start)));
  }

  /** {@code PREVIOUS_ACCESS_REMOVED}: what became of the previous distribution's access. */
  private void removed(State state, Optional<DistributionId> from, String operation, int policiesWritten,
      String what, Instant start) {
    ProvisioningEvent.Builder event = V2Events.event(ProvisioningEvent.Step.PREVIOUS_ACCESS_REMOVED,
        state.channel().id()).endpointIds(endpointIds(state)).operation(operation).count(policiesWritten)
        .detail(what).duration(v2.events().since(start));
    from.ifPresent(event::distributionId);
    v2.events().emit(event);
  }

  private static List<OriginEndpointId> endpointIds(State state) {
    return state.endpoints().stream().map(e -> OriginEndpointId.of(e.id().endpoint())).toList();
  }

  private V2MoveResult toGroup(State state, TeardownOptions options, Instant start) {
    Optional<DistributionId> from = state.own().linked();
    CdnOutcome to;
    if (state.groupDistribution().isPresent()) {
      to = CdnOutcome.of(CdnOutcome.Action.UNCHANGED, state.groupDistribution().get());
    } else {
      v2.shared().check();
      to = groupScope.ensure(state.group());
    }
    DistributionId target = to.distributionId().orElseThrow();
    Distribution distribution = find(state.channel().id(), target);
    refuseNotServed(state, distribution); // nothing written: the channel stays where it is, served as it was
    Optional<String> fromArn = from.flatMap(v2.distributions()::find).map(Distribution::arn);
    List<Policy> policies = policies(state.endpoints());
    int written = write(policies, distribution.arn(), state.moved() ? Optional.empty() : fromArn);
    boolean recorded = recordsMove(state, options);
    if (recorded) {
      mark(state.channel(), removesOwn(state, options)
          ? LinkTags.servedByGroupAfterDeleting(from.orElseThrow()) : LinkTags.SERVED_BY_GROUP);
    }
    moved(state, true, target, from, written, recorded, start);
    TeardownResult.DistributionRemoval previous = TeardownResult.DistributionRemoval.NOT_REQUESTED;
    if (options.deleteDistribution()) {
      // the engine's removal of the channel's own distribution; the channel itself stays (it only moves)
      previous = teardown.remove(state.channel(), state.own(), options, TeardownResult.builder()
          .channelRef(state.channel().id().ref()).channel(TeardownResult.Removal.ALREADY_GONE)).build().distribution();
      int stripped = strip(policies(state.endpoints()));
      written += stripped;
      removed(state, from, previous == TeardownResult.DistributionRemoval.DELETED ? "DeleteDistribution" : "",
          stripped, "its own distribution: " + previous, start);
    }
    return new V2MoveResult(state.channel().id(), V2MovePlan.Target.GROUP_DISTRIBUTION, from, to, written, true,
        previous);
  }

  /**
   * Refuses ({@code NOT_SERVED}) the group's {@code distribution} when it does not route an endpoint of the channel to
   * it or, with a secondary Region, does not send the endpoint's requests to the origin group of both Regions (made
   * without that Region, it serves from one): the move's check before its first write, and its plan's.
   */
  private void refuseNotServed(State state, Distribution distribution) {
    Optional<ChannelGroup> secondGroup = v2.secondaryGroup(state.group().name());
    Map<OriginEndpointId, String> notServed = V2Layout.notServed(state.endpoints(), endpoint -> V2Layout
        .whyNotServed(distribution.config(), endpoint)
        .or(() -> secondGroup.flatMap(second -> V2Layout.whyNotFromBothRegions(distribution.config(), endpoint,
            second))));
    if (!notServed.isEmpty()) {
      throw new ResourceConflictException("the distribution " + distribution.id() + " of channel group "
          + state.group().name() + " does not route endpoints of channel " + state.channel().id() + " to them: "
          + notServed + "; fix its behaviours and move again; nothing was moved",
          ResourceConflictException.Reason.NOT_SERVED, state.channel().id().toString());
    }
  }

  private V2MoveResult toOwn(State state, TeardownOptions options, Instant start) {
    Optional<DistributionId> from = state.groupDistribution();
    V2Channel channel = state.channel();
    if (checksShared(state, false)) {
      v2.shared().check(); // a shared setting changed by hand is refused before any write, as the plan is
    }
    CdnOutcome to;
    if (state.own().linked().isPresent()) { // moved already, or left in place by an earlier move to the group
      to = CdnOutcome.of(state.moved() ? CdnOutcome.Action.UNCHANGED : CdnOutcome.Action.ADOPTED,
          state.own().linked().get());
    } else {
      if (!linkTags.servedByGroup(channel)) {
        mark(channel, LinkTags.SERVED_BY_GROUP); // the new distribution's link must not move the URLs before (3)
      }
      V2Packager packager = new V2Packager(v2, state.group(), serving);
      io.github.mediapackagecdn.core.cdn.Packager.NewDistribution fresh =
          packager.newDistribution(channel, Optional.empty(), Map.of());
      to = creation.create(channel, fresh.configFor(), fresh.tags());
    }
    DistributionId target = to.distributionId().orElseThrow();
    Distribution distribution = find(channel.id(), target);
    Optional<String> fromArn = from.flatMap(v2.distributions()::find).map(Distribution::arn);
    int written = write(policies(state.endpoints()), distribution.arn(), state.moved() ? Optional.empty() : fromArn);
    CdnOutcome served = state.endpoints().isEmpty() ? to
        : serving.serve(channel.id(), state.group(), target, state.endpoints(), List.of(), List.of(), Map.of(),
            Optional.empty()).outcome(target, state.endpoints());
    if (served.action() == CdnOutcome.Action.NOT_SERVED) { // the channel stays on its group's distribution
      return new V2MoveResult(channel.id(), V2MovePlan.Target.OWN_DISTRIBUTION, from, served, written, false,
          TeardownResult.DistributionRemoval.NOT_REQUESTED);
    }
    if (!state.moved()) {
      links.record(channel, target);
    }
    moved(state, false, target, from, written, !state.moved(), start);
    TeardownResult.DistributionRemoval previous = TeardownResult.DistributionRemoval.NOT_REQUESTED;
    if (options.deleteDistribution()) {
      int stripped = strip(policies(state.endpoints()));
      written += stripped;
      previous = stripped > 0 ? TeardownResult.DistributionRemoval.DELETED
          : TeardownResult.DistributionRemoval.ALREADY_GONE;
      removed(state, from, stripped > 0 ? PUT_POLICY : "", stripped, "the group's statement " + (stripped > 0
          ? "left the endpoint policies" : "was gone already") + "; the group's distribution is never touched", start);
    }
    return new V2MoveResult(channel.id(), V2MovePlan.Target.OWN_DISTRIBUTION, from, to, written, true, previous);
  }

  private Distribution find(V2ChannelId channel, DistributionId id) {
    return v2.visibility().until(channel.ref(), "GetDistribution", () -> v2.distributions().find(id))
        .orElseThrow(() -> V2NotFound.distribution(id));
  }

  /** Writes the channel tag alone (TagResource keeps the channel's other tags). */
  private void mark(V2Channel channel, String value) {
    v2.groups().tagChannel(channel.arn(), Map.of(v2.settings().channelTagKey(), value));
  }

  /** Every endpoint's policy as read, in the first Region then, with one, the second's namesake. */
  private List<Policy> policies(List<V2Endpoint> endpoints) {
    List<Policy> policies = new ArrayList<>();
    for (V2Endpoint endpoint : endpoints) {
      policies.add(new Policy(v2.groups(), endpoint, v2.groups().findPolicy(endpoint.id())));
      if (v2.secondary().isPresent()) {
        V2Endpoint mirror = V2NotFound.secondaryEndpoint(v2.secondary().get(), endpoint.id());
        policies.add(new Policy(v2.secondary().get(), mirror, v2.secondary().get().findPolicy(mirror.id())));
      }
    }
    return policies;
  }

  private static int write(List<Policy> policies, String targetArn, Optional<String> previousArn) {
    return put(policies, policy -> withTarget(policy, targetArn, previousArn));
  }

  private static int strip(List<Policy> policies) {
    return put(policies, MovingV2Channel::withoutPrevious);
  }

  /** Writes each policy {@code change} gives (PutOriginEndpointPolicy), skipping those it leaves; answers how many. */
  private static int put(List<Policy> policies, Function<Policy, Optional<EndpointPolicy>> change) {
    int written = 0;
    for (Policy policy : policies) {
      Optional<EndpointPolicy> write = change.apply(policy);
      if (write.isPresent()) {
        policy.port().putPolicy(policy.endpoint().id(), write.get());
        written++;
      }
    }
    return written;
  }

  /**
   * The policy with the library's statement for {@code targetArn} and, with {@code previousArn}, the
   * {@value #PREVIOUS_SID} statement for it, every other statement kept; empty when the policy means that already.
   */
  static Optional<EndpointPolicy> withTarget(Policy policy, String targetArn, Optional<String> previousArn) {
    Optional<CdnAuthConfiguration> authorization = policy.existing().flatMap(EndpointPolicy::cdnAuthorization);
    Optional<String> existing = policy.existing().map(EndpointPolicy::document);
    String document = EndpointPolicies.merged(existing, policy.endpoint().arn(), targetArn,
        authorization.isPresent()).orElseGet(existing::orElseThrow);
    if (previousArn.isPresent() && !previousArn.get().equals(targetArn)) {
      Map<String, Object> previous = EndpointPolicies.statement(policy.endpoint().arn(), previousArn.get());
      previous.put("Sid", PREVIOUS_SID);
      document = replaced(document, previous);
    }
    if (existing.isPresent() && EndpointPolicies.sameMeaning(existing.get(), document)) {
      return Optional.empty();
    }
    return Optional.of(new EndpointPolicy(document, authorization));
  }

  /** The policy without its {@value #PREVIOUS_SID} statement; empty when it has none. */
  static Optional<EndpointPolicy> withoutPrevious(Policy policy) {
    Optional<String> existing = policy.existing().map(EndpointPolicy::document);
    if (existing.isEmpty() || existing.get().isBlank()) {
      return Optional.empty();
    }
    String document = replaced(existing.get(), null);
    return EndpointPolicies.sameMeaning(existing.get(), document) ? Optional.empty()
        : Optional.of(new EndpointPolicy(document, policy.existing().get().cdnAuthorization()));
  }

  /** The document with its {@value #PREVIOUS_SID} statement replaced by {@code statement} (removed when null). */
  private static String replaced(String document, Map<String, Object> statement) {
    Map<String, Object> copy = new LinkedHashMap<>();
    List<Object> statements = EndpointPolicies.read(document, copy);
    statements.removeIf(s -> s instanceof Map<?, ?> m && PREVIOUS_SID.equals(m.get("Sid")));
    if (statement != null) {
      statements.add(statement);
    }
    copy.put("Statement", statements);
    return Json.write(copy);
  }
}
