package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChannelRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A v2 channel's identity: its channel group's name ({@code ChannelGroupName}) and its own name ({@code ChannelName}),
 * both {@code ResourceName}s; a channel name is unique within its group only.
 *
 * @param group the channel group's name, {@code ChannelGroupName}
 * @param channel the channel's name, {@code ChannelName}
 */
public record V2ChannelId(String group, String channel) {

  /** Refuses names that break the {@code ResourceName} rule, every problem at once. */
  public V2ChannelId {
    List<String> problems = new ArrayList<>(V2Limits.nameProblems("channel group name", group));
    problems.addAll(V2Limits.nameProblems("channel name", channel));
    ValidationException.throwIfAny(problems);
  }

  /** The channel {@code channel} of group {@code group}, checked. */
  public static V2ChannelId of(String group, String channel) {
    return new V2ChannelId(group, channel);
  }

  /** This channel as events and messages name it: its group and its name. */
  public ChannelRef ref() {
    return ChannelRef.of(group, channel);
  }

  /** The endpoint {@code endpoint} of this channel. */
  public V2EndpointId endpoint(String endpoint) {
    return new V2EndpointId(group, channel, endpoint);
  }

  /** {@code <group>/<channel>}. */
  @Override
  public String toString() {
    return group + "/" + channel;
  }
}
