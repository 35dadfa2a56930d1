package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.mediapackagecdn.aws.fixtures.CloudFrontXml.ID;
import static io.github.mediapackagecdn.aws.fixtures.Wire.canonical;
import static io.github.mediapackagecdn.aws.fixtures.Wire.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontXml;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.UnknownOutcomeException;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/**
 * The CloudFront adapter's teardown calls on the wire: disabling writes back the full configuration read with only
 * {@code Enabled} changed, deleting sends {@code If-Match}, and DeleteDistribution's errors (from the API model:
 * ResourceInUse, NoSuchDistribution, PreconditionFailed, AccessDenied, DistributionNotDisabled, InvalidIfMatchVersion)
 * become the core's typed exceptions.
 */
class CloudFrontDistributionsTeardownTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final String DISTRIBUTION_PATH = "/2020-05-31/distribution/" + ID;
  private static final String CONFIG_PATH = DISTRIBUTION_PATH + "/config";
  private static final DistributionId DISTRIBUTION = DistributionId.of(ID);

  private static CloudFrontDistributions distributions;

  @BeforeAll
  static void adapter() {
    distributions = new CloudFrontDistributions(Wire.cloudFront(wm));
  }

  private static void stubConfig(String etag, String config) {
    wm.stubFor(get(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withHeader("ETag", etag)
        .withBody(CloudFrontXml.distributionConfig(config))));
  }

  private static String disabled(String config) {
    String enabled = "<PriceClass>PriceClass_100</PriceClass><Enabled>true</Enabled>";
    assertThat(config).contains(enabled);
    return config.replace(enabled, "<PriceClass>PriceClass_100</PriceClass><Enabled>false</Enabled>");
  }


  // ---------------------------------------------------------------- disable

  @Test
  void disable_whenAUserEditedTheDistribution_putsBackTheFullConfigWithOnlyEnabledChangedAndIfMatch() {
    stubConfig("ETAG1", CloudFrontXml.USER_EDITED_CONFIG);
    wm.stubFor(put(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG2")
        .withBody(CloudFrontXml.distribution("InProgress", disabled(CloudFrontXml.USER_EDITED_CONFIG)))));

    Distribution result = distributions.disable(DISTRIBUTION, "ETAG1");

    assertThat(result.etag()).isEqualTo("ETAG2");
    assertThat(result.status()).isEqualTo(DistributionStatus.IN_PROGRESS);
    assertThat(result.config().enabled()).isFalse();
    LoggedRequest request = Wire.only(wm, putRequestedFor(urlEqualTo(CONFIG_PATH)));
    assertThat(request.getHeader("If-Match")).isEqualTo("ETAG1");
    Document sent = Wire.xml(request);
    Document expected = Wire.xml(CloudFrontXml.distributionConfig(disabled(CloudFrontXml.USER_EDITED_CONFIG)));
    assertThat(canonical(node(sent, "/DistributionConfig")))
        .isEqualTo(canonical(node(expected, "/DistributionConfig")));
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2); // GetDistributionConfig, UpdateDistribution
  }

  @Test
  void disable_whenEtagChangedSinceTheRead_throwsStaleVersionWithoutWriting() {
    stubConfig("ETAG2", CloudFrontXml.USER_EDITED_CONFIG);

    assertThatThrownBy(() -> distributions.disable(DISTRIBUTION, "ETAG1"))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION));
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH)))).isEmpty();
  }

  @Test
  void disable_whenDisabledAlready_writesNothing() {
    String config = disabled(CloudFrontXml.USER_EDITED_CONFIG);
    stubConfig("ETAG1", config);
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG1")
        .withBody(CloudFrontXml.distribution("Deployed", config))));

    Distribution result = distributions.disable(DISTRIBUTION, "ETAG1");

    assertThat(result.etag()).isEqualTo("ETAG1");
    assertThat(result.config().enabled()).isFalse();
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH)))).isEmpty();
  }

  @Test
  void disable_whenEtagIsBlank_throwsInvalidIfMatchVersionWithoutACall() {
    assertThatThrownBy(() -> distributions.disable(DISTRIBUTION, " "))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.errorCode()).contains("InvalidIfMatchVersion"));
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  // ---------------------------------------------------------------- delete

  @Test
  void delete_whenCalled_sendsDeleteDistributionWithIfMatch() {
    wm.stubFor(delete(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withStatus(204)));

    distributions.delete(DISTRIBUTION, "ETAG3");

    LoggedRequest request = Wire.only(wm, deleteRequestedFor(urlEqualTo(DISTRIBUTION_PATH)));
    assertThat(request.getHeader("If-Match")).isEqualTo("ETAG3");
    assertThat(request.getBodyAsString()).isEmpty();
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "409, DistributionNotDisabled, NOT_DISABLED",
      "409, ResourceInUse, IN_USE",
      "412, PreconditionFailed, STALE_VERSION"})
  void delete_whenCloudFrontRefusesWithAConflict_throwsItsReason(int status, String code, String reason) {
    wm.stubFor(delete(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withStatus(status)
        .withBody(Wire.cloudFrontError(code, "refused", "req-" + status))));

    assertThatThrownBy(() -> distributions.delete(DISTRIBUTION, "ETAG3"))
        .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
          assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.valueOf(reason));
          assertThat(e.errorCode()).contains(code);
          assertThat(e.requestId()).contains("req-" + status);
          assertThat(e.resourceId()).contains(ID);
        });
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "404, NoSuchDistribution, ResourceNotFoundException",
      "403, AccessDenied, AccessDeniedException",
      "400, InvalidIfMatchVersion, InvalidRequestException"})
  void delete_whenCloudFrontRefuses_throwsTheTypedError(int status, String code, String type) {
    wm.stubFor(delete(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withStatus(status)
        .withBody(Wire.cloudFrontError(code, "refused", "req-" + status))));

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> distributions.delete(DISTRIBUTION, "E3"));

    assertThat(thrown).isInstanceOf(ProvisioningException.class);
    assertThat(thrown.getClass().getSimpleName()).isEqualTo(type);
    assertThat(((ProvisioningException) thrown).errorCode()).contains(code);
    if (thrown instanceof AccessDeniedException denied) {
      assertThat(denied.action()).contains("cloudfront:DeleteDistribution");
    }
    if (thrown instanceof ResourceNotFoundException notFound) {
      assertThat(notFound.resourceId()).contains(ID);
    }
  }

  @Test
  void delete_whenTheResponseIsLost_throwsUnknownOutcome() {
    wm.stubFor(delete(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> distributions.delete(DISTRIBUTION, "ETAG3")).isInstanceOf(UnknownOutcomeException.class);
  }

  @Test
  void delete_whenEtagIsMissing_throwsInvalidIfMatchVersionWithoutACall() {
    assertThatThrownBy(() -> distributions.delete(DISTRIBUTION, null))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.errorCode()).contains("InvalidIfMatchVersion"));
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }
}
