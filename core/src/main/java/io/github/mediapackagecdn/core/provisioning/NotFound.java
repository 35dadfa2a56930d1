package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Channels;

/** The "does not exist" errors of the use cases, each worded once. */
final class NotFound {

  private NotFound() {}

  /** The channel, or a {@link ResourceNotFoundException}. */
  static Channel existingChannel(Channels channels, ChannelId id) {
    return channels.find(id).orElseThrow(() -> channel(id));
  }

  static ResourceNotFoundException channel(ChannelId id) {
    return new ResourceNotFoundException("channel " + id + " does not exist", id.value());
  }

  static ResourceNotFoundException distribution(DistributionId id) {
    return new ResourceNotFoundException("distribution " + id + " does not exist", id.value());
  }
}
