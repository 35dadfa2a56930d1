package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The use case "wait until the channel is ready for players": its distribution is {@code Deployed} and routes every
 * endpoint to it. Routing is checked before the wait too: a distribution that does not route an endpoint will not
 * start to by deploying.
 */
final class AwaitingDeployment {

  private final Channels channels;
  private final Distributions distributions;
  private final LinkResolution links;
  private final LiveCdnSettings settings;

  AwaitingDeployment(Channels channels, Distributions distributions, LinkResolution links, LiveCdnSettings settings) {
    this.channels = channels;
    this.distributions = distributions;
    this.links = links;
    this.settings = settings;
  }

  /**
   * The details once ready for players.
   *
   * @throws ResourceNotFoundException when the channel or its distribution does not exist
   * @throws ResourceConflictException ({@code NOT_SERVED}) when the channel has no endpoint or one is not routed
   * @throws io.github.mediapackagecdn.core.error.DeploymentTimeoutException when not deployed within timeout
   */
  ChannelDetails await(ChannelId channelId, Duration timeout) {
    Channel channel = NotFound.existingChannel(channels, channelId);
    DistributionResolver.Resolution found = links.resolve(channel);
    DistributionId id = found.id().orElseThrow(() -> new ResourceNotFoundException(found.none().advice()
        .orElse("channel " + channelId + " has no distribution"), channelId.value()));
    List<OriginEndpoint> endpoints = channels.endpointsOf(channelId);
    Optional<Distribution> current = distributions.find(id);
    if (current.isPresent()) {
      refuseUnserved(ReadingChannelDetails.describe(channel, endpoints, current, settings));
    }
    Distribution deployed = distributions.awaitDeployed(id, timeout);
    ChannelDetails details = ReadingChannelDetails.describe(channel, endpoints, Optional.of(deployed), settings);
    refuseUnserved(details);
    return details;
  }

  /** Throws NOT_SERVED when the channel has no endpoint or one is not routed; the status is left to the wait. */
  private static void refuseUnserved(ChannelDetails details) {
    List<String> reasons = new ArrayList<>();
    if (details.endpoints().isEmpty()) {
      reasons.add("it has no endpoint");
    }
    details.endpoints().forEach(e -> e.notServedReason().ifPresent(reasons::add));
    if (!reasons.isEmpty()) {
      String channel = details.channel().id().value();
      throw new ResourceConflictException("channel " + channel + " is not ready for players: "
          + String.join("; ", reasons), ResourceConflictException.Reason.NOT_SERVED, channel);
    }
  }
}
