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
 *
 * <p>The waits, the same in {@code ChannelCdn} and {@code ChannelCdnV2}. Ready for players: the channel's
 * distribution is {@code Deployed}, enabled, and routes every endpoint to it (CloudFront's first match); the wait
 * answers the channel's details then. This is checked before waiting too: a distribution that is disabled or does not
 * route an endpoint will not start to serve by deploying.
 * <ul>
 *   <li>{@code awaitDeployed(id, timeout)} hands the wait for {@code Deployed} to the CloudFront port, which the AWS
 *       adapter implements with CloudFront's own {@code DistributionDeployed} waiter: one blocking call, no
 *       progress.</li>
 *   <li>{@code awaitDeployed(id, timeout, progress)} polls through the ports on the calling thread: a read every 60
 *       seconds (the waiter's interval) and one at the deadline, pausing with the facade's sleeper, a progress after
 *       each read; the last progress of a successful wait is ready for players. A callback that throws does not end
 *       the wait (logged at WARN once). An interrupt ends it with {@code DeploymentTimeoutException}, the thread's
 *       interrupt flag kept.</li>
 *   <li>{@code awaitDeployedAsync(id, timeout[, progress])} polls the same way on the facade's scheduler, without
 *       holding a thread; its answer completes with the details, or exceptionally with the error the blocking wait
 *       would throw. Cancelling it (or completing it, or closing the facade) stops the reads; progress is reported on
 *       the scheduler's thread.</li>
 * </ul>
 * Every wait throws (the asynchronous one: completes with) {@code ValidationException} when an argument is null or
 * the timeout negative, before any read; {@code ResourceNotFoundException} when the channel or its distribution does
 * not exist; {@code ResourceConflictException} ({@code NOT_SERVED}) when the distribution is disabled, the channel has
 * no endpoint or the distribution does not route one to it, with the reasons (save the endpoints again, or fix what is
 * in the way in CloudFront); {@code DeploymentTimeoutException} when it is not ready within the timeout.
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
