package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.TaggedChannels;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.port.Channels;
import java.util.Map;

/**
 * MediaPackage v1 channels as the engine's link rules see them: named by their id, linked by their ARN, their tags
 * read with DescribeChannel and written with TagResource ({@link Channels#tag}).
 */
final class ChannelTags implements TaggedChannels<Channel> {

  private final Channels channels;

  ChannelTags(Channels channels) {
    this.channels = channels;
  }

  @Override
  public ChannelRef ref(Channel channel) {
    return channel.id().ref();
  }

  @Override
  public String arn(Channel channel) {
    return channel.arn().value();
  }

  @Override
  public Map<String, String> tags(Channel channel) {
    return channel.tags();
  }

  @Override
  public void tag(Channel channel, Map<String, String> tags) {
    channels.tag(channel.arn(), tags);
  }
}
