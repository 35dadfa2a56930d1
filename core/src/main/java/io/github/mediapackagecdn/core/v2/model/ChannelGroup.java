package io.github.mediapackagecdn.core.v2.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A v2 channel group as read ({@code GetChannelGroupResponse}): the host every endpoint of its channels serves on. */
@Value.Immutable
public abstract class ChannelGroup {

  /** {@code ChannelGroupName}. */
  public abstract String name();

  /** {@code Arn}: {@code arn:aws:mediapackagev2:<region>:<account>:channelGroup/<name>}. */
  public abstract String arn();

  /** {@code EgressDomain}: the host CloudFront fetches from, the distribution's origin. */
  public abstract String egressDomain();

  /** {@code Description}. */
  @Value.Default
  public String description() {
    return "";
  }

  /** {@code ETag} of this read, if MediaPackage returned one. */
  public abstract Optional<String> etag();

  /** {@code Tags}. */
  public abstract Map<String, String> tags();

  /** A builder, for port implementations. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ChannelGroup}. */
  public static class Builder extends ImmutableChannelGroup.Builder {}
}
