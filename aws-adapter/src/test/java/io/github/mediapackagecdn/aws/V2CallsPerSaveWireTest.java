package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP requests of MediaPackage v2's use cases over the wire: the QuickStartV2 flow (a group, a channel with a
 * distribution, an HLS, a low-latency HLS and a DASH endpoint, the details, the wait) through
 * {@link AwsChannelCdn#v2Builder()}'s SDK adapters against the WireMock worlds, by operation and in order, first run
 * and unchanged re-run, and with one-item pages. The wire figures beside the fakes' ({@code QuickStartV2Test},
 * {@code ChannelCdnV2OnFakesTest}), which count calls to the ports. They differ in two ways only:
 * <ul>
 *   <li>an UpdateDistribution is preceded by the raw GetDistributionConfig it writes back (so that no setting the SDK
 *       does not model is dropped): one request more per endpoint save that writes;
 *   <li>a listing is one port call on the fakes, one request a page on the wire.
 * </ul>
 * The wait reads the details (5 requests) and then the distribution until it is {@code Deployed}: one GetDistribution
 * here, where the world deploys at the first read after the details, 6 over the fakes' simulated 5 minutes.
 */
class V2CallsPerSaveWireTest {

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  private static final V2ChannelId CHANNEL = V2ChannelId.of("live", "live-news");
  private static final List<String> WRITES = List.of("CreateChannelGroup", "CreateChannel", "UpdateChannel",
      "TagResource", "CreateOriginEndpoint", "UpdateOriginEndpoint", "PutOriginEndpointPolicy",
      "CreateOriginAccessControl", "CreateCachePolicy", "CreateDistributionWithTags", "UpdateDistribution");
  /** The link lookup of a channel that has a distribution: the tag index, then CloudFront's own tag. */
  private static final List<String> LOOKUP = List.of("GetResources", "ListTagsForResource");

  private final List<String> all = new ArrayList<>();
  private int seen;

  /** The operations sent since the last call, oldest first. */
  private List<String> sent() {
    List<LoggedRequest> requests = new ArrayList<>(aws.requests(anyRequestedFor(anyUrl())));
    requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    List<String> operations = requests.subList(seen, requests.size()).stream().map(V2CallsPerSaveWireTest::operation)
        .toList();
    seen = requests.size();
    all.addAll(operations);
    return operations;
  }

  private static long writes(List<String> operations) {
    return operations.stream().filter(WRITES::contains).count();
  }

  /** The AWS operation of a request: MediaPackage v2's routes, CloudFront's policies, then v1's table. */
  static String operation(LoggedRequest request) {
    String method = request.getMethod().getName();
    String path = URI.create(request.getUrl()).getPath().replaceAll("/$", "");
    if (path.startsWith("/channelGroup")) {
      return switch (path.substring(1).split("/").length + " " + method) {
        case "1 POST" -> "CreateChannelGroup";
        case "1 GET" -> "ListChannelGroups";
        case "2 GET" -> "GetChannelGroup";
        case "3 POST" -> "CreateChannel";
        case "3 GET" -> "ListChannels";
        case "4 GET" -> "GetChannel";
        case "4 PUT" -> "UpdateChannel";
        case "5 POST" -> "CreateOriginEndpoint";
        case "5 GET" -> "ListOriginEndpoints";
        case "6 GET" -> "GetOriginEndpoint";
        case "6 PUT" -> "UpdateOriginEndpoint";
        case "7 GET" -> "GetOriginEndpointPolicy";
        case "7 POST" -> "PutOriginEndpointPolicy";
        default -> method + " " + path;
      };
    }
    return switch (method + " " + path) {
      case "GET /2020-05-31/origin-access-control" -> "ListOriginAccessControls";
      case "POST /2020-05-31/origin-access-control" -> "CreateOriginAccessControl";
      case "GET /2020-05-31/cache-policy" -> "ListCachePolicies";
      case "POST /2020-05-31/cache-policy" -> "CreateCachePolicy";
      default -> CallsPerSaveWireTest.operation(request);
    };
  }

  private static final List<V2EndpointSpec> ENDPOINTS = V2BenchmarkWireTest.threeEndpoints(CHANNEL);

  /** Details and the wait read the policy of each of the 3 endpoints the distribution routes, once. */
  private static final List<String> POLICIES =
      List.of("GetOriginEndpointPolicy", "GetOriginEndpointPolicy", "GetOriginEndpointPolicy");

  private static List<String> concat(List<?>... parts) {
    List<String> joined = new ArrayList<>();
    for (List<?> part : parts) {
      part.forEach(p -> joined.add((String) p));
    }
    return joined;
  }

  /** The QuickStartV2 flow's steps; answers the details before the wait. */
  private ChannelCdnV2 cdn() {
    ChannelCdnV2 cdn = aws.channelCdnV2();
    aws.cloudFront().deployAfterReadsFollowingEachWrite(1); // the details read it InProgress, the wait Deployed
    return cdn;
  }

