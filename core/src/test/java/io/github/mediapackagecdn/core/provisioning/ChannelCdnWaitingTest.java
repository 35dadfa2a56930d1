package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The asynchronous and progress-reporting waits, driven by a {@link ManualScheduler}: nothing sleeps. */
class ChannelCdnWaitingTest {

  private static final ChannelId NEWS = ChannelId.of("live-news");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final RecordingChannels channels = new RecordingChannels();
  private final RecordingDistributions cloudFront = new RecordingDistributions();
  private final ManualScheduler scheduler = new ManualScheduler();
  /** What the progress-reporting wait paused for; each pause moves the scheduler's clock. */
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<DeploymentProgress> progress = new ArrayList<>();
  private ChannelCdn cdn;
  private DistributionId distribution;

  @BeforeEach
  void setUp() {
    cdn = ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront)
        .clock(scheduler.clock()).scheduler(scheduler)
        .sleeper(pause -> {
          sleeps.add(pause);
          scheduler.advance(pause);
        })
        .build();
    cdn.saveChannel(ChannelSpec.builder().id(NEWS.value()).createDistribution(true).build());
    cdn.saveEndpoint(EndpointSpec.builder().id("news-hls").channelId(NEWS.value()).packaging(Packaging.HLS).build());
    distribution = cloudFront.only().id();
    channels.reads = 0;
    cloudFront.reads = 0;
    sleeps.clear();
  }

  /** Reads of the distribution, GetDistribution: the link lookups read through the same double. */
  private int reads() {
    return cloudFront.reads;
  }

  // ---------------------------------------------------------------- asynchronous

  @Test
  void awaitDeployedAsync_readsNothingOnTheCallersThread_andCompletesWhenReadyForPlayers() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(NEWS, Duration.ofMinutes(30));
    assertThat(channels.reads + reads()).isZero();
    assertThat(scheduler.pending()).isOne();

    scheduler.runDue(); // channel, its distribution's id (channel tag, link tag), endpoints, distribution
    int first = reads();
    assertThat(ready).isNotDone();
    scheduler.advance(MINUTE);
    assertThat(reads()).isEqualTo(first + 1);
    assertThat(ready).isNotDone();

    cloudFront.deploy(distribution);
    scheduler.advance(Duration.ofSeconds(59));
    assertThat(ready).isNotDone(); // the next read is a minute after the last one
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(ready).isCompleted();
    ChannelDetails details = ready.join();
    assertThat(details.readyForPlayers()).isTrue();
    assertThat(details.distribution()).get().extracting(DistributionDetails::id).isEqualTo(distribution);
    assertThat(reads()).isEqualTo(first + 2);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void awaitDeployedAsync_whenNotReadyInTime_failsTypedAfterAReadAtTheDeadline() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(NEWS, Duration.ofSeconds(90));
    scheduler.runDue();
    int first = reads();

    scheduler.advance(Duration.ofMinutes(10));

    assertThat(ready).isCompletedExceptionally();
    assertThatThrownBy(ready::join).hasCauseInstanceOf(DeploymentTimeoutException.class)
        .cause().hasMessageContaining("live-news is not ready for players after PT1M30S (3 reads)")
        .hasMessageContaining("is InProgress, not Deployed");
    assertThat(reads()).isEqualTo(first + 2); // at 60 s and at 90 s
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void awaitDeployedAsync_whenCancelled_stopsReading() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(NEWS, Duration.ofMinutes(30));
    scheduler.runDue();
    scheduler.advance(MINUTE);
    int before = reads();
    int channelReads = channels.reads;

    assertThat(ready.cancel(true)).isTrue();
    assertThat(scheduler.pending()).isZero(); // the next read is dropped at once, not left to run and do nothing
    cloudFront.deploy(distribution);
    scheduler.advance(Duration.ofMinutes(30));

    assertThat(reads()).isEqualTo(before);
    assertThat(channels.reads).isEqualTo(channelReads);
    assertThat(scheduler.pending()).isZero();
    assertThat(ready).isCancelled();
  }

  @Test
  void awaitDeployedAsync_whenTheCallerCompletesTheFuture_readsNoMore() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(NEWS, Duration.ofMinutes(30));
    scheduler.runDue();
    int before = reads();

    ready.complete(null); // a caller that gave up its own way
    scheduler.advance(Duration.ofMinutes(30));

    assertThat(reads()).isEqualTo(before);
    assertThat(scheduler.scheduled()).isEqualTo(2); // the step after the first read ran, and read nothing
  }

  @Test
  void awaitDeployedAsync_whenCancelledBeforeTheFirstStep_readsNothing() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(NEWS, Duration.ofMinutes(30));
    ready.cancel(true);
    scheduler.advance(Duration.ofMinutes(30));

    assertThat(channels.reads + reads()).isZero();
    assertThat(scheduler.scheduled()).isOne();
  }

  @Test
  void awaitDeployedAsync_whenTheChannelHasNoEndpoint_failsNotServedAtTheFirstRead() {
    cdn.saveChannel(ChannelSpec.builder().id("live-sports").createDistribution(true).build());
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(ChannelId.of("live-sports"), MINUTE);
    scheduler.runDue();

    assertThat(ready).isCompletedExceptionally();
    assertThatThrownBy(ready::join).cause().isInstanceOfSatisfying(ResourceConflictException.class,
        e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.NOT_SERVED));
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void awaitDeployedAsync_whenTheChannelDoesNotExist_failsNotFound() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(ChannelId.of("gone"), MINUTE);
    scheduler.runDue();

    assertThat(ready).isCompletedExceptionally();
    assertThatThrownBy(ready::join).hasCauseInstanceOf(ResourceNotFoundException.class);
    assertThat(reads()).isZero();
  }

  @Test
  void awaitDeployedAsync_whenTheProgressCallbackThrows_stillCompletes() {
    List<Integer> polls = new ArrayList<>();
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(NEWS, Duration.ofMinutes(30), p -> {
      polls.add(p.poll());
      throw new IllegalStateException("a broken dashboard");
    });
    scheduler.runDue();
    cloudFront.deploy(distribution);
    scheduler.advance(MINUTE);

    assertThat(ready).isCompleted();
    assertThat(ready.join().readyForPlayers()).isTrue();
    assertThat(polls).containsExactly(1, 2);
  }

  @Test
  void close_cancelsTheWaitsInProgress_andNothingIsReadAfterwards() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(NEWS, Duration.ofMinutes(30));
    scheduler.runDue();
    int before = reads();

    cdn.close();
    scheduler.advance(Duration.ofMinutes(30));

    assertThat(ready).isCancelled();
    assertThat(reads()).isEqualTo(before);
    assertThatThrownBy(() -> cdn.awaitDeployedAsync(NEWS, MINUTE)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void awaitDeployedAsync_whenArgumentsAreInvalid_throwsAtOnceWithoutScheduling() {
    assertThatThrownBy(() -> cdn.awaitDeployedAsync(null, MINUTE)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cdn.awaitDeployedAsync(NEWS, Duration.ofSeconds(-1)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cdn.awaitDeployedAsync(NEWS, MINUTE, null))
        .isInstanceOf(ValidationException.class).hasMessage("progress callback is null");
    assertThatThrownBy(() -> cdn.awaitDeployed(NEWS, MINUTE, null)).isInstanceOf(ValidationException.class);
    assertThat(scheduler.scheduled()).isZero();
    assertThat(channels.reads + reads()).isZero();
  }

  @Test
  void awaitDeployedAsync_withoutAScheduler_pollsOnItsOwnThread_whichCloseShutsDown() throws Exception {
    ChannelCdn own = ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront).build();
    cloudFront.deploy(distribution);

    ChannelDetails details = own.awaitDeployedAsync(NEWS, MINUTE).get(30, TimeUnit.SECONDS);

    assertThat(details.readyForPlayers()).isTrue();
    assertThat(scheduler.scheduled()).isZero();
    own.close();
    assertThatThrownBy(() -> own.awaitDeployedAsync(NEWS, MINUTE)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void awaitDeployedAsync_onAnExecutorOfTheCallers_completesOnIt() throws Exception {
    var executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try (ChannelCdn onExecutor = ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront)
        .scheduler(io.github.mediapackagecdn.core.port.Scheduler.of(executor)).build()) {
      cloudFront.deploy(distribution);
      List<String> threads = new ArrayList<>();
      ChannelDetails details = onExecutor.awaitDeployedAsync(NEWS, MINUTE,
          p -> threads.add(Thread.currentThread().getName())).get(30, TimeUnit.SECONDS);
      assertThat(details.readyForPlayers()).isTrue();
      assertThat(threads).hasSize(1).noneMatch(name -> name.equals(Thread.currentThread().getName()));
    } finally {
      executor.shutdownNow();
    }
    assertThat(executor.isShutdown()).isTrue();
  }

  // ---------------------------------------------------------------- synchronous, with progress

  @Test
  void awaitDeployed_withProgress_reportsEachReadUntilReadyForPlayers() {
    int[] pauses = {0};
    ChannelCdn deploying = ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront)
        .clock(scheduler.clock())
        .sleeper(pause -> {
          sleeps.add(pause);
          scheduler.advance(pause);
          if (++pauses[0] == 2) {
            cloudFront.deploy(distribution);
          }
        })
        .build();

    ChannelDetails details = deploying.awaitDeployed(NEWS, Duration.ofMinutes(30), progress::add);

    assertThat(details.readyForPlayers()).isTrue();
    assertThat(progress).extracting(DeploymentProgress::status).containsExactly(DistributionStatus.IN_PROGRESS,
        DistributionStatus.IN_PROGRESS, DistributionStatus.DEPLOYED);
    assertThat(progress).extracting(DeploymentProgress::poll).containsExactly(1, 2, 3);
    assertThat(progress).extracting(DeploymentProgress::elapsed).containsExactly(Duration.ZERO, MINUTE,
        Duration.ofMinutes(2));
    assertThat(progress).extracting(DeploymentProgress::readyForPlayers).containsExactly(false, false, true);
    assertThat(progress.get(0).notReadyReasons()).containsExactly("distribution " + distribution
        + " is InProgress, not Deployed");
    assertThat(progress.get(2).notReadyReasons()).isEmpty();
    assertThat(progress).allSatisfy(p -> {
      assertThat(p.channel()).isEqualTo(NEWS.ref());
      assertThat(p.distributionId()).isEqualTo(distribution);
    });
    assertThat(sleeps).containsExactly(MINUTE, MINUTE);
    assertThat(scheduler.scheduled()).isZero(); // the calling thread polled, not the scheduler
  }

  @Test
  void awaitDeployed_withProgress_whenNotReadyInTime_throwsDeploymentTimeoutAfterAReadAtTheDeadline() {
    assertThatThrownBy(() -> cdn.awaitDeployed(NEWS, Duration.ofSeconds(150), progress::add))
        .isInstanceOf(DeploymentTimeoutException.class)
        .hasMessageContaining("after PT2M30S (4 reads)");
    assertThat(sleeps).containsExactly(MINUTE, MINUTE, Duration.ofSeconds(30));
    assertThat(progress).extracting(DeploymentProgress::elapsed).containsExactly(Duration.ZERO, MINUTE,
        Duration.ofMinutes(2), Duration.ofSeconds(150));
  }

  @Test
  void awaitDeployed_withProgress_whenTimeoutIsZero_readsOnce() {
    cloudFront.deploy(distribution);
    int before = reads();
    cdn.awaitDeployed(NEWS, Duration.ZERO, progress::add);
    int readsOfAWait = reads() - before;

    cloudFront.edit(distribution); // InProgress again
    assertThatThrownBy(() -> cdn.awaitDeployed(NEWS, Duration.ZERO, progress::add))
        .isInstanceOf(DeploymentTimeoutException.class);

    assertThat(reads() - before).isEqualTo(2 * readsOfAWait);
    assertThat(progress).extracting(DeploymentProgress::poll).containsExactly(1, 1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void awaitDeployed_withProgress_whenTheCallbackThrows_stillAnswersReady() {
    cloudFront.deploy(distribution);
    int[] calls = {0};
    ChannelDetails details = cdn.awaitDeployed(NEWS, MINUTE, p -> {
      calls[0]++;
      throw new IllegalStateException("a broken dashboard");
    });
    assertThat(details.readyForPlayers()).isTrue();
    assertThat(calls[0]).isOne();
  }

  @Test
  void awaitDeployed_withProgress_whenInterrupted_throwsDeploymentTimeoutAndKeepsTheFlag() {
    ChannelCdn interrupted = ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront)
        .clock(scheduler.clock())
        .sleeper(pause -> Thread.currentThread().interrupt())
        .build();
    int before = reads();
    try {
      assertThatThrownBy(() -> interrupted.awaitDeployed(NEWS, Duration.ofMinutes(30), progress::add))
          .isInstanceOf(DeploymentTimeoutException.class).hasMessageContaining("interrupted after 1 reads");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(progress).hasSize(1);
    assertThat(reads() - before).isPositive();
  }

  @Test
  void awaitDeployed_withoutProgress_stillHandsTheWaitToThePort() {
    // the plain form keeps the adapter's CloudFront waiter: it never schedules nor pauses
    cdn.awaitDeployed(NEWS, Duration.ofMinutes(30));
    assertThat(scheduler.scheduled()).isZero();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void awaitDeployedAsync_whenTimeoutIsZero_readsOnce_andGetThrowsTheTypedErrorAsCause() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(NEWS, Duration.ZERO, progress::add);
    scheduler.runDue();

    assertThat(ready).isCompletedExceptionally();
    assertThatThrownBy(ready::get).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(DeploymentTimeoutException.class);
    assertThat(progress).hasSize(1);
    assertThat(scheduler.scheduled()).isOne();
  }
}
