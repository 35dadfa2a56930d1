package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.internal.Listeners;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one visibility loop, through a recording sleeper: pauses double up to five seconds, add up to the timeout. */
class VisibilityWaitTest {

  private final List<Duration> pauses = new ArrayList<>();
  private final VisibilityWait wait = new VisibilityWait(pauses::add, LiveCdnSettings.defaults());

  @Test
  void until_whenTheFirstReadAnswers_neverPauses() {
    AtomicInteger reads = new AtomicInteger();

    assertThat(wait.until(Fixtures.CHANNEL_ID.ref(), "GetChannel", () -> Optional.of(reads.incrementAndGet())))
        .contains(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void until_whenTheThirdReadAnswers_pausesTwiceDoublingTheBackoff() {
    AtomicInteger reads = new AtomicInteger();

    Optional<Integer> answer = wait.until(Fixtures.CHANNEL_ID.ref(), "GetChannel",
        () -> reads.incrementAndGet() == 3 ? Optional.of(3) : Optional.empty());

    assertThat(answer).contains(3);
    assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void until_whenNothingEverShows_pausesAtMostFiveSecondsAtATimeUntilTheTimeoutThenAnswersEmpty() {
    AtomicInteger reads = new AtomicInteger();

    Optional<Object> answer = wait.until(Fixtures.CHANNEL_ID.ref(), "GetChannel", () -> {
      reads.incrementAndGet();
      return Optional.empty();
    });

    assertThat(answer).isEmpty();
    assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofSeconds(5), Duration.ofMillis(2500));
    assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(30));
    assertThat(reads).hasValue(10);
  }

  @Test
  void until_whenTheTimeoutIsZero_readsOnceAndNeverPauses() {
    VisibilityWait noWait = new VisibilityWait(pauses::add,
        LiveCdnSettings.builder().visibilityTimeout(Duration.ZERO).build());

    assertThat(noWait.until(Fixtures.CHANNEL_ID.ref(), "GetChannel", Optional::empty)).isEmpty();
    assertThat(pauses).isEmpty();
  }

  @Test
  void until_whenItPauses_tellsWaitBeganAndEndedWithTheTimePausedAndTheReads_andNothingWhenItDoesNot() {
    List<ProvisioningEvent> events = new ArrayList<>();
    VisibilityWait heard = new VisibilityWait(pauses::add, LiveCdnSettings.defaults(),
        new Listeners(List.of(events::add), Clock.systemUTC()));
    AtomicInteger reads = new AtomicInteger();

    heard.until(Fixtures.CHANNEL_ID.ref(), "GetDistribution", () -> Optional.of(1));
    assertThat(events).isEmpty();
    heard.until(Fixtures.CHANNEL_ID.ref(), "GetDistribution",
        () -> reads.incrementAndGet() == 3 ? Optional.of(3) : Optional.empty());

    assertThat(events).extracting(ProvisioningEvent::step)
        .containsExactly(ProvisioningEvent.Step.VISIBILITY_WAIT_BEGAN, ProvisioningEvent.Step.VISIBILITY_WAIT_ENDED);
    assertThat(events).extracting(ProvisioningEvent::operation).containsOnly("GetDistribution");
    assertThat(events.get(1).duration()).isEqualTo(Duration.ofMillis(1500));
    assertThat(events.get(1).attempt()).isEqualTo(3);
  }
}
