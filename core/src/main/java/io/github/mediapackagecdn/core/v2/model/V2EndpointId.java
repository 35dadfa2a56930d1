package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A v2 origin endpoint's identity: group, channel and its own name ({@code OriginEndpointName}), each a
 * {@code ResourceName}. The path of its content is {@code /out/v1/<group>/<channel>/<endpoint>/}.
 *
 * @param group the channel group's name, {@code ChannelGroupName}
 * @param channel the channel's name, {@code ChannelName}
 * @param endpoint the endpoint's name, {@code OriginEndpointName}
 */
public record V2EndpointId(String group, String channel, String endpoint) {

  /** Refuses names that break the {@code ResourceName} rule, every problem of the three names at once. */
  public V2EndpointId {
    List<String> problems = new ArrayList<>(V2Limits.nameProblems("channel group name", group));
    problems.addAll(V2Limits.nameProblems("channel name", channel));
    problems.addAll(V2Limits.nameProblems("origin endpoint name", endpoint));
    ValidationException.throwIfAny(problems);
  }

  /** The endpoint {@code endpoint} of channel {@code channel} in group {@code group}, checked. */
  public static V2EndpointId of(String group, String channel, String endpoint) {
    return new V2EndpointId(group, channel, endpoint);
  }

  /** The channel this endpoint belongs to. */
  public V2ChannelId channelId() {
    return V2ChannelId.of(group, channel);
  }

  /** The path every URL of this endpoint starts with: {@code /out/v1/<group>/<channel>/<endpoint>/}. */
  public String pathPrefix() {
    return "/out/v1/" + group + "/" + channel + "/" + endpoint + "/";
  }

  /** {@code <group>/<channel>/<endpoint>}. */
  @Override
  public String toString() {
    return group + "/" + channel + "/" + endpoint;
  }
}
