package io.github.mediapackagecdn.core.v2.port;

import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MediaPackage v2 channel groups, their channels and origin endpoints, and the endpoints' policies: one
 * {@code mediapackagev2} operation per method. Errors are {@link
 * io.github.mediapackagecdn.core.error.ProvisioningException}s: a name taken is a conflict with reason
 * {@code ALREADY_EXISTS} ({@code ConflictException} {@code RESOURCE_ALREADY_EXISTS}); an update whose ETag is not
 * the current one ({@code x-amzn-update-if-match}) one with reason {@code STALE_VERSION}; a quota a
 * {@link io.github.mediapackagecdn.core.error.QuotaExceededException} ({@code ServiceQuotaExceededException}, 402); a
 * missing group or channel a {@link io.github.mediapackagecdn.core.error.ResourceNotFoundException}.
 */
public interface ChannelGroups {

  /** The channel group, with its egress domain (GetChannelGroup); empty if there is none. */
  Optional<ChannelGroup> findGroup(String name);

  /** Creates a channel group (CreateChannelGroup); MediaPackage gives it its egress domain. */
  ChannelGroup createGroup(ChannelGroupSpec spec);

  /** Every channel group of the region (ListChannelGroups, paged): for the quota of groups an account. */
  List<String> groupNames();

  /** The channel, with its ETag (GetChannel); empty if there is none. */
  Optional<V2Channel> findChannel(V2ChannelId id);

  /**
   * Creates the channel in its group (CreateChannel, with the spec's {@code InputType} and, for CMAF, its
   * {@code OutputHeaderConfiguration}); the group must exist.
   */
  V2Channel createChannel(V2ChannelSpec spec);

  /**
   * Updates the channel's description and, for CMAF, whether it publishes the media quality score (UpdateChannel) if
   * it still has {@code etag} ({@code x-amzn-update-if-match}); every other setting the channel has is kept as it is.
   * Tags and the input type are not updated by UpdateChannel.
   */
  V2Channel updateChannel(V2ChannelSpec spec, String etag);

  /**
   * Deletes the channel (DeleteChannel), which must have no endpoint left (a conflict with reason {@code IN_USE}
   * otherwise); a {@link io.github.mediapackagecdn.core.error.ResourceNotFoundException} when it is gone.
   */
  void deleteChannel(V2ChannelId id);

  /**
   * Adds {@code tags} to the channel of ARN {@code channelArn} (TagResource), replacing the value of a key it has and
   * keeping every other tag; {@link #findChannel} returns them in {@link V2Channel#tags()}. A
   * {@link io.github.mediapackagecdn.core.error.ResourceNotFoundException} when the channel is gone.
   */
  void tagChannel(String channelArn, Map<String, String> tags);

  /**
   * Adds {@code tags} to the channel group of ARN {@code groupArn} (TagResource), as {@link #tagChannel} does to a
   * channel; {@link #findGroup} returns them in {@link ChannelGroup#tags()}. A
   * {@link io.github.mediapackagecdn.core.error.ResourceNotFoundException} when the group is gone.
   */
  void tagGroup(String groupArn, Map<String, String> tags);

  /** The names of the group's channels (ListChannels, paged): for the quota of channels a group. */
  List<String> channelNames(String group);

  /** The endpoint, with its manifests' URLs and its ETag (GetOriginEndpoint); empty if there is none. */
  Optional<V2Endpoint> findEndpoint(V2EndpointId id);

  /** Creates the endpoint on its channel (CreateOriginEndpoint); the channel must exist. */
  V2Endpoint createEndpoint(V2EndpointSpec spec);

  /**
   * Updates the endpoint (UpdateOriginEndpoint: container, manifests, description, startover window) if it still has
   * {@code etag} ({@code x-amzn-update-if-match}). The endpoint's manifests become the spec's; every other setting it
   * has (segment, encryption, each kept manifest's own settings, ...) is kept as it is.
   */
  V2Endpoint updateEndpoint(V2EndpointSpec spec, String etag);

  /**
   * Deletes the endpoint and its policy (DeleteOriginEndpoint); a
   * {@link io.github.mediapackagecdn.core.error.ResourceNotFoundException} when it is gone.
   */
  void deleteEndpoint(V2EndpointId id);

  /** Every endpoint of the channel (ListOriginEndpoints, paged), without ETags, in creation order. */
  List<V2Endpoint> endpointsOf(V2ChannelId channel);

  /** The endpoint's policy (GetOriginEndpointPolicy); empty when it has none (MediaPackage answers 404). */
  Optional<EndpointPolicy> findPolicy(V2EndpointId endpoint);

  /** Replaces the endpoint's policy and its CDN authorization (PutOriginEndpointPolicy). */
  void putPolicy(V2EndpointId endpoint, EndpointPolicy policy);
}
