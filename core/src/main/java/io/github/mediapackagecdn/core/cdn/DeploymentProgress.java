package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/**
 * One read of a wait for a channel to be ready for players, v1 or v2, as the facades' {@code awaitDeployed} with a
 * progress callback and {@code awaitDeployedAsync} report it after each poll. Never holds a CDN identifier.
 */
@Value.Immutable
public abstract class DeploymentProgress {

  /** The channel waited for: {@code live-news} in v1, {@code live/news} in v2. */
  public abstract ChannelRef channel();

  /** Its distribution. */
  public abstract DistributionId distributionId();

  /** The distribution's status at this read: {@code InProgress} or {@code Deployed}. */
  public abstract DistributionStatus status();

  /** Time since the wait began, on the facade's clock. */
  public abstract Duration elapsed();

  /** Whether the channel is ready for players at this read; the last progress of a successful wait says so. */
  public abstract boolean readyForPlayers();

  /** Why it is not ready yet, one line per cause, as the details say; empty when it is. */
  public abstract List<String> notReadyReasons();

  /** The number of this read of the distribution, from 1. */
  public abstract int poll();

  static ImmutableDeploymentProgress.Builder builder() {
    return ImmutableDeploymentProgress.builder();
  }
}
