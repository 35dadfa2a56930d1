package io.github.mediapackagecdn.core.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A MediaPackage live channel as MediaPackage reports it. */
@Value.Immutable
public abstract class Channel {

  /** The channel id the user gave. */
  public abstract ChannelId id();

  /** The ARN MediaPackage assigned; the value of the distribution's link tag. */
  public abstract ChannelArn arn();

  /** The channel's description, if it has one. */
  public abstract Optional<String> description();

  /** The channel's MediaPackage tags. */
  public abstract Map<String, String> tags();

  /** A builder of a channel, for port implementations. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Channel}. */
  public static class Builder extends ImmutableChannel.Builder {}
}
