package io.github.mediapackagecdn.examples;

import static io.github.mediapackagecdn.testkit.assertions.CdnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.FakeAwsConfig;
import io.github.mediapackagecdn.testkit.FakeAwsExtension;
import io.github.mediapackagecdn.testkit.FakeClock;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backend's test on JUnit 5 with the testkit's extension, its configuration and its assertions. This module's
 * tests run on JUnit {@code examples.junit.version} (5.10.5 by default), not on the JUnit 6 the testkit's own tests use.
 */
class LiveEventServiceOnJUnit5Test {

  @Test
  void thisModule_runsOnTheJUnitItAskedFor() {
    assertThat(Test.class.getPackage().getImplementationVersion()).as("the JUnit Jupiter API running these tests")
        .isEqualTo(System.getProperty("examples.junit.version"));
  }

  @Nested
  @ExtendWith(FakeAwsExtension.class)
  class Declared {

    private LiveEventService events;

    @BeforeEach
    void setUp(ChannelCdn cdn) {
      events = new LiveEventService(cdn);
    }

    @Test
    void prepare_thenDeployed_handsOutTheCdnUrl(ChannelCdn cdn, FakeClock clock) {
      assertThat(events.prepare("final-2026")).isTrue();
      assertThat(events.playbackUrl("final-2026")).isEmpty();

      clock.advance(Duration.ofMinutes(5));

      assertThat(cdn.details(ChannelId.of("final-2026"))).isReadyForPlayers().servesEndpoint("final-2026-hls");
      assertThat(events.playbackUrl("final-2026")).isPresent();
    }

    @Test
    void aThrottledCreate_isRetriedWithoutASecondDistribution(FakeAws aws) {
      aws.failNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS).withThrottling();

      assertThat(events.prepare("final-2026")).isFalse();
      assertThat(events.prepare("final-2026")).isTrue();

      assertThat(aws.calls()).hasExactly(2, Operation.CREATE_DISTRIBUTION_WITH_TAGS);
      assertThat(aws.distributions().all()).hasSize(1);
    }

    @Test
    @FakeAwsConfig(propagationSeconds = 30)
    void theAnnotation_setsThePropagationTime(FakeAws aws, FakeClock clock) {
      events.prepare("final-2026");
      clock.advance(Duration.ofSeconds(30));

      assertThat(aws.distributions().all().get(0)).isDeployed();
    }
  }

  @Nested
  class Registered {

    @RegisterExtension
    final FakeAwsExtension extension = FakeAwsExtension.builder().region("eu-west-1").seed(7).build();

    @Test
    void theBuilder_setsTheRegion(FakeAws aws, ChannelCdn cdn) {
      new LiveEventService(cdn).prepare("final-2026");

      assertThat(aws.channels().all().get(0).arn().value()).startsWith("arn:aws:mediapackage:eu-west-1:");
      assertThat(aws.distributions().all().get(0)).hasCacheBehaviorsFor(
          aws.channels().endpointsOf(ChannelId.of("final-2026")).get(0)).hasNoPlaceholderOrigin();
    }
  }
}
