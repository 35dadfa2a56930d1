package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontXml;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

class AwsChannelCdnTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final String CHANNEL_ARN =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";
  private static final String URL =
      "https://abcd1234abcd1234.mediapackage.us-west-2.amazonaws.com/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8";
  private static final String ENDPOINT = """
      {"arn":"arn:aws:mediapackage:us-west-2:123456789012:origin_endpoints/869e237f851549e9bcf10e3bc2830839",
       "channelId":"live-news","id":"live-news-hls","manifestName":"index","url":"%s","hlsPackage":{}}
      """.formatted(URL);

  private ChannelCdn cdn(AwsChannelCdn.LinkLookup lookup, RetryStrategy retries) {
    return Wire.v1Builder(wm).retryStrategy(retries).linkLookup(lookup).deploymentPollInterval(Duration.ZERO).build();
  }

  @Test
  void build_whenNeitherRegionNorClientIsGiven_throwsValidation() {
    assertThatThrownBy(() -> AwsChannelCdn.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MediaPackage region");
  }

  @Test
  void build_whenOptionsAreInvalid_listsEveryProblem() {
    assertThatThrownBy(() -> AwsChannelCdn.builder().mediaPackageRegion(Region.US_WEST_2).linkLookup(null)
        .deploymentPollInterval(Duration.ofSeconds(-1)).endpointOverride(URI.create("relative")).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(3));
  }

  @Test
  void build_whenListenerMetricPublisherOrSchedulerIsNull_listsEachBeforeAnyClientIsMade() {
    assertThatThrownBy(() -> AwsChannelCdn.builder().mediaPackageRegion(Region.US_WEST_2).listener(null)
        .metricPublisher(null).scheduler(null).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .containsExactlyInAnyOrder("a listener is null", "a metric publisher is null", "scheduler is null"));
  }

  @Test
  void portFactories_whenClientIsNull_throwValidation() {
    assertThatThrownBy(() -> AwsChannelCdn.distributions(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> AwsChannelCdn.channels(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> AwsChannelCdn.taggingApiLinks(null, null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> AwsChannelCdn.cloudFrontTagLinks(null)).isInstanceOf(ValidationException.class);
  }

  @Test
  void defaultRetryStrategy_whenBuilt_allowsMoreAttemptsThanTheSdkDefault() {
    assertThat(AwsChannelCdn.defaultRetryStrategy().maxAttempts()).isEqualTo(AwsChannelCdn.DEFAULT_MAX_ATTEMPTS);
  }

  @Test
  void saveEndpoint_whenAnotherWriterWinsTheFirstUpdate_readsAgainAndUpdatesOnce() {
    Wire.stubNewEndpointOfLinkedChannel(wm, CHANNEL_ARN, ENDPOINT);
    String config = "/2020-05-31/distribution/" + CloudFrontXml.ID + "/config";
    wm.stubFor(put(urlEqualTo(config)).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(412).withBody(Wire.cloudFrontError("PreconditionFailed", "stale", "r1")))
        .willSetStateTo("lost"));
    wm.stubFor(put(urlEqualTo(config)).inScenario("race").whenScenarioStateIs("lost")
        .willReturn(aResponse().withHeader("ETag", "ETAG2")
            .withBody(CloudFrontXml.distribution("InProgress", CloudFrontXml.PLACEHOLDER_CONFIG))));

    EndpointSaveResult result = cdn(AwsChannelCdn.LinkLookup.TAGGING_API, Wire.noRetries()).saveEndpoint(
        EndpointSpec.builder().id("live-news-hls").channelId("live-news").packaging(Packaging.HLS).build());

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(config)))).hasSize(2)
        .allSatisfy(r -> assertThat(r.getHeader("If-Match")).isEqualTo("ETAG1"));
  }

  /** {@link AwsChannelCdn#v2Builder()}'s option checks, as the v1 builder's above. */
  @Nested
  class V2Builder {

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
  }
}
