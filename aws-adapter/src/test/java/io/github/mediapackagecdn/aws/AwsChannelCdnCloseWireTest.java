package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;

/** {@link ChannelCdn#close()} on AWS: the clients the builder created are closed, the application's are not. */
class AwsChannelCdnCloseWireTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final String CHANNEL_ARN =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";

  /** The HTTP client of every SDK client the builder creates, recording whether the SDK closed it. */
  private final RecordingHttpClients http = new RecordingHttpClients();

  @BeforeEach
  void stubs() {
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(aResponse().withBody(
        "{\"arn\":\"" + CHANNEL_ARN + "\",\"id\":\"live-news\"}")));
    wm.stubFor(get(urlPathEqualTo("/origin_endpoints")).willReturn(aResponse().withBody("{\"originEndpoints\":[]}")));
    Wire.stubNoDistributionsAndNoTags(wm);
  }

  private AwsChannelCdn.Builder builder() {
    return Wire.v1Builder(wm).httpClientBuilder(http);
  }

  @Test
  void close_whenTheBuilderCreatedAllThreeClients_closesAllThree() {
    ChannelCdn cdn = builder().build();
    cdn.details(ChannelId.of("live-news"));
    assertThat(http.created).hasSize(3).noneMatch(AtomicBoolean::get);

    cdn.close();

    assertThat(http.created).hasSize(3).allMatch(AtomicBoolean::get);
  }

  @Test
  void close_whenTheApplicationGaveEveryClient_closesNoneAndTheyKeepWorking() {
    MediaPackageClient mediaPackage = Wire.mediaPackage(wm);
    CloudFrontClient cloudFront = Wire.cloudFront(wm);
    ResourceGroupsTaggingApiClient tagging = Wire.tagging(wm);
    ChannelCdn cdn = builder().mediaPackageClient(mediaPackage).cloudFrontClient(cloudFront).taggingClient(tagging)
        .build();
    cdn.details(ChannelId.of("live-news"));

    cdn.close();

    assertThat(http.created).isEmpty();
    assertThat(mediaPackage.describeChannel(b -> b.id("live-news")).arn()).isEqualTo(CHANNEL_ARN);
    assertThat(cloudFront.listDistributions(b -> { }).distributionList().quantity()).isZero();
    assertThat(tagging.getResources(b -> { }).resourceTagMappingList()).isEmpty();
    mediaPackage.close();
    cloudFront.close();
    tagging.close();
  }

  @Test
  void close_whenTheApplicationGaveOnlyCloudFront_closesTheTwoCreatedClientsAndNotCloudFront() {
    CloudFrontClient cloudFront = Wire.cloudFront(wm);
    ChannelCdn cdn = builder().cloudFrontClient(cloudFront).build();

    cdn.close();

    assertThat(http.created).hasSize(2).allMatch(AtomicBoolean::get);
    assertThat(cloudFront.listDistributions(b -> { }).distributionList().quantity()).isZero();
    cloudFront.close();
  }

  @Test
  void details_afterClose_throwsIllegalStateWithoutARequest() {
    ChannelCdn cdn = builder().build();
    cdn.close();

    assertThatThrownBy(() -> cdn.details(ChannelId.of("live-news")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(wm.findAll(getRequestedFor(urlEqualTo("/channels/live-news")))).isEmpty();
  }
}
