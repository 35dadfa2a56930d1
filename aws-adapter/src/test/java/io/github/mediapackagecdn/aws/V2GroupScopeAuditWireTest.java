package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ChannelCdnV2.audit()} in the distribution scope per channel group, on the AWS adapters over WireMock, every
 * listing split into pages of two: the channels served by their group's distribution are judged by it, a channel of
 * another group with its own distribution by that one, and the requests are exactly the formula's, a listing counted
 * in pages, read-only.
 */
class V2GroupScopeAuditWireTest {

  private static final int PAGE = 2;

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  private static int pages(int items) {
    return Math.max(1, (items + PAGE - 1) / PAGE);
  }

  private static List<V2EndpointSpec> endpoints(V2ChannelId channel, String... names) {
    return java.util.Arrays.stream(names).map(name -> V2EndpointSpec.builder().id(channel.endpoint(name))
        .containerType(ContainerType.CMAF).addManifests(Manifest.of(ManifestType.HLS, "index")).build()).toList();
  }

  @Test
  void audit_inGroupScope_overPagesOfTwo_judgesEachChannelByItsGroupsDistribution_inExactlyTheFormulasRequests() {
    ChannelCdnV2 grouped = aws.channelCdnV2(
        V2CdnSettings.builder().distributionScope(V2CdnSettings.DistributionScope.CHANNEL_GROUP).build());
    grouped.saveChannelGroup(ChannelGroupSpec.builder().name("live").createDistribution(true).build());
    List<V2ChannelId> live = List.of(V2ChannelId.of("live", "news"), V2ChannelId.of("live", "sports"),
        V2ChannelId.of("live", "music"));
    for (V2ChannelId channel : live) {
      grouped.saveChannel(V2ChannelSpec.builder().id(channel).createDistribution(true).build());
      grouped.saveEndpoints(endpoints(channel, "hls", "cmaf", "low"));
    }
    ChannelCdnV2 perChannel = aws.channelCdnV2();
    perChannel.saveChannelGroup(ChannelGroupSpec.builder().name("other").build());
    V2ChannelId solo = V2ChannelId.of("other", "solo");
    DistributionId own = perChannel.saveChannel(V2ChannelSpec.builder().id(solo).createDistribution(true).build())
        .cdn().distributionId().orElseThrow();
    perChannel.saveEndpoints(endpoints(solo, "hls"));
    DistributionId group = grouped.details(live.get(0)).distributionId().orElseThrow();
    assertThat(group).isNotEqualTo(own);
    aws.mediaPackageV2().pageSize(PAGE);
    aws.cloudFrontPolicies().pageSize(PAGE);
    aws.tagging().pageSize(PAGE);
    aws.cloudFront().pageSize(PAGE);
    int before = aws.requests(anyRequestedFor(anyUrl())).size();

    FleetAudit audit = grouped.audit();

    List<LoggedRequest> sent = aws.requests(anyRequestedFor(anyUrl()));
    sent = sent.subList(before, sent.size());
    assertThat(audit.clean()).as("%s", audit).isTrue();
    assertThat(audit.linked()).hasSize(4).allMatch(LinkedChannel::served);
    Map<String, DistributionId> judgedBy = audit.linked().stream().collect(Collectors.toMap(
        l -> l.channel().toString(), LinkedChannel::distribution, (a, b) -> a, TreeMap::new));
    assertThat(judgedBy).isEqualTo(new TreeMap<>(Map.of(
        "live/music", group, "live/news", group, "live/sports", group, "other/solo", own)));
    // G = 2 groups, C = 4 channels (3 + 1), E = 10 endpoints (3 a channel of live, 1 of solo), T = 2 link tags
    // (the group's and solo's), D = 2 distributions; judged: G' = 2 groups, E' = 10 endpoints
    int expected = pages(2) // ListChannelGroups
        + pages(3) + pages(1) // ListChannels of each group
        + 4 // GetChannel: the channel tags
        + 3 * pages(3) + pages(1) // ListOriginEndpoints of each channel
        + 1 + 1 // the shared origin access control and cache policies
        + pages(2) // GetResources
        + pages(2) // ListDistributions
        + 2 // GetChannelGroup of each group judged
        + 10; // GetOriginEndpointPolicy of each endpoint judged
    assertThat(sent).as("%s", sent.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList()).hasSize(expected);
    assertThat(expected).as("more than the one-page formula 1 + G + 2C + 2 + 1 + 1 + G' + E'")
        .isEqualTo(1 + 2 + 2 * 4 + 2 + 1 + 1 + 2 + 10 + 1 + 3);
    assertThat(sent).as("read-only").allSatisfy(r -> assertThat(r.getMethod().getName().equals("GET")
        || r.getBodyAsString().contains("ResourcesPerPage")).as(r.getMethod() + " " + r.getUrl()).isTrue());
  }
}
