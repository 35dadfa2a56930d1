package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.Describer;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MediaPackage v2 under the engine's details: the channel's distribution (id, status, domain, console link) and, for
 * every manifest of every endpoint, its URL on the distribution's domain, with the reason an endpoint is not served:
 * not routed to the group's origin, or, for an endpoint it routes, an endpoint policy that does not let the
 * distribution read it ({@link EndpointPolicies#whyNotAllowed}), or CDN authorization whose header the origin does not
 * send. The policy is read (GetOriginEndpointPolicy) only for an endpoint the distribution routes, once per listing of
 * the endpoints: one read per routed endpoint for details, and for a whole wait however many times it polls.
 */
final class V2Describer implements Describer<V2Channel, V2Describer.Listed, V2ChannelDetails> {

  private final ChannelGroups groups;
  private final CdnSettings settings;
  private final GroupDistributions groupScope;

  V2Describer(ChannelGroups groups, CdnSettings settings, GroupDistributions groupScope) {
    this.groups = groups;
    this.settings = settings;
    this.groupScope = groupScope;
  }

  /** In the distribution scope per channel group, the group's distribution. */
  @Override
  public Optional<DistributionId> sharedDistribution(V2Channel channel) {
    return groupScope.enabled() ? groupScope.of(channel.id().group()) : Optional.empty();
  }

  /**
   * An endpoint as listed, with its policy read at most once, when first needed: the same listing serves every poll
   * of a wait.
   */
  static final class Listed {

    private final V2Endpoint endpoint;
    private final ChannelGroups groups;
    private Optional<EndpointPolicy> policy;

    Listed(V2Endpoint endpoint, ChannelGroups groups) {
      this.endpoint = endpoint;
      this.groups = groups;
    }

    V2Endpoint endpoint() {
      return endpoint;
    }

    /** The endpoint's policy (GetOriginEndpointPolicy on the first call only). */
    synchronized Optional<EndpointPolicy> policy() {
      if (policy == null) {
        policy = groups.findPolicy(endpoint.id());
      }
      return policy;
    }
  }

  @Override
  public List<Listed> endpoints(V2Channel channel) {
    return groups.endpointsOf(channel.id()).stream().map(e -> new Listed(e, groups)).toList();
  }

  @Override
  public OriginEndpointId id(Listed endpoint) {
    return OriginEndpointId.of(endpoint.endpoint().id().endpoint());
  }

  /**
   * The details of a channel with these endpoints and this distribution, read before; reads only the policy of an
   * endpoint the distribution routes, once per listing.
   */
  @Override
  public V2ChannelDetails describe(V2Channel channel, List<Listed> endpoints, Optional<Distribution> distribution) {
    List<V2ManifestUrl> manifests = new ArrayList<>();
    Map<String, String> notServed = new LinkedHashMap<>();
    for (Listed listed : endpoints) {
      V2Endpoint endpoint = listed.endpoint();
      Optional<String> why = distribution.flatMap(d -> whyNotServed(d, listed));
      why.ifPresent(reason -> notServed.put(endpoint.id().endpoint(), reason));
      for (Manifest manifest : endpoint.manifests()) {
        // a CDN URL only where CloudFront brings it to the endpoint
        manifests.add(new V2ManifestUrl(endpoint.id(), manifest,
            distribution.filter(d -> why.isEmpty()).map(d -> cdnUrl(manifest.url(), d.domainName()))));
      }
    }
    return new V2ChannelDetails(channel.id(), distribution.map(Distribution::id),
        distribution.map(Distribution::status), distribution.map(Distribution::servesViewers),
        distribution.map(Distribution::domainName),
        distribution.map(d -> String.format(settings.consoleUrlFormat(), d.id().value())), manifests, notServed);
  }

  @Override
  public List<String> notReadyReasons(V2ChannelDetails details) {
    return details.notReadyReasons();
  }

  @Override
  public List<String> unservedReasons(V2ChannelDetails details) {
    List<String> reasons = new ArrayList<>();
    if (!details.enabled().orElse(true)) {
      reasons.add(Distribution.disabledReason(details.distributionId().orElseThrow()));
    }
    if (details.manifests().isEmpty()) {
      reasons.add("it has no endpoint with a manifest");
    }
    details.notServed().forEach((endpoint, reason) -> reasons.add(endpoint + ": " + reason));
    return reasons;
  }

  @Override
  public ResourceNotFoundException noDistribution(V2Channel channel, CdnOutcome none) {
    return new ResourceNotFoundException("channel " + channel.id() + " has no distribution; save it with"
        + " createDistribution(true)", channel.id().toString());
  }

  /**
   * Why the distribution does not serve the endpoint: not routed to it, or (routed) its policy does not let the
   * distribution read it, or it uses CDN authorization (a {@code CdnAuthConfiguration} and a statement on the header's
   * condition key) and the origin sends no CDN identifier header.
   */
  private static Optional<String> whyNotServed(Distribution distribution, Listed listed) {
    V2Endpoint endpoint = listed.endpoint();
    Optional<String> unrouted = V2Layout.whyNotServed(distribution.config(), endpoint);
    if (unrouted.isPresent()) {
      return unrouted;
    }
    Optional<EndpointPolicy> policy = listed.policy();
    Optional<String> refused = EndpointPolicies.whyNotAllowed(policy.map(EndpointPolicy::document), endpoint.arn(),
        distribution.arn());
    if (refused.isPresent()) {
      return Optional.of(refused.get() + "; save or reconcile the channel to restore the library's statement");
    }
    boolean gated = policy.get().cdnAuthorization().isPresent()
        && EndpointPolicies.gatesOnCdnAuthHeader(policy.get().document());
    return gated ? V2Layout.whyNotServed(distribution.config(), endpoint,
        Optional.of(ChannelCdnV2.CDN_IDENTIFIER_HEADER)) : Optional.empty();
  }

  /** The manifest's URL with the distribution's domain for the egress domain: path and query kept. */
  static String cdnUrl(String egressUrl, String distributionDomain) {
    URI uri = URI.create(egressUrl);
    return "https://" + distributionDomain + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?"
        + uri.getRawQuery());
  }
}
