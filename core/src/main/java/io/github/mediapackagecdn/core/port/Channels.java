package io.github.mediapackagecdn.core.port;

import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MediaPackage live channels and their origin endpoints. Errors are {@link
 * io.github.mediapackagecdn.core.error.ProvisioningException}s: creating an id that exists is a conflict with reason
 * {@code ALREADY_EXISTS}, deleting a channel that still has endpoints one with reason {@code IN_USE}.
 */
public interface Channels {

  Channel create(ChannelSpec spec);

  /** Updates the description of an existing channel. */
  Channel update(ChannelSpec spec);

  Optional<Channel> find(ChannelId id);

  void delete(ChannelId id);

  /**
   * Adds {@code tags} to the channel (MediaPackage TagResource on its ARN), replacing the value of a key it has;
   * {@link #find} returns them in {@link Channel#tags()}. A channel has at most 50 tags.
   */
  void tag(ChannelArn channel, Map<String, String> tags);

  OriginEndpoint createEndpoint(EndpointSpec spec);

  /** Updates an existing endpoint; its channel cannot change. */
  OriginEndpoint updateEndpoint(EndpointSpec spec);

  Optional<OriginEndpoint> findEndpoint(OriginEndpointId id);

  /** Every endpoint of the channel, in creation order. */
  List<OriginEndpoint> endpointsOf(ChannelId channelId);

  void deleteEndpoint(OriginEndpointId id);
}
