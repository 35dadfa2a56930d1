package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.cdn.DistributionUpdater;
import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The registry of updaters: one per distribution while it is being updated, dropped as soon as no caller uses it. */
class DistributionUpdatersTest {

  private final RecordingDistributions cloudFront = new RecordingDistributions();
  private final List<DistributionId> made = new ArrayList<>();
  private final List<Integer> heldDuringRead = new ArrayList<>();
  private DistributionUpdaters<List<OriginEndpoint>> updaters;

  private DistributionUpdaters<List<OriginEndpoint>> updaters() {
    updaters = new DistributionUpdaters<>(id -> {
      made.add(id);
      return V1Updaters.updater(id, cloudFront, () -> {
        heldDuringRead.add(updaters.size());
        return cloudFront.find(id).orElseThrow(() -> NotFound.distribution(id));
      });
    });
    return updaters;
  }

  private DistributionId seed(String reference) {
    return cloudFront.seed(DistributionLayout.newDistribution(Fixtures.CHANNEL_ID, reference, CdnSettings.defaults(),
        LiveCdnSettings.defaults()), Map.of());
  }

  @Test
  void update_holdsTheUpdaterWhileInUseAndDropsItOnceIdle() {
    DistributionId id = seed("ref");
    DistributionUpdaters<List<OriginEndpoint>> registry = updaters();

    DistributionUpdaters.Update first = registry.update(id, List.of(Fixtures.hls()));
    DistributionUpdaters.Update second = registry.update(id, List.of(Fixtures.hls()));

    assertThat(first.written()).isTrue();
    assertThat(second.written()).isFalse();
    assertThat(heldDuringRead).containsExactly(1, 1);
    assertThat(registry.size()).isZero();
    assertThat(made).containsExactly(id, id); // each call found none idle to reuse
  }

  @Test
  void update_whileAnotherCallerUsesTheUpdater_sharesItSoTheirChangesAreCoalesced() throws Exception {
    DistributionId id = seed("ref");
    CountDownLatch firstReading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<DistributionUpdater<List<OriginEndpoint>>> made = new CopyOnWriteArrayList<>();
    AtomicInteger reads = new AtomicInteger();
    DistributionUpdaters<List<OriginEndpoint>> registry = new DistributionUpdaters<>(key -> {
      DistributionUpdater<List<OriginEndpoint>> updater = V1Updaters.updater(key, cloudFront, () -> {
            if (reads.incrementAndGet() == 1) {
              firstReading.countDown();
              await(release);
            }
            synchronized (cloudFront) {
              return cloudFront.find(key).orElseThrow();
            }
          });
      made.add(updater);
      return updater;
    });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<DistributionUpdaters.Update> first = pool.submit(() -> registry.update(id, List.of(Fixtures.hls())));
      await(firstReading);
      Future<DistributionUpdaters.Update> second =
          pool.submit(() -> registry.update(id, List.of(Fixtures.dash())));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (made.size() == 1 && made.get(0).pending() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait(); // until the second caller joins the first one's updater (or makes its own)
      }
      release.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS).written()).isTrue();
      assertThat(second.get(10, TimeUnit.SECONDS).written()).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(made).hasSize(1);
    assertThat(registry.size()).isZero();
    assertThat(cloudFront.writes).hasSize(2); // the first caller's update, then the second's
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void update_answersTheConfigurationAsWritten() {
    DistributionId id = seed("ref");

    DistributionUpdaters.Update update = updaters().update(id, List.of(Fixtures.hls()));

    assertThat(update.latest()).contains(cloudFront.only().config());
  }

  @Test
  void update_whenTheUpdateFails_dropsTheUpdaterAllTheSame() {
    DistributionId gone = DistributionId.of("E1U5RQF7T870K0");
    DistributionUpdaters<List<OriginEndpoint>> registry = updaters();

    assertThatThrownBy(() -> registry.update(gone, List.of(Fixtures.hls())))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(registry.size()).isZero();
  }
}
