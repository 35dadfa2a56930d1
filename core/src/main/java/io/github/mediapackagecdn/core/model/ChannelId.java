package io.github.mediapackagecdn.core.model;

/** The id a user gives a MediaPackage channel: letters, digits, '_' and '-', 1 to 256 characters. */
public record ChannelId(String value) {

  /** Refuses a value that breaks MediaPackage's id rule. */
  public ChannelId {
    Ids.require("channel id", value);
  }

  /** The channel id {@code value}, checked. */
  public static ChannelId of(String value) {
    return new ChannelId(value);
  }

  /** This channel as events and messages name it. */
  public ChannelRef ref() {
    return ChannelRef.of(this);
  }

  @Override
  public String toString() {
    return value;
  }
}
