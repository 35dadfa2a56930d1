package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.internal.DistributionUpdaters;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.CdnIdentifierSource;
import io.github.mediapackagecdn.core.port.Distributions;
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
 * The concern "the distribution serves the channel's endpoints", used by both saves: each endpoint's policy gets the
 * library's statement for the distribution (merged, written only when it changes, with the CDN authorization given
 * or kept), then the distribution gets the group's origin, the CDN identifier header when an endpoint uses CDN
 * authorization, and every endpoint's behaviours, in one update through the distribution's updater (v1's: serialized per
 * distribution, concurrent saves coalesced, a stale ETag re-read at most {@code maxUpdateAttempts} times). With a
 * secondary Region, the same-named endpoint there gets the same statement, and the distribution the second group's
 * origin and the origin group of the two. Before a save writes anything, {@link #check} plans the same update with the
 * same planner and refuses it when it would exceed the account's CloudFront quotas.
 */
final class ServingEndpoints {

  private final ChannelGroups groups;
  private final Optional<ChannelGroups> secondary;
  private final Distributions distributions;
  private final SharedPolicies shared;
  private final CdnIdentifierSource identifiers;
  private final V2EndpointUpdates planner;
  private final CloudFrontQuotas quotas;
  private final DistributionUpdaters<V2EndpointUpdates.Request> updaters;

  ServingEndpoints(ChannelGroups groups, Optional<ChannelGroups> secondary, Distributions distributions,
      SharedPolicies shared, CdnIdentifierSource identifiers, V2EndpointUpdates planner, CloudFrontQuotas quotas,
      DistributionUpdaters<V2EndpointUpdates.Request> updaters) {
    this.groups = groups;
    this.secondary = secondary;
    this.distributions = distributions;
    this.shared = shared;
    this.identifiers = identifiers;
    this.planner = planner;
    this.quotas = quotas;
    this.updaters = updaters;
  }

  /** How many policies were written, and whether the distribution was. */
  record Served(int policiesWritten, boolean updated) {}

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
    Distribution distribution = distributions.find(id).orElseThrow(() -> V2NotFound.distribution(id));
    Optional<ChannelGroup> secondGroup = secondary.map(second -> V2NotFound.secondaryGroup(second, group.name()));
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
    shared.refuseOverQuota();
    if (endpoints.isEmpty()) {
      return;
    }
    V2EndpointUpdates.Request request =
        new V2EndpointUpdates.Request(channel, group, secondGroup, endpoints, shared.knownOrStandIns(), identifier);
    ChangeSet changes;
    try {
      changes = planner.plan(planner.channel(request), id, config, List.of(request));
    } catch (ResourceConflictException e) {
      return; // another CDN identifier: the update reports it beside what the save wrote, as it always has
    }
    quotas.refuseChanges(distribution, config, changes);
  }

  /**
   * Serves {@code endpoints} (every endpoint of the channel) from the distribution; the policies of
   * {@code withPolicy} are written, each with its spec's CDN authorization if {@code specs} has one, and with a
   * secondary Region the policies of their namesakes there ({@code mirrored}: those the caller has just read or
   * saved; the others are read). What {@code read} holds, {@link #check} read before the save wrote: it is not read
   * again.
   */
  Served serve(V2ChannelId channel, ChannelGroup group, DistributionId id, List<V2Endpoint> endpoints,
      List<V2Endpoint> withPolicy, List<V2EndpointSpec> specs, Map<V2EndpointId, V2Endpoint> mirrored,
      Optional<Read> read) {
    Distribution distribution = read.map(Read::distribution)
        .orElseGet(() -> distributions.find(id).orElseThrow(() -> V2NotFound.distribution(id)));
    Optional<ChannelGroup> secondGroup = read.isPresent() ? read.get().secondGroup()
        : secondary.map(second -> V2NotFound.secondaryGroup(second, group.name()));
    List<CdnAuthConfiguration> authorizations = new ArrayList<>();
    int written = 0;
    for (V2Endpoint endpoint : withPolicy) {
      Optional<CdnAuthConfiguration> given = specs.stream().filter(s -> s.id().equals(endpoint.id())).findFirst()
          .flatMap(V2EndpointSpec::cdnAuthorization);
      written += writePolicy(groups, endpoint, given, distribution.arn(), authorizations) ? 1 : 0;
      if (secondary.isPresent()) {
        V2Endpoint mirror = mirrored.containsKey(endpoint.id()) ? mirrored.get(endpoint.id())
            : V2NotFound.secondaryEndpoint(secondary.get(), endpoint.id());
        written += writePolicy(secondary.get(), mirror, given, distribution.arn(), authorizations) ? 1 : 0;
      }
    }
    Optional<CdnIdentifier> identifier = specs.stream().flatMap(s -> s.cdnIdentifier().stream()).findFirst()
        .or(() -> authorizations.stream().findFirst()
            .flatMap(auth -> identifiers.identifierFor(auth.secretArns().get(0))));
    V2Layout.Policies policies = shared.ids();
    DistributionUpdaters.Update update =
        updaters.update(id, new V2EndpointUpdates.Request(channel, group, secondGroup, endpoints, policies,
            identifier));
    return new Served(written, update.written());
  }

  /** Writes the endpoint's policy with the library's statement and its CDN authorization, if it changes. */
  private static boolean writePolicy(ChannelGroups groups, V2Endpoint endpoint, Optional<CdnAuthConfiguration> given,
      String distributionArn, List<CdnAuthConfiguration> authorizations) {
    Optional<EndpointPolicy> existing = groups.findPolicy(endpoint.id());
    Optional<String> merged = EndpointPolicies.merged(existing.map(EndpointPolicy::document), endpoint.arn(),
        distributionArn);
    Optional<CdnAuthConfiguration> authorization =
        given.isPresent() ? given : existing.flatMap(EndpointPolicy::cdnAuthorization);
    authorization.ifPresent(authorizations::add);
    boolean sameAuthorization = existing.map(EndpointPolicy::cdnAuthorization).equals(Optional.of(authorization));
    if (merged.isEmpty() && sameAuthorization) {
      return false;
    }
    String document = merged.orElseGet(() -> existing.orElseThrow().document());
    groups.putPolicy(endpoint.id(), new EndpointPolicy(document, authorization));
    return true;
  }
}
