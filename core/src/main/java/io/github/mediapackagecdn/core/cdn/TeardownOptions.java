package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * What {@code teardown} removes besides the channel and its endpoints, for v1's {@code ChannelCdn} and v2's
 * {@code ChannelCdnV2} alike. By default the distribution stays: CloudFront is not touched at all.
 *
 * <pre>{@code
 * TeardownOptions options = TeardownOptions.builder()
 *     .deleteDistribution(true)
 *     .deploymentTimeout(Duration.ofMinutes(40))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class TeardownOptions {

  /**
   * How long CloudFront's own {@code DistributionDeployed} waiter waits by default: 35 polls, 60 s apart (the
   * CloudFront API model's waiters-2.json).
   */
  public static final Duration DEFAULT_DEPLOYMENT_TIMEOUT = Duration.ofMinutes(35);

  /**
   * Whether the channel's distribution is deleted too: disabled, awaited until that is {@code Deployed}, then deleted.
   * Only a distribution whose link tag names the channel, as CloudFront itself shows the tag, is ever touched.
   */
  @Value.Default
  public boolean deleteDistribution() {
    return false;
  }

  /**
   * How long to wait for the disabled distribution to be {@code Deployed} before it can be deleted; real CloudFront
   * takes minutes. When it passes, teardown stops with a
   * {@link io.github.mediapackagecdn.core.error.DeploymentTimeoutException} and running it again goes on from there.
   */
  @Value.Default
  public Duration deploymentTimeout() {
    return DEFAULT_DEPLOYMENT_TIMEOUT;
  }

  /** Channel and endpoints only: the distribution, if any, stays as it is. */
  public static TeardownOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults; {@code build()} checks every value. */
  public static Builder builder() {
    return new Builder();
  }

  /** Refuses a negative deployment timeout. */
  @Value.Check
  protected void check() {
    if (deploymentTimeout().isNegative()) {
      throw new ValidationException("deployment timeout " + deploymentTimeout() + " is negative");
    }
  }

  /** Builds {@link TeardownOptions}; unset values keep their defaults. */
  public static class Builder extends ImmutableTeardownOptions.Builder {}
}
