package io.github.mediapackagecdn.examples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings.BehaviorLayout;
import io.github.mediapackagecdn.examples.benchmark.AuditCalls.Audit;
import io.github.mediapackagecdn.examples.benchmark.CallsPerUseCase.Calls;
import io.github.mediapackagecdn.examples.benchmark.CallsPerUseCase.UseCase;
import io.github.mediapackagecdn.examples.benchmark.ConcurrentSaves.Run;
import io.github.mediapackagecdn.examples.benchmark.DeploymentsPerChannel.Deployments;
import io.github.mediapackagecdn.examples.benchmark.DeploymentsPerChannel.Scenario;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings.DistributionScope;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's call counts, asserted exactly from the same code the program prints them from (they are
 * deterministic on the fakes); the concurrent saves' counts, which depend on the interleaving, within their bounds;
 * the timings only for their shape, never their values.
 */
class BenchmarkTest {

  @Nested
  class CallsPerUseCaseTest {

    @Test
    void withTheTaggingApi_eachUseCaseMakesItsCalls() {
      Map<UseCase, Calls> calls = CallsPerUseCase.measure(LinkLookup.TAGGING_API);

      assertThat(calls.get(UseCase.NEW_CHANNEL).operations()).containsExactly(Operation.DESCRIBE_CHANNEL,
          Operation.CREATE_CHANNEL, Operation.CREATE_DISTRIBUTION_WITH_TAGS, Operation.TAG_RESOURCE,
          Operation.LIST_ORIGIN_ENDPOINTS);
      assertThat(totalsAndWrites(calls)).containsExactly(5, 3, 8, 2, 6, 0, 5, 0);
    }

    @Test
    void withCloudFrontTags_theTagLookupIsListDistributionsAndOneListTagsForResourcePerDistribution() {
      Map<UseCase, Calls> calls = CallsPerUseCase.measure(LinkLookup.CLOUDFRONT_TAGS);

      assertThat(calls.get(UseCase.UNCHANGED_ENDPOINT).operations()).containsExactly(Operation.DESCRIBE_CHANNEL,
          Operation.DESCRIBE_ORIGIN_ENDPOINT, Operation.LIST_DISTRIBUTIONS, Operation.LIST_TAGS_FOR_RESOURCE,
          Operation.LIST_ORIGIN_ENDPOINTS, Operation.GET_DISTRIBUTION);
      assertThat(totalsAndWrites(calls)).containsExactly(5, 3, 8, 2, 6, 0, 5, 0);
    }

    @Test
    void report_isOneRowPerUseCaseWithBothLookups() {
      assertThat(CallsPerUseCase.report())
          .contains("| new channel with a distribution  | 5 (3)       | 5 (3)           | 2               |")
          .contains("- channel details: DescribeChannel, ListOriginEndpoints, GetResources, ListTagsForResource, "
              + "GetDistribution");
    }

    private List<Integer> totalsAndWrites(Map<UseCase, Calls> calls) {
      return List.of(UseCase.values()).stream()
          .flatMap(useCase -> List.of(calls.get(useCase).total(), calls.get(useCase).writes()).stream())
          .toList();
    }
  }

  @Nested
  class ConcurrentSavesTest {

    @Test
    void oneAfterAnother_fourOrSixteenSavesOfTheFourFormats_updateThreeTimes() {
      for (int saves : List.of(4, 16)) {
        assertThat(ConcurrentSaves.measure(saves, 1)).as("%d saves", saves).isEqualTo(new Run(3, 3, 0, true));
      }
    }

    @Test
    void fromAsManyThreadsAsSaves_everySaveSucceedsAndEachAcceptedUpdateIsOneOfTheFormatsMissing() {
      for (int saves : List.of(4, 16)) {
        for (int run = 0; run < 3; run++) {
          Run result = ConcurrentSaves.measure(saves, saves);

          assertThat(result.failedSaves()).as("%s", result).isZero();
          assertThat(result.everyEndpointServed()).as("%s", result).isTrue();
          assertThat(result.acceptedUpdates()).as("%s", result).isBetween(1, 4);
          assertThat(result.staleUpdates()).as("%s", result).isNotNegative();
        }
      }
    }
  }

  @Nested
  class DeploymentsPerChannelTest {

