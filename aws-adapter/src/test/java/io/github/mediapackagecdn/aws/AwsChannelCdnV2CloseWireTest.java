package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.mediapackagev2.MediaPackageV2Client;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;

/**
 * {@link ChannelCdnV2#close()} on AWS, as v1's in {@link AwsChannelCdnCloseWireTest}: the clients the v2 builder
 * created are closed, the application's are not, and a closed instance refuses calls before any request.
 */
class AwsChannelCdnV2CloseWireTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final V2ChannelId CHANNEL = V2ChannelId.of("live", "live-news");

  /** The HTTP client of every SDK client the builder creates, recording whether the SDK closed it. */
  private final RecordingHttpClients http = new RecordingHttpClients();

  @BeforeEach
  void stubs() {
    wm.stubFor(get(urlPathEqualTo("/channelGroup")).willReturn(aResponse().withBody("{\"Items\":[]}")));
    Wire.stubNoDistributionsAndNoTags(wm);
  }

  private AwsChannelCdn.V2Builder builder() {
    return Wire.v2Builder(wm).httpClientBuilder(http);
  }

  @Test
  void aSecondaryRegion_getsItsOwnClient_signedForThatRegion_andClosedWithTheOthers() {
    wm.stubFor(get(urlPathEqualTo("/channelGroup/live")).willReturn(aResponse().withBody("{\"ChannelGroupName\":"
        + "\"live\",\"Arn\":\"arn:aws:mediapackagev2:us-west-2:123456789012:channelGroup/live\",\"EgressDomain\":"
        + "\"abcdef.egress.ghijkl.mediapackagev2.us-west-2.amazonaws.com\",\"CreatedAt\":1.7E9,"
        + "\"ModifiedAt\":1.7E9,\"ETag\":\"e1\"}")));
    ChannelCdnV2 cdn = builder().secondaryRegion(Region.EU_WEST_1).build();
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
    assertThatThrownBy(() -> builder().secondaryRegion(Region.US_WEST_2).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("secondary Region us-west-2");
    assertThat(http.created).isEmpty();
  }

  @Test
  void close_whenTheBuilderCreatedAllThreeClients_closesAllThree() {
    ChannelCdnV2 cdn = builder().build();
    assertThat(http.created).hasSize(3).noneMatch(AtomicBoolean::get);

    cdn.close();

    assertThat(http.created).hasSize(3).allMatch(AtomicBoolean::get);
  }

  @Test
  void close_whenTheApplicationGaveEveryClient_closesNoneAndTheyKeepWorking() {
    MediaPackageV2Client mediaPackage = Wire.mediaPackageV2(wm);
    CloudFrontClient cloudFront = Wire.cloudFront(wm);
    ResourceGroupsTaggingApiClient tagging = Wire.tagging(wm);
    ChannelCdnV2 cdn = builder().mediaPackageV2Client(mediaPackage).cloudFrontClient(cloudFront)
        .taggingClient(tagging).build();

    cdn.close();

    assertThat(http.created).isEmpty();
    assertThat(mediaPackage.listChannelGroups(b -> { }).items()).isEmpty();
    assertThat(cloudFront.listDistributions(b -> { }).distributionList().quantity()).isZero();
    assertThat(tagging.getResources(b -> { }).resourceTagMappingList()).isEmpty();
    mediaPackage.close();
    cloudFront.close();
    tagging.close();
  }

  @Test
  void close_whenTheApplicationGaveOnlyMediaPackage_closesTheTwoCreatedClientsAndNotMediaPackage() {
    MediaPackageV2Client mediaPackage = Wire.mediaPackageV2(wm);
    ChannelCdnV2 cdn = builder().mediaPackageV2Client(mediaPackage).build();

    cdn.close();

    assertThat(http.created).hasSize(2).allMatch(AtomicBoolean::get);
    assertThat(mediaPackage.listChannelGroups(b -> { }).items()).isEmpty();
    mediaPackage.close();
  }

  @Test
  void everyCall_afterClose_throwsIllegalStateWithoutARequest() {
    ChannelCdnV2 cdn = builder().build();
    cdn.close();

    assertThatThrownBy(() -> cdn.details(CHANNEL))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }
}
