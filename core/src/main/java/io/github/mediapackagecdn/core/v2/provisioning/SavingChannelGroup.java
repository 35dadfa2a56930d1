package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.V2Limits;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.Optional;

/**
 * The use case "make sure the channel group exists": an existing group is answered as it is (its egress domain is
 * MediaPackage's), a missing one is created within the quota of groups an account; with a secondary Region, there
 * too, with the same name.
 */
final class SavingChannelGroup {

  private final ChannelGroups groups;
  private final Optional<ChannelGroups> secondary;

  SavingChannelGroup(ChannelGroups groups, Optional<ChannelGroups> secondary) {
    this.groups = groups;
    this.secondary = secondary;
  }

  ChannelGroup save(ChannelGroupSpec spec) {
    ChannelGroup group = save(groups, spec);
    secondary.ifPresent(second -> save(second, spec));
    return group;
  }

  private static ChannelGroup save(ChannelGroups groups, ChannelGroupSpec spec) {
    Optional<ChannelGroup> existing = groups.findGroup(spec.name());
    if (existing.isPresent()) {
      return existing.get();
    }
    int count = groups.groupNames().size();
    if (count >= V2Limits.MAX_CHANNEL_GROUPS) {
      throw new QuotaExceededException("the account has " + count + " channel groups; MediaPackage v2 allows "
          + V2Limits.MAX_CHANNEL_GROUPS);
    }
    try {
      return groups.createGroup(spec);
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
        throw e;
      }
      return V2NotFound.group(groups, spec.name()); // created by another writer a moment ago
    }
  }
}
