package io.github.mediapackagecdn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a backend's own test uses the testkit: one line for a ChannelCdn on fakes, a clock to advance, faults. */
class LiveEventServiceTest {

  private final FakeAws aws = FakeAws.create();
  private final LiveEventService events = new LiveEventService(aws.channelCdn());

  @Test
  void playbackUrl_isTheCdnUrlOnceTheDistributionIsDeployed() {
    assertThat(events.prepare("final-2026")).isTrue();
    assertThat(events.playbackUrl("final-2026")).isEmpty(); // still InProgress

    aws.clock().advance(Duration.ofMinutes(5));

    assertThat(events.playbackUrl("final-2026")).get().asString()
        .startsWith("https://" + aws.distributions().all().get(0).domainName() + "/out/v1/")
        .endsWith("/index.m3u8");
  }

  @Test
  void playbackUrl_afterAFailedUpdate_isEmptyAlthoughTheDistributionIsDeployed_untilPreparedAgain() {
    aws.failNext(Operation.UPDATE_DISTRIBUTION).withThrottling();

    assertThat(events.prepare("final-2026")).isFalse();
    aws.clock().advance(Duration.ofMinutes(5));

    ChannelDetails details = aws.channelCdn().details(ChannelId.of("final-2026"));
    assertThat(details.deployed()).isTrue(); // Deployed, yet the distribution has only its placeholder origin
    assertThat(details.readyForPlayers()).isFalse();
    assertThat(events.playbackUrl("final-2026")).isEmpty();

    assertThat(events.prepare("final-2026")).isTrue();
    aws.clock().advance(Duration.ofMinutes(5));
    assertThat(events.playbackUrl("final-2026")).isPresent();
  }

  @Test
  void prepare_whenCloudFrontThrottles_canBeCalledAgainWithoutASecondDistribution() {
    aws.failNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS).withThrottling();

    assertThat(events.prepare("final-2026")).isFalse();
    assertThat(events.prepare("final-2026")).isTrue();

    assertThat(aws.distributions().all()).hasSize(1);
    assertThat(aws.channels().all()).hasSize(1);
  }

  @Test
  void retire_removesTheEndpointDistributionAndChannel_andRetiringAgainIsHarmless() {
    events.prepare("final-2026");
    aws.clock().advance(Duration.ofMinutes(5));
    aws.clearCalls();

    assertThat(events.retire("final-2026")).isTrue(); // the fake clock moves while the disabling deploys

    assertThat(aws.channels().all()).isEmpty();
    assertThat(aws.channels().allEndpoints()).isEmpty();
    assertThat(aws.distributions().all()).isEmpty();
    assertThat(aws.calls(Operation.DELETE_DISTRIBUTION)).hasSize(1);
    assertThat(events.retire("final-2026")).isFalse();
    assertThat(aws.calls(Operation.DELETE_DISTRIBUTION)).hasSize(1);
  }
}
