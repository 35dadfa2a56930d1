package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.aws.fixtures.Answers;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.UnexpectedResponseException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Answers that succeed but that the library cannot read, as an emulator gave them: an {@link
 * UnexpectedResponseException} that says what the call made, never a {@link ValidationException}.
 */
class UnexpectedResponseWireTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  /** An emulator's channel ARN: no account, no {@code channels/} path. */
  private static final String ODD_ARN = "arn:aws:mediapackage:us-west-2::channel:live-news";

  private ChannelCdn cdn() {
    return AwsChannelCdn.builder()
        .mediaPackageClient(Wire.mediaPackage(wm))
        .cloudFrontClient(Wire.cloudFront(wm))
        .taggingClient(Wire.tagging(wm))
        .build();
  }

  @Test
  void saveChannel_whenCreateChannelAnswersAnOddArn_saysTheChannelWasCreatedAndSendsNothingMore() {
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(aResponse().withStatus(404)
        .withHeader("x-amzn-ErrorType", "NotFoundException").withBody("{\"message\":\"not found\"}")));
    wm.stubFor(post(urlEqualTo("/channels")).willReturn(aResponse().withHeader("x-amzn-RequestId", "req-create-1")
        .withBody("{\"arn\":\"" + ODD_ARN + "\",\"id\":\"live-news\"}")));

    UnexpectedResponseException e = catchThrowableOfType(UnexpectedResponseException.class,
        () -> cdn().saveChannel(ChannelSpec.builder().id("live-news").createDistribution(true).build()));

    assertThat(e).isNotInstanceOf(ValidationException.class);
    assertThat(e.getMessage())
        .startsWith("MediaPackage CreateChannel of live-news succeeded (the channel was created)")
        .contains(ODD_ARN, "[request id req-create-1]");
    assertThat(e.requestId()).hasValue("req-create-1");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getCause()).isInstanceOf(ValidationException.class);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/channels")))).hasSize(1);
    assertThat(wm.findAll(putRequestedFor(urlPathMatching(".*")))).isEmpty();
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")))).isEmpty(); // no link lookup, no distribution
  }

  @Test
  void details_whenDescribeChannelAnswersAnOddArn_isAnUnexpectedResponseOfTheRead() {
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(aResponse()
        .withBody("{\"arn\":\"" + ODD_ARN + "\",\"id\":\"live-news\"}")));

    UnexpectedResponseException e = catchThrowableOfType(UnexpectedResponseException.class,
        () -> cdn().details(ChannelId.of("live-news")));

    assertThat(e.getMessage()).startsWith("MediaPackage DescribeChannel of live-news succeeded, but")
        .doesNotContain("was created");
  }

  @Test
  void findEndpoint_whenTheEndpointHasNoPackage_isAnUnexpectedResponse() {
    wm.stubFor(get(urlEqualTo("/origin_endpoints/live-news-hls")).willReturn(aResponse().withBody(
        "{\"id\":\"live-news-hls\",\"channelId\":\"live-news\",\"url\":\"https://example.com/index.m3u8\"}")));

    UnexpectedResponseException e = catchThrowableOfType(UnexpectedResponseException.class,
        () -> AwsChannelCdn.channels(Wire.mediaPackage(wm)).findEndpoint(OriginEndpointId.of("live-news-hls")));

    assertThat(e.getMessage()).startsWith("MediaPackage DescribeOriginEndpoint of live-news-hls succeeded")
        .contains("no HLS, DASH, CMAF or MSS package");
  }

  @Test
  void find_whenTheTaggingApiAnswersAResourceArnThatIsNoDistribution_isAnUnexpectedResponseNotASkip() {
    String channelArn = "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";
    wm.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withBody(
        "{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[{\"ResourceARN\":\"arn:aws:cloudfront::123456789012:"
            + "E2QWRUHAPOMQZL\",\"Tags\":[{\"Key\":\"mediapackage:cloudfront_assoc\",\"Value\":\"" + channelArn
            + "\"}]}]}")));

    UnexpectedResponseException e = catchThrowableOfType(UnexpectedResponseException.class,
        () -> AwsChannelCdn.taggingApiLinks(Wire.tagging(wm), Wire.cloudFront(wm))
            .find("mediapackage:cloudfront_assoc", channelArn));

    assertThat(e.getMessage()).startsWith("Resource Groups Tagging API GetResources of arn:aws:cloudfront::")
        .contains("is not a CloudFront distribution ARN");
  }
}
