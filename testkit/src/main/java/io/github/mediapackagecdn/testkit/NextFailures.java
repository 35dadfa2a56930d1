package io.github.mediapackagecdn.testkit;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The failure of the next calls of one operation, said as a sentence:
 * {@code aws.failNext(Operation.UPDATE_DISTRIBUTION).times(2).withThrottling()}. Nothing is injected until one of the
 * {@code with...} methods is called; each of them injects the faults and ends the sentence.
 */
public final class NextFailures {

  private final FakeAws aws;
  private final Operation operation;
  private final int times;

  NextFailures(FakeAws aws, Operation operation, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("a fault is injected into at least one call, not " + times);
    }
    this.aws = aws;
    this.operation = Objects.requireNonNull(operation, "operation");
    this.times = times;
  }

  /** The next {@code times} calls fail, not only the next one. */
  public NextFailures times(int times) {
    return new NextFailures(aws, operation, times);
  }

  /** The calls fail with the operation's throttling error, as after the SDK's retries ({@link Faults#throttled}). */
  public void withThrottling() {
    with(Faults.throttled(operation));
  }

  /** The calls fail with an HTTP 503 the SDK's retries did not get past ({@link Faults#serviceUnavailable}). */
  public void withServiceUnavailable() {
    with(Faults.serviceUnavailable(operation));
  }

  /**
   * The calls act, then their responses are lost: the caller gets an
   * {@link io.github.mediapackagecdn.core.error.UnknownOutcomeException} although AWS did the work.
   */
  public void withLostResponse() {
    for (int i = 0; i < times; i++) {
      aws.loseNextResponse(operation);
    }
  }

  /** The calls fail with {@code error}, the same instance each time, without acting. */
  public void with(RuntimeException error) {
    Objects.requireNonNull(error, "error");
    with(() -> error);
  }

  /** The calls fail with a fresh error from {@code error} each, without acting. */
  public void with(Supplier<? extends RuntimeException> error) {
    aws.failNext(operation, times, Objects.requireNonNull(error, "error"));
  }
}
