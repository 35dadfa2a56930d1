package io.github.mediapackagecdn.core.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TakenReferencesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Optional<DistributionId> DELETED = Optional.of(DistributionId.of("E1U5RQF7T870K0"));
  private static final String REFERENCE = "mediapackage-cdn-0123-0";

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final TakenReferences taken = new TakenReferences(() -> now, TIMEOUT);

  private void advance(Duration duration) {
    now = now.plus(duration);
  }

  private void assertRefused(Optional<DistributionId> deletedLink, String advice) {
    assertThatThrownBy(() -> taken.passOver("live-news", REFERENCE, deletedLink))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS))
        .hasMessageContaining(REFERENCE).hasMessageContaining(advice);
  }

  @Test
  void passOver_whenTheLinkIsNotProvenGone_neverPassesHoweverLongTheHolderIsUnseen() {
    taken.refused(REFERENCE);
    advance(TIMEOUT.multipliedBy(3));

    assertRefused(Optional.empty(), "another instance may have created it a moment ago");
  }

  @Test
  void passOver_whenTheLinkIsGone_passesOnlyOnceRefusedForTheVisibilityTimeout() {
    taken.refused(REFERENCE);
    advance(TIMEOUT.minusSeconds(1));
    assertRefused(DELETED, "save the channel again in 30 s");

    advance(Duration.ofSeconds(1));

    assertThatCode(() -> taken.passOver("live-news", REFERENCE, DELETED)).doesNotThrowAnyException();
  }

  @Test
  void passOver_whenAHolderShowedMeanwhile_startsCountingAgain() {
    taken.refused(REFERENCE);
    advance(TIMEOUT);
    taken.holderShown(REFERENCE);

    assertRefused(DELETED, "E1U5RQF7T870K0");
  }

  @Test
  void passOver_whenTheFirstRefusalIsOlderThanTheWindow_startsCountingAgain() {
    taken.refused(REFERENCE);
    advance(TIMEOUT.multipliedBy(TakenReferences.FORGET_AFTER).plusSeconds(1));

    assertRefused(DELETED, "save the channel again in 30 s");
    advance(TIMEOUT);
    assertThatCode(() -> taken.passOver("live-news", REFERENCE, DELETED)).doesNotThrowAnyException();
  }

  @Test
  void refused_rememberAtMostTheBound_forgettingTheOldestFirst() {
    taken.refused(REFERENCE);
    for (int i = 0; i < TakenReferences.MAX_REMEMBERED; i++) {
      taken.refused("other-" + i);
    }
    advance(TIMEOUT);

    assertRefused(DELETED, "save the channel again in 30 s"); // forgotten: counted from now
    assertThatCode(() -> taken.passOver("live-news", "other-" + (TakenReferences.MAX_REMEMBERED - 1), DELETED))
        .doesNotThrowAnyException();
  }
}
