package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.AwaitingDeployment;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The use case "show the channel's CDN": its distribution (id, status, domain, console link) and, for every manifest
 * of every endpoint, its URL on the distribution's domain, with the reason an endpoint is not routed to the group's
 * origin. Read only.
 */
final class ReadingV2Details {

  private final ChannelGroups groups;
  private final Distributions distributions;
  private final LinkResolution<V2Channel> links;
  private final LiveCdnSettings settings;
  private final GroupDistributions groupScope;

  ReadingV2Details(ChannelGroups groups, Distributions distributions, LinkResolution<V2Channel> links,
      LiveCdnSettings settings, GroupDistributions groupScope) {
    this.groupScope = groupScope;
    this.groups = groups;
    this.distributions = distributions;
    this.links = links;
    this.settings = settings;
  }

  V2ChannelDetails read(V2ChannelId id) {
    V2Channel channel = V2NotFound.channel(groups, id);
    List<V2Endpoint> endpoints = groups.endpointsOf(id);
    Optional<DistributionId> linked = distributionOf(channel);
    return describe(id, endpoints, linked.flatMap(distributions::find));
  }

  /**
   * The channel as the engine's wait reads it once: its distribution and endpoints, described on each read of the
   * distribution.
   *
   * @throws ResourceNotFoundException when the channel does not exist or has no distribution
   */
  AwaitingDeployment.Target<V2ChannelDetails> waitTarget(V2ChannelId id) {
    V2Channel channel = V2NotFound.channel(groups, id);
    DistributionId distributionId = distributionOf(channel).orElseThrow(() -> new ResourceNotFoundException(
        "channel " + id + " has no distribution; save it with createDistribution(true)", id.toString()));
    List<V2Endpoint> endpoints = groups.endpointsOf(id);
    return new AwaitingDeployment.Target<>() {
      @Override
      public ChannelRef channel() {
        return id.ref();
      }

      @Override
      public DistributionId distributionId() {
        return distributionId;
      }

      @Override
      public List<OriginEndpointId> endpointIds() {
        return endpoints.stream().map(e -> OriginEndpointId.of(e.id().endpoint())).toList();
      }

      @Override
      public V2ChannelDetails describe(Distribution distribution) {
        return ReadingV2Details.this.describe(id, endpoints, Optional.of(distribution));
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
          reasons.add(Distribution.disabledReason(distributionId));
        }
        if (details.manifests().isEmpty()) {
          reasons.add("it has no endpoint with a manifest");
        }
        details.notServed().forEach((endpoint, reason) -> reasons.add(endpoint + ": " + reason));
        return reasons;
      }
    };
  }

  /** The channel's own distribution; in group scope, without one, its group's. */
  private Optional<DistributionId> distributionOf(V2Channel channel) {
    Optional<DistributionId> own = links.resolve(channel).id();
    return own.isPresent() || !groupScope.enabled() ? own : groupScope.of(channel.id().group());
  }

  /** The details of a channel with these endpoints and this distribution, read before; reads nothing. */
  V2ChannelDetails describe(V2ChannelId id, List<V2Endpoint> endpoints, Optional<Distribution> distribution) {
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
    return new V2ChannelDetails(id, distribution.map(Distribution::id), distribution.map(Distribution::status),
        distribution.map(Distribution::servesViewers), distribution.map(Distribution::domainName),
        distribution.map(d -> String.format(settings.consoleUrlFormat(), d.id().value())), manifests, notServed);
  }

  /** The manifest's URL with the distribution's domain for the egress domain: path and query kept. */
  static String cdnUrl(String egressUrl, String distributionDomain) {
    URI uri = URI.create(egressUrl);
    return "https://" + distributionDomain + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?"
        + uri.getRawQuery());
  }
}
