package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.TaggedChannels;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.Map;

/**
 * MediaPackage v2 channels as the engine's link rules see them: named by group and name, linked by their ARN, their
 * tags read with GetChannel and written with TagResource ({@link ChannelGroups#tagChannel}).
 */
final class V2ChannelTags implements TaggedChannels<V2Channel> {

  private final ChannelGroups groups;

  V2ChannelTags(ChannelGroups groups) {
    this.groups = groups;
  }

  @Override
  public ChannelRef ref(V2Channel channel) {
    return channel.id().ref();
  }

  @Override
  public String arn(V2Channel channel) {
    return channel.arn();
  }

  @Override
  public Map<String, String> tags(V2Channel channel) {
    return channel.tags();
  }

  @Override
  public void tag(V2Channel channel, Map<String, String> tags) {
    groups.tagChannel(channel.arn(), tags);
  }
}
