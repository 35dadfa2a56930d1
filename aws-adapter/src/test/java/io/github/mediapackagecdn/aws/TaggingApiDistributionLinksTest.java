package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontXml;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaggingApiDistributionLinksTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final String KEY = CdnSettings.LINK_TAG_KEY;
  private static final String ARN_A =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";
  private static final String ARN_B =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/d7e447ed3ca54f8aaa12b592dcb1c41e";
  private static final String TARGET = "ResourceGroupsTaggingAPI_20170126.GetResources";

  private static TaggingApiDistributionLinks tagging;

  @BeforeAll
  static void clients() {
    tagging = new TaggingApiDistributionLinks(Wire.tagging(wm), Wire.cloudFront(wm));
  }

  private static String mapping(String id, String... keyValues) {
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      tags.append(tags.length() == 0 ? "" : ",").append("{\"Key\":\"").append(keyValues[i]).append("\",\"Value\":\"")
          .append(keyValues[i + 1]).append("\"}");
    }
    return "{\"ResourceARN\":\"arn:aws:cloudfront::123456789012:distribution/" + id + "\",\"Tags\":[" + tags + "]}";
  }

  private static String page(String token, String... mappings) {
    return "{\"PaginationToken\":\"" + token + "\",\"ResourceTagMappingList\":[" + String.join(",", mappings) + "]}";
  }


  @Test
  void lagsAfterWrite_isTrue_forTheIndexLagsBehindATagJustWritten() {
    assertThat(tagging.lagsAfterWrite()).isTrue();
  }

  @Test
  void find_whenTagged_postsGetResourcesWithTypeAndTagFilters() {
    wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(page("", mapping("E1U5RQF7T870K0", KEY, ARN_A, "team", "news")))));

    assertThat(tagging.find(KEY, ARN_A)).containsExactly(DistributionId.of("E1U5RQF7T870K0"));

    wm.verify(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo(TARGET))
        .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
        .withRequestBody(equalToJson("""
            {"ResourceTypeFilters":["cloudfront:distribution"],
             "TagFilters":[{"Key":"mediapackage:cloudfront_assoc","Values":["%s"]}],
             "ResourcesPerPage":100}
            """.formatted(ARN_A))));
  }

  @Test
  void find_whenAResourceWasOnlyTaggedOnce_ignoresIt() {
    wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(page("",
        mapping("EOLDOLDOLDOLD1"), mapping("EOTHEROTHERXX2", KEY, ARN_B), mapping("E1U5RQF7T870K0", KEY, ARN_A)))));

    assertThat(tagging.find(KEY, ARN_A)).containsExactly(DistributionId.of("E1U5RQF7T870K0"));
  }

  @Test
  void find_whenSeveralPages_followsThePaginationToken() {
    wm.stubFor(post(urlEqualTo("/")).withRequestBody(equalToJson("{\"PaginationToken\":\"p2\"}", true, true))
        .willReturn(aResponse().withBody(page("", mapping("ESECONDSECOND2", KEY, ARN_A)))));
    wm.stubFor(post(urlEqualTo("/")).atPriority(10)
        .willReturn(aResponse().withBody(page("p2", mapping("EFIRSTFIRSTXX1", KEY, ARN_A)))));

    assertThat(tagging.find(KEY, ARN_A))
        .containsExactly(DistributionId.of("EFIRSTFIRSTXX1"), DistributionId.of("ESECONDSECOND2"));
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(2);
  }

  @ParameterizedTest(name = "{0} ({1}) -> {2}")
  @CsvSource({
      "ThrottledException, 400, ThrottledException",
      "InvalidParameterException, 400, InvalidRequestException",
      "PaginationTokenExpiredException, 400, ServiceFailureException",
      "InternalServiceException, 500, ServiceFailureException",
      "AccessDeniedException, 400, AccessDeniedException",
  })
  void find_whenTheApiRefuses_throwsTheMappedCoreError(String type, int status, String expected) {
    wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(status)
        .withHeader("x-amzn-RequestId", "req-" + type)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody("{\"__type\":\"" + type + "\",\"Message\":\"refused\"}")));

    assertThatThrownBy(() -> tagging.find(KEY, ARN_A)).isInstanceOfSatisfying(ProvisioningException.class, e -> {
      assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
      assertThat(e.errorCode()).contains(type);
      assertThat(e.requestId()).contains("req-" + type);
    });
  }

  @Test
  void find_whenAccessDenied_namesTagGetResources() {
    wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
        .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"denied\"}")));

    assertThatThrownBy(() -> tagging.find(KEY, ARN_A)).isInstanceOfSatisfying(AccessDeniedException.class,
        e -> assertThat(e.action()).contains("tag:GetResources"));
  }

  @Test
  void tagValue_readsTheTagFromCloudFrontItself_notFromTheTaggingIndex() {
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution/" + CloudFrontXml.ID))
        .willReturn(aResponse().withHeader("ETag", "E2QWRUHAPOMQZL")
            .withBody(CloudFrontXml.distribution("InProgress", CloudFrontXml.PLACEHOLDER_CONFIG))));
    wm.stubFor(get(urlEqualTo("/2020-05-31/tagging?Resource="
            + URLEncoder.encode(CloudFrontXml.ARN, StandardCharsets.UTF_8)))
        .willReturn(aResponse().withBody(CloudFrontXml.tags(KEY, ARN_A, "team", "news"))));

    assertThat(tagging.tagValue(DistributionId.of(CloudFrontXml.ID), KEY))
        .contains(ARN_A);
    assertThat(tagging.tagValue(DistributionId.of(CloudFrontXml.ID), "other"))
        .isEmpty();
    wm.verify(0, postRequestedFor(urlEqualTo("/")));
  }
}
