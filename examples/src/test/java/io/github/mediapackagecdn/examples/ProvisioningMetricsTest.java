package io.github.mediapackagecdn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ProvisioningMetricsTest {

  private final FakeAws aws = FakeAws.create();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ChannelCdn cdn = aws.channelCdn(builder -> builder.listener(new ProvisioningMetrics(registry)));

  private double steps(String step, String outcome) {
    var counter = registry.find(ProvisioningMetrics.STEPS).tag("step", step).tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private static EndpointSpec endpoint(Packaging packaging) {
    return EndpointSpec.builder().id("live-news-" + packaging.name().toLowerCase(java.util.Locale.ROOT))
        .channelId("live-news").packaging(packaging).build();
  }

  @Test
  void aSaveThenAThrottledSave_countsEachStepByOutcome_andTimesTheUpdateSent() {
    cdn.saveChannel(ChannelSpec.builder().id("live-news").createDistribution(true).build());
    cdn.saveEndpoint(endpoint(Packaging.HLS));
    aws.failNext(Operation.UPDATE_DISTRIBUTION).withThrottling();
    CdnOutcome throttled = cdn.saveEndpoint(endpoint(Packaging.DASH)).cdn();

    assertThat(throttled.failed()).isTrue();
    assertThat(steps("CHANNEL_SAVED", "ok")).isEqualTo(1);
    assertThat(steps("DISTRIBUTION_CREATED", "ok")).isEqualTo(1);
    assertThat(steps("CHANGE_PLANNED", "ok")).isEqualTo(2);
    assertThat(steps("UPDATE_SENT", "ok")).isEqualTo(1);
    assertThat(steps("THROTTLED", "ThrottledException")).isEqualTo(1);
    assertThat(steps("FAILED", "ThrottledException")).isEqualTo(1);
    assertThat(steps("FAILED", "ok")).isZero();
    assertThat(registry.get(ProvisioningMetrics.UPDATE_LATENCY).timer().count())
        .isEqualTo(aws.calls(Operation.UPDATE_DISTRIBUTION).size() - 1); // the throttled call was not accepted
    assertThat(registry.get(ProvisioningMetrics.UPDATE_LATENCY).timer().count()).isEqualTo(1);
  }
}
