package io.github.mediapackagecdn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** {@link AwsChannelCdn#v2Builder()}'s option checks, mirroring the v1 builder's in {@link AwsChannelCdnTest}. */
class AwsChannelCdnV2BuilderTest {

  @Test
  void build_whenNeitherRegionNorClientIsGiven_throwsValidation() {
    assertThatThrownBy(() -> AwsChannelCdn.v2Builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MediaPackage region");
  }

  @Test
  void build_whenOptionsAreInvalid_listsEveryProblem() {
    assertThatThrownBy(() -> AwsChannelCdn.v2Builder().mediaPackageRegion(Region.US_WEST_2).linkLookup(null)
        .deploymentPollInterval(Duration.ofSeconds(-1)).endpointOverride(URI.create("relative")).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(3));
  }

  @Test
  void build_whenListenerOrMetricPublisherIsNull_listsEachBeforeAnyClientIsMade() {
    assertThatThrownBy(() -> AwsChannelCdn.v2Builder().mediaPackageRegion(Region.US_WEST_2).listener(null)
        .metricPublisher(null).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .containsExactlyInAnyOrder("a listener is null", "a metric publisher is null"));
  }

  @Test
  void build_withRegionEndpointCredentialsAndRetries_buildsAndCloses() {
    ChannelCdnV2 cdn = AwsChannelCdn.v2Builder()
        .mediaPackageRegion(Region.US_WEST_2)
        .endpointOverride(URI.create("http://localhost:1"))
        .credentialsProvider(Wire.CREDENTIALS)
        .retryStrategy(Wire.noRetries())
        .build();

    assertThat(cdn).isNotNull();
    cdn.close();
  }
}
