package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.port.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * A {@link Scheduler} that runs nothing until told: {@link #advance(Duration)} moves time and runs, on the test's
 * thread, every task that falls due, in order, moving the clock to each one's time first. Nothing sleeps. Public (in
 * core's test-jar) so that the testkit drives it on {@code FakeAws}'s clock.
 */
public final class ManualScheduler implements Scheduler {

  private record Task(Duration due, long order, FutureTask<Void> run) {}

  private final Consumer<Duration> advanceClock;
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
  private final List<Task> tasks = new ArrayList<>();
  private Duration now = Duration.ZERO;
  private long scheduled;

  /** A scheduler on its own clock, {@link #clock()}. */
  public ManualScheduler() {
    this(ignored -> { });
  }

  /** A scheduler that moves another fake clock too, by calling {@code advanceClock} as its own time moves. */
  public ManualScheduler(Consumer<Duration> advanceClock) {
    this.advanceClock = advanceClock;
  }

  @Override
  public synchronized Future<?> schedule(Runnable task, Duration delay) {
    FutureTask<Void> run = new FutureTask<>(task, null);
    tasks.add(new Task(now.plus(delay), scheduled++, run));
    return run;
  }

  /** Moves time by {@code duration}, running every task due within it, and the tasks those schedule. */
  public void advance(Duration duration) {
    Duration end = now.plus(duration);
    while (true) {
      Task next;
      synchronized (this) {
        tasks.removeIf(t -> t.run().isCancelled());
        next = tasks.stream().filter(t -> t.due().compareTo(end) <= 0)
            .min(Comparator.comparing(Task::due).thenComparing(Task::order)).orElse(null);
        if (next == null) {
          break;
        }
        tasks.remove(next);
        move(next.due());
      }
      next.run().run();
    }
    move(end);
  }

  /** Runs the tasks due now. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** The tasks scheduled and neither run nor cancelled. */
  public synchronized int pending() {
    tasks.removeIf(t -> t.run().isCancelled());
    return tasks.size();
  }

  /** Every task ever scheduled. */
  public synchronized long scheduled() {
    return scheduled;
  }

  /** A clock at 2026-01-01T00:00:00Z plus the time this scheduler has moved. */
  public Clock clock() {
    return new Clock() {
      @Override
      public Instant instant() {
        synchronized (ManualScheduler.this) {
          return start.plus(now);
        }
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
  }

  private synchronized void move(Duration to) {
    if (to.compareTo(now) > 0) {
      advanceClock.accept(to.minus(now));
      now = to;
    }
  }
}
