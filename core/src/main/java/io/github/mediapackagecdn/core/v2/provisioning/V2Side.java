package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.Optional;

/**
 * What MediaPackage v2 and its CloudFront parts give every v2 use case, built once by the facade: the channel groups
 * (and those of the secondary Region, when set), the distributions, the shared origin access control and cache
 * policies, the wait for CloudFront's index to show a write, both versions' settings, v2's own, and the listeners.
 */
record V2Side(ChannelGroups groups, Optional<ChannelGroups> secondary, Distributions distributions,
    SharedPolicies shared, VisibilityWait visibility, CdnSettings settings, V2CdnSettings v2Settings,
    V2Events events) {

  /**
   * The channel group {@code name} in the secondary Region, read there; empty without a secondary Region.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the secondary Region lacks it
   */
  Optional<ChannelGroup> secondaryGroup(String name) {
    return secondary.map(second -> V2NotFound.secondaryGroup(second, name));
  }
}