  @Test
  void quickStart_firstRun_60RequestsAnd16Writes_beforeTheWait_theFakes57PlusAGetDistributionConfigAnUpdate() {
    ChannelCdnV2 cdn = cdn();

    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    assertThat(sent()).as("new group").containsExactly("GetChannelGroup", "ListChannelGroups", "CreateChannelGroup");

    assertThat(cdn.saveChannel(V2ChannelSpec.builder().id(CHANNEL).description("QuickStartV2 channel")
        .createDistribution(true).build()).cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(sent()).as("new channel with its distribution: 13, as on the fakes").containsExactly(
        "GetChannelGroup", "GetChannel", "ListOriginAccessControls", "ListCachePolicies", "ListChannels",
        "CreateChannel", "GetResources", "CreateOriginAccessControl", "CreateCachePolicy", "CreateCachePolicy",
        "CreateDistributionWithTags", "TagResource", "ListOriginEndpoints");

    for (V2EndpointSpec spec : ENDPOINTS) {
      assertThat(cdn.saveEndpoint(spec).cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
      assertThat(sent()).as("new endpoint %s: the fakes' 11 and the GetDistributionConfig before the update",
          spec.id()).containsExactlyElementsOf(concat(List.of("GetChannelGroup", "GetChannel", "ListOriginEndpoints"),
              LOOKUP, List.of("GetDistribution", "GetOriginEndpoint", "CreateOriginEndpoint",
                  "GetOriginEndpointPolicy", "PutOriginEndpointPolicy", "GetDistributionConfig",
                  "UpdateDistribution")));
    }

    assertThat(cdn.details(CHANNEL).status()).contains(DistributionStatus.IN_PROGRESS);
    // each endpoint the distribution routes: is it allowed to read it? (its policy, once)
    assertThat(sent()).as("details: 8, as on the fakes").containsExactlyElementsOf(concat(
        List.of("GetChannel", "ListOriginEndpoints"), LOOKUP, List.of("GetDistribution"), POLICIES));
    assertThat(all).hasSize(60);
    assertThat(writes(all)).isEqualTo(16);

    assertThat(cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(30)).readyForPlayers()).isTrue();
    assertThat(sent()).as("the wait: the details, then the distribution until Deployed").containsExactlyElementsOf(
        concat(List.of("GetChannel"), LOOKUP, List.of("ListOriginEndpoints", "GetDistribution"), POLICIES,
            List.of("GetDistribution")));
    assertThat(all).hasSize(69);
    assertThat(writes(all)).isEqualTo(16);
  }

  @Test
  void quickStart_unchangedRerun_42RequestsBeforeTheWait_noWrite_asOnTheFakes() {
    ChannelCdnV2 cdn = cdn();
    quickStart(cdn);
    all.clear();

    quickStart(cdn);

    assertThat(all).as("an unchanged re-run writes nothing").filteredOn(WRITES::contains).isEmpty();
    List<String> endpointSave = concat(List.of("GetChannelGroup", "GetChannel", "ListOriginEndpoints"), LOOKUP,
        List.of("GetDistribution", "GetOriginEndpoint", "GetOriginEndpointPolicy"));
    assertThat(all).containsExactlyElementsOf(concat(
        List.of("GetChannelGroup"),
        // the channel's save serves its endpoints: the distribution and each endpoint's policy are read
        List.of("GetChannelGroup", "GetChannel"), LOOKUP, List.of("ListOriginEndpoints", "GetDistribution",
            "GetOriginEndpointPolicy", "GetOriginEndpointPolicy", "GetOriginEndpointPolicy"),
        endpointSave, endpointSave, endpointSave,
        // details and the wait: each routed endpoint's policy, once each
        List.of("GetChannel", "ListOriginEndpoints"), LOOKUP, List.of("GetDistribution"), POLICIES,
        List.of("GetChannel"), LOOKUP, List.of("ListOriginEndpoints", "GetDistribution"), POLICIES,
        List.of("GetDistribution")));
    assertThat(all).hasSize(51);
  }

  @Test
  void inPagesOfOneItem_everyListingIsOneRequestAPage_andNothingElseChanges() {
    ChannelCdnV2 cdn = cdn();
    quickStart(cdn);
    all.clear();
    aws.mediaPackageV2().pageSize(1);
    aws.cloudFrontPolicies().pageSize(1);
    aws.cloudFront().pageSize(1);
    aws.tagging().pageSize(1);

    quickStart(cdn);

    assertThat(all).filteredOn("ListOriginEndpoints"::equals).as("6 listings of 3 endpoints").hasSize(18);
    assertThat(all).hasSize(51 + 12);

    V2ChannelId sports = V2ChannelId.of("live", "live-sports");
    assertThat(cdn.saveChannel(V2ChannelSpec.builder().id(sports).createDistribution(true).build()).cdn().action())
        .isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(sent()).as("another new channel, same instance: the shared policies were found once").containsExactly(
        "GetChannelGroup", "GetChannel", "ListChannels", "CreateChannel", "GetResources", "CreateDistributionWithTags",
        "TagResource", "ListOriginEndpoints");

    V2ChannelId music = V2ChannelId.of("live", "live-music");
    assertThat(aws.channelCdnV2().saveChannel(V2ChannelSpec.builder().id(music).createDistribution(true).build()).cdn()
        .action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(sent()).as("a new instance finds them: 1 access control, 2 cache policies, 2 channels a page each")
        .containsExactly("GetChannelGroup", "GetChannel", "ListOriginAccessControls", "ListCachePolicies",
            "ListCachePolicies", "ListChannels", "ListChannels", "CreateChannel", "GetResources",
            "CreateDistributionWithTags", "TagResource", "ListOriginEndpoints");
  }

  private void quickStart(ChannelCdnV2 cdn) {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(V2ChannelSpec.builder().id(CHANNEL).description("QuickStartV2 channel").createDistribution(true)
        .build());
    for (V2EndpointSpec spec : ENDPOINTS) {
      cdn.saveEndpoint(spec);
    }
    cdn.details(CHANNEL);
    assertThat(cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(30)).readyForPlayers()).isTrue();
    sent();
  }
}
