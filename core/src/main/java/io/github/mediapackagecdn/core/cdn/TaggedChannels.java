package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.ChannelRef;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What the link rules ({@link LinkTags}, {@link DistributionResolver}, {@link LinkResolution}) need of a channel,
 * whichever MediaPackage version it lives in: its name for messages, its ARN (the value of its distribution's link
 * tag), the tags read with it (DescribeChannel, GetChannel), and how to add one (TagResource). Each MediaPackage side
 * gives it once over its own port ({@link #of}). Public only for the two facades' packages: not API.
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

  /**
   * The channels named by {@code ref}, linked by {@code arn}, whose tags {@code tags} reads from a channel as read and
   * {@code tag} adds (TagResource).
   */
  static <C> TaggedChannels<C> of(Function<C, ChannelRef> ref, Function<C, String> arn,
      Function<C, Map<String, String>> tags, BiConsumer<C, Map<String, String>> tag) {
    return new TaggedChannels<>() {
      @Override
      public ChannelRef ref(C channel) {
        return ref.apply(channel);
      }

      @Override
      public String arn(C channel) {
        return arn.apply(channel);
      }

      @Override
      public Map<String, String> tags(C channel) {
        return tags.apply(channel);
      }

      @Override
      public void tag(C channel, Map<String, String> added) {
        tag.accept(channel, added);
      }
    };
  }
}
