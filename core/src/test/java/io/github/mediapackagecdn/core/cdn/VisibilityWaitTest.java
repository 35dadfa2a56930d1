package io.github.mediapackagecdn.core.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.ChannelRef;
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
  /** The settings' defaults. */
  private static final Duration BACKOFF = Duration.ofMillis(500);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ChannelRef CHANNEL = ChannelRef.of("live", "news");

  private final VisibilityWait wait = new VisibilityWait(pauses::add, BACKOFF, TIMEOUT);

  @Test
  void until_whenTheFirstReadAnswers_neverPauses() {
    AtomicInteger reads = new AtomicInteger();

    assertThat(wait.until(CHANNEL, "GetChannel", () -> Optional.of(reads.incrementAndGet())))
        .contains(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void until_whenTheThirdReadAnswers_pausesTwiceDoublingTheBackoff() {
    AtomicInteger reads = new AtomicInteger();

    Optional<Integer> answer = wait.until(CHANNEL, "GetChannel",
        () -> reads.incrementAndGet() == 3 ? Optional.of(3) : Optional.empty());

    assertThat(answer).contains(3);
    assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void until_whenNothingEverShows_pausesAtMostFiveSecondsAtATimeUntilTheTimeoutThenAnswersEmpty() {
    AtomicInteger reads = new AtomicInteger();

    Optional<Object> answer = wait.until(CHANNEL, "GetChannel", () -> {
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
    VisibilityWait noWait = new VisibilityWait(pauses::add, BACKOFF, Duration.ZERO);

    assertThat(noWait.until(CHANNEL, "GetChannel", Optional::empty)).isEmpty();
    assertThat(pauses).isEmpty();
  }

  @Test
  void until_whenItPauses_tellsWaitBeganAndEndedWithTheTimePausedAndTheReads_andNothingWhenItDoesNot() {
    List<ProvisioningEvent> events = new ArrayList<>();
    VisibilityWait heard = new VisibilityWait(pauses::add, BACKOFF, TIMEOUT,
        new Listeners(List.of(events::add), Clock.systemUTC()));
    AtomicInteger reads = new AtomicInteger();

    heard.until(CHANNEL, "GetDistribution", () -> Optional.of(1));
    assertThat(events).isEmpty();
    heard.until(CHANNEL, "GetDistribution",
        () -> reads.incrementAndGet() == 3 ? Optional.of(3) : Optional.empty());

    assertThat(events).extracting(ProvisioningEvent::step)
        .containsExactly(ProvisioningEvent.Step.VISIBILITY_WAIT_BEGAN, ProvisioningEvent.Step.VISIBILITY_WAIT_ENDED);
    assertThat(events).extracting(ProvisioningEvent::operation).containsOnly("GetDistribution");
    assertThat(events.get(1).duration()).isEqualTo(Duration.ofMillis(1500));
    assertThat(events.get(1).attempt()).isEqualTo(3);
  }
}
