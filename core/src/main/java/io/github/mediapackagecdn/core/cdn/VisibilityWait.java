package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.port.Sleeper;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads again, in pauses, what AWS has just created and does not show yet: the one wait of the library, for a channel
 * or distribution just created, a distribution holding a CallerReference, a distribution a teardown has just
 * confirmed, a v2 channel just saved by another call. The first pause is the settings' visibility backoff, each next one
 * twice as long up to five seconds, and the pauses add up to their visibility timeout at most. The {@link Sleeper} port
 * is the test seam: nothing sleeps in tests. A wait that pauses at all is told to the listeners:
 * {@code VISIBILITY_WAIT_BEGAN} after the first read misses, {@code VISIBILITY_WAIT_ENDED} with the time paused and
 * the number of reads.
 */
public final class VisibilityWait {

  /** The longest pause between two reads. */
  static final Duration MAX_PAUSE = Duration.ofSeconds(5);

  private final Sleeper sleeper;
  private final Duration backoff;
  private final Duration timeout;
  private final Listeners listeners;

  /** A wait pausing with {@code sleeper}, first {@code backoff}, {@code timeout} at most in all, told to no one. */
  public VisibilityWait(Sleeper sleeper, Duration backoff, Duration timeout) {
    this(sleeper, backoff, timeout, Listeners.none());
  }

  /** A wait pausing with {@code sleeper}, first {@code backoff}, {@code timeout} at most in all. */
  public VisibilityWait(Sleeper sleeper, Duration backoff, Duration timeout, Listeners listeners) {
    this.sleeper = sleeper;
    this.listeners = listeners;
    this.backoff = backoff;
    this.timeout = timeout;
  }

  /**
   * Reads until the answer is present or the visibility timeout has passed in pauses; the last answer. {@code channel}
   * and {@code operation} (the AWS operation of {@code read}) name the wait in its events.
   */
  public <T> Optional<T> until(ChannelRef channel, String operation, Supplier<Optional<T>> read) {
    Optional<T> answer = read.get();
    if (answer.isPresent()) {
      return answer;
    }
    listeners.emit(Listeners.event(ProvisioningEvent.Step.VISIBILITY_WAIT_BEGAN, channel).operation(operation));
    Duration waited = Duration.ZERO;
    Duration pause = backoff;
    int reads = 1;
    while (answer.isEmpty() && waited.compareTo(timeout) < 0) {
      Duration left = timeout.minus(waited);
      Duration next = pause.compareTo(left) < 0 ? pause : left;
      sleeper.sleep(next);
      waited = waited.plus(next);
      pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) < 0 ? pause.multipliedBy(2) : MAX_PAUSE;
      answer = read.get();
      reads++;
    }
    listeners.emit(Listeners.event(ProvisioningEvent.Step.VISIBILITY_WAIT_ENDED, channel).operation(operation)
        .duration(waited).attempt(reads));
    return answer;
  }

  @Override
  public String toString() {
    return "VisibilityWait[backoff " + backoff + ", timeout " + timeout + ", sleeper "
        + sleeper.getClass().getSimpleName() + "]";
  }
}
