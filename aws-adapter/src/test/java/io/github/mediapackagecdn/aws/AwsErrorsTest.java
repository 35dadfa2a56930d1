package io.github.mediapackagecdn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.UnknownOutcomeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {

  @Test
  void translate_whenAWriteTimesOut_isUnknownOutcome() {
    ProvisioningException e = AwsErrors.translate(ApiCallTimeoutException.create(1000), AwsCall.UPDATE_DISTRIBUTION, "E1");

    assertThat(e).isInstanceOf(UnknownOutcomeException.class).hasCauseInstanceOf(ApiCallTimeoutException.class);
  }

  @Test
  void translate_whenAWriteLosesItsResponse_isUnknownOutcome() {
    SdkClientException lost = SdkClientException.create("Unable to execute HTTP request", new SocketTimeoutException("Read timed out"));

    assertThat(AwsErrors.translate(lost, AwsCall.CREATE_CHANNEL, "live")).isInstanceOf(UnknownOutcomeException.class);
  }

  @Test
  void translate_whenAReadLosesItsResponse_isRetryableServiceFailure() {
    SdkClientException lost = SdkClientException.create("Unable to execute HTTP request", new IOException("reset"));

    ProvisioningException e = AwsErrors.translate(lost, AwsCall.GET_DISTRIBUTION, "E1");

    assertThat(e).isInstanceOf(ServiceFailureException.class);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void translate_whenAWriteCannotConnect_isNotUnknownOutcome() {
    SdkClientException refused = SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused"));

    assertThat(AwsErrors.translate(refused, AwsCall.UPDATE_DISTRIBUTION, "E1")).isInstanceOf(ServiceFailureException.class);
  }

  @Test
  void translate_whenServiceDeniesWithoutNamingTheAction_namesTheCallsAction() {
    AwsServiceException denied = AwsServiceException.builder()
        .statusCode(403)
        .requestId("req-1")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("Access denied").build())
        .build();

    ProvisioningException e = AwsErrors.translate(denied, AwsCall.UPDATE_DISTRIBUTION, "E1");

    assertThat(e).isInstanceOfSatisfying(AccessDeniedException.class, a -> {
      assertThat(a.action()).contains("cloudfront:UpdateDistribution");
      assertThat(a.requestId()).contains("req-1");
      assertThat(a.errorCode()).contains("AccessDenied");
      assertThat(a.getMessage()).contains("UpdateDistribution", "E1", "Access denied");
    });
  }
}
