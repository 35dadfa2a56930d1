package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings.DistributionScope;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The wire rows of the README's v2 benchmark: the use cases of the examples module's {@code V2CallsPerUseCase}, in
 * the same order on an account already running (the group, with its distribution in group scope, and a first channel
 * saved), through {@link AwsChannelCdn#v2Builder()}'s SDK adapters against the WireMock worlds, in each distribution
 * scope; and the CloudFront deployments of a new channel with three endpoints, one by one and in a batch. One table
 * of expected figures per scope, each row explained: {@code requests, writes, CloudFront writes}.
 */
class V2BenchmarkWireTest {

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  private static final V2ChannelId OPENING = V2ChannelId.of("live", "opening");
  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");
  private static final V2ChannelId SPORTS = V2ChannelId.of("live", "sports");

  /** The use cases, in the order they run, as in the examples module's benchmark. */
  enum UseCase { NEW_CHANNEL, NEW_ENDPOINT, BATCH_OF_3, UNCHANGED_ENDPOINT, DETAILS, PLAN, TEARDOWN }

  /** A use case's requests, writes and CloudFront writes. */
  record Figures(int requests, int writes, int cloudFrontWrites) {}

  private static final Map<UseCase, Figures> CHANNEL_SCOPE = Map.of(
      // GetChannelGroup, GetChannel, ListChannels, CreateChannel, GetResources, CreateDistributionWithTags,
      // TagResource, ListOriginEndpoints: as on the fakes
      UseCase.NEW_CHANNEL, new Figures(8, 3, 1),
      // the fakes' 11, and the raw GetDistributionConfig the UpdateDistribution writes back
      UseCase.NEW_ENDPOINT, new Figures(12, 3, 1),
      // the fakes' 19, and the GetDistributionConfig of the one UpdateDistribution
      UseCase.BATCH_OF_3, new Figures(20, 7, 1),
      UseCase.UNCHANGED_ENDPOINT, new Figures(8, 0, 0),
      UseCase.DETAILS, new Figures(6, 0, 0),
      UseCase.PLAN, new Figures(7, 0, 0),
      // the fakes' 19, a GetDistributionConfig before the disable, and 2 GetDistribution instead of 6: the world
      // deploys the disabled distribution at its second read, the fakes after 5 simulated minutes
      UseCase.TEARDOWN, new Figures(16, 6, 2));

  /** As on the fakes, request for call: no UpdateDistribution, so no GetDistributionConfig. */
  private static final Map<UseCase, Figures> CHANNEL_GROUP_SCOPE = Map.of(
      UseCase.NEW_CHANNEL, new Figures(9, 1, 0),
      UseCase.NEW_ENDPOINT, new Figures(11, 2, 0),
      UseCase.BATCH_OF_3, new Figures(19, 6, 0),
      UseCase.UNCHANGED_ENDPOINT, new Figures(9, 0, 0),
      UseCase.DETAILS, new Figures(8, 0, 0),
      UseCase.PLAN, new Figures(8, 0, 0),
      UseCase.TEARDOWN, new Figures(7, 4, 0));

  private int seen;

  /** The requests sent since the last call, oldest first, as {@code [operation, service]}. */
  private List<String[]> sent() {
    List<LoggedRequest> requests = new ArrayList<>(aws.requests(anyRequestedFor(anyUrl())));
    requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    List<String[]> operations = requests.subList(seen, requests.size()).stream()
        .map(r -> new String[] {operation(r), URI.create(r.getUrl()).getPath().startsWith("/2020-05-31/")
            ? "cloudfront" : "other"})
        .toList();
    seen = requests.size();
    return operations;
  }

  /** The operation of a request: the deletes of a teardown, else as {@link V2CallsPerSaveWireTest#operation}. */
  static String operation(LoggedRequest request) {
    String path = URI.create(request.getUrl()).getPath().replaceAll("/$", "");
    if (request.getMethod().getName().equals("DELETE")) {
      if (path.startsWith("/2020-05-31/distribution/")) {
        return "DeleteDistribution";
      }
      return path.substring(1).split("/").length == 6 ? "DeleteOriginEndpoint" : "DeleteChannel";
    }
    return V2CallsPerSaveWireTest.operation(request);
  }

  private static boolean isWrite(String operation) {
    return operation.startsWith("Create") || operation.startsWith("Update") || operation.startsWith("Delete")
        || operation.startsWith("Tag") || operation.startsWith("Untag") || operation.startsWith("Put");
  }

  private Figures figures(Runnable useCase) {
    sent();
    useCase.run();
    List<String[]> requests = sent();
    return new Figures(requests.size(), (int) requests.stream().filter(r -> isWrite(r[0])).count(),
        (int) requests.stream().filter(r -> isWrite(r[0]) && r[1].equals("cloudfront")).count());
  }

  private static V2EndpointSpec endpoint(V2ChannelId channel, String name, ContainerType container,
      ManifestType manifest) {
    return V2EndpointSpec.builder().id(channel.endpoint(name)).containerType(container)
        .addManifests(Manifest.of(manifest, "index")).startoverWindowSeconds(3600).build();
  }

  /** An HLS (TS), a low-latency HLS and a DASH (CMAF) endpoint of {@code channel}: the QuickStartV2 endpoints. */
  static List<V2EndpointSpec> threeEndpoints(V2ChannelId channel) {
    return List.of(endpoint(channel, "hls", ContainerType.TS, ManifestType.HLS),
        endpoint(channel, "llhls", ContainerType.CMAF, ManifestType.LOW_LATENCY_HLS),
        endpoint(channel, "dash", ContainerType.CMAF, ManifestType.DASH));
  }

  private static V2ChannelSpec channel(V2ChannelId id) {
    return V2ChannelSpec.builder().id(id).createDistribution(true).build();
  }

  /** The group (with its distribution in group scope) and a first channel saved; the log read. */
  private ChannelCdnV2 running(DistributionScope scope) {
    aws.cloudFront().deployAfterReadsFollowingEachWrite(1);
    ChannelCdnV2 cdn = aws.channelCdnV2(V2CdnSettings.builder().distributionScope(scope).build());
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live")
        .createDistribution(scope == DistributionScope.CHANNEL_GROUP).build());
    cdn.saveChannel(channel(OPENING));
    sent();
    return cdn;
  }

  private Map<UseCase, Figures> measure(DistributionScope scope) {
    ChannelCdnV2 cdn = running(scope);
    List<V2EndpointSpec> news = threeEndpoints(NEWS);
    Map<UseCase, Figures> figures = new EnumMap<>(UseCase.class);
    figures.put(UseCase.NEW_CHANNEL, figures(() -> cdn.saveChannel(channel(NEWS))));
    figures.put(UseCase.NEW_ENDPOINT, figures(() -> cdn.saveEndpoint(news.get(0))));
    cdn.saveChannel(channel(SPORTS));
    figures.put(UseCase.BATCH_OF_3, figures(() -> cdn.saveEndpoints(threeEndpoints(SPORTS))));
    figures.put(UseCase.UNCHANGED_ENDPOINT, figures(() -> cdn.saveEndpoint(news.get(0))));
    figures.put(UseCase.DETAILS, figures(() -> cdn.details(NEWS)));
    figures.put(UseCase.PLAN, figures(() -> cdn.plan(NEWS)));
    figures.put(UseCase.TEARDOWN, figures(
        () -> cdn.teardown(SPORTS, TeardownOptions.builder().deleteDistribution(true).build())));
    return figures;
  }

  @Test
  void channelScope_eachUseCaseSendsTheTablesRequests() {
    assertThat(measure(DistributionScope.CHANNEL)).isEqualTo(CHANNEL_SCOPE);
  }

  @Test
  void groupScope_eachUseCaseSendsTheTablesRequests_noneWritesToCloudFront() {
    assertThat(measure(DistributionScope.CHANNEL_GROUP)).isEqualTo(CHANNEL_GROUP_SCOPE);
  }

  /** CreateDistribution and UpdateDistribution requests (each a deployment) of a new channel with three endpoints. */
  private List<Integer> deployments(DistributionScope scope, boolean batch) {
    ChannelCdnV2 cdn = running(scope);
    cdn.saveChannel(channel(NEWS));
    if (batch) {
      cdn.saveEndpoints(threeEndpoints(NEWS));
    } else {
      threeEndpoints(NEWS).forEach(cdn::saveEndpoint);
    }
    List<String> operations = sent().stream().map(r -> r[0]).toList();
    return List.of((int) operations.stream().filter(o -> o.startsWith("CreateDistribution")).count(),
        (int) operations.stream().filter("UpdateDistribution"::equals).count());
  }

  /** Channel scope: 4 deployments one by one, 2 in a batch; group scope: none either way. */
  @ParameterizedTest(name = "{0} scope, batch {1}: {2} create, {3} updates")
  @CsvSource({"CHANNEL, false, 1, 3", "CHANNEL, true, 1, 1", "CHANNEL_GROUP, false, 0, 0",
      "CHANNEL_GROUP, true, 0, 0"})
  void aNewChannelOfThreeEndpoints_deploysOncePerCreateAndUpdate(DistributionScope scope, boolean batch, int creates,
      int updates) {
    assertThat(deployments(scope, batch)).containsExactly(creates, updates);
  }
}
