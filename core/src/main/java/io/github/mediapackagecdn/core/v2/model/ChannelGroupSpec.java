package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A channel group to create ({@code CreateChannelGroupRequest}): name, description, tags; and whether it gets a
 * distribution of its own.
 */
@Value.Immutable
public abstract class ChannelGroupSpec {

  /** {@code ChannelGroupName}, a {@code ResourceName}. */
  public abstract String name();

  /** {@code Description}, at most 1,024 characters. */
  @Value.Default
  public String description() {
    return "";
  }

  /** {@code Tags}. */
  public abstract Map<String, String> tags();

  /**
   * Whether the group gets a distribution of its own when saved, with the v2 setting {@code distributionScope}
   * {@code CHANNEL_GROUP} (refused in the channel scope); no unless set. Not sent to MediaPackage.
   */
  @Value.Default
  public boolean createDistribution() {
    return false;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ChannelGroupSpec}. */
  public static class Builder extends ImmutableChannelGroupSpec.Builder {}

  /** Reports every problem at once. */
  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>(V2Limits.nameProblems("channel group name", name()));
    V2Limits.description(problems, "channel group", description());
    ValidationException.throwIfAny(problems);
  }
}
