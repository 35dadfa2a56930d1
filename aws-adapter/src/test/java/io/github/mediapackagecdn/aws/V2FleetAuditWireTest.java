package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ChannelCdnV2.audit()} on the AWS adapters over WireMock, every listing split into pages of two: the SDK
 * paginators follow each token, and the requests are exactly the formula's, read-only.
 */
class V2FleetAuditWireTest {

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  @Test
  void audit_ofOneGroupOfThreeChannelsWithTwoEndpointsEach_overPagesOfTwo_sendsExactlyTheFormulasRequests() {
    ChannelCdnV2 cdn = aws.channelCdnV2();
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    for (String name : List.of("news", "sports", "music")) {
      V2ChannelId channel = V2ChannelId.of("live", name);
      cdn.saveChannel(V2ChannelSpec.builder().id(channel).createDistribution(true).build());
      cdn.saveEndpoints(List.of(
          V2EndpointSpec.builder().id(channel.endpoint("hls")).containerType(ContainerType.TS)
              .addManifests(Manifest.of(ManifestType.HLS, "index")).build(),
          V2EndpointSpec.builder().id(channel.endpoint("dash")).containerType(ContainerType.CMAF)
              .addManifests(Manifest.of(ManifestType.DASH, "index")).build()));
    }
    aws.mediaPackageV2().pageSize(2);
    aws.cloudFrontPolicies().pageSize(2);
    aws.tagging().pageSize(2);
    aws.cloudFront().pageSize(2);
    int before = aws.requests(anyRequestedFor(anyUrl())).size();

    FleetAudit audit = aws.channelCdnV2().audit();

    List<LoggedRequest> sent = aws.requests(anyRequestedFor(anyUrl()));
    sent = sent.subList(before, sent.size());
    assertThat(audit.clean()).as("%s", audit).isTrue();
    assertThat(audit.linked()).hasSize(3).allMatch(LinkedChannel::served);
    String channel = "GET /channelGroup/live/channel/";
    assertThat(sent).extracting(r -> r.getMethod().getName() + " " + r.getUrl()).containsExactly(
        "GET /channelGroup?maxResults=100",
        "GET /channelGroup/live/channel?maxResults=100",
        "GET /channelGroup/live/channel?maxResults=100&nextToken=2", // 3 channels, pages of 2
        channel + "news/", channel + "sports/", channel + "music/", // GetChannel: their tags
        channel + "news/originEndpoint?maxResults=100",
        channel + "sports/originEndpoint?maxResults=100",
        channel + "music/originEndpoint?maxResults=100",
        "GET /2020-05-31/origin-access-control?MaxItems=100",
        "GET /2020-05-31/cache-policy?Type=custom&MaxItems=100",
        "POST /", "POST /", // GetResources: 3 link tags, pages of 2
        "GET /2020-05-31/distribution?MaxItems=100",
        "GET /2020-05-31/distribution?Marker=EWIRE000000004&MaxItems=100",
        "GET /channelGroup/live", // GetChannelGroup, once for the group of the linked channels
        channel + "news/originEndpoint/hls/policy", channel + "news/originEndpoint/dash/policy",
        channel + "sports/originEndpoint/hls/policy", channel + "sports/originEndpoint/dash/policy",
        channel + "music/originEndpoint/hls/policy", channel + "music/originEndpoint/dash/policy");
    assertThat(sent.get(11).getBodyAsString()).contains("\"ResourcesPerPage\":100")
        .doesNotContain("PaginationToken");
    assertThat(sent.get(12).getBodyAsString()).contains("\"PaginationToken\":\"2\"");
  }
}
