package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The library's exceptions share simple names with the SDK's; printed, each says it is the library's and carries the
 * AWS error code and request id, and its cause is the SDK exception with the same request id.
 */
class ExceptionOriginWireTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static void assertOrigin(ProvisioningException e, Class<?> sdkType, String code, String requestId) {
    assertThat(e.getClass().getName()).startsWith("io.github.mediapackagecdn.core.error.");
    assertThat(e.toString())
        .startsWith(e.getClass().getName() + " (mediapackage-cdn; AWS error " + code + "; request id " + requestId + "): ")
        .endsWith(e.getMessage());
    assertThat(e.errorCode()).hasValue(code);
    assertThat(e.requestId()).hasValue(requestId);
    assertThat(e.getCause()).isInstanceOf(sdkType).isInstanceOf(AwsServiceException.class);
    assertThat(e.getCause().getClass().getName()).startsWith("software.amazon.awssdk.services.");
    assertThat(((AwsServiceException) e.getCause()).requestId()).isEqualTo(requestId);
    assertThat(e.getCause().toString()).doesNotContain("mediapackage-cdn");
  }

  @Test
  void cloudFrontAccessDenied_isTheLibrarysAccessDeniedWithTheSdksAsCause() {
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution/E2QWRUHAPOMQZL")).willReturn(aResponse().withStatus(403)
        .withBody(Wire.cloudFrontError("AccessDenied", "User is not authorized to perform: cloudfront:GetDistribution",
            "cf-req-1"))));

    AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
        () -> AwsChannelCdn.distributions(Wire.cloudFront(wm)).find(DistributionId.of("E2QWRUHAPOMQZL")));

    assertOrigin(e, software.amazon.awssdk.services.cloudfront.model.AccessDeniedException.class, "AccessDenied",
        "cf-req-1");
    assertThat(e.toString()).contains("CloudFront GetDistribution of E2QWRUHAPOMQZL failed");
  }

  @Test
  void mediaPackageNotFound_isTheLibrarysResourceNotFoundWithTheSdksAsCause() {
    wm.stubFor(delete(urlEqualTo("/origin_endpoints/live-news-hls")).willReturn(aResponse().withStatus(404)
        .withHeader("x-amzn-ErrorType", "NotFoundException").withHeader("x-amzn-RequestId", "mp-req-1")
        .withBody("{\"message\":\"endpoint not found\"}")));

    ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
        () -> AwsChannelCdn.channels(Wire.mediaPackage(wm)).deleteEndpoint(OriginEndpointId.of("live-news-hls")));

    assertOrigin(e, software.amazon.awssdk.services.mediapackage.model.NotFoundException.class, "NotFoundException",
        "mp-req-1");
  }

  @Test
  void mediaPackageForbidden_isTheLibrarysAccessDenied() {
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(aResponse().withStatus(403)
        .withHeader("x-amzn-ErrorType", "ForbiddenException").withHeader("x-amzn-RequestId", "mp-req-2")
        .withBody("{\"message\":\"forbidden\"}")));

    AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
        () -> AwsChannelCdn.channels(Wire.mediaPackage(wm)).find(ChannelId.of("live-news")));

    assertOrigin(e, software.amazon.awssdk.services.mediapackage.model.ForbiddenException.class, "ForbiddenException",
        "mp-req-2");
  }

  @Test
  void taggingThrottled_isTheLibrarysThrottled() {
    wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
        .withHeader("x-amzn-RequestId", "tag-req-1")
        .withBody("{\"__type\":\"ThrottledException\",\"Message\":\"Rate exceeded\"}")));

    ThrottledException e = catchThrowableOfType(ThrottledException.class,
        () -> AwsChannelCdn.taggingApiLinks(Wire.tagging(wm), Wire.cloudFront(wm)).find("k", "v"));

    assertOrigin(e, software.amazon.awssdk.services.resourcegroupstaggingapi.model.ThrottledException.class,
        "ThrottledException", "tag-req-1");
  }

  @Test
  void validation_beforeAnyCall_isMarkedAsTheLibrarysWithoutAwsDetails() {
    ValidationException e = new ValidationException("channel spec is null");

    assertThat(e).hasToString("io.github.mediapackagecdn.core.error.ValidationException (mediapackage-cdn): "
        + "channel spec is null");
    assertThat(e.getCause()).isNull();
  }
}
