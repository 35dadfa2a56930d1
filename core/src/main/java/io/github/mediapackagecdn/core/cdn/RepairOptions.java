package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ValueStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How fast and how far a fleet repair ({@code ChannelCdn.repair}, {@code ChannelCdnV2.repair}) goes: at most one
 * channel's repair (one {@code UpdateDistribution}) per {@link #updateInterval()}, and at most {@link #maxUpdates()}
 * of them in one run (the rest {@link RepairResult#remaining() remains}, for the next run).
 *
 * <pre>{@code
 * RepairOptions options = RepairOptions.builder()
 *     .updateInterval(Duration.ofMinutes(1))
 *     .maxUpdates(50)
 *     .build();
 * }</pre>
 */
@Value.Immutable
@ValueStyle
public abstract class RepairOptions {

  /**
   * The default least time between two updates of a repair: one {@code UpdateDistribution} every 20 seconds, three a
   * minute. UNCONFIRMED: CloudFront publishes no rate for its control plane (it answers {@code Throttling}, "Rate
   * exceeded", beyond it), and every update starts a deployment of minutes; this is a conservative guess, kept in
   * this one constant.
   */
  public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofSeconds(20);

  /**
   * The least time between two updates: after a channel's repair that wrote (or failed, and so may have written), the
   * next one waits until this much time has passed, with the builder's {@link io.github.mediapackagecdn.core.port.Sleeper
   * sleeper} on its clock. {@link #DEFAULT_UPDATE_INTERVAL} unless set; zero does not wait. A retry after a stale ETag
   * (412) belongs to the same channel's repair and is not paced.
   */
  @Value.Default
  public Duration updateInterval() {
    return DEFAULT_UPDATE_INTERVAL;
  }

  /**
   * How many channels one run may repair, counting the repairs that failed (they may have sent their update); no
   * limit unless set. The channels beyond it are left in {@link RepairResult#remaining()}.
   */
  @Value.Default
  public int maxUpdates() {
    return Integer.MAX_VALUE;
  }

  /** One update every {@link #DEFAULT_UPDATE_INTERVAL}, no limit on their number. */
  public static RepairOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults; {@code build()} checks every value. */
  public static Builder builder() {
    return new Builder();
  }

  /** Refuses a negative interval and fewer than one update. */
  @Value.Check
  protected void check() {
    if (updateInterval().isNegative()) {
      throw new ValidationException("update interval " + updateInterval() + " is negative");
    }
    if (maxUpdates() < 1) {
      throw new ValidationException("max updates " + maxUpdates() + " is below 1");
    }
  }

  /** Builds {@link RepairOptions}; unset values keep their defaults. */
  public static class Builder extends ImmutableRepairOptions.Builder {}
}
