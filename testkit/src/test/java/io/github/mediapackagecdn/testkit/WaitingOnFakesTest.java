package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.event.ProvisioningEvent.Step;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.provisioning.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Waiting for a channel to be ready for players without holding a thread, and with progress, on the fake account:
 * distributions deploy {@link FakeAws#propagationTime()} after their last write on the fake clock, which a
 * {@link ManualScheduler} moves. Nothing sleeps.
 */
class WaitingOnFakesTest {

  private static final ChannelId CHANNEL = ChannelId.of(Specs.CHANNEL);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final FakeAws aws = FakeAws.create(); // five minutes to deploy
  private final ManualScheduler scheduler = new ManualScheduler(aws.clock()::advance);
  private final RecordingListener events = new RecordingListener();
  private final ChannelCdn cdn = aws.channelCdn(builder -> builder.scheduler(scheduler).listener(events));

  @BeforeEach
  void setUp() {
    cdn.saveChannel(Specs.channelWithDistribution());
    cdn.saveEndpoints(List.of(Specs.endpoint(Packaging.HLS), Specs.endpoint(Packaging.DASH)));
    aws.clearCalls();
    events.clear();
  }

  @Test
  void awaitDeployedAsync_emitsStatusChangedOnceAndReadyForPlayersAtTheEnd() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(CHANNEL, Duration.ofMinutes(20));
    scheduler.advance(Duration.ofMinutes(4));
    assertThat(events.steps()).isEmpty(); // five reads, all InProgress

    scheduler.advance(MINUTE);

    assertThat(ready).isCompleted();
    assertThat(events.steps()).containsExactly(Step.STATUS_CHANGED, Step.READY_FOR_PLAYERS);
    ProvisioningEvent changed = events.events(Step.STATUS_CHANGED).get(0);
    assertThat(changed.attempt()).isEqualTo(6);
    assertThat(changed.duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(changed.distributionId()).isEqualTo(ready.join().distribution().map(d -> d.id()));
    assertThat(events.events(Step.READY_FOR_PLAYERS).get(0).endpointIds()).hasSize(2);
  }

  /** A user disables the serving distribution in the console, and that is deployed: it serves nothing. */
  private void givenTheDistributionDisabledInTheConsole() {
    aws.clock().advance(aws.propagationTime());
    assertThat(cdn.details(CHANNEL).readyForPlayers()).isTrue();
    aws.distributions().edit(Specs.onlyDistribution(aws).id(),
        c -> DistributionConfig.builder().from(c).enabled(false).build());
    aws.clock().advance(aws.propagationTime());
    assertThat(Specs.onlyDistribution(aws).status()).isEqualTo(DistributionStatus.DEPLOYED);
    aws.clearCalls();
    events.clear();
  }

  @Test
  void awaitDeployed_whenTheDistributionIsDisabled_isRefusedNotServedWithoutWaiting() {
    givenTheDistributionDisabledInTheConsole();
    Instant before = aws.clock().instant();

    assertThatThrownBy(() -> cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(20)))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.NOT_SERVED))
        .hasMessageContaining("disabled");
    assertThatThrownBy(() -> cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(20), progress -> { }))
        .isInstanceOf(ResourceConflictException.class).hasMessageContaining("disabled");
    CompletableFuture<ChannelDetails> async = cdn.awaitDeployedAsync(CHANNEL, Duration.ofMinutes(20));
    scheduler.advance(Duration.ZERO);
    assertThat(async).isCompletedExceptionally();
    assertThat(aws.clock().instant()).isEqualTo(before);
    assertThat(events.steps()).doesNotContain(Step.READY_FOR_PLAYERS);
  }

  private int distributionReads() {
    return aws.calls(Operation.GET_DISTRIBUTION).size();
  }

  @Test
  void awaitDeployedAsync_completesWhenTheFakeClockPassesPropagation() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(CHANNEL, Duration.ofMinutes(20));
    assertThat(aws.calls()).isEmpty(); // nothing is read on the caller's thread

    scheduler.advance(Duration.ofMinutes(4));
    assertThat(ready).isNotDone();
    assertThat(distributionReads()).isEqualTo(5); // at 0, 1, 2, 3 and 4 minutes

    scheduler.advance(MINUTE);

    assertThat(ready).isCompleted();
    ChannelDetails details = ready.join();
    assertThat(details.readyForPlayers()).isTrue();
    assertThat(details.endpoints()).allSatisfy(e -> assertThat(e.cdnUrls()).isNotEmpty());
    assertThat(distributionReads()).isEqualTo(6);
    assertThat(aws.writes()).isEmpty();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void awaitDeployedAsync_whenPropagationIsLongerThanTheTimeout_failsWithDeploymentTimeout() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(CHANNEL, Duration.ofMinutes(2));

    scheduler.advance(Duration.ofMinutes(10));

    assertThat(ready).isCompletedExceptionally();
    assertThatThrownBy(ready::join).cause().isInstanceOf(DeploymentTimeoutException.class)
        .hasMessageContaining("after PT2M (3 reads)");
    assertThat(distributionReads()).isEqualTo(3);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void awaitDeployedAsync_whenCancelled_readsNoMore() {
    CompletableFuture<ChannelDetails> ready = cdn.awaitDeployedAsync(CHANNEL, Duration.ofMinutes(20));
    scheduler.advance(MINUTE);
    assertThat(distributionReads()).isEqualTo(2);
    aws.clearCalls();

    ready.cancel(true);
    assertThat(scheduler.pending()).isZero();
    scheduler.advance(Duration.ofMinutes(20));

    assertThat(aws.calls()).isEmpty();
    assertThat(ready).isCancelled();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void awaitDeployed_withProgress_seesInProgressThenDeployed_onTheFakeClock() {
    List<DeploymentProgress> progress = new ArrayList<>();
    ChannelCdn waiting = aws.channelCdn(); // its sleeper moves the fake clock

    ChannelDetails details = waiting.awaitDeployed(CHANNEL, Duration.ofMinutes(20), progress::add);

    assertThat(details.readyForPlayers()).isTrue();
    assertThat(progress).extracting(DeploymentProgress::status).containsExactly(
        DistributionStatus.IN_PROGRESS, DistributionStatus.IN_PROGRESS, DistributionStatus.IN_PROGRESS,
        DistributionStatus.IN_PROGRESS, DistributionStatus.IN_PROGRESS, DistributionStatus.DEPLOYED);
    assertThat(progress).extracting(DeploymentProgress::elapsed)
        .containsExactly(Duration.ZERO, MINUTE, Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(4),
            Duration.ofMinutes(5));
    assertThat(progress.get(5).readyForPlayers()).isTrue();
    assertThat(progress.get(4).notReadyReasons()).singleElement().asString().endsWith("is InProgress, not Deployed");
    assertThat(distributionReads()).isEqualTo(6);
  }

  @Test
  void awaitDeployed_withAThrowingProgressCallback_answersAsWithoutOne() {
    int[] calls = {0};
    ChannelDetails details = aws.channelCdn().awaitDeployed(CHANNEL, Duration.ofMinutes(20), p -> {
      calls[0]++;
      throw new IllegalStateException("a broken dashboard");
    });

    assertThat(details.readyForPlayers()).isTrue();
    assertThat(calls[0]).isEqualTo(6);
  }

  @Test
  void awaitDeployed_plainAndWithProgress_answerTheSameDetails() {
    ChannelCdn waiting = aws.channelCdn();
    ChannelDetails withProgress = waiting.awaitDeployed(CHANNEL, Duration.ofMinutes(20), p -> { });
    ChannelDetails plain = waiting.awaitDeployed(CHANNEL, Duration.ofMinutes(20));

    assertThat(withProgress).isEqualTo(plain);
  }
}
