package io.github.mediapackagecdn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.error.UnknownOutcomeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  private static AwsServiceException v2Conflict(String type) {
    software.amazon.awssdk.services.mediapackagev2.model.ConflictException.Builder b =
        software.amazon.awssdk.services.mediapackagev2.model.ConflictException.builder()
            .statusCode(409)
            .requestId("req-v2")
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ConflictException").errorMessage("conflict").build());
    if (type != null) {
      b.conflictExceptionType(type);
    }
    return (AwsServiceException) b.build();
  }

  private static AwsServiceException v2Error(String code, int status) {
    return AwsServiceException.builder()
        .statusCode(status)
        .requestId("req-v2")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " message").build())
        .build();
  }

  @ParameterizedTest(name = "{0} on {1} is {2}")
  @CsvSource({
      "RESOURCE_ALREADY_EXISTS, V2_CREATE_CHANNEL, ALREADY_EXISTS",
      "RESOURCE_ALREADY_EXISTS, V2_UPDATE_CHANNEL, ALREADY_EXISTS",
      "RESOURCE_IN_USE, V2_CREATE_CHANNEL, IN_USE",
      "RESOURCE_IN_USE, V2_UPDATE_CHANNEL, IN_USE",
      "RESOURCE_IN_USE, V2_UPDATE_ORIGIN_ENDPOINT, IN_USE",
      "IDEMPOTENT_PARAMETER_MISMATCH, V2_CREATE_ORIGIN_ENDPOINT, IN_USE",
      "IDEMPOTENT_PARAMETER_MISMATCH, V2_UPDATE_CHANNEL, IN_USE",
      "CONFLICTING_OPERATION, V2_UPDATE_CHANNEL, STALE_VERSION",
      "CONFLICTING_OPERATION, V2_UPDATE_ORIGIN_ENDPOINT, STALE_VERSION",
      "CONFLICTING_OPERATION, V2_CREATE_CHANNEL, IN_USE",
      "CONFLICTING_OPERATION, V2_PUT_ORIGIN_ENDPOINT_POLICY, IN_USE",
      "SOMETHING_NEW, V2_UPDATE_CHANNEL, IN_USE",
  })
  void translate_v2ConflictException_isTypedByItsConflictExceptionType(
      String type, AwsCall call, ResourceConflictException.Reason reason) {
    ProvisioningException e = AwsErrors.translate(v2Conflict(type), call, "live");

    assertThat(e).isInstanceOfSatisfying(ResourceConflictException.class, c -> {
      assertThat(c.reason()).isEqualTo(reason);
      assertThat(c.errorCode()).contains("ConflictException");
      assertThat(c.requestId()).contains("req-v2");
      assertThat(c.resourceId()).contains("live");
    });
  }

  @Test
  void translate_v2ConflictWithoutAType_isStaleOnAnEtagUpdateOnly() {
    assertThat(((ResourceConflictException) AwsErrors.translate(v2Conflict(null), AwsCall.V2_UPDATE_CHANNEL, "c"))
        .reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION);
    assertThat(((ResourceConflictException) AwsErrors.translate(
        v2Conflict(null), AwsCall.V2_UPDATE_ORIGIN_ENDPOINT, "e")).reason())
        .isEqualTo(ResourceConflictException.Reason.STALE_VERSION);
    assertThat(((ResourceConflictException) AwsErrors.translate(v2Conflict(null), AwsCall.V2_CREATE_CHANNEL, "c"))
        .reason()).isEqualTo(ResourceConflictException.Reason.IN_USE);
  }

  @Test
  void v2StaleEtagConflictTypes_isWhatTheCodeReads() {
    // UNCONFIRMED against the live service: this pins what the code does, not what AWS answers.
    assertThat(AwsErrors.V2_STALE_ETAG_CONFLICT_TYPES).containsExactlyInAnyOrder("CONFLICTING_OPERATION", "");
    for (String type : AwsErrors.V2_STALE_ETAG_CONFLICT_TYPES) {
      assertThat(AwsErrors.v2ConflictReason(v2Conflict(type), AwsCall.V2_UPDATE_CHANNEL))
          .isEqualTo(ResourceConflictException.Reason.STALE_VERSION);
    }
  }

  @Test
  void v2StaleEtagConflictTypes_isTheSinglePlaceThatNamesTheStaleType() throws IOException {
    Path main = Path.of("src/main/java");
    List<Path> naming;
    try (Stream<Path> files = Files.walk(main)) {
      naming = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
        try {
          return Files.readString(p).contains("\"CONFLICTING_OPERATION\"");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
    assertThat(naming).containsExactly(main.resolve("io/github/mediapackagecdn/aws/AwsErrors.java"));
    String source = Files.readString(main.resolve("io/github/mediapackagecdn/aws/AwsErrors.java"));
    assertThat(source.split("\"CONFLICTING_OPERATION\"", -1)).hasSize(2);
  }

  @Test
  void translate_v2ResourceNotFound_isNotFound() {
    ProvisioningException e =
        AwsErrors.translate(v2Error("ResourceNotFoundException", 404), AwsCall.V2_GET_CHANNEL, "group/live");

    assertThat(e).isInstanceOfSatisfying(ResourceNotFoundException.class, n -> {
      assertThat(n.errorCode()).contains("ResourceNotFoundException");
      assertThat(n.requestId()).contains("req-v2");
    });
  }

  @Test
  void translate_v2Throttling_isThrottledAndRetryable() {
    ProvisioningException e = AwsErrors.translate(v2Error("ThrottlingException", 429), AwsCall.V2_LIST_CHANNELS, null);

    assertThat(e).isInstanceOf(ThrottledException.class);
    assertThat(e.retryable()).isTrue();
    assertThat(e.errorCode()).contains("ThrottlingException");
  }

  @Test
  void translate_v2Validation_isAnInvalidRequestNotRetryable() {
    ProvisioningException e =
        AwsErrors.translate(v2Error("ValidationException", 400), AwsCall.V2_CREATE_ORIGIN_ENDPOINT, "group/live/hls");

    assertThat(e).isInstanceOf(InvalidRequestException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(e.errorCode()).contains("ValidationException");
  }

  @Test
  void translate_v2ServiceQuota_isQuotaExceeded() {
    assertThat(AwsErrors.translate(v2Error("ServiceQuotaExceededException", 402), AwsCall.V2_CREATE_CHANNEL, "c"))
        .isInstanceOf(QuotaExceededException.class);
  }

  @Test
  void translate_v2InternalServer_isServiceFailure() {
    assertThat(AwsErrors.translate(v2Error("InternalServerException", 500), AwsCall.V2_GET_CHANNEL, "c"))
        .isInstanceOf(ServiceFailureException.class);
  }
}
