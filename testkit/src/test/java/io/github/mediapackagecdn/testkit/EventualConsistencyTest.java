package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What was just created is not visible at once; the library waits within its bound, on the fake clock. */
class EventualConsistencyTest {

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdn cdn = aws.channelCdn();

  @Test
  void saveEndpoint_rightAfterTheChannel_waitsUntilTheChannelAndDistributionAreVisible() {
    aws.delayVisibility(Duration.ofSeconds(20));
    cdn.saveChannel(Specs.channelWithDistribution());
    Instant before = aws.clock().instant();

    CdnOutcome outcome = cdn.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(aws.distributions().all().get(0).config().cacheBehaviors()).hasSize(2);
    assertThat(Duration.between(before, aws.clock().instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(20))
        .isLessThan(CdnSettings.defaults().visibilityTimeout().plusSeconds(1));
  }

  @Test
  void saveEndpoint_ofAChannelInvisibleForLongerThanTheBound_isNotFoundAndWritesNothing() {
    aws.delayVisibility(CdnSettings.defaults().visibilityTimeout().plusSeconds(30));
    cdn.saveChannel(Specs.channelWithoutDistribution());
    aws.clearCalls();

    assertThatThrownBy(() -> cdn.saveEndpoint(Specs.endpoint(Packaging.HLS)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(aws.writes()).isEmpty();
    assertThat(aws.calls(Operation.DESCRIBE_CHANNEL)).hasSizeGreaterThan(3);
  }

  @Test
  void otherInstanceSavingAnEndpoint_beforeTheTagIsIndexed_findsNoDistribution_andSavingAgainRecovers() {
    aws.delayVisibility(Duration.ofSeconds(10));
    cdn.saveChannel(Specs.channelWithDistribution());
    aws.clock().advance(Duration.ofSeconds(5));
    ChannelCdn other = aws.channelCdn();

    // the channel becomes visible within the bound, the tag index does not show the new distribution yet
    CdnOutcome first = other.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn();
    assertThat(first.action()).isIn(CdnOutcome.Action.NO_DISTRIBUTION, CdnOutcome.Action.UPDATED);

    aws.clock().advance(Duration.ofSeconds(10));
    CdnOutcome again = other.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn();

    assertThat(again.failed()).isFalse();
    assertThat(aws.distributions().all().get(0).config().behavior("*.m3u8")).isPresent();
  }
}
