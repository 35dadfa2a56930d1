package io.github.mediapackagecdn.testkit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.cdn.TeardownResult.DistributionRemoval;
import io.github.mediapackagecdn.core.cdn.TeardownResult.Removal;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.provisioning.ManualScheduler;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import io.github.mediapackagecdn.testkit.RecordedCall;
import io.github.mediapackagecdn.testkit.ViewerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour both MediaPackage versions share, written once and run on each {@link Side} by a one-line subclass:
 * what a save answers, what details say, what a player gets, on the testkit's fakes. A case here holds for v1 and v2
 * alike; a case that holds for one version only belongs to that version's own tests.
 */
abstract class ChannelCdnBehaviourTests {

  private static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final Side side = side();
  private final FakeAws aws = side.aws();
  private final List<ProvisioningEvent> events = new ArrayList<>();
  /** Runs the async wait's polls at their time on the fake clock, when the case moves it. */
  private final ManualScheduler scheduler = new ManualScheduler(aws.clock()::advance);

  /** The version under test. */
  abstract Side side();

  @BeforeEach
  void open() {
    side.open(events::add, Optional.of(scheduler));
  }

  /** Skips the case, with the side's reason, when the side does not give {@code guarantee} by design. */
  private void assumeGives(Side.Guarantee guarantee) {
    side.notApplicable(guarantee).ifPresent(reason -> Assumptions.abort(guarantee + " does not apply: " + reason));
  }

  /** Whether the side gives {@code guarantee}; a case whose expectation depends on it says so. */
  private boolean gives(Side.Guarantee guarantee) {
    return side.notApplicable(guarantee).isEmpty();
  }

  /**
   * What an endpoint save of a channel with its distribution answers: {@code UPDATED} (its UpdateDistribution), or
   * {@code UNCHANGED} where the save writes nothing to CloudFront.
   */
  private CdnOutcome.Action endpointSaveServed() {
    return gives(Side.Guarantee.ENDPOINT_SAVE_UPDATES_THE_DISTRIBUTION) ? CdnOutcome.Action.UPDATED
        : CdnOutcome.Action.UNCHANGED;
  }

  private DistributionId onlyDistribution() {
    assertThat(aws.distributions().all()).hasSize(1);
    return aws.distributions().all().get(0).id();
  }

  /** Every request a player of {@code url} makes (manifest, playlists, segments) answers 200 in the fake. */
  private void assertPlays(String url) {
    assertThat(aws.playerRequests(url)).isNotEmpty().allSatisfy(response ->
        assertThat(response.ok()).as("%s %s: %s", response.method(), response.url(), response.reason()).isTrue());
  }

