package io.github.mediapackagecdn.examples.benchmark;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What the metered ports saw, shared by the three of them and thread-safe: the time spent inside the fakes, and the
 * UpdateDistribution calls CloudFront accepted (each one a deployment; one refused with a stale ETag is not).
 */
final class PortMeter {

  private final LongAdder nanosInPorts = new LongAdder();
  private final LongAdder acceptedUpdates = new LongAdder();

  /** Runs one port call, adding its time to the time spent in the ports. */
  <T> T time(Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      nanosInPorts.add(System.nanoTime() - start);
    }
  }

  /** Runs one port call that answers nothing, adding its time to the time spent in the ports. */
  void time(Runnable call) {
    time(() -> {
      call.run();
      return null;
    });
  }

  /** Counts an UpdateDistribution that CloudFront accepted. */
  void updateAccepted() {
    acceptedUpdates.increment();
  }

  /** The nanoseconds spent in the ports so far. */
  long nanosInPorts() {
    return nanosInPorts.sum();
  }

  /** The UpdateDistribution calls accepted so far. */
  long acceptedUpdates() {
    return acceptedUpdates.sum();
  }
}
