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
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.mediapackagev2.MediaPackageV2Client;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;

/**
 * {@link ChannelCdn#close()} and {@link ChannelCdnV2#close()} on AWS: the clients the builder created are closed, the
 * application's are not, and a closed instance refuses calls before any request.
 */
class AwsChannelCdnCloseWireTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final String CHANNEL_ARN =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";
  private static final V2ChannelId CHANNEL = V2ChannelId.of("live", "live-news");

  /** The HTTP client of every SDK client the builder creates, recording whether the SDK closed it. */
  private final RecordingHttpClients http = new RecordingHttpClients();

  @BeforeEach
  void stubs() {
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(aResponse().withBody(
        "{\"arn\":\"" + CHANNEL_ARN + "\",\"id\":\"live-news\"}")));
    wm.stubFor(get(urlPathEqualTo("/origin_endpoints")).willReturn(aResponse().withBody("{\"originEndpoints\":[]}")));
    wm.stubFor(get(urlPathEqualTo("/channelGroup")).willReturn(aResponse().withBody("{\"Items\":[]}")));
    Wire.stubNoDistributionsAndNoTags(wm);
  }

  private AwsChannelCdn.Builder v1() {
    return Wire.v1Builder(wm).httpClientBuilder(http);
  }

  private AwsChannelCdn.V2Builder v2() {
    return Wire.v2Builder(wm).httpClientBuilder(http);
  }

  /** The application's CloudFront and tagging clients, given to a library since closed: they still work. */
  private static void assertStillWorking(CloudFrontClient cloudFront, ResourceGroupsTaggingApiClient tagging) {
    assertThat(cloudFront.listDistributions(b -> { }).distributionList().quantity()).isZero();
    assertThat(tagging.getResources(b -> { }).resourceTagMappingList()).isEmpty();
    cloudFront.close();
    tagging.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v1", "v2"})
  void close_whenTheBuilderCreatedAllThreeClients_closesAllThree(String version) throws Exception {
    AutoCloseable cdn = version.equals("v1") ? v1().build() : v2().build();
    if (cdn instanceof ChannelCdn v1) {
      v1.details(ChannelId.of("live-news"));
    }
    assertThat(http.created).hasSize(3).noneMatch(AtomicBoolean::get);

    cdn.close();

    assertThat(http.created).hasSize(3).allMatch(AtomicBoolean::get);
  }

  @Nested
  class V1 {

    @Test
    void close_whenTheApplicationGaveEveryClient_closesNoneAndTheyKeepWorking() {
      MediaPackageClient mediaPackage = Wire.mediaPackage(wm);
      CloudFrontClient cloudFront = Wire.cloudFront(wm);
      ResourceGroupsTaggingApiClient tagging = Wire.tagging(wm);
      ChannelCdn cdn = v1().mediaPackageClient(mediaPackage).cloudFrontClient(cloudFront).taggingClient(tagging)
          .build();
      cdn.details(ChannelId.of("live-news"));

      cdn.close();

      assertThat(http.created).isEmpty();
      assertThat(mediaPackage.describeChannel(b -> b.id("live-news")).arn()).isEqualTo(CHANNEL_ARN);
      mediaPackage.close();
      assertStillWorking(cloudFront, tagging);
    }

    @Test
    void close_whenTheApplicationGaveOnlyCloudFront_closesTheTwoCreatedClientsAndNotCloudFront() {
      CloudFrontClient cloudFront = Wire.cloudFront(wm);
      ChannelCdn cdn = v1().cloudFrontClient(cloudFront).build();

      cdn.close();

      assertThat(http.created).hasSize(2).allMatch(AtomicBoolean::get);
      assertThat(cloudFront.listDistributions(b -> { }).distributionList().quantity()).isZero();
      cloudFront.close();
    }

    @Test
    void details_afterClose_throwsIllegalStateWithoutARequest() {
      ChannelCdn cdn = v1().build();
      cdn.close();

      assertThatThrownBy(() -> cdn.details(ChannelId.of("live-news")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
      assertThat(wm.findAll(getRequestedFor(urlEqualTo("/channels/live-news")))).isEmpty();
    }
  }

  @Nested
  class V2 {

    @Test
    void aSecondaryRegion_getsItsOwnClient_signedForThatRegion_andClosedWithTheOthers() {
      wm.stubFor(get(urlPathEqualTo("/channelGroup/live")).willReturn(aResponse().withBody("{\"ChannelGroupName\":"
          + "\"live\",\"Arn\":\"arn:aws:mediapackagev2:us-west-2:123456789012:channelGroup/live\",\"EgressDomain\":"
          + "\"abcdef.egress.ghijkl.mediapackagev2.us-west-2.amazonaws.com\",\"CreatedAt\":1.7E9,"
          + "\"ModifiedAt\":1.7E9,\"ETag\":\"e1\"}")));
      ChannelCdnV2 cdn = v2().secondaryRegion(Region.EU_WEST_1).build();
      assertThat(http.created).hasSize(4);
      assertThat(cdn.toString()).contains("secondary Region");

      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());

      assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/channelGroup/live"))))
          .extracting(r -> r.getHeader("Authorization").replaceAll(".*Credential=[^/]+/[0-9]+/([a-z0-9-]+)/.*", "$1"))
          .containsExactly("us-west-2", "eu-west-1");
      cdn.close();
      assertThat(http.created).hasSize(4).allMatch(AtomicBoolean::get);
    }

    @Test
    void aSecondaryRegion_thatIsTheMediaPackageRegion_isRefusedBeforeAnyClientIsMade() {
      assertThatThrownBy(() -> v2().secondaryRegion(Region.US_WEST_2).build())
          .isInstanceOf(ValidationException.class).hasMessageContaining("secondary Region us-west-2");
      assertThat(http.created).isEmpty();
    }

    @Test
    void close_whenTheApplicationGaveEveryClient_closesNoneAndTheyKeepWorking() {
      MediaPackageV2Client mediaPackage = Wire.mediaPackageV2(wm);
      CloudFrontClient cloudFront = Wire.cloudFront(wm);
      ResourceGroupsTaggingApiClient tagging = Wire.tagging(wm);
      ChannelCdnV2 cdn = v2().mediaPackageV2Client(mediaPackage).cloudFrontClient(cloudFront)
          .taggingClient(tagging).build();

      cdn.close();

      assertThat(http.created).isEmpty();
      assertThat(mediaPackage.listChannelGroups(b -> { }).items()).isEmpty();
      mediaPackage.close();
      assertStillWorking(cloudFront, tagging);
    }

    @Test
    void close_whenTheApplicationGaveOnlyMediaPackage_closesTheTwoCreatedClientsAndNotMediaPackage() {
      MediaPackageV2Client mediaPackage = Wire.mediaPackageV2(wm);
      ChannelCdnV2 cdn = v2().mediaPackageV2Client(mediaPackage).build();

      cdn.close();

      assertThat(http.created).hasSize(2).allMatch(AtomicBoolean::get);
      assertThat(mediaPackage.listChannelGroups(b -> { }).items()).isEmpty();
      mediaPackage.close();
    }

    @Test
    void everyCall_afterClose_throwsIllegalStateWithoutARequest() {
      ChannelCdnV2 cdn = v2().build();
      cdn.close();

      assertThatThrownBy(() -> cdn.details(CHANNEL))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
      assertThatThrownBy(() -> cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(1)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
      assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
  }
}
