package io.github.mediapackagecdn.testkit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import io.github.mediapackagecdn.testkit.ViewerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour both MediaPackage versions share, written once and run on each {@link Side} by a one-line subclass:
 * what a save answers, what details say, what a player gets, on the testkit's fakes. A case here holds for v1 and v2
 * alike; a case that holds for one version only belongs to that version's own tests.
 */
abstract class ChannelCdnBehaviourTests {

  private static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);

  private final Side side = side();
  private final FakeAws aws = side.aws();
  private final List<ProvisioningEvent> events = new ArrayList<>();

  /** The version under test. */
  abstract Side side();

  @BeforeEach
  void open() {
    side.open(events::add);
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

  @Test
  void saveChannel_afterAnEndpointSaveWhoseCloudFrontPartFailed_completesIt() {
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
    Origin packager = Origin.builder().id("my-packager").domainName("packager.example.com")
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
    aws.distributions().edit(onlyDistribution(), config -> DistributionConfig.builder().from(config)
        .addOrigins(packager).addCacheBehaviors(CacheBehavior.builder().pathPattern("*.m3u8")
            .targetOriginId("my-packager").viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY)
            .allowedMethods(List.of("GET", "HEAD")).cachedMethods(List.of("GET", "HEAD"))
            .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build())
        .build());

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

    CdnOutcome again = side.saveChannel();

    assertThat(again.action()).as("made by the try whose answer was lost").isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(again.distributionId()).contains(onlyDistribution());
    assertThat(side.saveChannel().action()).as("recorded now").isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.distributions().all()).hasSize(1);
  }

  @Test
  void reconcile_afterAnEndpointSaveWhoseCloudFrontPartFailed_completesIt_thenWritesNothing() {
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
    side.saveEndpoints(List.of("hls", "backup"));

    Side.Teardown done = side.teardown();

    assertThat(done).isEqualTo(new Side.Teardown("DELETED", "DELETED", 2));
    assertThat(aws.distributions().all()).isEmpty();
    assertThat(side.teardown()).isEqualTo(new Side.Teardown("ALREADY_GONE", "NOT_LOOKED_UP", 0));
  }

  @Test
  void teardown_ofADistributionReTaggedByAUser_neverTouchesIt() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls"));
    DistributionId id = onlyDistribution();
    aws.distributions().tag(id, "mediapackage:cloudfront_assoc", "arn:aws:mediapackage:us-west-2:123456789012:"
        + "channels/someone-elses");

    Side.Teardown done = side.teardown();

    assertThat(done.channel()).isEqualTo("DELETED");
    assertThat(done.distribution()).isEqualTo("NO_LONGER_LINKED");
    assertThat(aws.distributions().find(id)).get().satisfies(d -> assertThat(d.config().enabled()).isTrue());
  }

  @Test
  void events_nameTheChannelWithoutLoss() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls"));

    assertThat(events).filteredOn(e -> e.channel().isPresent())
        .extracting(e -> e.channel().orElseThrow().toString()).containsOnly(side.channelName());
    assertThat(events).extracting(ProvisioningEvent::step).contains(ProvisioningEvent.Step.CHANNEL_SAVED,
        ProvisioningEvent.Step.DISTRIBUTION_CREATED, ProvisioningEvent.Step.UPDATE_SENT);
  }

  @Test
  void saveEndpoints_rightAfterTheChannel_whileMediaPackageDoesNotShowItYet_waitsForIt() {
    aws.delayVisibility(Duration.ofSeconds(3));
    side.saveChannel();

    Side.EndpointSave saved = side.saveEndpoints(List.of("hls"));

    assertThat(saved.saved()).containsExactly("hls");
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
    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    aws.clock().advance(aws.propagationTime());
    side.details().cdnUrls().get("a").forEach(this::assertPlays);
  }

  @Test
  void details_ofADisabledDistribution_areNotReadyForPlayers_andSayWhy() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls"));
    aws.distributions().edit(onlyDistribution(), config -> DistributionConfig.builder().from(config)
        .enabled(false).build());
    aws.clock().advance(aws.propagationTime());

    Side.Details details = side.details();

    assertThat(details.readyForPlayers()).isFalse();
    assertThat(details.notReadyReasons()).anySatisfy(reason -> assertThat(reason).contains("disabled"));
    String url = details.cdnUrls().get("hls").get(0);
    assertThat(aws.viewerRequest(url).ok()).as("a disabled distribution serves nothing").isFalse();
  }

  @Test
  void awaitDeployed_withProgress_reportsEachRead_andEndsReady_withEveryCdnUrlPlaying() {
    side.saveChannel();
    side.saveEndpoints(List.of("hls", "backup"));
    List<DeploymentProgress> progress = new ArrayList<>();

    Side.Details details = side.awaitDeployed(THIRTY_MINUTES, progress::add);

    assertThat(details.readyForPlayers()).isTrue();
    assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.channel()).hasToString(side.channelName()));
    assertThat(progress.get(progress.size() - 1).readyForPlayers()).isTrue();
    assertThat(progress.get(0).readyForPlayers()).isFalse();
    assertThat(details.cdnUrls()).containsOnlyKeys("hls", "backup");
    details.cdnUrls().values().forEach(urls -> urls.forEach(this::assertPlays));
    List<ViewerResponse> responses = aws.playerRequests(details.cdnUrls().get("hls").get(0));
    assertThat(responses).extracting(ViewerResponse::distributionId).containsOnly(
        java.util.Optional.of(onlyDistribution()));
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
