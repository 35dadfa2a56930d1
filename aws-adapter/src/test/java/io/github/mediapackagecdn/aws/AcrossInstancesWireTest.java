package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontXml;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.UnknownOutcomeException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent.Step;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.testkit.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Across processes, when the channel does not show the distribution recorded on it (here MediaPackage answers the
 * channel without its tags), the CallerReference derived from the channel ARN is the coordination: over the wire, a
 * second instance (or a retry after a lost response) gets {@code DistributionAlreadyExists} and adopts the
 * distribution the first made, once its tag shows. Never a second distribution.
 */
class AcrossInstancesWireTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final String CHANNEL_ARN =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";
  private static final String CREATE = "/2020-05-31/distribution?WithTags";
  private static final String TAGGED = "{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[{\"ResourceARN\":\""
      + CloudFrontXml.ARN + "\",\"Tags\":[{\"Key\":\"mediapackage:cloudfront_assoc\",\"Value\":\"" + CHANNEL_ARN
      + "\"}]}]}";
  private static final String NOT_INDEXED = "{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[]}";
  private static final ChannelSpec SPEC = ChannelSpec.builder().id("live-news").createDistribution(true).build();

  private ChannelCdn instance(RetryStrategy retries) {
    return builder(retries).build();
  }

  private static AwsChannelCdn.Builder builder(RetryStrategy retries) {
    return Wire.v1Builder(wm).retryStrategy(retries).deploymentPollInterval(Duration.ZERO);
  }

  @BeforeEach
  void mediaPackage() {
    String channel = "{\"arn\":\"" + CHANNEL_ARN + "\",\"id\":\"live-news\"}";
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(aResponse().withBody(channel)));
    wm.stubFor(put(urlEqualTo("/channels/live-news")).willReturn(aResponse().withBody(channel)));
    wm.stubFor(get(urlPathEqualTo("/origin_endpoints")).willReturn(aResponse().withBody("{\"originEndpoints\":[]}")));
    wm.stubFor(post(urlPathMatching("/tags/.+")).willReturn(aResponse().withStatus(204))); // TagResource
  }

  private static void tagIndex(String state, String body) {
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("ResourceGroupsTaggingAPI_20170126.GetResources"))
        .inScenario("cloudfront").whenScenarioStateIs(state)
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
  }

  @Test
  void secondInstance_whileTheTagIsNotIndexedYet_getsAlreadyExistsAndAdoptsTheFirstsDistribution() {
    tagIndex(Scenario.STARTED, NOT_INDEXED);
    tagIndex("first created", NOT_INDEXED); // the tagging API lags behind CloudFront
    tagIndex("second refused", TAGGED);
    wm.stubFor(post(urlEqualTo(CREATE)).inScenario("cloudfront").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(201).withHeader("ETag", "ETAG1")
            .withHeader("Location", "https://cloudfront.amazonaws.com/2020-05-31/distribution/" + CloudFrontXml.ID)
            .withBody(CloudFrontXml.distribution("InProgress", CloudFrontXml.PLACEHOLDER_CONFIG)))
        .willSetStateTo("first created"));
    wm.stubFor(post(urlEqualTo(CREATE)).inScenario("cloudfront").whenScenarioStateIs("first created")
        .willReturn(aResponse().withStatus(409).withBody(Wire.cloudFrontError("DistributionAlreadyExists",
            "The caller reference you attempted to create the distribution with is associated with another "
                + "distribution.", "r-409")))
        .willSetStateTo("second refused"));

    RecordingListener firstEvents = new RecordingListener();
    RecordingListener secondEvents = new RecordingListener();
    List<String> published = new CopyOnWriteArrayList<>();
    CdnOutcome first = builder(Wire.noRetries()).listener(firstEvents).build().saveChannel(SPEC).cdn();
    CdnOutcome second = builder(Wire.noRetries()).listener(secondEvents).metricPublisher(publisher(published)).build()
        .saveChannel(SPEC).cdn();

    // the adapter's builder hands its listeners and metric publishers on
    assertThat(firstEvents.events(Step.DISTRIBUTION_CREATED)).hasSize(1);
    assertThat(firstEvents.events(Step.DISTRIBUTION_ADOPTED)).isEmpty();
    assertThat(secondEvents.events(Step.DISTRIBUTION_ADOPTED)).singleElement()
        .satisfies(e -> assertThat(e.distributionId()).isEqualTo(first.distributionId()));
    assertThat(published).containsExactly("DescribeChannel", "GetResources", "TagResource", "CreateDistributionWithTags",
        "GetResources", "TagResource", "ListOriginEndpoints");

    assertThat(first.action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(second.action()).isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(second.distributionId()).isEqualTo(first.distributionId());
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(CREATE)))).hasSize(2)
        .extracting(r -> Wire.text(Wire.xml(r), "/DistributionConfigWithTags/DistributionConfig/CallerReference"))
        .containsOnly(Wire.text(Wire.xml(wm.findAll(postRequestedFor(urlEqualTo(CREATE))).get(0)),
            "/DistributionConfigWithTags/DistributionConfig/CallerReference"));
  }

  /** A metric publisher that records the operation name of every call the SDK publishes. */
  private static MetricPublisher publisher(List<String> operations) {
    return new MetricPublisher() {
      @Override
      public void publish(MetricCollection metrics) {
        metrics.metricValues(CoreMetric.OPERATION_NAME).forEach(operations::add);
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void createWhoseResponseIsLost_isReportedUnknown_andSavingAgainFindsItInsteadOfCreatingASecond() {
    tagIndex(Scenario.STARTED, NOT_INDEXED);
    tagIndex("acted", TAGGED);
    wm.stubFor(post(urlEqualTo(CREATE)).inScenario("cloudfront").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("acted"));
    ChannelCdn cdn = instance(Wire.noRetries());

    CdnOutcome lost = cdn.saveChannel(SPEC).cdn();
    CdnOutcome again = cdn.saveChannel(SPEC).cdn();

    assertThat(lost.failure()).get().isInstanceOf(UnknownOutcomeException.class);
    assertThat(again.failed()).isFalse();
    assertThat(again.distributionId()).get().hasToString(CloudFrontXml.ID);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(CREATE)))).hasSize(1);
  }

  @Test
  void createWhoseResponseIsLost_retriedByTheSdk_getsAlreadyExistsAndAdopts() {
    tagIndex(Scenario.STARTED, NOT_INDEXED);
    tagIndex("acted", NOT_INDEXED);
    tagIndex("refused", TAGGED);
    wm.stubFor(post(urlEqualTo(CREATE)).inScenario("cloudfront").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("acted"));
    wm.stubFor(post(urlEqualTo(CREATE)).inScenario("cloudfront").whenScenarioStateIs("acted")
        .willReturn(aResponse().withStatus(409).withBody(Wire.cloudFrontError("DistributionAlreadyExists",
            "The caller reference you attempted to create the distribution with is associated with another "
                + "distribution.", "r-409")))
        .willSetStateTo("refused"));

    CdnOutcome outcome = instance(Wire.fastRetries(3)).saveChannel(SPEC).cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(outcome.distributionId()).get().hasToString(CloudFrontXml.ID);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(CREATE)))).hasSize(2);
  }
}
