package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontXml;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudFrontTagDistributionLinksTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final String KEY = CdnSettings.LINK_TAG_KEY;
  private static final String ARN_A =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";
  private static final String ARN_B =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/d7e447ed3ca54f8aaa12b592dcb1c41e";

  private static CloudFrontTagDistributionLinks cloudFrontTags;

  @BeforeAll
  static void clients() {
    cloudFrontTags = new CloudFrontTagDistributionLinks(Wire.cloudFront(wm));
  }

  private void stubTags(String id, String... keyValues) {
    String arn = "arn:aws:cloudfront::123456789012:distribution/" + id;
    wm.stubFor(get(urlEqualTo("/2020-05-31/tagging?Resource=" + URLEncoder.encode(arn, StandardCharsets.UTF_8)))
        .willReturn(aResponse().withBody(CloudFrontXml.tags(keyValues))));
  }

  @Test
  void lagsAfterWrite_isFalse_forCloudFrontShowsATagAsSoonAsItIsWritten() {
    assertThat(cloudFrontTags.lagsAfterWrite()).isFalse();
  }

  @Test
  void tagValue_afterAListingShowedAnArn_readsTheTagsWithoutAGetDistribution() {
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution?MaxItems=100")).willReturn(aResponse()
        .withBody(CloudFrontXml.distributionList("", "", "EAAAAAAAAAAAA1"))));
    wm.stubFor(get(urlPathEqualTo("/2020-05-31/tagging")).willReturn(aResponse().withBody(CloudFrontXml.tags())));
    CloudFrontTagDistributionLinks fresh = new CloudFrontTagDistributionLinks(Wire.cloudFront(wm));
    fresh.find("k", "v");

    assertThat(fresh.tagValue(DistributionId.of("EBBBBBBBBBBBB2"), "k")).isEmpty();

    wm.verify(0, getRequestedFor(urlPathMatching("/2020-05-31/distribution/.*")));
    wm.verify(getRequestedFor(urlPathEqualTo("/2020-05-31/tagging"))
        .withQueryParam("Resource", equalTo("arn:aws:cloudfront::123456789012:distribution/EBBBBBBBBBBBB2")));
  }

  @Test
  void find_whenDistributionsSpanSeveralPages_readsTheTagsOfEach() {
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution?MaxItems=100")).willReturn(aResponse()
        .withBody(CloudFrontXml.distributionList("", "M2", "EAAAAAAAAAAAA1", "EBBBBBBBBBBBB2"))));
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution?Marker=M2&MaxItems=100")).willReturn(aResponse()
        .withBody(CloudFrontXml.distributionList("M2", "M3", "ECCCCCCCCCCCC3"))));
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution?Marker=M3&MaxItems=100")).willReturn(aResponse()
        .withBody(CloudFrontXml.distributionList("M3", null, "EDDDDDDDDDDDD4"))));
    stubTags("EAAAAAAAAAAAA1", KEY, ARN_A);
    stubTags("EBBBBBBBBBBBB2", "team", "news");
    stubTags("ECCCCCCCCCCCC3", KEY, ARN_B);
    stubTags("EDDDDDDDDDDDD4", KEY, ARN_A);

    assertThat(cloudFrontTags.find(KEY, ARN_A))
        .containsExactly(DistributionId.of("EAAAAAAAAAAAA1"), DistributionId.of("EDDDDDDDDDDDD4"));
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/2020-05-31/distribution")))).hasSize(3);
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/2020-05-31/tagging")))).hasSize(4);
  }

  @Test
  void find_whenADistributionIsDeletedDuringTheSweep_skipsIt() {
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution?MaxItems=100")).willReturn(aResponse()
        .withBody(CloudFrontXml.distributionList("", null, "EAAAAAAAAAAAA1", "EBBBBBBBBBBBB2"))));
    wm.stubFor(get(urlPathEqualTo("/2020-05-31/tagging")).atPriority(10).willReturn(aResponse().withStatus(404)
        .withBody(Wire.cloudFrontError("NoSuchResource", "The specified CloudFront resource does not exist.", "r"))));
    stubTags("EBBBBBBBBBBBB2", KEY, ARN_A);

    assertThat(cloudFrontTags.find(KEY, ARN_A)).containsExactly(DistributionId.of("EBBBBBBBBBBBB2"));
  }

  @Test
  void find_whenAccessToTagsIsDenied_throwsAccessDeniedNamingTheAction() {
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution?MaxItems=100")).willReturn(aResponse()
        .withBody(CloudFrontXml.distributionList("", null, "EAAAAAAAAAAAA1"))));
    wm.stubFor(get(urlPathEqualTo("/2020-05-31/tagging")).willReturn(aResponse().withStatus(403)
        .withBody(Wire.cloudFrontError("AccessDenied", "Access denied", "r"))));

    assertThatThrownBy(() -> cloudFrontTags.find(KEY, ARN_A)).isInstanceOfSatisfying(AccessDeniedException.class,
        e -> assertThat(e.action()).contains("cloudfront:ListTagsForResource"));
  }
}
