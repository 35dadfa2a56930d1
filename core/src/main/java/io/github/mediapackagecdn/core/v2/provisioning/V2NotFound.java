package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;

/** The typed "not found" errors of the v2 use cases, each worded once. */
final class V2NotFound {

  private V2NotFound() {}

  static ChannelGroup group(ChannelGroups groups, String name) {
    return groups.findGroup(name).orElseThrow(() -> new ResourceNotFoundException("channel group " + name
        + " does not exist in MediaPackage v2; save it first", name));
  }

  static V2Channel channel(ChannelGroups groups, V2ChannelId id) {
    return groups.findChannel(id).orElseThrow(() -> new ResourceNotFoundException("channel " + id
        + " does not exist in MediaPackage v2; save it first", id.toString()));
  }

  static ResourceNotFoundException distribution(DistributionId id) {
    return new ResourceNotFoundException("distribution " + id + " does not exist in CloudFront", id.value());
  }
}
