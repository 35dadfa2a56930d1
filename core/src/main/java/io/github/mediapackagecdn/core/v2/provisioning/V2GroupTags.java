package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.TaggedChannels;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.Map;

/**
 * MediaPackage v2 channel groups as the engine's link rules see them, for a distribution per group: named
 * {@code <group>/*} (every channel of the group), linked by the group's ARN, their tags read with GetChannelGroup and
 * written with TagResource ({@link ChannelGroups#tagGroup}). So the group's distribution is found, recorded, created
 * and adopted by the very rules a channel's is.
 */
final class V2GroupTags implements TaggedChannels<ChannelGroup> {

  /** The name a group's refs carry in place of a channel's: every channel of it. */
  static final String EVERY_CHANNEL = "*";

  private final ChannelGroups groups;

  V2GroupTags(ChannelGroups groups) {
    this.groups = groups;
  }

  @Override
  public ChannelRef ref(ChannelGroup group) {
    return ChannelRef.of(group.name(), EVERY_CHANNEL);
  }

  @Override
  public String arn(ChannelGroup group) {
    return group.arn();
  }

  @Override
  public Map<String, String> tags(ChannelGroup group) {
    return group.tags();
  }

  @Override
  public void tag(ChannelGroup group, Map<String, String> tags) {
    groups.tagGroup(group.arn(), tags);
  }
}
