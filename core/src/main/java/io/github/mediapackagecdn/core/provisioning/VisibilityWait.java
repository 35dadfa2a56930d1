package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.port.Sleeper;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads again, in pauses, what AWS has just created and does not show yet: the one wait of the library, for a channel
 * or distribution just created, a distribution holding a CallerReference, a distribution a teardown has just
 * confirmed. The first pause is {@link LiveCdnSettings#visibilityBackoff()}, each next one twice as long up to five
 * seconds, and the pauses add up to {@link LiveCdnSettings#visibilityTimeout()} at most. The {@link Sleeper} port
 * is the test seam: nothing sleeps in tests.
 */
final class VisibilityWait {

  /** The longest pause between two reads. */
  static final Duration MAX_PAUSE = Duration.ofSeconds(5);

  private final Sleeper sleeper;
  private final Duration backoff;
  private final Duration timeout;

  VisibilityWait(Sleeper sleeper, LiveCdnSettings settings) {
    this.sleeper = sleeper;
    this.backoff = settings.visibilityBackoff();
    this.timeout = settings.visibilityTimeout();
  }

  /** Reads until the answer is present or the visibility timeout has passed in pauses; the last answer. */
  <T> Optional<T> until(Supplier<Optional<T>> read) {
    Optional<T> answer = read.get();
    Duration waited = Duration.ZERO;
    Duration pause = backoff;
    while (answer.isEmpty() && waited.compareTo(timeout) < 0) {
      Duration left = timeout.minus(waited);
      Duration next = pause.compareTo(left) < 0 ? pause : left;
      sleeper.sleep(next);
      waited = waited.plus(next);
      pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) < 0 ? pause.multipliedBy(2) : MAX_PAUSE;
      answer = read.get();
    }
    return answer;
  }

  @Override
  public String toString() {
    return "VisibilityWait[backoff " + backoff + ", timeout " + timeout + ", sleeper "
        + sleeper.getClass().getSimpleName() + "]";
  }
}
