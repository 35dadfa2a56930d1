package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the library on one account, seeing AWS at different moments: the channel records its distribution,
 * so an endpoint saved on the other instance gets its behaviours although the tag index lags, and an outcome never
 * says "no distribution" where one was asked for.
 */
class AcrossInstancesTest {

  private static final ChannelId CHANNEL = ChannelId.of(Specs.CHANNEL);

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdn a = aws.channelCdn();
  private final ChannelCdn b = aws.channelCdn();

  private String channelTag() {
    return aws.channels().all().get(0).tags().get(CdnSettings.CHANNEL_TAG_KEY);
  }

  @Test
  void endpointSavedOnB_whileTheListingLags_thenAsCreation_endsCompleteAfterAReconcile_andASecondWritesNothing() {
    a.saveChannel(Specs.channelWithoutDistribution());
    aws.delayVisibility(Duration.ofSeconds(20)); // the endpoint B creates is not listed for 20 s
    assertThat(b.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn().action())
        .isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
    aws.delayVisibility(Duration.ZERO);
    CdnOutcome created = a.saveChannel(Specs.channelWithDistribution()).cdn();
    assertThat(created.action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(Specs.onlyDistribution(aws).config().behavior("*.m3u8")).as("A could not list B's endpoint").isEmpty();

    aws.clock().advance(Duration.ofSeconds(20));
    aws.clearCalls();
    CdnOutcome first = b.reconcile(CHANNEL);
    int updatesByFirst = aws.calls(Operation.UPDATE_DISTRIBUTION).size();
    aws.clearCalls();
    CdnOutcome second = a.reconcile(CHANNEL);

    assertThat(first.action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(updatesByFirst).isEqualTo(1);
    assertThat(Specs.onlyDistribution(aws).config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsExactly("*.m3u8", "*.ts");
    assertThat(second.action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void endpointSavedAfterAFailedCreation_saysTheChannelAskedForADistributionAndToSaveItAgain() {
    aws.failNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS, 1, Faults.throttled(Operation.CREATE_DISTRIBUTION_WITH_TAGS));
    assertThat(a.saveChannel(Specs.channelWithDistribution()).cdn().failed()).isTrue();
    aws.clearCalls();

    CdnOutcome outcome = b.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.REQUESTED_BUT_MISSING);
    assertThat(outcome.advice()).hasValueSatisfying(advice -> assertThat(advice)
        .contains("asked for a distribution and has none").contains("Save the channel again"));
    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.CREATE_ORIGIN_ENDPOINT);

    CdnOutcome again = a.saveChannel(Specs.channelWithDistribution()).cdn();

    assertThat(again.action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(Specs.onlyDistribution(aws).config().behavior("*.m3u8")).isPresent();
    assertThat(channelTag()).isEqualTo(again.distributionId().orElseThrow().value());
  }

  @Test
  void whereChannelTagsMayLag_aChannelWithoutOne_isReportedNotVisibleYetNeverNoDistribution() {
    ChannelCdn doubting = aws.channelCdn(builder -> builder.settings(
        CdnSettings.builder().channelTagsReadAfterWrite(false).build()));
    a.saveChannel(Specs.channelWithoutDistribution());

    CdnOutcome outcome = doubting.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.NOT_VISIBLE_YET);
    assertThat(outcome.advice()).hasValueSatisfying(advice -> assertThat(advice).contains("reconcile"));
    assertThat(doubting.reconcile(CHANNEL).action()).isEqualTo(CdnOutcome.Action.NOT_VISIBLE_YET);
  }
}
