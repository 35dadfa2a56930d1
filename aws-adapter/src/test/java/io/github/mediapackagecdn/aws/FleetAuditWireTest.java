package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.core.audit.AuditFinding.Kind;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.testkit.SampleDistributions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ChannelCdn.audit()} on the AWS adapters over WireMock, with every listing split into pages of two: the SDK
 * paginators follow {@code nextToken}, {@code PaginationToken} and {@code NextMarker}, each call asks for the largest
 * page, and nothing but the four listings is sent.
 */
class FleetAuditWireTest {

  private static final String MP = "arn:aws:mediapackage:us-west-2:123456789012:channels/";

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  private DistributionId missingDash;
  private DistributionId orphan;

  /** Three channels with an HLS and a DASH endpoint and a serving distribution, one without its DASH behaviour. */
  @BeforeEach
  void fleet() {
    aws.mediaPackage().pageSize(2);
    aws.tagging().pageSize(2);
    aws.cloudFront().pageSize(2);
    for (String id : List.of("live-news", "live-sports", "live-music")) {
      Channel channel = aws.mediaPackage().given(ChannelSpec.builder().id(id).build());
      OriginEndpoint hls = aws.mediaPackage().given(endpoint(id + "-hls", id, Packaging.HLS));
      OriginEndpoint dash = aws.mediaPackage().given(endpoint(id + "-dash", id, Packaging.DASH));
      DistributionConfig config = SampleDistributions.newChannelDistribution(channel.id(), "ref-" + id);
      config = SampleDistributions.endpointChanges(config, hls).applyTo(config);
      if (!id.equals("live-sports")) {
        config = SampleDistributions.endpointChanges(config, dash).applyTo(config);
      }
      DistributionId distribution = aws.cloudFront().given(config,
          Map.of(CdnSettings.LINK_TAG_KEY, channel.arn().value()), DistributionStatus.DEPLOYED).id();
      if (id.equals("live-sports")) {
        missingDash = distribution;
      }
    }
    orphan = aws.cloudFront().given(SampleDistributions.newChannelDistribution(ChannelId.of("live-gone"), "ref-gone"),
        Map.of(CdnSettings.LINK_TAG_KEY, MP + "0123456789abcdef0123456789abcdef"), DistributionStatus.DEPLOYED)
        .id();
  }

  private static EndpointSpec endpoint(String id, String channel, Packaging packaging) {
    return EndpointSpec.builder().id(id).channelId(channel).packaging(packaging).build();
  }

  private ChannelCdn cdn() {
    return ChannelCdn.builder().channels(aws.channels()).distributions(aws.distributions())
        .links(aws.taggingApiLinks()).build();
  }

  @Test
  void audit_overPagesOfTwo_findsTheMissingBehaviourAndTheOrphan() {
    FleetAudit audit = cdn().audit();

    assertThat(audit.channelCount()).isEqualTo(3);
    assertThat(audit.endpointCount()).isEqualTo(6);
    assertThat(audit.distributionCount()).isEqualTo(4);
    assertThat(audit.linked()).extracting(LinkedChannel::served).containsExactly(true, false, true);
    assertThat(audit.findings(Kind.NOT_SERVED)).singleElement().satisfies(f -> {
      assertThat(f.distributions()).containsExactly(missingDash);
      assertThat(f.detail()).isEqualTo("missing cache behaviour *.mpd, cache behaviour *.mp4");
    });
    assertThat(audit.findings(Kind.ORPHAN)).singleElement()
        .satisfies(f -> assertThat(f.distributions()).containsExactly(orphan));
    assertThat(audit.findings()).hasSize(2);
  }

  @Test
  void audit_overPagesOfTwo_sendsNinePagedListingsAskingForTheLargestPagesAndNothingElse() {
    cdn().audit();

    List<LoggedRequest> channels = aws.requests(getRequestedFor(urlPathEqualTo("/channels")));
    List<LoggedRequest> endpoints = aws.requests(getRequestedFor(urlPathEqualTo("/origin_endpoints")));
    List<LoggedRequest> tagged = aws.requests(postRequestedFor(urlEqualTo("/")));
    List<LoggedRequest> distributions = aws.requests(getRequestedFor(urlPathEqualTo("/2020-05-31/distribution")));
    assertThat(channels).extracting(LoggedRequest::getUrl)
        .containsExactly("/channels?maxResults=1000", "/channels?maxResults=1000&nextToken=2");
    assertThat(endpoints).extracting(LoggedRequest::getUrl).containsExactly("/origin_endpoints?maxResults=1000",
        "/origin_endpoints?maxResults=1000&nextToken=2", "/origin_endpoints?maxResults=1000&nextToken=4");
    assertThat(tagged).hasSize(2);
    assertThat(tagged.get(0).getBodyAsString()).contains("\"ResourcesPerPage\":100",
        "\"ResourceTypeFilters\":[\"cloudfront:distribution\"]",
        "\"TagFilters\":[{\"Key\":\"" + CdnSettings.LINK_TAG_KEY + "\"}]").doesNotContain("PaginationToken");
    assertThat(tagged.get(1).getBodyAsString()).contains("\"PaginationToken\":\"2\"");
    assertThat(distributions).extracting(LoggedRequest::getUrl).hasSize(2).first().isEqualTo(
        "/2020-05-31/distribution?MaxItems=100");
    assertThat(distributions.get(1).getUrl()).startsWith("/2020-05-31/distribution?Marker=EWIRE").endsWith(
        "&MaxItems=100");
    assertThat(aws.requests(anyRequestedFor(anyUrl()))).as("only the nine listings: no write, no per-channel read")
        .hasSize(9);
  }
}