    @Test
    void theRows_areEachLayoutTheDefaultFirst_endpointByEndpointThenInOneBatch() {
      assertThat(DeploymentsPerChannel.SCENARIOS).containsExactly(
          new Scenario(false, BehaviorLayout.PER_ENDPOINT_FORMAT), new Scenario(true, BehaviorLayout.PER_ENDPOINT_FORMAT),
          new Scenario(false, BehaviorLayout.ALL_LIVE_FORMATS), new Scenario(true, BehaviorLayout.ALL_LIVE_FORMATS));
    }

    @Test
    void theFourFormats_endpointByEndpoint_takeThreeUpdatesAsTheConsole_andOneWithEveryLiveFormatOrInOneBatch() {
      assertThat(DeploymentsPerChannel.SCENARIOS).extracting(DeploymentsPerChannel::measure).containsExactly(
          new Deployments(1, 3), new Deployments(1, 1), new Deployments(1, 1), new Deployments(1, 1));
      assertThat(new Deployments(1, 3).total()).isEqualTo(4);
    }

    @Test
    void report_namesTheDefaultLayout() {
      assertThat(DeploymentsPerChannel.report())
          .contains("| endpoint by endpoint      | PER_ENDPOINT_FORMAT (default, as the console) | 1                  | 3 ")
          .contains("| endpoint by endpoint      | ALL_LIVE_FORMATS                              | 1                  | 1 ");
    }
  }

  @Nested
  class AuditCallsTest {

    @Test
    void tenChannels_takeOnePageOfEachListing_orOneListTagsForResourcePerDistribution() {
      AuditCalls.Fleet fleet = AuditCalls.seed(10);

      assertThat(AuditCalls.measure(fleet, LinkLookup.TAGGING_API).total()).isEqualTo(4);
      assertThat(AuditCalls.measure(fleet, LinkLookup.CLOUDFRONT_TAGS).total()).isEqualTo(14);
    }

    @Test
    void oneHundredChannels_takeOnePageOfEachListing_orOneListTagsForResourcePerDistribution() {
      AuditCalls.Fleet fleet = AuditCalls.seed(100);

      Audit taggingApi = AuditCalls.measure(fleet, LinkLookup.TAGGING_API);
      Audit cloudFrontTags = AuditCalls.measure(fleet, LinkLookup.CLOUDFRONT_TAGS);

      assertThat(taggingApi.calls()).isEqualTo(Map.of(Operation.LIST_CHANNELS, 1, Operation.LIST_ORIGIN_ENDPOINTS, 1,
          Operation.GET_RESOURCES, 1, Operation.LIST_DISTRIBUTIONS, 1));
      assertThat(cloudFrontTags.calls()).isEqualTo(Map.of(Operation.LIST_CHANNELS, 1,
          Operation.LIST_ORIGIN_ENDPOINTS, 1, Operation.LIST_DISTRIBUTIONS, 2, Operation.LIST_TAGS_FOR_RESOURCE, 100));
      assertThat(List.of(taggingApi, cloudFrontTags)).allSatisfy(audit -> {
        assertThat(audit.clean()).isTrue();
        assertThat(audit.writes()).isZero();
      });
      assertThat(taggingApi.total()).isEqualTo(4);
      assertThat(cloudFrontTags.total()).isEqualTo(104);
    }

    @Test
    void oneThousandChannels_take25CallsInPages_or1025WithCloudFrontTags() {
      AuditCalls.Fleet fleet = AuditCalls.seed(1_000);

      Audit taggingApi = AuditCalls.measure(fleet, LinkLookup.TAGGING_API);
      Audit cloudFrontTags = AuditCalls.measure(fleet, LinkLookup.CLOUDFRONT_TAGS);

      assertThat(taggingApi.calls()).isEqualTo(Map.of(Operation.LIST_CHANNELS, 1, Operation.LIST_ORIGIN_ENDPOINTS, 4,
          Operation.GET_RESOURCES, 10, Operation.LIST_DISTRIBUTIONS, 10));
      assertThat(cloudFrontTags.calls()).isEqualTo(Map.of(Operation.LIST_CHANNELS, 1,
          Operation.LIST_ORIGIN_ENDPOINTS, 4, Operation.LIST_DISTRIBUTIONS, 20,
          Operation.LIST_TAGS_FOR_RESOURCE, 1_000));
      assertThat(taggingApi.total()).isEqualTo(25);
      assertThat(cloudFrontTags.total()).isEqualTo(1_025);
      assertThat(List.of(taggingApi, cloudFrontTags)).allMatch(Audit::clean).allMatch(audit -> audit.writes() == 0);
    }

