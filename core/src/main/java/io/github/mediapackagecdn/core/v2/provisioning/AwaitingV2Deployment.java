package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The use case "wait until the v2 channel is ready for players", v1's plain wait: its distribution is
 * {@code Deployed}, enabled, and routes every endpoint to it. Routing and {@code Enabled} are checked before the wait
 * too: a distribution that does not route an endpoint, or is disabled, will not start to serve by deploying. The wait for {@code Deployed} is handed to
 * {@link Distributions#awaitDeployed}, CloudFront's own waiter in the AWS adapter; the steps are told as v1's
 * {@code STATUS_CHANGED} and {@code READY_FOR_PLAYERS} events.
 */
final class AwaitingV2Deployment {

  private final ChannelGroups groups;
  private final Distributions distributions;
  private final LinkResolution<V2Channel> links;
  private final ReadingV2Details reading;
  private final V2Events events;

  AwaitingV2Deployment(ChannelGroups groups, Distributions distributions, LinkResolution<V2Channel> links,
      ReadingV2Details reading,
      V2Events events) {
    this.groups = groups;
    this.distributions = distributions;
    this.links = links;
    this.reading = reading;
    this.events = events;
  }

  /**
   * The details once ready for players.
   *
   * @throws ResourceNotFoundException when the channel or its distribution does not exist
   * @throws ResourceConflictException ({@code NOT_SERVED}) when the distribution is disabled, the channel has no
   *     manifest or an endpoint is not routed
   * @throws io.github.mediapackagecdn.core.error.DeploymentTimeoutException when not deployed within timeout
   */
  V2ChannelDetails await(V2ChannelId id, Duration timeout) {
    Instant start = events.now();
    V2Channel channel = V2NotFound.channel(groups, id);
    DistributionId distributionId = links.resolve(channel).id().orElseThrow(() -> new ResourceNotFoundException(
        "channel " + id + " has no distribution; save it with createDistribution(true)", id.toString()));
    List<V2Endpoint> endpoints = groups.endpointsOf(id);
    Optional<Distribution> current = distributions.find(distributionId);
    if (current.isPresent()) {
      refuseUnserved(reading.describe(id, endpoints, current));
    }
    Distribution deployed = distributions.awaitDeployed(distributionId, timeout);
    if (current.isPresent() && current.get().status() != deployed.status()) {
      events.emit(V2Events.event(ProvisioningEvent.Step.STATUS_CHANGED, id).distributionId(distributionId)
          .operation("GetDistribution").duration(events.since(start)));
    }
    V2ChannelDetails details = reading.describe(id, endpoints, Optional.of(deployed));
    refuseUnserved(details);
    events.emit(V2Events.event(ProvisioningEvent.Step.READY_FOR_PLAYERS, id).distributionId(distributionId)
        .endpointIds(endpoints.stream().map(e -> OriginEndpointId.of(e.id().endpoint())).toList())
        .duration(events.since(start)).attempt(1));
    return details;
  }

  /**
   * Throws NOT_SERVED when the distribution is disabled, the channel has no manifest or an endpoint is not routed:
   * deploying changes none of these. The status is left to the wait.
   */
  private static void refuseUnserved(V2ChannelDetails details) {
    List<String> reasons = new ArrayList<>();
    if (!details.enabled().orElse(true)) {
      reasons.add(Distribution.disabledReason(details.distributionId().orElseThrow()));
    }
    if (details.manifests().isEmpty()) {
      reasons.add("it has no endpoint with a manifest");
    }
    details.notServed().forEach((endpoint, reason) -> reasons.add(endpoint + ": " + reason));
    if (!reasons.isEmpty()) {
      String channel = details.channel().toString();
      throw new ResourceConflictException("channel " + channel + " is not ready for players: "
          + String.join("; ", reasons), ResourceConflictException.Reason.NOT_SERVED, channel);
    }
  }
}
