package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeAwsExtension.class)
class FakeAwsExtensionTest {

  @Test
  void parameters_ofOneTest_shareOneFakeAccount(
      FakeAws aws, ChannelCdn cdn, FakeClock clock, InMemoryDistributions distributions) {
    cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true).build());

    assertThat(distributions.all()).hasSize(1);
    assertThat(aws.distributions()).isSameAs(distributions);
    clock.advance(Duration.ofMinutes(1));
    assertThat(aws.clock().instant()).isEqualTo(clock.instant());
  }

  @RepeatedTest(2)
  void eachTest_getsAFreshAccount(FakeAws aws, ChannelCdn cdn) {
    assertThat(aws.channels().all()).isEmpty();
    cdn.saveChannel(ChannelSpec.builder().id("live").build());
    assertThat(aws.channels().all()).hasSize(1);
  }
}
