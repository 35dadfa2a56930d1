package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.cdn.DistributionUpdater;
import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.cdn.GatedDistributions;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.DistributionSummary;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Clock;
import java.time.Duration;
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

/** Updates of one distribution are serialized, and what arrives meanwhile is coalesced into the next update. */
class DistributionUpdaterTest {

  private static final DistributionId ID = DistributionId.of("E1U5RQF7T870K0");
  private static final int CALLERS = 10;

  /** The double, holding a distribution as v1 creates it. */
  private static GatedDistributions gated() {
    return new GatedDistributions(Distribution.builder()
        .id(ID).arn("arn:aws:cloudfront::123456789012:distribution/" + ID).domainName("d111111abcdef8.cloudfront.net")
        .status(DistributionStatus.DEPLOYED).etag("E0")
        .config(DistributionLayout.newDistribution(Fixtures.CHANNEL_ID, "ref", CdnSettings.defaults(),
            LiveCdnSettings.defaults()))
        .build());
  }

  private static void await(CountDownLatch latch) {
    GatedDistributions.await(latch);
  }

  private static OriginEndpoint endpoint(int i, Packaging packaging) {
    return Fixtures.endpoint("live-news-" + i, packaging, Fixtures.HOST,
        "/out/v1/" + String.format("%032x", i) + "/index." + (packaging == Packaging.DASH ? "mpd" : "m3u8"));
  }

  @Test
  void update_arrivingWhileAnUpdateIsInFlight_areCoalescedIntoOneNextUpdate() throws Exception {
    GatedDistributions cloudFront = gated();
    DistributionUpdater<List<OriginEndpoint>> updater = V1Updaters.updater(ID, cloudFront,
        () -> cloudFront.find(ID).orElseThrow());
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      Future<Boolean> first = pool.submit(() -> updater.update(List.of(endpoint(0, Packaging.HLS))));
      await(cloudFront.firstUpdateStarted);
      List<Future<Boolean>> others = new ArrayList<>();
      for (int i = 1; i < CALLERS; i++) {
        OriginEndpoint endpoint = endpoint(i, i % 2 == 0 ? Packaging.HLS : Packaging.DASH);
        others.add(pool.submit(() -> updater.update(List.of(endpoint))));
      }
      GatedDistributions.awaitPending(updater, CALLERS - 1);
      cloudFront.release.countDown();

      assertThat(first.get()).isTrue();
      List<Boolean> results = new ArrayList<>();
      for (Future<Boolean> other : others) {
        results.add(other.get());
      }
      // the first update carried the HLS needs; the DASH callers' needs went into the one coalesced update
      assertThat(cloudFront.updates).hasValue(2);
      assertThat(results).containsOnly(true, false).contains(true);
      assertThat(cloudFront.config().cacheBehaviors()).hasSize(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void update_queuedBehindAnUpdate_tellTheListenersOfOneUpdateSentAndEachCallerCoalescedIntoIt()
      throws Exception {
    GatedDistributions cloudFront = gated();
    List<ProvisioningEvent> events = new CopyOnWriteArrayList<>();
    DistributionUpdater<List<OriginEndpoint>> updater = V1Updaters.updater(ID, cloudFront, () -> cloudFront.find(ID).orElseThrow(),
        new Listeners(List.of(events::add), Clock.systemUTC()));
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      Future<Boolean> first = pool.submit(() -> updater.update(List.of(endpoint(0, Packaging.HLS))));
      await(cloudFront.firstUpdateStarted);
      List<Future<Boolean>> queued = new ArrayList<>();
      for (int i = 1; i < CALLERS; i++) {
        OriginEndpoint endpoint = endpoint(i, Packaging.DASH);
        queued.add(pool.submit(() -> updater.update(List.of(endpoint))));
      }
      GatedDistributions.awaitPending(updater, CALLERS - 1);
      cloudFront.release.countDown();
      assertThat(first.get()).isTrue();
      for (Future<Boolean> caller : queued) {
        caller.get();
      }

      // one of the queued callers writes for all of them; the other eight are served by its update
      assertThat(cloudFront.updates).hasValue(2);
      assertThat(events).filteredOn(e -> e.step() == ProvisioningEvent.Step.UPDATE_SENT).hasSize(2);
      assertThat(events).filteredOn(e -> e.step() == ProvisioningEvent.Step.UPDATE_COALESCED).hasSize(CALLERS - 2)
          .allSatisfy(e -> {
            assertThat(e.distributionId()).contains(ID);
            assertThat(e.channel()).contains(Fixtures.CHANNEL_ID.ref());
            assertThat(e.endpointIds()).hasSize(1);
          });
      assertThat(events).filteredOn(e -> e.step() == ProvisioningEvent.Step.UPDATE_SENT).last()
          .satisfies(e -> assertThat(e.endpointIds()).hasSize(CALLERS - 1));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void update_whenOneCallersEndpointIsInvalid_onlyThatCallerFails() throws Exception {
    GatedDistributions cloudFront = gated();
    cloudFront.release.countDown();
    DistributionUpdater<List<OriginEndpoint>> updater = V1Updaters.updater(ID, cloudFront,
        () -> cloudFront.find(ID).orElseThrow());

    Throwable failure = null;
    try {
      updater.update(List.of(Fixtures.withAuthorization(Fixtures.hls()))); // no CDN identifier known
    } catch (ValidationException e) {
      failure = e;
    }
    boolean written = updater.update(List.of(Fixtures.dash()));

    assertThat(failure).isInstanceOf(ValidationException.class).hasMessageContaining("CDN identifier");
    assertThat(written).isTrue();
    assertThat(cloudFront.config().behavior("*.mpd")).isPresent();
  }

  /**
   * Every queued caller needs something the in-flight update does not carry (DASH: *.mpd and *.mp4, MSS: *.ism/*),
   * so without coalescing each distinct need would be its own update: at least three in all. Coalesced, the callers
   * queued behind the first update share exactly one more.
   */
  @Test
  void update_queuedCallersWithDifferentNeeds_shareExactlyOneNextUpdate() throws Exception {
    GatedDistributions cloudFront = gated();
    DistributionUpdater<List<OriginEndpoint>> updater = V1Updaters.updater(ID, cloudFront,
        () -> cloudFront.find(ID).orElseThrow());
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      Future<Boolean> first = pool.submit(() -> updater.update(List.of(endpoint(0, Packaging.HLS))));
      await(cloudFront.firstUpdateStarted);
      List<Future<Boolean>> queued = new ArrayList<>();
      for (int i = 1; i < CALLERS; i++) {
        OriginEndpoint endpoint = endpoint(i, i % 2 == 0 ? Packaging.MSS : Packaging.DASH);
        queued.add(pool.submit(() -> updater.update(List.of(endpoint))));
      }
      GatedDistributions.awaitPending(updater, CALLERS - 1);
      cloudFront.release.countDown();

      assertThat(first.get()).isTrue();
      for (Future<Boolean> caller : queued) {
        assertThat(caller.get()).as("each queued caller's needs were in the coalesced update").isTrue();
      }
      assertThat(cloudFront.updates).as("UpdateDistribution calls").hasValue(2);
      assertThat(cloudFront.config().cacheBehaviors()).extracting(b -> b.pathPattern())
          .containsExactly("*.m3u8", "*.ts", "*.mpd", "*.mp4", "*.ism/*");
    } finally {
      pool.shutdownNow();
    }
  }
}
