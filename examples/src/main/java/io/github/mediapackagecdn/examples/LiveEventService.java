package io.github.mediapackagecdn.examples;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.ChannelSaveResult;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import java.util.Optional;

/**
 * What a video backend writes on top of the library: an event gets a channel with a distribution and an HLS
 * endpoint, players get the CDN URL, and a retired event leaves nothing behind. Its test ({@code LiveEventServiceTest}) shows the testkit at work.
 */
public final class LiveEventService {

  private final ChannelCdn cdn;

  /** A service provisioning its events through {@code cdn}. */
  public LiveEventService(ChannelCdn cdn) {
    this.cdn = cdn;
  }

  /**
   * Sets up the event's channel, distribution and HLS endpoint. A CloudFront failure does not fail the event: the
   * channel is there, and calling this again finishes the distribution.
   *
   * @return whether the CloudFront part is complete: the distribution has what the endpoint needs and routes it
   */
  public boolean prepare(String eventId) {
    ChannelSaveResult channel = cdn.saveChannel(
        ChannelSpec.builder().id(eventId).description("event " + eventId).createDistribution(true).build());
    if (channel.cdn().failed()) {
      return false;
    }
    return cdn.saveEndpoint(
        EndpointSpec.builder().id(eventId + "-hls").channelId(eventId).packaging(Packaging.HLS).build()).complete();
  }

  /**
   * The URL players use, once the channel is {@link ChannelDetails#readyForPlayers() ready for players}: the
   * distribution is Deployed and routes every endpoint. {@code deployed()} alone is not enough: after a failed update
   * the distribution is Deployed and serves nothing.
   */
  public Optional<String> playbackUrl(String eventId) {
    ChannelDetails details = cdn.details(ChannelId.of(eventId));
    if (!details.readyForPlayers()) {
      return Optional.empty();
    }
    return details.endpoints().stream().flatMap(e -> e.cdnUrls().stream()).findFirst();
  }

  /**
   * Removes everything the event had: its endpoint, its distribution (disabled, then deleted once that is deployed,
   * which takes CloudFront minutes) and its channel. Safe to call again, also after it failed half-way.
   *
   * @return whether the distribution is gone too: false if the event had none, or was retired already
   */
  public boolean retire(String eventId) {
    TeardownResult result = cdn.teardown(ChannelId.of(eventId), TeardownOptions.builder()
        .deleteDistribution(true)
        .build());
    return result.distribution() == TeardownResult.DistributionRemoval.DELETED;
  }
}
