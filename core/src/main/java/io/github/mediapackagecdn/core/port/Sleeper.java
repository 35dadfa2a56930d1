package io.github.mediapackagecdn.core.port;

import java.time.Duration;

/**
 * Waits between two reads of something AWS has just created and does not show yet. Tests pass one that advances a
 * fake clock, so that nothing really sleeps.
 */
@FunctionalInterface
public interface Sleeper {

  /** Waits for {@code duration}, or less if interrupted. */
  void sleep(Duration duration);

  /** Sleeps the calling thread; an interruption ends the wait early and keeps the thread's interrupt flag. */
  static Sleeper threadSleep() {
    return duration -> {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
