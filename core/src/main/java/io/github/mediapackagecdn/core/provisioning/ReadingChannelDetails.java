package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.AwaitingDeployment;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.util.ArrayList;
import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.Distributions;
import java.util.List;
import java.util.Optional;

/**
 * The use case "see the distribution's id, description, status and CDN URLs beside the channel", as the console's
 * channel details page shows them.
 */
final class ReadingChannelDetails {

  private final Channels channels;
  private final Distributions distributions;
  private final LinkResolution<Channel> links;
  private final CdnSettings settings;

  ReadingChannelDetails(Channels channels, Distributions distributions, LinkResolution<Channel> links,
      CdnSettings settings) {
    this.channels = channels;
    this.distributions = distributions;
    this.links = links;
    this.settings = settings;
  }

  /**
   * The channel's details.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the channel does not exist
   */
  ChannelDetails read(ChannelId channelId) {
    Channel channel = NotFound.existingChannel(channels, channelId);
    List<OriginEndpoint> endpoints = channels.endpointsOf(channelId);
    Optional<Distribution> distribution = links.resolve(channel).id().flatMap(distributions::find);
    return describe(channel, endpoints, distribution, settings);
  }

  /**
   * The channel as the engine's wait reads it once: its distribution and endpoints, described on each read of the
   * distribution.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the channel does not exist or has no
   *     distribution
   */
  AwaitingDeployment.Target<ChannelDetails> waitTarget(ChannelId channelId) {
    Channel channel = NotFound.existingChannel(channels, channelId);
    DistributionResolver.Resolution found = links.resolve(channel);
    DistributionId id = found.id().orElseThrow(() -> new ResourceNotFoundException(found.none().advice()
        .orElse("channel " + channelId + " has no distribution"), channelId.value()));
    List<OriginEndpoint> endpoints = channels.endpointsOf(channelId);
    return new AwaitingDeployment.Target<>() {
      @Override
      public ChannelRef channel() {
        return channelId.ref();
      }

      @Override
      public DistributionId distributionId() {
        return id;
      }

      @Override
      public List<OriginEndpointId> endpointIds() {
        return endpoints.stream().map(OriginEndpoint::id).toList();
      }

      @Override
      public ChannelDetails describe(Distribution distribution) {
        return ReadingChannelDetails.describe(channel, endpoints, Optional.of(distribution), settings);
      }

      @Override
      public boolean readyForPlayers(ChannelDetails details) {
        return details.readyForPlayers();
      }

      @Override
      public List<String> notReadyReasons(ChannelDetails details) {
        return details.notReadyReasons();
      }

      @Override
      public List<String> unservedReasons(ChannelDetails details) {
        List<String> reasons = new ArrayList<>();
        details.distribution().filter(d -> !d.enabled())
            .ifPresent(d -> reasons.add(Distribution.disabledReason(d.id())));
        if (details.endpoints().isEmpty()) {
          reasons.add("it has no endpoint");
        }
        details.endpoints().forEach(e -> e.notServedReason().ifPresent(reasons::add));
        return reasons;
      }
    };
  }

  /** The details of a channel with these endpoints and distribution: every CDN URL, or why an endpoint has none. */
  static ChannelDetails describe(Channel channel, List<OriginEndpoint> endpoints, Optional<Distribution> distribution,
      CdnSettings settings) {
    var details = ChannelDetails.builder().channel(channel);
    distribution.ifPresent(d -> details.distribution(DistributionDetails.builder()
        .id(d.id())
        .description(d.config().comment())
        .status(d.status())
        .enabled(d.servesViewers())
        .domainName(d.domainName())
        .consoleUrl(String.format(settings.consoleUrlFormat(), d.id().value()))
        .build()));
    for (OriginEndpoint endpoint : endpoints) {
      Optional<String> notServed = distribution.isEmpty()
          ? Optional.of("channel " + channel.id() + " has no distribution")
          : CdnUrls.whyNotServed(endpoint, distribution.get().config());
      details.addEndpoints(EndpointDetails.of(endpoint,
          notServed.isPresent() ? List.of() : CdnUrls.of(endpoint, distribution.get()), notServed));
    }
    return details.build();
  }
}
