package io.github.mediapackagecdn.core.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionSummary;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread-safe CloudFront double holding one distribution, whose first update waits until {@link #release} opens:
 * the tests of the shared updater (v1's and v2's planners) queue callers behind it.
 */
public final class GatedDistributions implements Distributions {

  /** Opens when the first update has started (and waits). */
  public final CountDownLatch firstUpdateStarted = new CountDownLatch(1);
  /** Lets the first update go on. */
  public final CountDownLatch release = new CountDownLatch(1);
  /** How many UpdateDistribution calls were made. */
  public final AtomicInteger updates = new AtomicInteger();
  private Distribution current;

  /** A double holding {@code initial}. */
  public GatedDistributions(Distribution initial) {
    this.current = initial;
  }

  @Override
  public Distribution create(DistributionConfig config, Map<String, String> tags) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized Optional<Distribution> find(DistributionId id) {
    return Optional.of(current);
  }

  @Override
  public Distribution update(DistributionId id, String etag, ChangeSet changes) {
    if (updates.incrementAndGet() == 1) {
      firstUpdateStarted.countDown();
      await(release);
    }
    synchronized (this) {
      current = Distribution.builder().from(current).etag("E" + updates.get())
          .config(changes.applyTo(current.config())).build();
      return current;
    }
  }

  @Override
  public Optional<DistributionId> findByCallerReference(String callerReference, String commentHint) {
    return Optional.empty();
  }

  @Override
  public List<DistributionSummary> list() {
    return List.of();
  }

  @Override
  public Distribution awaitDeployed(DistributionId id, Duration timeout) {
    return current;
  }

  @Override
  public Distribution disable(DistributionId id, String etag) {
    throw new UnsupportedOperationException("an updater never disables a distribution");
  }

  @Override
  public void delete(DistributionId id, String etag) {
    throw new UnsupportedOperationException("an updater never deletes a distribution");
  }

  /** The distribution's configuration now. */
  public synchronized DistributionConfig config() {
    return current.config();
  }

  /**
   * Sends {@code first} until its update waits at the gate, queues {@code queued} behind it, opens the gate and
   * answers what each update returned: the first's, then the queued ones' in order.
   */
  public <R> List<Boolean> queueBehindTheFirst(DistributionUpdater<R> updater, R first, List<R> queued)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(queued.size() + 1);
    try {
      Future<Boolean> inFlight = pool.submit(() -> updater.update(first));
      await(firstUpdateStarted);
      List<Future<Boolean>> behind = queued.stream().map(r -> pool.submit(() -> updater.update(r))).toList();
      awaitPending(updater, queued.size());
      release.countDown();
      List<Boolean> results = new ArrayList<>(List.of(inFlight.get()));
      for (Future<Boolean> caller : behind) {
        results.add(caller.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits at most 10 s for {@code latch}, failing the test if it does not open. */
  public static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch opened in time").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Spins (no sleep) until {@code updater} has {@code count} pending requests, at most 10 s. */
  public static void awaitPending(DistributionUpdater<?> updater, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (updater.pending() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(updater.pending()).as("requests queued behind the update in flight").isEqualTo(count);
  }
}
