package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.github.mediapackagecdn.testkit.V2Specs.NEWS;
import static io.github.mediapackagecdn.testkit.V2Specs.dash;
import static io.github.mediapackagecdn.testkit.V2Specs.hls;

import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.cdn.TeardownResult.DistributionRemoval;
import io.github.mediapackagecdn.core.cdn.TeardownResult.Removal;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** v2 teardown on a fake account: what is deleted, in which order, and what is never touched. */
class V2TeardownOnFakesTest {

  private static final TeardownOptions WITH_DISTRIBUTION = TeardownOptions.builder().deleteDistribution(true).build();

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdnV2 cdn = aws.channelCdnV2();

  /** The group, the channel with its distribution deployed, two endpoints; the calls log cleared. */
  private Distribution givenAChannelWithEndpointsAndItsDistribution(ChannelCdnV2 facade, V2ChannelSpec channel) {
    facade.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    facade.saveChannel(channel);
    facade.saveEndpoints(List.of(hls("hls"), dash("dash")));
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    assertThat(aws.distributions().all()).hasSize(1);
    return aws.distributions().all().get(0);
  }

  private Distribution givenAChannelWithEndpointsAndItsDistribution() {
    return givenAChannelWithEndpointsAndItsDistribution(cdn,
        V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());
  }

  @Test
  void teardown_withDistribution_deletesEndpointsDistributionAndChannel_andKeepsTheGroup() {
    Distribution distribution = givenAChannelWithEndpointsAndItsDistribution();

    TeardownResult result = cdn.teardown(NEWS, WITH_DISTRIBUTION);

    assertThat(result.channelRef()).hasToString("live/news");
    assertThat(result.channel()).isEqualTo(Removal.DELETED);
    assertThat(result.deletedEndpoints()).extracting(OriginEndpointId::value).containsExactly("hls", "dash");
    assertThat(result.distribution()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(result.deletedDistribution()).contains(distribution.id());
    assertThat(result.alreadyGone()).isFalse();
    assertThat(aws.distributions().all()).isEmpty();
    assertThat(aws.channelGroups().allEndpoints()).isEmpty();
    assertThat(aws.channelGroups().policy(NEWS.endpoint("hls"))).isEmpty();
    assertThat(aws.channelGroups().findChannel(NEWS)).isEmpty();
    assertThat(aws.channelGroups().findGroup("live")).isPresent();
    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(
        Operation.V2_DELETE_ORIGIN_ENDPOINT, Operation.V2_DELETE_ORIGIN_ENDPOINT, Operation.UPDATE_DISTRIBUTION,
        Operation.DELETE_DISTRIBUTION, Operation.V2_DELETE_CHANNEL);
  }

  @Test
  void teardown_afterAFailure_goesOnWhereItStopped_andAgainSaysItIsGone() {
    givenAChannelWithEndpointsAndItsDistribution();
    aws.failNext(Operation.DELETE_DISTRIBUTION, new ServiceFailureException("We encountered an internal error."));

    assertThatThrownBy(() -> cdn.teardown(NEWS, WITH_DISTRIBUTION)).isInstanceOf(ServiceFailureException.class);
    assertThat(aws.channelGroups().findChannel(NEWS)).as("the channel stays, so its distribution can be found")
        .isPresent();

    TeardownResult again = cdn.teardown(NEWS, WITH_DISTRIBUTION);
    assertThat(again.deletedEndpoints()).isEmpty();
    assertThat(again.distribution()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(again.channel()).isEqualTo(Removal.DELETED);
    assertThat(aws.distributions().all()).isEmpty();
    assertThat(cdn.teardown(NEWS, WITH_DISTRIBUTION).alreadyGone()).isTrue();
  }

  @Test
  void teardown_withASecondaryRegion_deletesBothRegionsEndpointsAndChannels() {
    FakeAws secondary = FakeAws.builder().region("eu-west-1").accountId(aws.accountId()).clock(aws.clock()).build();
    ChannelCdnV2 twoRegions = aws.channelCdnV2(b -> b.secondaryRegion(secondary.channelGroups()));
    givenAChannelWithEndpointsAndItsDistribution(twoRegions, V2ChannelSpec.builder().id(NEWS)
        .inputType(InputType.CMAF).publishMediaQualityScore(true).createDistribution(true).build());
    assertThat(secondary.channelGroups().allEndpoints()).hasSize(2);

    TeardownResult result = twoRegions.teardown(NEWS,
        TeardownOptions.builder().deleteDistribution(true).deploymentTimeout(Duration.ofHours(1)).build());

    assertThat(result.deletedEndpoints()).extracting(OriginEndpointId::value)
        .containsExactly("hls", "dash", "hls", "dash"); // the first Region's, then the second's
    assertThat(result.distribution()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(secondary.channelGroups().allEndpoints()).isEmpty();
    assertThat(secondary.channelGroups().findChannel(NEWS)).isEmpty();
    assertThat(aws.channelGroups().findChannel(NEWS)).isEmpty();
    assertThat(secondary.channelGroups().findGroup("live")).isPresent();
  }
}
