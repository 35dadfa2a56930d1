package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import java.util.List;
import java.util.Optional;

/**
 * The use case "bring the channel's distribution to what its endpoints need", with the idempotent merge of a save:
 * never creates a distribution, records on the channel one found through the tag index alone, and writes nothing
 * when nothing is missing.
 */
final class Reconciling {

  private final Channels channels;
  private final LinkResolution<Channel> links;
  private final DistributionUpdaters<List<OriginEndpoint>> updaters;
  private final Listeners listeners;

  Reconciling(Channels channels, LinkResolution<Channel> links, DistributionUpdaters<List<OriginEndpoint>> updaters,
      Listeners listeners) {
    this.listeners = listeners;
    this.channels = channels;
    this.links = links;
    this.updaters = updaters;
  }

  /**
   * Reconciles the channel's distribution; a CloudFront failure is the outcome {@code FAILED}.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the channel does not exist
   */
  CdnOutcome reconcile(ChannelId channelId) {
    Channel channel = NotFound.existingChannel(channels, channelId);
    return listeners.reporting(channelId.ref(), Optional.empty(), () -> {
      DistributionResolver.Resolution found = links.resolve(channel);
      return found.id().isEmpty() ? found.none() : reconcile(channel, found.id().get(), found.needsRecording());
    });
  }

  /** Reconciles distribution {@code id} of the channel, recording it on the channel first when {@code record}. */
  CdnOutcome reconcile(Channel channel, DistributionId id, boolean record) {
    return listeners.reporting(channel.id().ref(), Optional.of(id),
        () -> CdnOutcome.updatedOrUnchanged(merge(channel, id, record).update().written(), id));
  }

  /** The channel's endpoints as read, and what the update of their distribution did. */
  record Merge(List<OriginEndpoint> endpoints, DistributionUpdaters.Update update) {}

  /**
   * Records distribution {@code id} on the channel when {@code record}, then gives it what the channel's endpoints
   * need, through its updater; nothing is read or written for a channel without endpoints.
   *
   * @throws io.github.mediapackagecdn.core.error.ProvisioningException when AWS fails a step
   */
  Merge merge(Channel channel, DistributionId id, boolean record) {
    if (record) {
      links.record(channel, id);
    }
    List<OriginEndpoint> endpoints = channels.endpointsOf(channel.id());
    return new Merge(endpoints, endpoints.isEmpty()
        ? DistributionUpdaters.Update.none() : updaters.update(id, endpoints));
  }

  /** The channel's distribution as the tag lookup finds it now: see {@link LinkResolution#resolve}. */
  DistributionResolver.Resolution resolve(Channel channel) {
    return links.resolve(channel);
  }
}
