package io.github.mediapackagecdn.core.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.DistributionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The memory of distributions created a moment ago: entries expire after the visibility timeout and are dropped. */
class RecentLinksTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final DistributionId ID = DistributionId.of("E1U5RQF7T870K0");

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final RecentLinks links = new RecentLinks(clock, TIMEOUT);

  /** A channel's ARN, the memory's key; the same rule for a v1 and a v2 channel. */
  private static String channel(String name) {
    return "arn:aws:mediapackagev2:us-west-2:123456789012:channelGroup/live/channel/" + name;
  }

  @Test
  void recent_withinTheVisibilityTimeout_answersTheDistribution() {
    links.remember(channel("news"), ID);
    clock.advance(TIMEOUT.minusMillis(1));

    assertThat(links.recent(channel("news"))).contains(ID);
    assertThat(links.recent(channel("sport"))).isEmpty();
  }

  @Test
  void recent_onceTheVisibilityTimeoutHasPassed_answersNothingAndDropsTheEntry() {
    links.remember(channel("news"), ID);
    clock.advance(TIMEOUT);

    assertThat(links.recent(channel("news"))).isEmpty();
    assertThat(links.size()).isZero();
  }

  @Test
  void remember_dropsEveryExpiredEntry_soTheMemoryNeverGrowsPastOneTimeoutOfCreations() {
    for (int i = 0; i < 100; i++) {
      links.remember(channel("old-" + i), ID);
    }
    clock.advance(TIMEOUT);

    links.remember(channel("news"), ID);

    assertThat(links.size()).isOne();
    assertThat(links.recent(channel("news"))).contains(ID);
  }

  @Test
  void forget_dropsTheEntry() {
    links.remember(channel("news"), ID);

    links.forget(channel("news"));

    assertThat(links.recent(channel("news"))).isEmpty();
    assertThat(links.size()).isZero();
  }
}