    @Test
    void aFleetSeededThroughTheFakes_auditsAsOneSavedThroughTheLibrary() {
      FakeAws aws = Fixtures.accountFor(100);
      ChannelCdn cdn = aws.channelCdn();
      for (int i = 0; i < 100; i++) {
        String channel = String.format("live-%05d", i);
        cdn.saveChannel(Fixtures.channel(channel));
        cdn.saveEndpoints(Fixtures.everyFormat(channel));
      }
      AuditCalls.Fleet saved = new AuditCalls.Fleet(aws, 100);
      AuditCalls.Fleet seeded = AuditCalls.seed(100);

      for (LinkLookup lookup : LinkLookup.values()) {
        Audit ofSaved = AuditCalls.measure(saved, lookup);
        assertThat(ofSaved.clean()).isTrue();
        assertThat(AuditCalls.measure(seeded, lookup)).isEqualTo(ofSaved);
      }
      assertThat(withoutIds(Fixtures.channelCdn(seeded.aws(), LinkLookup.TAGGING_API).audit()))
          .as("the same report but for the distribution ids")
          .isEqualTo(withoutIds(Fixtures.channelCdn(aws, LinkLookup.TAGGING_API).audit()));
    }
  }

  private static String withoutIds(Object audit) {
    return audit.toString().replaceAll("E[A-Z0-9]{13}", "<id>");
  }

  /**
   * MediaPackage v2's figures, one table of expected figures per scope: a row per use case, {@code calls, writes,
   * CloudFront writes}, each explained. To update after a change of the library, run the benchmark and copy its rows
   * here and into the README.
   */
  @Nested
  class V2CallsPerUseCaseTest {

    /** A use case's expected calls, writes and CloudFront writes. */
    private record Figures(int calls, int writes, int cloudFrontWrites) {}

    private static Figures of(Calls calls) {
      return new Figures(calls.total(), calls.writes(), calls.cloudFrontWrites());
    }

    private static final Map<V2CallsPerUseCase.UseCase, Figures> CHANNEL_SCOPE = Map.of(
        // GetChannelGroup, GetChannel, ListChannels, CreateChannel, GetResources, CreateDistributionWithTags,
        // TagResource (the id on the channel), ListOriginEndpoints: one deployment
        V2CallsPerUseCase.UseCase.NEW_CHANNEL, new Figures(8, 3, 1),
        // reads, the lookup (GetResources, ListTagsForResource), GetDistribution, GetOriginEndpoint, then
        // CreateOriginEndpoint, GetOriginEndpointPolicy, PutOriginEndpointPolicy, UpdateDistribution: one deployment
        V2CallsPerUseCase.UseCase.NEW_ENDPOINT, new Figures(11, 3, 1),
        // as one endpoint, with a GetOriginEndpoint, CreateOriginEndpoint and policy read and write per endpoint, and
        // ONE UpdateDistribution for the three
        V2CallsPerUseCase.UseCase.BATCH_OF_3, new Figures(19, 7, 1),
        // the new endpoint's reads, no write
        V2CallsPerUseCase.UseCase.UNCHANGED_ENDPOINT, new Figures(8, 0, 0),
        // GetChannel, ListOriginEndpoints, the lookup, GetDistribution, then GetOriginEndpointPolicy of the endpoint the
        // distribution routes (does it let the distribution read it?)
        V2CallsPerUseCase.UseCase.DETAILS, new Figures(6, 0, 0),
        // the details' reads, GetChannelGroup and each endpoint's policy (1 endpoint)
        V2CallsPerUseCase.UseCase.PLAN, new Figures(7, 0, 0),
        // 3 DeleteOriginEndpoint, the distribution disabled (UpdateDistribution), 6 GetDistribution over the fake's 5
        // minutes of deployment, DeleteDistribution, DeleteChannel
        V2CallsPerUseCase.UseCase.TEARDOWN, new Figures(19, 6, 2));

