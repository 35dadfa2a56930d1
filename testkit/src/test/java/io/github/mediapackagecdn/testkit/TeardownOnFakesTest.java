package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.cdn.TeardownResult.DistributionRemoval;
import io.github.mediapackagecdn.core.cdn.TeardownResult.Removal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Teardown on a fake account: what is deleted, in which order, with how many calls, and what is never touched. */
class TeardownOnFakesTest {

  private static final ChannelId CHANNEL = ChannelId.of(Specs.CHANNEL);
  private static final TeardownOptions WITH_DISTRIBUTION = TeardownOptions.builder().deleteDistribution(true).build();
  private static final String LINK_TAG = CdnSettings.LINK_TAG_KEY;

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdn cdn = aws.channelCdn();

  /** A channel with an HLS and a DASH endpoint, its distribution deployed with both, and the calls log cleared. */
  private Distribution givenAChannelWithEndpointsAndItsDistribution() {
    cdn.saveChannel(Specs.channelWithDistribution());
    cdn.saveEndpoints(List.of(Specs.endpoint(Packaging.HLS), Specs.endpoint(Packaging.DASH)));
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    Distribution distribution = Specs.onlyDistribution(aws);
    assertThat(distribution.status()).isEqualTo(DistributionStatus.DEPLOYED);
    assertThat(distribution.config().enabled()).isTrue();
    return distribution;
  }

  private Map<Operation, Integer> callCounts() {
    Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
    aws.calls().forEach(c -> counts.merge(c.operation(), 1, Integer::sum));
    return counts;
  }

  private void assertEverythingGone() {
    assertThat(aws.channels().all()).isEmpty();
    assertThat(aws.channels().allEndpoints()).isEmpty();
    assertThat(aws.distributions().all()).isEmpty();
  }

