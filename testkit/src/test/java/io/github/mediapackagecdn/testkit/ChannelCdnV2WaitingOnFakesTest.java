package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ChannelCdnV2#awaitDeployed}: v1's plain wait, on the fakes' clock, so it takes no real time. */
class ChannelCdnV2WaitingOnFakesTest {

  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");
  private static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);

  private final FakeAws aws = FakeAws.create();
  private final RecordingListener listener = new RecordingListener();
  private final ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.listener(listener));

  private void saveChannel(boolean distribution) {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).description("news").createDistribution(distribution).build());
  }

  private void saveEndpoints() {
    cdn.saveEndpoints(List.of(
        V2EndpointSpec.builder().id(NEWS.endpoint("hls")).containerType(ContainerType.TS)
            .addManifests(Manifest.of(ManifestType.HLS, "index"), Manifest.of(ManifestType.LOW_LATENCY_HLS, "ll"))
            .build(),
        V2EndpointSpec.builder().id(NEWS.endpoint("dash")).containerType(ContainerType.CMAF)
            .addManifests(Manifest.of(ManifestType.DASH, "index")).build()));
  }

  @Test
  void async_ofAChannelWithoutDistribution_completesExceptionally() {
    saveChannel(false);

    assertThat(cdn.awaitDeployedAsync(NEWS, THIRTY_MINUTES)).failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void inProgress_callCounts_areExact() {
    saveChannel(true);
    saveEndpoints();
    aws.clearCalls();

    cdn.awaitDeployed(NEWS, THIRTY_MINUTES);

    // one read before the wait, then the waiter's reads at 0, 1, ..., 5 minutes
    assertThat(aws.calls(Operation.GET_DISTRIBUTION)).hasSize(7);
    assertThat(aws.calls(Operation.V2_GET_ORIGIN_ENDPOINT_POLICY)).as("read once, not once a poll").hasSize(2);
    assertThat(aws.writes()).isEmpty();
    assertThat(aws.calls()).hasSize(CALLS_DEPLOYING);
  }

  /**
   * Every call of a wait of 5 minutes: the channel, its endpoints, its link (the channel tag's distribution confirmed
   * by its link tag, and the tag index), 7 distribution reads and, once for the whole wait, the policy of each of the
   * 2 endpoints the distribution routes (GetOriginEndpointPolicy: a policy that does not let the distribution read an
   * endpoint ends the wait at once, deploying would not change it).
   */
  private static final int CALLS_DEPLOYING = 13;

  @Test
  void notDeployedInTime_throwsDeploymentTimeout_likeV1() {
    saveChannel(true);
    saveEndpoints();
    listener.clear();

    assertThatThrownBy(() -> cdn.awaitDeployed(NEWS, Duration.ofMinutes(2)))
        .isInstanceOf(DeploymentTimeoutException.class)
        .hasMessageContaining("InProgress");
    assertThat(listener.steps()).doesNotContain(ProvisioningEvent.Step.READY_FOR_PLAYERS);
  }

  @Test
  void noEndpoint_isRefusedNotServed_beforeWaiting() {
    saveChannel(true);
    aws.clearCalls();
    Instant before = aws.clock().instant();

    assertThatThrownBy(() -> cdn.awaitDeployed(NEWS, THIRTY_MINUTES))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.NOT_SERVED))
        .hasMessageContaining("not ready for players");
    assertThat(aws.clock().instant()).isEqualTo(before);
    assertThat(aws.calls(Operation.GET_DISTRIBUTION)).hasSize(1);
  }

  @Test
  void noDistribution_orNoChannel_isNotFound() {
    saveChannel(false);

    assertThatThrownBy(() -> cdn.awaitDeployed(NEWS, THIRTY_MINUTES))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("has no distribution");
    assertThatThrownBy(() -> cdn.awaitDeployed(V2ChannelId.of("live", "sports"), THIRTY_MINUTES))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("does not exist");
    assertThat(aws.calls(Operation.GET_DISTRIBUTION)).isEmpty();
  }

  @Test
  void badArguments_areRefusedBeforeAnyCall() {
    saveChannel(true);
    aws.clearCalls();

    assertThatThrownBy(() -> cdn.awaitDeployed(null, THIRTY_MINUTES)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cdn.awaitDeployed(NEWS, null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cdn.awaitDeployed(NEWS, Duration.ofSeconds(-1)))
        .isInstanceOf(ValidationException.class);
    assertThat(aws.calls()).isEmpty();
  }
}