    private static final Map<V2CallsPerUseCase.UseCase, Figures> CHANNEL_GROUP_SCOPE = Map.of(
        // GetChannel, GetChannelGroup, GetChannel, ListChannels, CreateChannel, then the group's distribution found
        // (GetChannelGroup, GetResources, ListTagsForResource), ListOriginEndpoints: no CloudFront write
        V2CallsPerUseCase.UseCase.NEW_CHANNEL, new Figures(9, 1, 0),
        // CreateOriginEndpoint and PutOriginEndpointPolicy (the group's distribution ARN): no CloudFront write
        V2CallsPerUseCase.UseCase.NEW_ENDPOINT, new Figures(11, 2, 0),
        // 3 CreateOriginEndpoint, 3 PutOriginEndpointPolicy
        V2CallsPerUseCase.UseCase.BATCH_OF_3, new Figures(19, 6, 0),
        // the new endpoint's reads, no write
        V2CallsPerUseCase.UseCase.UNCHANGED_ENDPOINT, new Figures(9, 0, 0),
        // GetChannel, ListOriginEndpoints, the channel's own lookup (GetResources), then the group's (GetChannelGroup,
        // GetResources, ListTagsForResource), GetDistribution, GetOriginEndpointPolicy of the routed endpoint
        V2CallsPerUseCase.UseCase.DETAILS, new Figures(8, 0, 0),
        // GetChannelGroup, GetChannel, the channel's own lookup (GetResources: none), the group's (GetResources,
        // ListTagsForResource), ListOriginEndpoints, GetOriginEndpointPolicy, GetDistribution: the plan is made on
        // the group's distribution, with the endpoint policy writes it would list
        V2CallsPerUseCase.UseCase.PLAN, new Figures(8, 0, 0),
        // 3 DeleteOriginEndpoint, DeleteChannel: the group's distribution is never touched
        V2CallsPerUseCase.UseCase.TEARDOWN, new Figures(7, 4, 0));

    @Test
    void channelScope_eachUseCaseMakesTheTablesCalls() {
      Map<V2CallsPerUseCase.UseCase, Calls> calls = V2CallsPerUseCase.measure(DistributionScope.CHANNEL);

      assertThat(figures(calls)).isEqualTo(CHANNEL_SCOPE);
      assertThat(calls.get(V2CallsPerUseCase.UseCase.NEW_CHANNEL).operations()).containsExactly(Operation.V2_GET_CHANNEL_GROUP,
          Operation.V2_GET_CHANNEL, Operation.V2_LIST_CHANNELS, Operation.V2_CREATE_CHANNEL, Operation.GET_RESOURCES,
          Operation.CREATE_DISTRIBUTION_WITH_TAGS, Operation.V2_TAG_RESOURCE, Operation.V2_LIST_ORIGIN_ENDPOINTS);
    }

    @Test
    void groupScope_eachUseCaseMakesTheTablesCalls_noneWritesToCloudFront() {
      Map<V2CallsPerUseCase.UseCase, Calls> calls = V2CallsPerUseCase.measure(DistributionScope.CHANNEL_GROUP);

      assertThat(figures(calls)).isEqualTo(CHANNEL_GROUP_SCOPE);
      assertThat(calls.values()).allSatisfy(of -> assertThat(of.cloudFrontWrites()).isZero());
    }

    @Test
    void report_isOneRowPerUseCaseWithBothScopes() {
      assertThat(V2CallsPerUseCase.report())
          .contains("| new channel                   | 8 (3, 1)      | 9 (1, 0)            |")
          .contains("- teardown (deleteDistribution): GetChannel, GetResources, ListOriginEndpoints, "
              + "DeleteOriginEndpoint, DeleteOriginEndpoint, DeleteOriginEndpoint, DeleteChannel");
    }

    private static Map<V2CallsPerUseCase.UseCase, Figures> figures(Map<V2CallsPerUseCase.UseCase, Calls> calls) {
      Map<V2CallsPerUseCase.UseCase, Figures> figures = new java.util.EnumMap<>(V2CallsPerUseCase.UseCase.class);
      calls.forEach((useCase, of) -> figures.put(useCase, of(of)));
      return figures;
    }
  }

