package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
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
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * origin and the origin group of the two.
 */
final class ServingEndpoints {

  private final ChannelGroups groups;
  private final Optional<ChannelGroups> secondary;
  private final Distributions distributions;
  private final SharedPolicies shared;
  private final CdnIdentifierSource identifiers;
  private final DistributionUpdaters<V2EndpointUpdates.Request> updaters;

  ServingEndpoints(ChannelGroups groups, Optional<ChannelGroups> secondary, Distributions distributions,
      SharedPolicies shared, CdnIdentifierSource identifiers,
      DistributionUpdaters<V2EndpointUpdates.Request> updaters) {
    this.groups = groups;
    this.secondary = secondary;
    this.distributions = distributions;
    this.shared = shared;
    this.identifiers = identifiers;
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
      Map<OriginEndpointId, String> notServed = new LinkedHashMap<>();
      latest.ifPresent(config -> saved.forEach(e -> V2Layout.whyNotServed(config, e)
          .ifPresent(reason -> notServed.put(OriginEndpointId.of(e.id().endpoint()), reason))));
      return notServed.isEmpty() ? CdnOutcome.updatedOrUnchanged(updated, id) : CdnOutcome.notServed(id, notServed);
    }
  }

  /**
   * Serves {@code endpoints} (every endpoint of the channel) from the distribution; the policies of
   * {@code withPolicy} are written, each with its spec's CDN authorization if {@code specs} has one, and with a
   * secondary Region the policies of their namesakes there ({@code mirrored}: those the caller has just read or
   * saved; the others are read).
   */
  Served serve(V2ChannelId channel, ChannelGroup group, DistributionId id, List<V2Endpoint> endpoints,
      List<V2Endpoint> withPolicy, List<V2EndpointSpec> specs, Map<V2EndpointId, V2Endpoint> mirrored) {
    Distribution distribution = distributions.find(id).orElseThrow(() -> V2NotFound.distribution(id));
    Optional<ChannelGroup> secondGroup = secondary.map(second -> V2NotFound.secondaryGroup(second, group.name()));
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
    return new Served(written, update.written(), update.latest());
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
