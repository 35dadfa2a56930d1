package io.github.mediapackagecdn.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An event is a value: defaults, checks, and a one-line {@code toString} that never prints a change's content. */
class ProvisioningEventTest {

  private static final String SECRET = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

  @Test
  void builder_withStepAndChannelOnly_defaultsToNoOperationZeroDurationFirstAttempt() {
    ProvisioningEvent event = ProvisioningEvent.builder().step(ProvisioningEvent.Step.CHANNEL_SAVED)
        .channel(ChannelId.of("live-news").ref()).build();

    assertThat(event.operation()).isEmpty();
    assertThat(event.duration()).isZero();
    assertThat(event.attempt()).isEqualTo(1);
    assertThat(event.distributionId()).isEmpty();
    assertThat(event.endpointIds()).isEmpty();
    assertThat(event).hasToString("ProvisioningEvent[CHANNEL_SAVED, channel live-news, attempt 1, 0 ms]");
  }

  @Test
  void toString_namesEverythingButTheChanges_whichItCounts() {
    ProvisioningEvent event = ProvisioningEvent.builder().step(ProvisioningEvent.Step.CHANGE_PLANNED)
        .channel(ChannelId.of("live-news").ref()).distributionId(DistributionId.of("E1U5RQF7T870K0"))
        .addEndpointIds(OriginEndpointId.of("live-news-hls")).operation("UpdateDistribution").attempt(2)
        .duration(Duration.ofMillis(250))
        .changes(ChangeSet.of(List.of(new DistributionChange.AddOriginHeader("EMP-abc", "X-MediaPackage-CDNIdentifier",
            SECRET))))
        .build();

    assertThat(event).hasToString("ProvisioningEvent[CHANGE_PLANNED, channel live-news, distribution E1U5RQF7T870K0, "
        + "endpoints [live-news-hls], UpdateDistribution, attempt 2, 250 ms, 1 changes]");
    assertThat(event.toString()).doesNotContain(SECRET);
  }

  @Test
  void builder_refusesAnAttemptBelowOneAndANegativeDuration() {
    ProvisioningEvent.Builder base = ProvisioningEvent.builder().step(ProvisioningEvent.Step.UPDATE_SENT)
        .channel(ChannelId.of("live-news").ref());

    assertThatThrownBy(() -> base.attempt(0).build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ProvisioningEvent.builder().step(ProvisioningEvent.Step.UPDATE_SENT)
        .channel(ChannelId.of("live-news").ref()).duration(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ProvisioningEvent.builder().channel(ChannelId.of("live-news").ref()).build())
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void fleetStep_withoutChannel_saysFleetAndShowsItsCountAndDetail() {
    ProvisioningEvent event = ProvisioningEvent.builder().step(ProvisioningEvent.Step.AUDIT_COMPLETED)
        .duration(Duration.ofMillis(40)).count(4).detail("2 channels, 2 distributions, 1 findings").build();

    assertThat(event.channel()).isEmpty();
    assertThat(event).hasToString("ProvisioningEvent[AUDIT_COMPLETED, fleet, attempt 1, 40 ms, count 4, "
        + "2 channels, 2 distributions, 1 findings]");
  }

  @Test
  void builder_refusesAChannelStepWithoutChannelAndANegativeCount() {
    assertThatThrownBy(() -> ProvisioningEvent.builder().step(ProvisioningEvent.Step.UPDATE_SENT).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("UPDATE_SENT is for one channel");
    assertThatThrownBy(() -> ProvisioningEvent.builder().step(ProvisioningEvent.Step.RATE_WAIT).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ProvisioningEvent.builder().step(ProvisioningEvent.Step.AUDIT_READ).count(-1).build())
        .isInstanceOf(IllegalStateException.class);
    // a finding without a channel (an orphan) is skipped without one
    assertThat(ProvisioningEvent.builder().step(ProvisioningEvent.Step.REPAIR_SKIPPED).detail("ORPHAN: tagged")
        .build()).hasToString("ProvisioningEvent[REPAIR_SKIPPED, attempt 1, 0 ms, ORPHAN: tagged]");
  }

  @Test
  void steps_ofTheAuditAndRepair_thenOfTheMoves_comeAfterEveryEarlierStep() {
    assertThat(ProvisioningEvent.Step.values()).endsWith(ProvisioningEvent.Step.READY_FOR_PLAYERS,
        ProvisioningEvent.Step.AUDIT_READ, ProvisioningEvent.Step.AUDIT_COMPLETED,
        ProvisioningEvent.Step.REPAIR_STARTED, ProvisioningEvent.Step.REPAIRED, ProvisioningEvent.Step.REPAIR_SKIPPED,
        ProvisioningEvent.Step.RATE_WAIT, ProvisioningEvent.Step.REPAIR_COMPLETED,
        ProvisioningEvent.Step.CHANNEL_MOVED, ProvisioningEvent.Step.PREVIOUS_ACCESS_REMOVED);
    assertThat(ProvisioningEvent.Step.READY_FOR_PLAYERS.ordinal()).isEqualTo(13);
  }
}