  @Test
  void teardown_withDistribution_deletesEndpointsDistributionAndChannelWithExactCalls() {
    Distribution distribution = givenAChannelWithEndpointsAndItsDistribution();
    String[] etagBeforeDelete = new String[1];
    aws.beforeNext(Operation.DELETE_DISTRIBUTION,
        () -> etagBeforeDelete[0] = aws.distributions().peek(distribution.id()).orElseThrow().etag());

    TeardownResult result = cdn.teardown(CHANNEL, WITH_DISTRIBUTION);

    assertThat(result.channel()).isEqualTo(Removal.DELETED);
    assertThat(result.deletedEndpoints()).extracting(e -> e.value())
        .containsExactly("live-news-hls", "live-news-dash");
    assertThat(result.distribution()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(result.deletedDistribution()).contains(distribution.id());
    assertThat(result.alreadyGone()).isFalse();
    assertEverythingGone();
    // 5 minutes to deploy the disabling, polled every 60 s from its start: 6 reads, after the first read
    assertThat(callCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
        Operation.DESCRIBE_CHANNEL, 1,
        Operation.GET_RESOURCES, 1,
        Operation.LIST_TAGS_FOR_RESOURCE, 3, // the link at the start, then before the disabling and before the delete
        Operation.LIST_ORIGIN_ENDPOINTS, 1,
        Operation.DELETE_ORIGIN_ENDPOINT, 2,
        Operation.GET_DISTRIBUTION, 7,
        Operation.UPDATE_DISTRIBUTION, 1,
        Operation.DELETE_DISTRIBUTION, 1,
        Operation.DELETE_CHANNEL, 1));
    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(
        Operation.DELETE_ORIGIN_ENDPOINT, Operation.DELETE_ORIGIN_ENDPOINT, Operation.UPDATE_DISTRIBUTION,
        Operation.DELETE_DISTRIBUTION, Operation.DELETE_CHANNEL);
    // each write sends the ETag of a read made before the tag read that precedes it, never one read after it
    List<Operation> cloudFront = aws.calls().stream().map(RecordedCall::operation)
        .filter(o -> o == Operation.GET_DISTRIBUTION || o == Operation.LIST_TAGS_FOR_RESOURCE
            || o == Operation.UPDATE_DISTRIBUTION || o == Operation.DELETE_DISTRIBUTION)
        .toList();
    assertThat(cloudFront).containsExactly(Operation.LIST_TAGS_FOR_RESOURCE, // the link, before anything is deleted
        Operation.GET_DISTRIBUTION, Operation.LIST_TAGS_FOR_RESOURCE, Operation.UPDATE_DISTRIBUTION,
        Operation.GET_DISTRIBUTION, Operation.GET_DISTRIBUTION, Operation.GET_DISTRIBUTION,
        Operation.GET_DISTRIBUTION, Operation.GET_DISTRIBUTION, Operation.GET_DISTRIBUTION,
        Operation.LIST_TAGS_FOR_RESOURCE, Operation.DELETE_DISTRIBUTION);
    // the disable carried the ETag read, the delete the one the disabling produced: the latest
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION).get(0).arguments().get(1)).isEqualTo(distribution.etag());
    assertThat(aws.calls(Operation.DELETE_DISTRIBUTION).get(0).arguments().get(1))
        .isEqualTo(etagBeforeDelete[0]).isNotEqualTo(distribution.etag());
  }

  @Test
  void teardown_disablesByWritingBackEveryOtherSettingUnchanged() {
    Distribution before = givenAChannelWithEndpointsAndItsDistribution();
    Invariants.editEveryDistribution(aws);
    DistributionConfig edited = Specs.onlyDistribution(aws).config();
    aws.beforeNext(Operation.DELETE_DISTRIBUTION, () -> {
      DistributionConfig disabled = aws.distributions().peek(before.id()).orElseThrow().config();
      assertThat(disabled).isEqualTo(DistributionConfig.builder().from(edited).enabled(false).build());
    });

    cdn.teardown(CHANNEL, WITH_DISTRIBUTION);

    assertThat(aws.calls(Operation.DELETE_DISTRIBUTION)).hasSize(1);
    assertEverythingGone();
  }

  @Test
  void teardown_whenTheChannelNeverHadADistribution_deletesTheRestAndSaysTheDistributionIsGone() {
    cdn.saveChannel(Specs.channelWithoutDistribution());
    cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
    aws.clearCalls();

    TeardownResult result = cdn.teardown(CHANNEL, WITH_DISTRIBUTION);

    assertThat(result.distribution()).isEqualTo(DistributionRemoval.ALREADY_GONE);
    assertThat(result.channel()).isEqualTo(Removal.DELETED);
    assertThat(aws.calls(Operation.GET_RESOURCES)).hasSize(1);
    assertThat(aws.writes()).extracting(RecordedCall::operation)
        .containsExactly(Operation.DELETE_ORIGIN_ENDPOINT, Operation.DELETE_CHANNEL);
  }

  @Test
  void teardown_whenTheTagIndexStillListsARetaggedDistribution_believesCloudFrontsOwnTagAndLeavesIt() {
    Distribution before = givenAChannelWithEndpointsAndItsDistribution();
    // the index answers as before, CloudFront's own tags already show the change
    aws.beforeNext(Operation.LIST_TAGS_FOR_RESOURCE, () -> aws.distributions().untag(before.id(), LINK_TAG));

    TeardownResult result = cdn.teardown(CHANNEL, WITH_DISTRIBUTION);

    assertThat(result.distribution()).isEqualTo(DistributionRemoval.NO_LONGER_LINKED);
    assertThat(result.unlinkedDistribution()).contains(before.id());
    assertThat(aws.calls(Operation.GET_RESOURCES)).hasSize(1);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    assertThat(aws.calls(Operation.DELETE_DISTRIBUTION)).isEmpty();
    assertThat(Specs.onlyDistribution(aws).config()).isEqualTo(before.config());
  }

  /**
   * A user re-tags the distribution and edits it (a new ETag) at each read and write of the removal: the tag read
   * comes after the read whose ETag the write sends, so a change up to the tag read is seen there, and one after it is
   * a 412, then seen by the next tag read. Never disabled, never deleted.
   */
  @ParameterizedTest(name = "re-tagged and edited just before {0} #{1}")
  @MethodSource("removalSteps")
  void teardown_whenRetaggedAndEditedAtAnyStepBeforeTheDisabling_neverWritesIt(Operation operation, int nth) {
    Distribution before = givenAChannelWithEndpointsAndItsDistribution();
    for (int i = 1; i < nth; i++) {
      aws.beforeNext(operation, () -> {});
    }
    aws.beforeNext(operation, () -> {
      aws.distributions().tag(before.id(), LINK_TAG, "someone-else");
      aws.distributions().edit(before.id(), c -> DistributionConfig.builder().from(c).comment("theirs now").build());
    });

    TeardownResult result = cdn.teardown(CHANNEL, WITH_DISTRIBUTION);

    assertThat(result.distribution()).isEqualTo(DistributionRemoval.NO_LONGER_LINKED);
    assertThat(result.unlinkedDistribution()).contains(before.id());
    Distribution after = Specs.onlyDistribution(aws);
    assertThat(after.config()).isEqualTo(DistributionConfig.builder().from(before.config()).comment("theirs now")
        .build());
    assertThat(aws.calls(Operation.DELETE_DISTRIBUTION)).isEmpty();
  }

  static Stream<Arguments> removalSteps() {
    return Stream.of(
        Arguments.of(Operation.GET_DISTRIBUTION, 1), // the read whose ETag the disabling would send
        Arguments.of(Operation.LIST_TAGS_FOR_RESOURCE, 2), // the tag read right before the disabling
        Arguments.of(Operation.UPDATE_DISTRIBUTION, 1)); // the disabling itself: a 412, read again
  }

  @Test
  void teardown_whenOnlyRetaggedBetweenTheTagReadAndTheDisabling_disablesButNeverDeletesIt() {
    // CloudFront's TagResource does not change the ETag: a re-tag in that moment cannot make the disabling a 412
    Distribution before = givenAChannelWithEndpointsAndItsDistribution();
    aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> aws.distributions().tag(before.id(), LINK_TAG, "someone-else"));

    TeardownResult result = cdn.teardown(CHANNEL, WITH_DISTRIBUTION);

    assertThat(result.distribution()).isEqualTo(DistributionRemoval.NO_LONGER_LINKED);
    assertThat(aws.calls(Operation.DELETE_DISTRIBUTION)).isEmpty();
    assertThat(Specs.onlyDistribution(aws).config().enabled()).isFalse();
  }

  @Test
  void teardown_whenAnotherWriterChangesTheDistributionBeforeTheDisable_readsAgainAndKeepsTheirChange() {
    Distribution before = givenAChannelWithEndpointsAndItsDistribution();
    aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> aws.distributions().edit(before.id(),
        c -> DistributionConfig.builder().from(c).comment("edited meanwhile").build()));
    aws.beforeNext(Operation.DELETE_DISTRIBUTION, () -> assertThat(aws.distributions().peek(before.id())
        .orElseThrow().config().comment()).isEqualTo("edited meanwhile"));

    TeardownResult result = cdn.teardown(CHANNEL, WITH_DISTRIBUTION);

    assertThat(result.distribution()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(2); // 412, then the write on the new ETag
    assertEverythingGone();
  }

  @Test
  void teardown_rightAfterASaveThatCouldNotRecordTheDistribution_findsTheOneThisInstanceCreated() {
    cdn.saveChannel(Specs.channelWithoutDistribution());
    aws.delayVisibility(Duration.ofSeconds(20));
    aws.beforeNext(Operation.TAG_RESOURCE, () -> {}); // "requested" is recorded, the distribution's id is not
    aws.failNext(Operation.TAG_RESOURCE, Faults.serviceUnavailable(Operation.TAG_RESOURCE).get());
    assertThat(cdn.saveChannel(Specs.channelWithDistribution()).cdn().failed()).isTrue();
    aws.delayVisibility(Duration.ZERO);
    assertThat(aws.channels().all().get(0).tags()).containsEntry(CdnSettings.CHANNEL_TAG_KEY,
        CdnSettings.CHANNEL_TAG_REQUESTED);

    TeardownResult result = cdn.teardown(CHANNEL, WITH_DISTRIBUTION);

    assertThat(result.distribution()).isEqualTo(DistributionRemoval.DELETED);
    assertEverythingGone();
  }

  @Test
  void teardown_whenTheDisablingIsNotDeployedInTime_throwsDeploymentTimeoutAndRunningAgainCompletes() {
    givenAChannelWithEndpointsAndItsDistribution();
    TeardownOptions impatient = TeardownOptions.builder().deleteDistribution(true)
        .deploymentTimeout(Duration.ofMinutes(2)).build();

    Throwable failure = catchThrowable(() -> cdn.teardown(CHANNEL, impatient));

    assertThat(failure).isInstanceOf(DeploymentTimeoutException.class).hasMessageContaining("Tear down again");
    assertThat(aws.channels().all()).hasSize(1);
    assertThat(Specs.onlyDistribution(aws).config().enabled()).isFalse();
    aws.clearCalls();

    TeardownResult again = cdn.teardown(CHANNEL, WITH_DISTRIBUTION);

    assertThat(again.distribution()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(again.deletedEndpoints()).isEmpty(); // deleted by the first run
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty(); // disabled by the first run
    assertEverythingGone();
  }

  // ---------------------------------------------------------------- a fault at every step, then running again

  static Stream<Arguments> faultedSteps() {
    return Stream.of(
        Arguments.of(Operation.DESCRIBE_CHANNEL, 1),
        Arguments.of(Operation.GET_RESOURCES, 1),
        Arguments.of(Operation.LIST_TAGS_FOR_RESOURCE, 1),
        Arguments.of(Operation.LIST_ORIGIN_ENDPOINTS, 1),
        Arguments.of(Operation.DELETE_ORIGIN_ENDPOINT, 1),
        Arguments.of(Operation.DELETE_ORIGIN_ENDPOINT, 2),
        Arguments.of(Operation.GET_DISTRIBUTION, 1),
        Arguments.of(Operation.UPDATE_DISTRIBUTION, 1),
        Arguments.of(Operation.GET_DISTRIBUTION, 3), // a poll while the disabling deploys
        Arguments.of(Operation.LIST_TAGS_FOR_RESOURCE, 2), // before the disabling
        Arguments.of(Operation.LIST_TAGS_FOR_RESOURCE, 3), // before the delete
        Arguments.of(Operation.DELETE_DISTRIBUTION, 1),
        Arguments.of(Operation.DELETE_CHANNEL, 1));
  }

  @ParameterizedTest(name = "{0} #{1} fails")
  @MethodSource("faultedSteps")
  void teardown_whenAStepFails_throwsTypedAndRunningAgainCompletes(Operation operation, int nth) {
    givenAChannelWithEndpointsAndItsDistribution();
    failNth(operation, nth, Faults.serviceUnavailable(operation));

    Throwable failure = catchThrowable(() -> cdn.teardown(CHANNEL, WITH_DISTRIBUTION));

    assertThat(failure).isInstanceOf(ProvisioningException.class).hasMessageContaining(operation.apiName());
    assertThat(aws.channels().all()).as("the channel is deleted last").hasSize(1);

    TeardownResult again = cdn.teardown(CHANNEL, WITH_DISTRIBUTION);

    assertThat(again.channel()).isEqualTo(Removal.DELETED);
    assertEverythingGone();
  }

  static Stream<Operation> writes() {
    return Stream.of(Operation.DELETE_ORIGIN_ENDPOINT, Operation.UPDATE_DISTRIBUTION, Operation.DELETE_DISTRIBUTION,
        Operation.DELETE_CHANNEL);
  }

  @ParameterizedTest(name = "{0} acts, its response is lost")
  @MethodSource("writes")
  void teardown_whenAWriteActsButItsResponseIsLost_runningAgainCompletes(Operation operation) {
    givenAChannelWithEndpointsAndItsDistribution();
    aws.loseNextResponse(operation);

    Throwable failure = catchThrowable(() -> cdn.teardown(CHANNEL, WITH_DISTRIBUTION));
    assertThat(failure).isInstanceOf(ProvisioningException.class);

    TeardownResult again = cdn.teardown(CHANNEL, WITH_DISTRIBUTION);

    assertThat(again.channel()).isIn(Removal.DELETED, Removal.ALREADY_GONE);
    assertEverythingGone();
  }

  /** The {@code nth} call of {@code operation} from now on fails; the ones before it pass. */
  private void failNth(Operation operation, int nth, Supplier<RuntimeException> error) {
    for (int i = 1; i < nth; i++) {
      aws.beforeNext(operation, () -> {});
    }
    aws.failNext(operation, error.get());
  }
}
