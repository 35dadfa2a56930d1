package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.Describer;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
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
 * every manifest of every endpoint, its URL on the distribution's domain, with the reason an endpoint is not routed to
 * the group's origin.
 */
final class V2Describer implements Describer<V2Channel, V2Endpoint, V2ChannelDetails> {

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

  @Override
  public List<V2Endpoint> endpoints(V2Channel channel) {
    return groups.endpointsOf(channel.id());
  }

  @Override
  public OriginEndpointId id(V2Endpoint endpoint) {
    return OriginEndpointId.of(endpoint.id().endpoint());
  }

  /** The details of a channel with these endpoints and this distribution, read before; reads nothing. */
  @Override
  public V2ChannelDetails describe(V2Channel channel, List<V2Endpoint> endpoints,
      Optional<Distribution> distribution) {
    List<V2ManifestUrl> manifests = new ArrayList<>();
    Map<String, String> notServed = new LinkedHashMap<>();
    for (V2Endpoint endpoint : endpoints) {
      Optional<String> why = distribution.flatMap(d -> V2Layout.whyNotServed(d.config(), endpoint));
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
  public boolean readyForPlayers(V2ChannelDetails details) {
    return details.readyForPlayers();
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

  /** The manifest's URL with the distribution's domain for the egress domain: path and query kept. */
  static String cdnUrl(String egressUrl, String distributionDomain) {
    URI uri = URI.create(egressUrl);
    return "https://" + distributionDomain + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?"
        + uri.getRawQuery());
  }
}
