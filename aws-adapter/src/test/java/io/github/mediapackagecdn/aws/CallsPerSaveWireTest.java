package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.aws.fixtures.Answers;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontWorld;
import io.github.mediapackagecdn.aws.fixtures.MediaPackageWorld;
import io.github.mediapackagecdn.aws.fixtures.TaggingWorld;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AWS requests of the everyday use cases over the wire (WireMock worlds of MediaPackage, CloudFront and the
 * tagging API), by operation and in order, on each link lookup: what the core's calls cost once the SDK adapter
 * makes them. Beside the core's calls, an update reads the raw GetDistributionConfig it writes back, and the first
 * ListTagsForResource of a process may need a GetDistribution for the ARN (none here: the index answers show it).
 */
class CallsPerSaveWireTest {

  private static final Answers answers = new Answers();

  @RegisterExtension
  static WireMockExtension wm = Answers.extension(answers);

  private static final ChannelSpec CHANNEL =
      ChannelSpec.builder().id("live-news").description("24/7 news").createDistribution(true).build();
  private static final EndpointSpec HLS = EndpointSpec.builder().id("live-news-hls").channelId("live-news")
      .packaging(Packaging.HLS).startoverWindowSeconds(3600).build();

  private ChannelCdn cdn;

  private ChannelCdn cdn(AwsChannelCdn.LinkLookup lookup) {
    answers.clear();
    CloudFrontWorld cloudFront = new CloudFrontWorld(wm, answers);
    new MediaPackageWorld(wm, answers).install();
    cloudFront.install();
    new TaggingWorld(wm, answers, cloudFront).install();
    wm.resetRequests();
    cdn = Wire.v1Builder(wm).linkLookup(lookup).build();
    return cdn;
  }

  @AfterEach
  void close() {
    if (cdn != null) {
      cdn.close();
    }
  }

  /** The operations WireMock received since the last reset, oldest first. */
  private static List<String> operations() {
    List<String> sent = wm.findAll(anyRequestedFor(anyUrl())).stream()
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
        .map(CallsPerSaveWireTest::operation)
        .toList();
    wm.resetRequests();
    return sent;
  }

  /** The AWS operation of a request, from its method and path (and the tagging API's target header). */
  static String operation(LoggedRequest request) {
    String method = request.getMethod().getName();
    String path = URI.create(request.getUrl()).getPath();
    String query = URI.create(request.getUrl()).getQuery();
    if (request.containsHeader("X-Amz-Target")) {
      String target = request.getHeader("X-Amz-Target");
      return target.substring(target.indexOf('.') + 1);
    }
    return switch (method + " " + path.replaceAll("/tags/.*", "/tags/{id}")
        .replaceAll("/(channels|origin_endpoints)/[^/]+", "/$1/{id}")
        .replaceAll("/distribution/[^/]+", "/distribution/{id}")) {
      case "POST /channels" -> "CreateChannel";
      case "GET /channels/{id}" -> "DescribeChannel";
      case "PUT /channels/{id}" -> "UpdateChannel";
      case "POST /tags/{id}" -> "TagResource";
      case "POST /origin_endpoints" -> "CreateOriginEndpoint";
      case "GET /origin_endpoints" -> "ListOriginEndpoints";
      case "GET /origin_endpoints/{id}" -> "DescribeOriginEndpoint";
      case "PUT /origin_endpoints/{id}" -> "UpdateOriginEndpoint";
      case "POST /2020-05-31/distribution" -> "WithTags".equals(query) ? "CreateDistributionWithTags"
          : "CreateDistribution";
      case "GET /2020-05-31/distribution" -> "ListDistributions";
      case "GET /2020-05-31/distribution/{id}" -> "GetDistribution";
      case "GET /2020-05-31/distribution/{id}/config" -> "GetDistributionConfig";
      case "PUT /2020-05-31/distribution/{id}/config" -> "UpdateDistribution";
      case "GET /2020-05-31/tagging" -> "ListTagsForResource";
      default -> method + " " + path;
    };
  }

  private void fourUseCases(List<String> links, List<String> linksOfADistributionJustCreated) {
    assertThat(cdn.saveChannel(CHANNEL).cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(operations()).as("new channel with a distribution")
        .containsExactly("DescribeChannel", "CreateChannel", "CreateDistributionWithTags", "TagResource",
            "ListOriginEndpoints");

    assertThat(cdn.saveEndpoint(HLS).cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(operations()).as("first endpoint of a channel").containsExactlyElementsOf(concat(
        List.of("DescribeChannel", "DescribeOriginEndpoint"), linksOfADistributionJustCreated,
        List.of("ListOriginEndpoints", "GetDistribution", "CreateOriginEndpoint", "GetDistributionConfig",
            "UpdateDistribution")));

    assertThat(cdn.saveEndpoint(HLS).cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(operations()).as("re-save of an unchanged endpoint: no write").containsExactlyElementsOf(concat(
        List.of("DescribeChannel", "DescribeOriginEndpoint"), links,
        List.of("ListOriginEndpoints", "GetDistribution")));

    assertThat(cdn.details(ChannelId.of("live-news")).distribution()).isPresent();
    assertThat(operations()).as("channel details").containsExactlyElementsOf(concat(
        List.of("DescribeChannel", "ListOriginEndpoints"), links, List.of("GetDistribution")));
  }

  private static List<String> concat(List<String> first, List<String> second, List<String> third) {
    List<String> all = new java.util.ArrayList<>(first);
    all.addAll(second);
    all.addAll(third);
    return all;
  }

  @Test
  void taggingApi() {
    cdn(AwsChannelCdn.LinkLookup.TAGGING_API);
    List<String> links = List.of("GetResources", "ListTagsForResource");
    fourUseCases(links, links);
  }

  @Test
  void cloudFrontTags() {
    cdn(AwsChannelCdn.LinkLookup.CLOUDFRONT_TAGS);
    List<String> links = List.of("ListDistributions", "ListTagsForResource");
    fourUseCases(links, links);
  }
}
