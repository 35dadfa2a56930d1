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
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.util.List;
import java.util.Map;
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
