package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;

/** The typed "not found" errors of the v2 use cases, each worded once. */
final class V2NotFound {

  private V2NotFound() {}

  static ChannelGroup group(ChannelGroups groups, String name) {
    return groups.findGroup(name).orElseThrow(() -> new ResourceNotFoundException("channel group " + name
        + " does not exist in MediaPackage v2; save it first", name));
  }

  static V2Channel channel(ChannelGroups groups, V2ChannelId id) {
    return groups.findChannel(id).orElseThrow(() -> noChannel(id));
  }

  /** The error for a channel that does not exist. */
  static ResourceNotFoundException noChannel(V2ChannelId id) {
    return new ResourceNotFoundException("channel " + id + " does not exist in MediaPackage v2; save it first",
        id.toString());
  }

  /** The group in the secondary Region, which the saves through the facade create beside the primary's. */
  static ChannelGroup secondaryGroup(ChannelGroups secondary, String name) {
    return secondary.findGroup(name).orElseThrow(() -> new ResourceNotFoundException("channel group " + name
        + " does not exist in the secondary Region's MediaPackage v2; save it again (it is saved in both)", name));
  }

  /** The channel in the secondary Region. */
  static V2Channel secondaryChannel(ChannelGroups secondary, V2ChannelId id) {
    return secondary.findChannel(id).orElseThrow(() -> new ResourceNotFoundException("channel " + id
        + " does not exist in the secondary Region's MediaPackage v2; save the channel again (it is saved in both)",
        id.toString()));
  }

  /** The endpoint in the secondary Region. */
  static V2Endpoint secondaryEndpoint(ChannelGroups secondary, V2EndpointId id) {
    return secondary.findEndpoint(id).orElseThrow(() -> new ResourceNotFoundException("origin endpoint " + id
        + " does not exist in the secondary Region's MediaPackage v2; save the endpoint again (it is saved in both)",
        id.toString()));
  }

  static ResourceNotFoundException distribution(DistributionId id) {
    return new ResourceNotFoundException("distribution " + id + " does not exist in CloudFront", id.value());
  }
}
