package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/**
 * One read of a wait for a channel to be {@link ChannelDetails#readyForPlayers() ready for players}, as
 * {@link ChannelCdn#awaitDeployed(ChannelId, Duration, java.util.function.Consumer)} and
 * {@link ChannelCdn#awaitDeployedAsync(ChannelId, Duration, java.util.function.Consumer)} report it after each poll.
 * Never holds a CDN identifier.
 */
@Value.Immutable
public abstract class DeploymentProgress {

  /** The channel waited for. */
  public abstract ChannelId channelId();

  /** Its distribution. */
  public abstract DistributionId distributionId();

  /** The distribution's status at this read: {@code InProgress} or {@code Deployed}. */
  public abstract DistributionStatus status();

  /** Time since the wait began, on the clock of the {@link ChannelCdn}. */
  public abstract Duration elapsed();

  /** Whether the channel is ready for players at this read; the last progress of a successful wait says so. */
  public abstract boolean readyForPlayers();

  /** Why it is not ready yet, one line per cause ({@link ChannelDetails#notReadyReasons()}); empty when it is. */
  public abstract List<String> notReadyReasons();

  /** The number of this read of the distribution, from 1. */
  public abstract int poll();

  static ImmutableDeploymentProgress.Builder builder() {
    return ImmutableDeploymentProgress.builder();
  }
}
