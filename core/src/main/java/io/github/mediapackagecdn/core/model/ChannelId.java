package io.github.mediapackagecdn.core.model;

/** The id a user gives a MediaPackage channel: letters, digits, '_' and '-', 1 to 256 characters. */
public record ChannelId(String value) {

  public ChannelId {
    Ids.require("channel id", value);
  }

  public static ChannelId of(String value) {
    return new ChannelId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
