package io.github.mediapackagecdn.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A channel named without loss, whichever MediaPackage version it lives in: a v1 channel by its id
 * ({@code live-news}), a v2 channel by its group and name ({@code live/news}), so that two v2 channels of one name in
 * two groups are never confused. Events and messages carry it.
 */
public final class ChannelRef {

  private final String group;
  private final String name;

  private ChannelRef(String group, String name) {
    this.group = group;
    this.name = Objects.requireNonNull(name, "name");
  }

  /** A MediaPackage v1 channel, by its id. */
  public static ChannelRef of(ChannelId id) {
    return new ChannelRef(null, id.value());
  }

  /** A MediaPackage v2 channel, by its group's name and its own. */
  public static ChannelRef of(String group, String name) {
    return new ChannelRef(Objects.requireNonNull(group, "group"), name);
  }

  /** The channel group of a v2 channel; empty for a v1 channel. */
  public Optional<String> group() {
    return Optional.ofNullable(group);
  }

  /** The channel's id (v1) or name within its group (v2). */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelRef other && Objects.equals(other.group, group) && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, name);
  }

  /** {@code <id>} for a v1 channel, {@code <group>/<name>} for a v2 channel. */
  @Override
  public String toString() {
    return group == null ? name : group + "/" + name;
  }
}
