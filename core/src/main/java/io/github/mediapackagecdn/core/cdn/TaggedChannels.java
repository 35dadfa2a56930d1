package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.ChannelRef;
import java.util.Map;

/**
 * What the link rules ({@link LinkTags}, {@link DistributionResolver}, {@link LinkResolution}) need of a channel,
 * whichever MediaPackage version it lives in: its name for messages, its ARN (the value of its distribution's link
 * tag), the tags read with it (DescribeChannel, GetChannel), and how to add one (TagResource). Each MediaPackage side
 * implements it once over its own port. Public only for the two facades' packages: not API.
 *
 * @param <C> the side's channel, as read
 */
public interface TaggedChannels<C> {

  /** The channel, named without loss: {@code live-news} (v1), {@code live/news} (v2). */
  ChannelRef ref(C channel);

  /** The channel's ARN: the value of its distribution's link tag. */
  String arn(C channel);

  /** The channel's tags, as read with the channel. */
  Map<String, String> tags(C channel);

  /**
   * Adds {@code tags} to the channel (TagResource on its ARN), replacing the value of a key it has and keeping every
   * other tag it has.
   */
  void tag(C channel, Map<String, String> tags);
}
