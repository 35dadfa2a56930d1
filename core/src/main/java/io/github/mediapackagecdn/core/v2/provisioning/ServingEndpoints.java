package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.CdnIdentifierSource;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The concern "the distribution serves the channel's endpoints", used by both saves: each endpoint's policy gets the
 * library's statement for the distribution (merged, written only when it changes, with the CDN authorization given
 * or kept, and then AWS's statement for it), then the distribution gets the group's origin, the CDN identifier header
 * when an endpoint uses CDN authorization, and every endpoint's behaviours, in one update through the distribution's
 * updater (v1's: serialized per distribution, concurrent saves coalesced, a stale ETag re-read at most
 * {@code maxUpdateAttempts} times). Every policy is read before any is written, and CDN authorization the origins
 * could not serve ({@link V2Layout#refuseUnservedAuthorization}) is refused before any write. With a secondary Region,
 * the same-named endpoint there gets the same statements, and the distribution the second group's origin and the
 * origin group of the two. Before a save writes anything, {@link #check}
 * plans the same update with the same planner and refuses it when it would exceed the account's CloudFront quotas.
 */
final class ServingEndpoints {

  private final V2Side v2;
  private final CdnIdentifierSource identifiers;
  private final V2EndpointUpdates planner;
  private final DistributionUpdaters<V2EndpointUpdates.Request> updaters;

  ServingEndpoints(V2Side v2, CdnIdentifierSource identifiers, V2EndpointUpdates planner,
      DistributionUpdaters<V2EndpointUpdates.Request> updaters) {
    this.v2 = v2;
    this.identifiers = identifiers;
    this.planner = planner;
    this.updaters = updaters;
  }

  /**
   * How many policies were written, whether the distribution was, and its configuration as last read or written (empty
   * when the update does not know it).
   */
  record Served(int policiesWritten, boolean updated, Optional<DistributionConfig> latest) {

    /**
     * {@code UPDATED} or {@code UNCHANGED}, or {@code NOT_SERVED} when the distribution does not bring a player's
     * requests for one of {@code saved} to it, by CloudFront's routing, with the reason.
     */
    CdnOutcome outcome(DistributionId id, List<V2Endpoint> saved) {
      Map<OriginEndpointId, String> notServed = latest.map(config -> V2Layout.notServed(saved,
          endpoint -> V2Layout.whyNotServed(config, endpoint))).orElse(Map.of());
      return notServed.isEmpty() ? CdnOutcome.updatedOrUnchanged(updated, id) : CdnOutcome.notServed(id, notServed);
    }
  }

  /** One endpoint's policy as it will be: its CDN authorization, and the document to write if it changes. */
  record PlannedPolicy(ChannelGroups port, V2EndpointId endpoint, Optional<CdnAuthConfiguration> authorization,
      Optional<EndpointPolicy> write) {}

  /**
   * Refuses, before the specs are written anywhere, CDN authorization they give that the distribution as
   * {@link #check} read it could not serve (another identifier than its origin sends, or none known while it sends
   * none). Reads nothing.
   *
   * @throws ValidationException when no identifier is known and an origin sends none
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException ({@code CDN_IDENTIFIER_MISMATCH}) when an
   *     origin sends another identifier
   */
  void refuseUnservedAuthorization(ChannelGroup group, Read read, List<V2EndpointSpec> specs) {
    List<CdnAuthConfiguration> given = specs.stream().flatMap(s -> s.cdnAuthorization().stream()).toList();
    List<String> authorized = specs.stream().filter(s -> s.cdnAuthorization().isPresent())
        .map(s -> s.id().endpoint()).toList();
    V2Layout.refuseUnservedAuthorization(read.distribution().config(), V2Layout.originIds(group, read.secondGroup()),
        identifier(specs, given), authorized);
  }

  /** The distribution and the secondary Region's group as a save read them before writing: {@link #serve} uses them. */
  record Read(Distribution distribution, Optional<ChannelGroup> secondGroup) {}

  /**
   * Reads distribution {@code id} (and with a secondary Region, its group), then refuses serving {@code endpoints}
   * (every endpoint of the channel, as the save will leave them) when the update would exceed the account's CloudFront
   * quotas: the check a save makes before its first write. Reads nothing more than {@link #serve} would: it takes what
   * is read here.
   *
   * @throws io.github.mediapackagecdn.core.error.QuotaExceededException when a quota would be exceeded
   */
  Read check(V2ChannelId channel, ChannelGroup group, DistributionId id, List<V2Endpoint> endpoints,
      Optional<CdnIdentifier> identifier) {
    // a distribution created a moment ago (by another instance, found through the channel tag) may not show yet
    Distribution distribution = v2.visibility()
        .until(channel.ref(), "GetDistribution", () -> v2.distributions().find(id))
        .orElseThrow(() -> V2NotFound.distribution(id));
    Optional<ChannelGroup> secondGroup = v2.secondaryGroup(group.name());
    refuseOverQuota("distribution " + id, id, distribution.config(), channel, group, secondGroup, endpoints,
        identifier);
    return new Read(distribution, secondGroup);
  }

  /**
   * Refuses, without a call, giving {@code config} (a distribution as read, or one about to be created: then
   * {@code id} is null, which v2's planner does not read) what {@code endpoints} need, when that would exceed the
   * account's CloudFront quotas: the planner the updater uses, and the quota check it makes.
   */
  void refuseOverQuota(String distribution, DistributionId id, DistributionConfig config, V2ChannelId channel,
      ChannelGroup group, Optional<ChannelGroup> secondGroup, List<V2Endpoint> endpoints,
      Optional<CdnIdentifier> identifier) {
    v2.shared().refuseOverQuota();
    if (endpoints.isEmpty()) {
      return;
    }
    V2EndpointUpdates.Request request = new V2EndpointUpdates.Request(channel, group, secondGroup, endpoints,
        v2.shared().knownOrStandIns(), identifier);
    ChangeSet changes;
    try {
      changes = planner.plan(planner.channel(request), id, config, List.of(request));
    } catch (ResourceConflictException e) {
      return; // another CDN identifier: the update reports it beside what the save wrote, as it always has
    }
    v2.settings().cloudFrontQuotas().refuseChanges(distribution, config, changes);
  }

  /**
   * The endpoints of {@code endpoints} (every endpoint of the channel) that {@code distribution} would not route once
   * {@link #serve} gave it what they need, with why: the planner's update applied to the distribution as read, checked
   * as {@link Served#outcome} checks a save's. Reads nothing but, with a secondary Region, its group; for a plan.
   */
  Map<OriginEndpointId, String> wouldNotServe(V2ChannelId channel, ChannelGroup group, Distribution distribution,
      List<V2Endpoint> endpoints) {
    Optional<ChannelGroup> secondGroup = v2.secondaryGroup(group.name());
    V2EndpointUpdates.Request request = new V2EndpointUpdates.Request(channel, group, secondGroup, endpoints,
        v2.shared().lookedUp(), Optional.empty());
    DistributionConfig after = planner.plan(planner.channel(request), distribution.id(), distribution.config(),
        List.of(request)).applyTo(distribution.config());
    return new Served(0, false, Optional.of(after)).outcome(distribution.id(), endpoints).notServed();
  }

  /**
   * Serves {@code endpoints} (every endpoint of the channel) from the distribution; the policies of
   * {@code withPolicy} are written, each with its spec's CDN authorization if {@code specs} has one, and with a
   * secondary Region the policies of their namesakes there ({@code mirrored}: those the caller has just read or
   * saved; the others are read). Nothing is written when CDN authorization could not be served. What {@code read}
   * holds, {@link #check} read before the save wrote: it is not read again.
   *
   * @throws ValidationException when an endpoint uses CDN authorization, no identifier is known and an origin sends
   *     none
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException ({@code CDN_IDENTIFIER_MISMATCH}) when an
   *     origin sends another identifier than the one known
   */
  Served serve(V2ChannelId channel, ChannelGroup group, DistributionId id, List<V2Endpoint> endpoints,
      List<V2Endpoint> withPolicy, List<V2EndpointSpec> specs, Map<V2EndpointId, V2Endpoint> mirrored,
      Optional<Read> read) {
    // a shared setting that is not the library's is refused before any write
    V2Layout.Policies policies = v2.shared().ids();
    // a distribution created a moment ago (by another instance, found through the channel tag) may not show yet
    Distribution distribution = read.map(Read::distribution).orElseGet(() -> v2.visibility()
        .until(channel.ref(), "GetDistribution", () -> v2.distributions().find(id))
        .orElseThrow(() -> V2NotFound.distribution(id)));
    Optional<ChannelGroup> secondGroup = read.isPresent() ? read.get().secondGroup()
        : v2.secondaryGroup(group.name());
    List<PlannedPolicy> planned = new ArrayList<>();
    for (V2Endpoint endpoint : withPolicy) {
      Optional<CdnAuthConfiguration> given = specs.stream().filter(s -> s.id().equals(endpoint.id())).findFirst()
          .flatMap(V2EndpointSpec::cdnAuthorization);
      planned.add(plan(v2.groups(), endpoint, given, distribution.arn()));
      if (v2.secondary().isPresent()) {
        V2Endpoint mirror = mirrored.containsKey(endpoint.id()) ? mirrored.get(endpoint.id())
            : V2NotFound.secondaryEndpoint(v2.secondary().get(), endpoint.id());
        planned.add(plan(v2.secondary().get(), mirror, given, distribution.arn()));
      }
    }
    List<CdnAuthConfiguration> authorizations =
        planned.stream().flatMap(p -> p.authorization().stream()).toList();
    Optional<CdnIdentifier> identifier = identifier(specs, authorizations);
    List<String> authorized = planned.stream().filter(p -> p.authorization().isPresent())
        .map(p -> p.endpoint().endpoint()).distinct().toList();
    V2Layout.refuseUnservedAuthorization(distribution.config(), V2Layout.originIds(group, secondGroup), identifier,
        authorized);
    int written = 0;
    for (PlannedPolicy policy : planned) {
      if (policy.write().isPresent()) {
        policy.port().putPolicy(policy.endpoint(), policy.write().get());
        written++;
      }
    }
    // the update starts from the distribution read above (a stale one meets a 412 and is read again): one
    // GetDistribution a save, not two
    DistributionUpdaters.Update update =
        updaters.update(id, new V2EndpointUpdates.Request(channel, group, secondGroup, endpoints, policies,
            identifier), distribution);
    return new Served(written, update.written(), update.latest());
  }

  /**
   * The identifier the origins must send: the one a spec gives, else the source's for the first secret it knows of
   * the authorizations, in order.
   */
  Optional<CdnIdentifier> identifier(List<V2EndpointSpec> specs, List<CdnAuthConfiguration> authorizations) {
    return specs.stream().flatMap(s -> s.cdnIdentifier().stream()).findFirst()
        .or(() -> authorizations.stream().flatMap(auth -> auth.secretArns().stream()).distinct()
            .map(identifiers::identifierFor).flatMap(Optional::stream).findFirst());
  }

  /** Reads the endpoint's policy and plans it with the library's statements and its CDN authorization. */
  private static PlannedPolicy plan(ChannelGroups port, V2Endpoint endpoint, Optional<CdnAuthConfiguration> given,
      String distributionArn) {
    return plan(port, endpoint, port.findPolicy(endpoint.id()), given, distributionArn);
  }

  /**
   * Plans the endpoint's policy, {@code existing} as read, with the library's statements and its CDN authorization;
   * the plan of a save (its dry run) and the save itself decide its write here.
   */
  static PlannedPolicy plan(ChannelGroups port, V2Endpoint endpoint, Optional<EndpointPolicy> existing,
      Optional<CdnAuthConfiguration> given, String distributionArn) {
    Optional<CdnAuthConfiguration> authorization =
        given.isPresent() ? given : existing.flatMap(EndpointPolicy::cdnAuthorization);
    Optional<String> merged = EndpointPolicies.merged(existing.map(EndpointPolicy::document), endpoint.arn(),
        distributionArn, authorization.isPresent());
    boolean sameAuthorization = sameAuthorization(existing.flatMap(EndpointPolicy::cdnAuthorization), authorization);
    if (merged.isEmpty() && sameAuthorization) {
      return new PlannedPolicy(port, endpoint.id(), authorization, Optional.empty());
    }
    String document = merged.orElseGet(() -> existing.orElseThrow().document());
    return new PlannedPolicy(port, endpoint.id(), authorization,
        Optional.of(new EndpointPolicy(document, authorization)));
  }

  /** Whether two CDN authorizations are the same: the role, and the secrets in any order. */
  private static boolean sameAuthorization(Optional<CdnAuthConfiguration> one, Optional<CdnAuthConfiguration> other) {
    return one.isPresent() == other.isPresent() && one.map(a -> other.get().secretsRoleArn().equals(a.secretsRoleArn())
        && java.util.Set.copyOf(other.get().secretArns()).equals(java.util.Set.copyOf(a.secretArns()))).orElse(true);
  }
}
