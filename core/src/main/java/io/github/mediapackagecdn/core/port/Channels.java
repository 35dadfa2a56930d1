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

  /** Creates the channel {@code spec} describes; its id must be free. */
  Channel create(ChannelSpec spec);

  /** Updates the description of an existing channel. */
  Channel update(ChannelSpec spec);

  /** The channel with this id, or empty if MediaPackage has none. */
  Optional<Channel> find(ChannelId id);

  /** Deletes the channel, which must have no endpoint left. */
  void delete(ChannelId id);

  /**
   * Adds {@code tags} to the channel (MediaPackage TagResource on its ARN), replacing the value of a key it has;
   * {@link #find} returns them in {@link Channel#tags()}. A channel has at most 50 tags.
   */
  void tag(ChannelArn channel, Map<String, String> tags);

  /** Creates the endpoint {@code spec} describes on its channel; its id must be free. */
  OriginEndpoint createEndpoint(EndpointSpec spec);

  /** Updates an existing endpoint; its channel cannot change. */
  OriginEndpoint updateEndpoint(EndpointSpec spec);

  /** The endpoint with this id, or empty if MediaPackage has none. */
  Optional<OriginEndpoint> findEndpoint(OriginEndpointId id);

  /** Every endpoint of the channel, in creation order. */
  List<OriginEndpoint> endpointsOf(ChannelId channelId);

  /**
   * Every channel of the region, with its tags (MediaPackage ListChannels, without a filter, in pages of up to 1,000):
   * the fleet view, one call per page.
   */
  List<Channel> everyChannel();

  /**
   * Every endpoint of every channel of the region (ListOriginEndpoints without a channel filter, in pages of up to
   * 1,000): the fleet view, one call per page.
   */
  List<OriginEndpoint> everyEndpoint();

  /** Deletes the endpoint. */
  void deleteEndpoint(OriginEndpointId id);
}