  /**
   * A user's origin {@code originId} on {@code domain} in the channel's distribution, and their behaviour for
   * {@code pattern} to it, first: before any of the library's.
   */
  private void usersBehaviourFirst(String pattern, String originId, String domain) {
    Origin origin = Origin.builder().id(originId).domainName(domain).protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .addSslProtocols("TLSv1.2").build();
    CacheBehavior behaviour = CacheBehavior.builder().pathPattern(pattern).targetOriginId(originId)
        .viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY).allowedMethods(List.of("GET", "HEAD"))
        .cachedMethods(List.of("GET", "HEAD")).cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build();
    aws.distributions().edit(onlyDistribution(), config -> DistributionConfig.builder().from(config).addOrigins(origin)
        .cacheBehaviors(java.util.stream.Stream.concat(java.util.stream.Stream.of(behaviour),
            config.cacheBehaviors().stream()).toList()).build());
  }

  @Test
  void saveChannel_afterAnEndpointSaveWhoseCloudFrontPartFailed_completesIt() {
    assumeGives(Side.Guarantee.ENDPOINT_SAVE_UPDATES_THE_DISTRIBUTION);
    side.saveChannel();
    aws.failNext(Operation.UPDATE_DISTRIBUTION).withThrottling();
    assertThat(side.saveEndpoints(List.of("hls")).cdn().action()).isEqualTo(CdnOutcome.Action.FAILED);

    assertThat(side.saveChannel().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(side.saveChannel().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);

    aws.clock().advance(aws.propagationTime());
    Side.Details details = side.details();
    assertThat(details.readyForPlayers()).isTrue();
    details.cdnUrls().get("hls").forEach(this::assertPlays);
  }

  @Test
  void saveEndpoints_whenAUsersBehaviourSendsTheManifestsElsewhere_isNotServed_andGivesNoCdnUrl() {
    side.saveChannel();
    usersBehaviourFirst("*.m3u8", "my-packager", "packager.example.com");

    Side.EndpointSave saved = side.saveEndpoints(List.of("hls"));

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.NOT_SERVED);
    assertThat(saved.cdn().notServed()).hasSize(1).allSatisfy((endpoint, reason) ->
        assertThat(reason).contains("'*.m3u8'").contains("my-packager"));
    assertThat(saved.complete()).isFalse();
    aws.clock().advance(aws.propagationTime());
    Side.Details details = side.details();
    assertThat(details.readyForPlayers()).isFalse();
    assertThat(details.cdnUrls().get("hls")).isEmpty();
    assertThat(details.notServed()).containsKey("hls");
  }

  @Test
  void saveChannel_afterTheCreateAnswerWasLost_adoptsWhatItMade_thenIsUnchanged_neverASecond() {
    aws.loseNextResponse(Operation.CREATE_DISTRIBUTION_WITH_TAGS);
    assertThat(side.saveChannel().failed()).isTrue();
    events.clear();

    CdnOutcome again = side.saveChannel();

    assertThat(again.action()).as("made by the try whose answer was lost").isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(again.distributionId()).contains(onlyDistribution());
    assertThat(events).as("the adoption told as in every other").filteredOn(e -> e.step()
        == ProvisioningEvent.Step.DISTRIBUTION_ADOPTED).singleElement().satisfies(e -> {
          assertThat(e.distributionId()).contains(onlyDistribution());
          assertThat(e.channel().orElseThrow()).hasToString(side.distributionOwnerName());
        });
    assertThat(events).extracting(ProvisioningEvent::step).doesNotContain(ProvisioningEvent.Step.DISTRIBUTION_CREATED);
    assertThat(side.saveChannel().action()).as("recorded now").isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.distributions().all()).hasSize(1);
  }

  @Test
  void saveChannel_afterTheCreateAnswerWasLost_andThePersonRemovedItsBehaviours_adoptsIt_completingIt_thenIsUnchanged() {
    side.createOutsideTheLibrary(List.of("hls"));
    aws.loseNextResponse(Operation.CREATE_DISTRIBUTION_WITH_TAGS);
    assertThat(side.saveChannel().failed()).isTrue();
    DistributionId id = onlyDistribution();
    aws.distributions().edit(id, config -> DistributionConfig.builder().from(config).cacheBehaviors(List.of()).build());
    events.clear();

    CdnOutcome again = side.saveChannel();

    assertThat(again.action()).as("made by the try whose answer was lost, whatever completing it wrote")
        .isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(again.distributionId()).contains(id);
    assertThat(events).extracting(ProvisioningEvent::step).containsOnlyOnce(ProvisioningEvent.Step.DISTRIBUTION_ADOPTED,
        ProvisioningEvent.Step.UPDATE_SENT).doesNotContain(ProvisioningEvent.Step.DISTRIBUTION_CREATED);
    side.layoutServes(aws.distributions().find(id).orElseThrow().config(), List.of("hls"));
    assertThat(side.saveChannel().action()).as("recorded and complete now").isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.distributions().all()).hasSize(1);
    aws.clock().advance(aws.propagationTime());
    assertThat(side.details().cdnUrls().get("hls")).isNotEmpty().allSatisfy(this::assertPlays);
  }

  @Test
  void saveChannel_whenTheCreateIsThrottled_failsTyped_thenSavingAgainCreatesOne_thenIsUnchanged() {
    aws.failNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS).withThrottling();

    CdnOutcome failed = side.saveChannel();

    assertThat(failed.action()).isEqualTo(CdnOutcome.Action.FAILED);
    assertThat(failed.failure()).containsInstanceOf(ThrottledException.class);
    assertThat(events).extracting(ProvisioningEvent::step).endsWith(ProvisioningEvent.Step.THROTTLED,
        ProvisioningEvent.Step.FAILED);
    assertThat(side.saveChannel().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(side.saveChannel().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.distributions().all()).hasSize(1);
  }

  @Test
  void saveEndpoints_whenAConsoleEditRacesTheUpdate_readAgain_keepTheEdit_andServeEveryEndpoint() {
    assumeGives(Side.Guarantee.ENDPOINT_SAVE_UPDATES_THE_DISTRIBUTION);
    side.saveChannel();
    DistributionId id = onlyDistribution();
    aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> aws.distributions().edit(id,
        config -> DistributionConfig.builder().from(config).addAliases("live.example.com").build()));
    aws.clearCalls();
    events.clear();

    Side.EndpointSave saved = side.saveEndpoints(side.everyKind());

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).as("the 412, then the update").hasSize(2);
    assertThat(events).extracting(ProvisioningEvent::step).containsSubsequence(ProvisioningEvent.Step.CHANGE_PLANNED,
        ProvisioningEvent.Step.UPDATE_RETRIED_AFTER_412, ProvisioningEvent.Step.CHANGE_PLANNED,
        ProvisioningEvent.Step.UPDATE_SENT);
    assertThat(aws.distributions().find(id).orElseThrow().config().aliases()).containsExactly("live.example.com");
    aws.clock().advance(aws.propagationTime());
    side.details().cdnUrls().values().forEach(urls -> assertThat(urls).isNotEmpty().allSatisfy(this::assertPlays));
  }

  @Test
  void saveEndpoints_whoseFirstCreateIsRefused_throwTyped_andSaveNothing() {
    side.saveChannel();
    aws.clearCalls();
    aws.failNext(side.createEndpointOperation()).withServiceUnavailable();

    assertThat(catchThrowable(() -> side.saveEndpoints(List.of("a", "b"))))
        .isInstanceOf(ServiceFailureException.class);
    assertThat(aws.calls(side.createEndpointOperation())).hasSize(1);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    assertThat(side.endpointsNow()).isEmpty();
  }

  @ParameterizedTest(name = "the link tag {0} by a user")
  @ValueSource(strings = {"changed", "removed"})
  void aChangedLinkTag_endsManagement_andTheNextChannelSaveCreatesTheNextGeneration(String byUser) {
    assumeGives(Side.Guarantee.CALLER_REFERENCE_GENERATIONS);
    side.saveChannel();
    side.saveEndpoints(List.of("hls"));
    Distribution old = aws.distributions().find(onlyDistribution()).orElseThrow();
    if (byUser.equals("removed")) {
      aws.distributions().untag(old.id(), CdnSettings.LINK_TAG_KEY);
    } else {
      aws.distributions().tag(old.id(), CdnSettings.LINK_TAG_KEY, "taken over by another team");
    }
    aws.clearCalls();

    assertThat(side.saveEndpoints(List.of("cmaf")).cdn().action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
    assertThat(side.anotherInstance().saveEndpoints(List.of("cmaf")).cdn().action())
        .as("nor through the channel tag that still names it").isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    events.clear();
    CdnOutcome saved = side.saveChannel();

    assertThat(saved.action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(saved.distributionId()).get().isNotEqualTo(old.id());
    Distribution next = aws.distributions().find(saved.distributionId().orElseThrow()).orElseThrow();
    assertThat(next.config().callerReference()).endsWith("-1").isNotEqualTo(old.config().callerReference());
    assertThat(aws.distributions().find(old.id()).orElseThrow().config()).as("never touched again")
        .isEqualTo(old.config());
    assertThat(events).extracting(ProvisioningEvent::step).contains(
        ProvisioningEvent.Step.CALLER_REFERENCE_GENERATION_TAKEN, ProvisioningEvent.Step.DISTRIBUTION_CREATED);
    aws.clock().advance(aws.propagationTime());
    Side.Details details = side.details();
    assertThat(details.cdnUrls()).as("the endpoints saved before are served at once").containsOnlyKeys("hls", "cmaf");
    details.cdnUrls().values().forEach(urls -> assertThat(urls).isNotEmpty().allSatisfy(this::assertPlays));
  }

  @Test
  void reconcile_afterAnEndpointSaveWhoseCloudFrontPartFailed_completesIt_thenWritesNothing() {
    assumeGives(Side.Guarantee.ENDPOINT_SAVE_UPDATES_THE_DISTRIBUTION);
    side.saveChannel();
    aws.failNext(Operation.UPDATE_DISTRIBUTION).withThrottling();
    side.saveEndpoints(List.of("hls"));

    assertThat(side.reconcile().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    aws.clearCalls();
    assertThat(side.reconcile().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void reconcile_ofAChannelWithoutDistribution_saysSo_andCreatesNone() {
    side.saveChannelWithoutDistribution();

    assertThat(side.reconcile().action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
    assertThat(aws.distributions().all()).isEmpty();
  }

  @Test
  void attachDistribution_toAChannelSavedWithoutOne_createsIt_servesItsEndpoints_andIsIdempotent() {
    side.saveChannelWithoutDistribution();
    side.saveEndpoints(List.of("hls"));

    assertThat(side.attachDistribution().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(side.attachDistribution().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);

    assertThat(aws.distributions().all()).hasSize(1);
    aws.clock().advance(aws.propagationTime());
    Side.Details details = side.details();
    assertThat(details.readyForPlayers()).isTrue();
    details.cdnUrls().get("hls").forEach(this::assertPlays);
  }

  @Test
  void teardown_withTheDistribution_removesAll_onTheFakeClock_andARerunFindsItGone() {
    side.saveChannel();
    List<String> saved = side.saveEndpoints(List.of("hls", "backup")).saved();
    DistributionId id = onlyDistribution();

    TeardownResult done = side.teardown();

    assertThat(done.channelRef()).hasToString(side.channelName());
    assertThat(done.channel()).isEqualTo(Removal.DELETED);
    assertThat(done.deletedEndpoints()).extracting(OriginEndpointId::value)
        .containsExactlyInAnyOrderElementsOf(saved).hasSize(2);
    assertThat(done.distribution()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(done.deletedDistribution()).contains(id);
    assertThat(done.unlinkedDistribution()).isEmpty();
    assertThat(aws.distributions().all()).isEmpty();
    aws.clearCalls();
    TeardownResult again = side.teardown();
    assertThat(again.channel()).isEqualTo(Removal.ALREADY_GONE);
    assertThat(again.deletedEndpoints()).isEmpty();
    assertThat(again.distribution()).isEqualTo(DistributionRemoval.NOT_LOOKED_UP);
    assertThat(again.alreadyGone()).isTrue();
    assertThat(aws.calls()).as("the channel's read alone").extracting(RecordedCall::operation)
        .containsExactly(side.readChannelOperation());
  }


  /** The channel with two endpoints, its distribution deployed, the calls log cleared; the distribution. */
  private Distribution givenAChannelWithEndpointsAndItsDistribution() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls", "cmaf"));
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    Distribution distribution = aws.distributions().find(onlyDistribution()).orElseThrow();
    assertThat(distribution.status()).isEqualTo(DistributionStatus.DEPLOYED);
    return distribution;
  }

  @Test
  void teardown_ofADistributionReTaggedByAUser_neverTouchesIt() {
    DistributionId id = givenAChannelWithEndpointsAndItsDistribution().id();
    aws.distributions().tag(id, "mediapackage:cloudfront_assoc", "arn:aws:mediapackage:us-west-2:123456789012:"
        + "channels/someone-elses");
    Distribution before = aws.distributions().peek(id).orElseThrow();

    TeardownResult done = side.teardown();

    assertThat(done.channel()).isEqualTo(Removal.DELETED);
    assertThat(done.distribution()).isEqualTo(DistributionRemoval.NO_LONGER_LINKED);
    assertThat(done.unlinkedDistribution()).contains(id);
    assertThat(aws.distributions().all()).containsExactly(before);
    assertThat(before.config().enabled()).isTrue();
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    assertThat(aws.calls(Operation.DELETE_DISTRIBUTION)).isEmpty();
  }

  @Test
  void teardown_withoutAskingForTheDistribution_deletesTheRest_andNeverCallsCloudFront() {
    Distribution before = givenAChannelWithEndpointsAndItsDistribution();
    aws.clearCalls();

    TeardownResult done = side.teardownKeepingTheDistribution();

    assertThat(done.distribution()).isEqualTo(DistributionRemoval.NOT_REQUESTED);
    assertThat(done.channel()).isEqualTo(Removal.DELETED);
    assertThat(side.channelArn()).isEmpty();
    assertThat(side.endpointsNow()).isEmpty();
    assertThat(aws.distributions().all()).containsExactly(before);
    assertThat(aws.calls()).as("the channel's read, its endpoints' listing, 2 endpoint deletes, the channel's delete")
        .hasSize(5).allSatisfy(call -> assertThat(call.operation().service()).startsWith("mediapackage"));
  }

  @Test
  void teardown_whenAUserRetagsTheDistributionWhileTheEndpointsAreDeleted_neverTouchesIt() {
    Distribution before = givenAChannelWithEndpointsAndItsDistribution();
    aws.beforeNext(side.deleteEndpointOperation(),
        () -> aws.distributions().tag(before.id(), CdnSettings.LINK_TAG_KEY, "someone-else"));

    TeardownResult done = side.teardown();

    assertThat(done.distribution()).isEqualTo(DistributionRemoval.NO_LONGER_LINKED);
    assertThat(done.unlinkedDistribution()).contains(before.id());
    assertThat(done.channel()).isEqualTo(Removal.DELETED);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    assertThat(aws.calls(Operation.DELETE_DISTRIBUTION)).isEmpty();
    assertThat(aws.distributions().all()).containsExactly(before);
  }

  @Test
  void teardown_whenAUserRetagsADisabledDistributionWhileTheEndpointsAreDeleted_neverDeletesIt() {
    Distribution enabled = givenAChannelWithEndpointsAndItsDistribution();
    aws.distributions().edit(enabled.id(), c -> DistributionConfig.builder().from(c).enabled(false).build());
    aws.clock().advance(aws.propagationTime());
    Distribution before = aws.distributions().find(enabled.id()).orElseThrow();
    assertThat(before.status()).isEqualTo(DistributionStatus.DEPLOYED);
    aws.beforeNext(side.deleteEndpointOperation(),
        () -> aws.distributions().tag(before.id(), CdnSettings.LINK_TAG_KEY, "someone-else"));

    TeardownResult done = side.teardown();

    assertThat(done.distribution()).isEqualTo(DistributionRemoval.NO_LONGER_LINKED);
    assertThat(aws.calls(Operation.DELETE_DISTRIBUTION)).isEmpty();
    assertThat(aws.distributions().all()).containsExactly(before);
  }

  @Test
  void teardown_whenTheTagChangesWhileTheDisablingDeploys_leavesItDisabledAndSaysItIsNoLongerLinked() {
    Distribution before = givenAChannelWithEndpointsAndItsDistribution();
    // the tag reads: the link at the start, before the disabling, then after the wait, when it has been re-tagged
    aws.beforeNext(Operation.LIST_TAGS_FOR_RESOURCE, () -> {});
    aws.beforeNext(Operation.LIST_TAGS_FOR_RESOURCE, () -> {});
    aws.beforeNext(Operation.LIST_TAGS_FOR_RESOURCE,
        () -> aws.distributions().tag(before.id(), CdnSettings.LINK_TAG_KEY, "someone-else"));

    TeardownResult done = side.teardown();

    assertThat(done.distribution()).isEqualTo(DistributionRemoval.NO_LONGER_LINKED);
    assertThat(done.unlinkedDistribution()).contains(before.id());
    assertThat(done.channel()).isEqualTo(Removal.DELETED);
    assertThat(aws.calls(Operation.DELETE_DISTRIBUTION)).isEmpty();
    assertThat(aws.distributions().all()).singleElement().satisfies(d -> assertThat(d.config().enabled()).isFalse());
    assertThat(aws.distributions().tags(before.id())).containsEntry(CdnSettings.LINK_TAG_KEY, "someone-else");
  }

  @Test
  void teardown_whenTwoDistributionsAreTaggedForTheChannel_throwsAmbiguousLinkAndDeletesNothing() {
    assumeGives(Side.Guarantee.CHANNEL_TEARDOWN_RESOLVES_THE_DISTRIBUTION_FIRST);
    Distribution linked = givenAChannelWithEndpointsAndItsDistribution();
    aws.distributions().create(DistributionConfig.builder().from(linked.config()).callerReference("someone-elses-copy")
        .build(), Map.of(CdnSettings.LINK_TAG_KEY, side.channelArn().orElseThrow()));
    aws.clearCalls();

    Throwable failure = catchThrowable(side::teardown);

    assertThat(failure).isInstanceOfSatisfying(ResourceConflictException.class, e -> {
      assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.AMBIGUOUS_LINK);
      assertThat(e.getMessage()).contains(linked.id().value()).contains("nothing was deleted");
    });
    assertThat(aws.writes()).isEmpty();
    assertThat(aws.distributions().all()).hasSize(2).allMatch(d -> d.config().enabled());
    assertThat(side.endpointsNow()).hasSize(2);
  }

  @Test
  void teardown_fromAnotherInstanceWhileTheTagIndexLags_deletesTheDistributionTheChannelRecords() {
    side.saveChannelWithoutDistribution();
    aws.delayVisibility(Duration.ofSeconds(20)); // what is created now, the distribution and its tag, shows late
    CdnOutcome created = side.saveChannel();
    assertThat(created.action()).isEqualTo(CdnOutcome.Action.CREATED);
    aws.delayVisibility(Duration.ZERO);
    assertThat(aws.links().find(CdnSettings.LINK_TAG_KEY, side.channelArn().orElseThrow())).isEmpty();
    Side other = side.anotherInstance();

    TeardownResult done = other.teardown();

    assertThat(done.distribution()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(done.channel()).isEqualTo(Removal.DELETED);
    assertThat(aws.distributions().all()).as("no distribution left billing").isEmpty();
    assertThat(side.channelArn()).isEmpty();
    assertThat(other.teardown().alreadyGone()).isTrue();
  }

  @Test
  void events_nameTheChannelWithoutLoss() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls"));

    assertThat(events).filteredOn(e -> e.channel().isPresent())
        .extracting(e -> e.channel().orElseThrow().toString())
        .containsOnly(side.channelName(), side.distributionOwnerName()).contains(side.channelName());
    assertThat(events).extracting(ProvisioningEvent::step).contains(ProvisioningEvent.Step.CHANNEL_SAVED,
        ProvisioningEvent.Step.DISTRIBUTION_CREATED);
    if (gives(Side.Guarantee.ENDPOINT_SAVE_UPDATES_THE_DISTRIBUTION)) {
      assertThat(events).extracting(ProvisioningEvent::step).contains(ProvisioningEvent.Step.UPDATE_SENT);
    }
  }

  @Test
  void saveEndpoints_rightAfterTheChannel_whileMediaPackageDoesNotShowItYet_waitsForIt() {
    aws.delayVisibility(Duration.ofSeconds(3));
    side.saveChannel();
    java.time.Instant before = aws.clock().instant();

    Side.EndpointSave saved = side.saveEndpoints(List.of("hls"));

    assertThat(saved.saved()).containsExactly("hls");
    assertThat(aws.clock().instant()).as("waited on the fake clock").isAfterOrEqualTo(before.plusSeconds(3));
    assertThat(events).extracting(ProvisioningEvent::step).contains(ProvisioningEvent.Step.VISIBILITY_WAIT_BEGAN,
        ProvisioningEvent.Step.VISIBILITY_WAIT_ENDED);
  }

  @Test
  void saveEndpoints_whenMediaPackageStopsTheBatchPartway_servesTheSavedOnes_andNamesTheRest() {
    side.saveChannel();
    aws.beforeNext(side.createEndpointOperation(), () -> { }); // the first create goes through
    aws.failNext(side.createEndpointOperation()).withServiceUnavailable();

    Side.EndpointSave saved = side.saveEndpoints(List.of("a", "b", "c"));

    assertThat(saved.saved()).containsExactly("a");
    assertThat(saved.unsaved()).containsExactly("b", "c");
    assertThat(saved.stoppedBy()).get().isInstanceOf(ServiceFailureException.class);
    assertThat(saved.complete()).isFalse();
    assertThat(saved.cdn().action()).isEqualTo(endpointSaveServed());
    assertThat(aws.calls(side.createEndpointOperation())).as("creates: a's, then b's, refused").hasSize(2);
    aws.clock().advance(aws.propagationTime());
    Side.Details details = side.details();
    details.cdnUrls().get("a").forEach(this::assertPlays);
    assertThat(details.cdnUrls()).containsOnlyKeys("a");
  }

  @Test
  void details_ofADisabledDistribution_areNotReadyForPlayers_andSayWhy() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls"));
    aws.distributions().edit(onlyDistribution(), config -> DistributionConfig.builder().from(config)
        .enabled(false).build());
    aws.clock().advance(aws.propagationTime());

    Side.Details details = side.details();

    assertThat(details.status()).as("deployed, yet serving nothing").contains(DistributionStatus.DEPLOYED);
    assertThat(details.readyForPlayers()).isFalse();
    assertThat(details.notReadyReasons()).singleElement().asString().contains("disabled");
    String url = details.cdnUrls().get("hls").get(0);
    assertThat(aws.viewerRequest(url).ok()).as("a disabled distribution serves nothing").isFalse();
  }

  @Test
  void awaitDeployed_ofADisabledDistribution_isRefusedNotServed_withoutWaiting() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls"));
    aws.clock().advance(aws.propagationTime());
    assertThat(side.details().readyForPlayers()).isTrue();
    aws.distributions().edit(onlyDistribution(), c -> DistributionConfig.builder().from(c).enabled(false).build());
    aws.clock().advance(aws.propagationTime());
    events.clear();
    java.time.Instant before = aws.clock().instant();

    assertThat(catchThrowable(() -> side.awaitDeployed(THIRTY_MINUTES, progress -> {})))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.NOT_SERVED))
        .hasMessageContaining("disabled");
    assertThat(catchThrowable(() -> side.awaitDeployed(THIRTY_MINUTES))).as("the plain wait alike")
        .isInstanceOf(ResourceConflictException.class).hasMessageContaining("disabled");
    CompletableFuture<Side.Details> async = side.awaitDeployedAsync(THIRTY_MINUTES);
    scheduler.advance(Duration.ZERO);
    assertThat(async).as("the async wait alike").isCompletedExceptionally();
    assertThat(aws.clock().instant()).as("no wait").isEqualTo(before);
    assertThat(events).extracting(ProvisioningEvent::step).doesNotContain(ProvisioningEvent.Step.READY_FOR_PLAYERS);
  }

  @Test
  void saveChannel_whenAnotherInstanceCreatesTheDistributionFirst_adoptsIt_andThereIsOne() {
    Side other = side.anotherInstance();
    java.util.concurrent.atomic.AtomicReference<CdnOutcome> meanwhile = new java.util.concurrent.atomic
        .AtomicReference<>();
    // the other instance creates the distribution between this one's lookup and its create
    aws.beforeNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS, () -> meanwhile.set(other.saveChannel()));

    CdnOutcome outcome = side.saveChannel();

    assertThat(meanwhile.get().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(outcome.distributionId()).contains(onlyDistribution()).isEqualTo(meanwhile.get().distributionId());
    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(2);
    assertThat(events).filteredOn(e -> e.step() == ProvisioningEvent.Step.DISTRIBUTION_ADOPTED).singleElement()
        .satisfies(e -> assertThat(e.distributionId()).contains(onlyDistribution()));
    assertThat(events).extracting(ProvisioningEvent::step).doesNotContain(ProvisioningEvent.Step.DISTRIBUTION_CREATED);
  }

  @ParameterizedTest(name = "the channel already shown: {0}")
  @ValueSource(booleans = {true, false})
  void saveChannel_onAnotherInstance_whileTheTagIndexLagsBehindTheCreation_findsTheDistributionByTheChannelTag(
      boolean channelShown) {
    if (channelShown) {
      side.saveChannelWithoutDistribution();
    }
    aws.delayVisibility(Duration.ofSeconds(10)); // what is created now (the channel too, if new) shows late
    CdnOutcome created = side.saveChannel();
    assertThat(created.action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(aws.links().find(CdnSettings.LINK_TAG_KEY, side.channelArn().orElseThrow()))
        .as("the tag index does not show it yet").isEmpty();
    aws.clearCalls();

    CdnOutcome outcome = side.anotherInstance().saveChannel();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(outcome.distributionId()).isPresent().isEqualTo(created.distributionId());
    assertThat(aws.distributions().all()).hasSize(1);
    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).isEmpty();
    assertThat(aws.calls(Operation.LIST_TAGS_FOR_RESOURCE)).as("the recorded one confirmed by its link tag").hasSize(1);
    assertThat(aws.writes()).as("none to CloudFront; to MediaPackage only for a channel not shown yet")
        .allSatisfy(call -> assertThat(call.operation().service()).startsWith("mediapackage"));
    if (channelShown) {
      assertThat(aws.writes()).isEmpty();
    }
  }

  @Test
  void saveEndpoints_onAnotherInstance_whileTheTagIndexLagsBehindTheCreation_findTheDistributionByTheChannelTag() {
    side.saveChannelWithoutDistribution();
    aws.delayVisibility(Duration.ofSeconds(20)); // the tag index will not show the new distribution for 20 s
    CdnOutcome created = side.saveChannel();
    assertThat(created.action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(aws.links().find(CdnSettings.LINK_TAG_KEY, side.channelArn().orElseThrow()))
        .as("the tag index does not show it yet").isEmpty();
    aws.clearCalls();

    CdnOutcome outcome = side.anotherInstance().saveEndpoints(List.of("hls")).cdn();

    assertThat(outcome.action()).isEqualTo(endpointSaveServed());
    assertThat(outcome.distributionId()).isEqualTo(created.distributionId());
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION))
        .hasSize(gives(Side.Guarantee.ENDPOINT_SAVE_UPDATES_THE_DISTRIBUTION) ? 1 : 0);
    assertThat(aws.calls(Operation.LIST_TAGS_FOR_RESOURCE)).as("the link tag confirmed in CloudFront").hasSize(1);
    assertThat(aws.calls(side.tagChannelOperation())).as("the channel tag already names it").isEmpty();
    aws.delayVisibility(Duration.ZERO);
    aws.clock().advance(aws.propagationTime());
    side.details().cdnUrls().get("hls").forEach(this::assertPlays);
  }

  /** How a channel save's creation of the distribution is cut off before the channel records the distribution. */
  enum CutOff { CREATE_ANSWER_LOST, CHANNEL_TAG_REFUSED }

  @ParameterizedTest
  @EnumSource(CutOff.class)
  void aCreationCutOffBeforeTheChannelRecordsIt_isReportedAsAsked_andAnotherInstanceSavingAgainAdoptsTheOne(
      CutOff cutOff) {
    aws.delayVisibility(Duration.ofSeconds(20));
    side.saveChannelWithoutDistribution();
    aws.clock().advance(Duration.ofSeconds(20)); // the channel is shown, what comes next (the tag index too) lags
    if (cutOff == CutOff.CREATE_ANSWER_LOST) {
      aws.loseNextResponse(Operation.CREATE_DISTRIBUTION_WITH_TAGS); // created, but the save never learns its id
    } else {
      aws.beforeNext(side.tagChannelOperation(), () -> { }); // the "requested" marker goes through
      aws.failNext(side.tagChannelOperation()).withServiceUnavailable(); // created, its id never recorded
    }
    assertThat(side.saveChannel().failed()).isTrue();
    assertThat(side.channelTag()).contains(CdnSettings.CHANNEL_TAG_REQUESTED);
    Side other = side.anotherInstance();
    assertThat(other.saveEndpoints(List.of("hls")).cdn().action()).isEqualTo(CdnOutcome.Action.REQUESTED_BUT_MISSING);

    CdnOutcome again = other.saveChannel();

    assertThat(again.action()).isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(again.distributionId()).contains(onlyDistribution());
    assertThat(side.channelTag()).contains(onlyDistribution().value());
    assertThat(aws.cloudFrontPolicies().allOriginAccessControls()).as("v2's, reused by name")
        .extracting(control -> control.config().name()).doesNotHaveDuplicates();
    assertThat(aws.cloudFrontPolicies().allCachePolicies()).extracting(policy -> policy.config().name())
        .doesNotHaveDuplicates();
    aws.delayVisibility(Duration.ZERO);
    aws.clock().advance(aws.propagationTime());
    assertThat(side.details().cdnUrls().get("hls")).isNotEmpty().allSatisfy(this::assertPlays);
  }

  @Test
  void awaitDeployed_withProgress_reportsEachRead_andEndsReady_withEveryCdnUrlPlaying() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls", "backup"));
    aws.clearCalls();
    List<DeploymentProgress> progress = new ArrayList<>();

    Side.Details details = side.awaitDeployed(THIRTY_MINUTES, progress::add);

    assertThat(details.readyForPlayers()).isTrue();
    assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.channel()).hasToString(side.channelName()));
    // a read at once, then every 60 s on the fake clock until the 5-minute propagation ends
    assertThat(progress).extracting(DeploymentProgress::poll).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(progress).extracting(DeploymentProgress::elapsed).containsExactly(Duration.ZERO, MINUTE,
        Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(4), Duration.ofMinutes(5));
    assertThat(progress).extracting(DeploymentProgress::status).containsExactly(DistributionStatus.IN_PROGRESS,
        DistributionStatus.IN_PROGRESS, DistributionStatus.IN_PROGRESS, DistributionStatus.IN_PROGRESS,
        DistributionStatus.IN_PROGRESS, DistributionStatus.DEPLOYED);
    assertThat(aws.calls(Operation.GET_DISTRIBUTION)).as("one read a poll").hasSize(6);
    assertThat(progress.get(0).notReadyReasons()).singleElement().asString().endsWith("is InProgress, not Deployed");
    assertThat(progress.get(4).notReadyReasons()).singleElement().asString().endsWith("is InProgress, not Deployed");
    assertThat(progress.get(progress.size() - 1).readyForPlayers()).isTrue();
    assertThat(progress.get(0).readyForPlayers()).isFalse();
    assertThat(events).extracting(ProvisioningEvent::step).endsWith(ProvisioningEvent.Step.STATUS_CHANGED,
        ProvisioningEvent.Step.READY_FOR_PLAYERS);
    assertThat(details.cdnUrls()).containsOnlyKeys("hls", "backup");
    details.cdnUrls().values().forEach(urls -> urls.forEach(this::assertPlays));
    List<ViewerResponse> responses = aws.playerRequests(details.cdnUrls().get("hls").get(0));
    assertThat(responses).extracting(ViewerResponse::distributionId).containsOnly(
        java.util.Optional.of(onlyDistribution()));
  }

  @Test
  void awaitDeployed_whileInProgress_waitsOnTheFakeClock_andAnswersTheDeployedDetails_withEveryManifestsCdnUrl() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls", "cmaf"));
    assertThat(side.details().status()).contains(DistributionStatus.IN_PROGRESS);
    events.clear();
    java.time.Instant before = aws.clock().instant();

    Side.Details details = side.awaitDeployed(THIRTY_MINUTES);

    assertThat(details.status()).contains(DistributionStatus.DEPLOYED);
    assertThat(details.readyForPlayers()).isTrue();
    assertThat(details.cdnUrls()).containsOnlyKeys("hls", "cmaf");
    details.cdnUrls().forEach((endpoint, urls) -> assertThat(urls).as("one per manifest of %s", endpoint)
        .hasSameSizeAs(side.originUrls(endpoint)).isNotEmpty());
    assertThat(details).isEqualTo(side.details());
    // deployed after the fake's propagation time: the waiter's 60 s reads, on the fake clock
    assertThat(Duration.between(before, aws.clock().instant())).isEqualTo(aws.propagationTime());
    assertThat(events).extracting(ProvisioningEvent::step).containsExactly(ProvisioningEvent.Step.STATUS_CHANGED,
        ProvisioningEvent.Step.READY_FOR_PLAYERS);
    ProvisioningEvent ready = events.get(1);
    assertThat(ready.distributionId()).isEqualTo(details.distribution());
    assertThat(ready.endpointIds()).extracting(OriginEndpointId::value).containsExactly("hls", "cmaf");
    assertThat(ready.duration()).isEqualTo(aws.propagationTime());
  }

  @Test
  void awaitDeployed_whenDeployed_answersAtOnce_tellingOnlyReadyForPlayers() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls", "cmaf"));
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    events.clear();
    java.time.Instant before = aws.clock().instant();

    Side.Details details = side.awaitDeployed(Duration.ZERO);

    assertThat(details.readyForPlayers()).isTrue();
    assertThat(aws.clock().instant()).isEqualTo(before);
    assertThat(aws.calls(Operation.GET_DISTRIBUTION)).as("the read before the wait, the waiter's first").hasSize(2);
    assertThat(events).extracting(ProvisioningEvent::step).containsExactly(ProvisioningEvent.Step.READY_FOR_PLAYERS);
  }

  @Test
  void awaitDeployed_withAThrowingProgressCallback_answersAsWithoutOne() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls", "cmaf"));
    int[] calls = {0};

    Side.Details details = side.awaitDeployed(THIRTY_MINUTES, p -> {
      calls[0]++;
      throw new IllegalStateException("a broken dashboard");
    });

    assertThat(details.readyForPlayers()).isTrue();
    assertThat(calls[0]).isEqualTo(6);
  }

  @Test
  void awaitDeployed_plainAndWithProgress_answerTheSameDetails() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls", "cmaf"));

    Side.Details withProgress = side.awaitDeployed(THIRTY_MINUTES, p -> { });

    assertThat(withProgress).isEqualTo(side.awaitDeployed(THIRTY_MINUTES));
  }

  /** The channel with two endpoints, its distribution deploying; the calls log and the events cleared. */
  private void givenTwoEndpointsDeploying() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls", "cmaf"));
    aws.clearCalls();
    events.clear();
  }

  @Test
  void awaitDeployedAsync_completesWhenTheFakeClockPassesPropagation_readingNothingOnTheCallersThread() {
    givenTwoEndpointsDeploying();

    CompletableFuture<Side.Details> ready = side.awaitDeployedAsync(Duration.ofMinutes(20));
    assertThat(aws.calls()).isEmpty(); // nothing is read on the caller's thread
    scheduler.advance(Duration.ofMinutes(4));
    assertThat(ready).isNotDone();
    assertThat(events).as("five reads, all InProgress").isEmpty();
    assertThat(aws.calls(Operation.GET_DISTRIBUTION)).as("at 0, 1, 2, 3 and 4 minutes").hasSize(5);
    scheduler.advance(MINUTE);

    assertThat(ready).isCompleted();
    Side.Details details = ready.join();
    assertThat(details.readyForPlayers()).isTrue();
    assertThat(details.cdnUrls()).containsOnlyKeys("hls", "cmaf").allSatisfy((e, urls) -> assertThat(urls).isNotEmpty());
    assertThat(aws.calls(Operation.GET_DISTRIBUTION)).hasSize(6);
    assertThat(aws.writes()).isEmpty();
    assertThat(scheduler.pending()).isZero();
    assertThat(events).extracting(ProvisioningEvent::step).containsExactly(ProvisioningEvent.Step.STATUS_CHANGED,
        ProvisioningEvent.Step.READY_FOR_PLAYERS);
    ProvisioningEvent changed = events.get(0);
    assertThat(changed.attempt()).isEqualTo(6);
    assertThat(changed.duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(changed.distributionId()).isEqualTo(details.distribution());
    assertThat(events.get(1).endpointIds()).hasSize(2);
  }

  @Test
  void awaitDeployedAsync_whenPropagationIsLongerThanTheTimeout_failsWithDeploymentTimeout() {
    givenTwoEndpointsDeploying();
    CompletableFuture<Side.Details> ready = side.awaitDeployedAsync(Duration.ofMinutes(2));

    scheduler.advance(Duration.ofMinutes(10));

    assertThat(ready).isCompletedExceptionally();
    assertThat(catchThrowable(ready::join)).cause().isInstanceOf(DeploymentTimeoutException.class)
        .hasMessageContaining("after PT2M (3 reads)");
    assertThat(aws.calls(Operation.GET_DISTRIBUTION)).hasSize(3);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void awaitDeployedAsync_whenCancelled_readsNoMore() {
    givenTwoEndpointsDeploying();
    CompletableFuture<Side.Details> ready = side.awaitDeployedAsync(Duration.ofMinutes(20));
    scheduler.advance(MINUTE);
    assertThat(aws.calls(Operation.GET_DISTRIBUTION)).hasSize(2);
    aws.clearCalls();

    ready.cancel(true);
    assertThat(scheduler.pending()).isZero();
    scheduler.advance(Duration.ofMinutes(20));

    assertThat(aws.calls()).isEmpty();
    assertThat(ready).isCancelled();
    assertThat(scheduler.pending()).isZero();
  }

  /** Whenever details say ready for players, every request a player of every CDN URL they give makes answers 200. */
  private Side.Details readyMeansPlaying() {
    Side.Details details = side.details();
    if (details.readyForPlayers()) {
      details.cdnUrls().values().forEach(urls -> urls.forEach(this::assertPlays));
    }
    return details;
  }

  @Test
  void wheneverDetailsSayReady_everyCdnUrlAnswers200_throughHandEditsAndTheirRepair() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls", "backup"));
    assertThat(readyMeansPlaying().readyForPlayers()).as("InProgress").isFalse();
    aws.clock().advance(aws.propagationTime());
    assertThat(readyMeansPlaying().readyForPlayers()).isTrue();

    // by hand: what lets the distribution read an endpoint (v2: its policy), then a user's behaviour taking segments
    side.removeEndpointAccessByHand("hls");
    readyMeansPlaying();
    usersBehaviourFirst("/out/*.ts", "vod-bucket", "vod.example.com");
    readyMeansPlaying();
    aws.clock().advance(aws.propagationTime());
    Side.Details edited = readyMeansPlaying();
    assertThat(edited.readyForPlayers()).as("every segment goes to the bucket").isFalse();
    assertThat(edited.notServed()).hasEntrySatisfying("backup", why -> assertThat(why).contains("vod-bucket"));

    // the repair: reconcile gives back what the library owns (the user's behaviour first stays: still not served)
    side.reconcile();
    aws.clock().advance(aws.propagationTime());
    readyMeansPlaying();
    aws.distributions().edit(onlyDistribution(), config -> DistributionConfig.builder().from(config)
        .cacheBehaviors(config.cacheBehaviors().stream().filter(b -> !b.pathPattern().equals("/out/*.ts")).toList())
        .build());
    aws.clock().advance(aws.propagationTime());
    assertThat(readyMeansPlaying().readyForPlayers()).as("the user's behaviour gone, the policy restored").isTrue();
  }

  @Test
  void details_whenWhatLetsTheDistributionReadAnEndpointIsRemovedByHand_sayNotReady_andReconcileRestoresIt() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls", "backup"));
    aws.clock().advance(aws.propagationTime());
    Side.Details ready = side.details();
    assertThat(ready.readyForPlayers()).isTrue();
    String url = ready.cdnUrls().get("hls").get(0);

    Optional<String> named = side.removeEndpointAccessByHand("hls");
    Assumptions.assumeTrue(named.isPresent(), "the version lets the distribution read an endpoint without a policy");
    assertThat(aws.playerRequests(url)).as("players get 403").anySatisfy(r -> assertThat(r.status()).isEqualTo(403));

    Side.Details details = side.details();
    assertThat(details.readyForPlayers()).isFalse();
    assertThat(details.cdnUrls().get("hls")).as("no CDN URL for it").isEmpty();
    assertThat(details.notServed()).hasEntrySatisfying("hls", why -> assertThat(why).contains(named.get()));
    assertThat(details.notReadyReasons()).anySatisfy(why -> assertThat(why).contains(named.get()));
    details.cdnUrls().get("backup").forEach(this::assertPlays);
    java.time.Instant before = aws.clock().instant();
    assertThat(catchThrowable(() -> side.awaitDeployed(THIRTY_MINUTES, progress -> {})))
        .as("deploying would not change it: the wait fails at once")
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.NOT_SERVED))
        .hasMessageContaining(named.get());
    assertThat(aws.clock().instant()).as("no wait").isEqualTo(before);

    aws.clearCalls();
    assertThat(side.reconcile().action()).as("nothing to change in CloudFront").isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.writes()).as("the endpoint's access given back, nothing else").hasSize(1);
    assertThat(side.packagerWrites()).hasSize(1);
    Side.Details restored = side.details();
    assertThat(restored.readyForPlayers()).isTrue();
    restored.cdnUrls().values().forEach(urls -> urls.forEach(this::assertPlays));
  }

  /**
   * Exactly {@code planned} was sent: in the one UpdateDistribution call and the one {@code CHANGE_PLANNED} event, or
   * neither for an empty change set.
   */
  private void assertAppliedExactly(ChangeSet planned) {
    if (planned.isEmpty()) {
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
      assertThat(events).extracting(ProvisioningEvent::step).doesNotContain(ProvisioningEvent.Step.CHANGE_PLANNED);
      return;
    }
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).singleElement()
        .satisfies(call -> assertThat(call.arguments().get(2)).isEqualTo(planned));
    assertThat(events).filteredOn(e -> e.step() == ProvisioningEvent.Step.CHANGE_PLANNED).singleElement()
        .satisfies(event -> assertThat(event.changes()).contains(planned));
  }

  /** Saves the channel and an endpoint whose CloudFront update failed: the distribution lacks what it needs. */
  private void endpointNotServedYet() {
    side.saveChannel();
    aws.failNext(Operation.UPDATE_DISTRIBUTION).withThrottling();
    assertThat(side.saveEndpoints(List.of("hls")).cdn().action()).isEqualTo(CdnOutcome.Action.FAILED);
    aws.clearCalls();
    events.clear();
  }

  @Test
  void plan_equalsWhatTheReconcileThenApplies_writesNothing_andIsEmptyAfterwards() {
    assumeGives(Side.Guarantee.ENDPOINT_SAVE_UPDATES_THE_DISTRIBUTION);
    endpointNotServedYet();

    DistributionPlan plan = side.plan();

    assertThat(aws.writes()).isEmpty();
    assertThat(events).isEmpty();
    assertThat(plan.channel()).hasToString(side.channelName());
    assertThat(plan.distributionId()).contains(onlyDistribution());
    assertThat(plan.changes().isEmpty()).isFalse();
    aws.clearCalls();
    assertThat(side.reconcile().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertAppliedExactly(plan.changes());
    assertThat(side.packagerWrites()).containsExactlyElementsOf(plan.packagerWrites());

    aws.clearCalls();
    assertThat(side.plan().isEmpty()).isTrue();
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void planSave_ofEndpoints_equalsWhatTheSaveThenApplies_inCloudFrontAndMediaPackage_andWritesNothing() {
    assumeGives(Side.Guarantee.ENDPOINT_SAVE_UPDATES_THE_DISTRIBUTION);
    endpointNotServedYet();

    DistributionPlan plan = side.planSaveEndpoints(List.of("backup"));

    assertThat(aws.writes()).isEmpty();
    assertThat(events).isEmpty();
    assertThat(side.details().cdnUrls()).doesNotContainKey("backup");
    assertThat(plan.changes().isEmpty()).isFalse();
    aws.clearCalls();
    events.clear();
    side.saveEndpoints(List.of("backup"));
    assertAppliedExactly(plan.changes());
    assertThat(side.packagerWrites()).containsExactlyElementsOf(plan.packagerWrites());
  }
}