  /** v2's deployments and the fake clock's time to ready for players per new channel of three endpoints. */
  @Nested
  class V2DeploymentsPerChannelTest {

    @Test
    void channelScope_deploysOncePerWrite_groupScope_neverOnceTheGroupExists_andIsReadyAtOnce() {
      assertThat(V2DeploymentsPerChannel.SCENARIOS).extracting(V2DeploymentsPerChannel::measure).containsExactly(
          // CreateDistributionWithTags, then an UpdateDistribution per endpoint: the wait until the last deploys
          new V2DeploymentsPerChannel.Deployments(1, 3, 4, Duration.ofMinutes(5)),
          // CreateDistributionWithTags, one UpdateDistribution for the batch
          new V2DeploymentsPerChannel.Deployments(1, 1, 2, Duration.ofMinutes(5)),
          // the group's deployed distribution already routes every channel: nothing to write, nothing to wait for
          new V2DeploymentsPerChannel.Deployments(0, 0, 0, Duration.ZERO),
          new V2DeploymentsPerChannel.Deployments(0, 0, 0, Duration.ZERO));
    }

    @Test
    void report_namesTheDefaultScope() {
      assertThat(V2DeploymentsPerChannel.report())
          .contains("| CHANNEL (default) | one by one                | 1                  | 3    ")
          .contains("| CHANNEL_GROUP     | one batch (saveEndpoints) | 0                  | 0    ");
    }
  }

  /** v2's audit calls in both scopes, groups of 10 channels with 2 endpoints each (1,000 channels: about 20 s). */
  @Nested
  class V2AuditCallsTest {

    @Test
    void channelScope_10_100_1000Channels_take47_425_4223Calls_groupScope_47_425_4205() {
      // channel scope: 1 + G + 2C + 2 + 2 pages of distributions + G' + E' (the formula of V2FleetAuditOnFakesTest);
      // group scope: the same formula, each channel judged by its group's distribution (G' = G, E' = all endpoints),
      // with one distribution a group (D = G): fewer pages of distributions, 18 fewer calls at 1,000 channels
      assertThat(Stream.of(10, 100, 1_000).map(channels -> V2AuditCalls.measure(channels, DistributionScope.CHANNEL))
          .map(V2AuditCalls.Audit::calls)).containsExactly(47, 425, 4_223);
      assertThat(Stream.of(10, 100, 1_000)
          .map(channels -> V2AuditCalls.measure(channels, DistributionScope.CHANNEL_GROUP))
          .map(V2AuditCalls.Audit::calls)).containsExactly(47, 425, 4_205);
    }

    @Test
    void theAudit_writesNothing_andFindsTheFleetClean() {
      for (DistributionScope scope : DistributionScope.values()) {
        V2AuditCalls.Audit audit = V2AuditCalls.measure(10, scope);
        assertThat(audit.writes()).as("%s", scope).isZero();
        assertThat(audit.clean()).as("%s", scope).isTrue();
      }
    }
  }

  @Nested
  class SaveTimingsTest {

    @Test
    void measure_givesOneSamplePerSaveAndRound_theFakesTimeWithinTheTotal() {
      Map<SaveTimings.Save, List<SaveTimings.Sample>> samples = SaveTimings.measure(1, 3);

      assertThat(samples).containsOnlyKeys(SaveTimings.Save.values());
      assertThat(samples.values()).allSatisfy(of -> assertThat(of).hasSize(3).allSatisfy(sample -> {
        assertThat(sample.inFakesNanos()).isPositive();
        assertThat(sample.libraryNanos()).isNotNegative();
      }));
    }

    @Test
    void percentile_isTheNearestRank() {
      long[] values = {5, 1, 4, 2, 3};

      assertThat(SaveTimings.percentile(values, 50)).isEqualTo(3);
      assertThat(SaveTimings.percentile(values, 95)).isEqualTo(5);
      assertThat(SaveTimings.percentile(new long[] {7}, 95)).isEqualTo(7);
    }
  }

  @Test
  void table_padsEveryColumnToItsWidestCell() {
    assertThat(new Table("Title", "a", "longer").row("wide cell", 1).toString()).isEqualTo("""
        Title

        | a         | longer |
        | --------- | ------ |
        | wide cell | 1      |
        """);
  }
}
