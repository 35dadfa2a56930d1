package io.github.mediapackagecdn.core.port;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task later, on a thread of the scheduler's own: how the library polls a deploying distribution without
 * holding the caller's thread. Tests pass one that runs the due tasks when they advance a fake clock, so that nothing
 * really sleeps.
 */
@FunctionalInterface
public interface Scheduler {

  /**
   * Runs {@code task} once, after {@code delay} (zero: as soon as it can). Cancelling the answer before the task has
   * started means it never runs.
   */
  Future<?> schedule(Runnable task, Duration delay);

  /** Schedules on {@code executor}, which the caller owns and shuts down. */
  static Scheduler of(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return (task, delay) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
