package io.github.mediapackagecdn.examples;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.ChannelSaveResult;
import java.util.Optional;

/**
 * What a video backend writes on top of the library: an event gets a channel with a distribution and an HLS
 * endpoint, and players get the CDN URL. Its test ({@code LiveEventServiceTest}) shows the testkit at work.
 */
public final class LiveEventService {

  private final ChannelCdn cdn;

  public LiveEventService(ChannelCdn cdn) {
    this.cdn = cdn;
  }

  /**
   * Sets up the event's channel, distribution and HLS endpoint. A CloudFront failure does not fail the event: the
   * channel is there, and calling this again finishes the distribution.
   *
   * @return whether the CloudFront part is complete
   */
  public boolean prepare(String eventId) {
    ChannelSaveResult channel = cdn.saveChannel(
        ChannelSpec.builder().id(eventId).description("event " + eventId).createDistribution(true).build());
    if (channel.cdn().failed()) {
      return false;
    }
    return !cdn.saveEndpoint(
        EndpointSpec.builder().id(eventId + "-hls").channelId(eventId).packaging(Packaging.HLS).build()).cdn().failed();
  }

  /** The URL players use, once the distribution is deployed. */
  public Optional<String> playbackUrl(String eventId) {
    ChannelDetails details = cdn.details(ChannelId.of(eventId));
    if (!details.deployed()) {
      return Optional.empty();
    }
    return details.endpoints().stream().flatMap(e -> e.cdnUrls().stream()).findFirst();
  }
}
