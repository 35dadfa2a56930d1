package io.github.mediapackagecdn.core.v2.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A v2 channel as read ({@code GetChannelResponse}). */
@Value.Immutable
public abstract class V2Channel {

  /** {@code ChannelGroupName} and {@code ChannelName}. */
  public abstract V2ChannelId id();

  /**
   * {@code Arn}: {@code arn:aws:mediapackagev2:<region>:<account>:channelGroup/<group>/channel/<channel>}; the value
   * of the distribution's link tag.
   */
  public abstract String arn();

  /** {@code Description}. */
  @Value.Default
  public String description() {
    return "";
  }

  /** {@code InputType}; {@link InputType#HLS} when MediaPackage gives none. */
  @Value.Default
  public InputType inputType() {
    return InputType.HLS;
  }

  /** {@code OutputHeaderConfiguration.PublishMQCS}. */
  @Value.Default
  public boolean publishMediaQualityScore() {
    return false;
  }

  /** {@code ETag} of this read; an update sends it in {@code x-amzn-update-if-match}. */
  public abstract Optional<String> etag();

  /** {@code Tags}. */
  public abstract Map<String, String> tags();

  /** A builder, for port implementations. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link V2Channel}. */
  public static class Builder extends ImmutableV2Channel.Builder {}
}
