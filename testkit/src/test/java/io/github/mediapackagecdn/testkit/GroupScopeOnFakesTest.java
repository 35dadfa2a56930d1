package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CallerReferences;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.cdn.TeardownResult.DistributionRemoval;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelSaveResult;
import io.github.mediapackagecdn.core.v2.provisioning.V2EndpointSaveResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The distribution scope {@code CHANNEL_GROUP} on a fake account: one distribution for the channel group, made once
 * (whichever instance), and a new channel of the group served with no CloudFront write at all, ready for players at
 * once.
 */
class GroupScopeOnFakesTest {

  private static final V2CdnSettings GROUP_SCOPE =
      V2CdnSettings.builder().distributionScope(V2CdnSettings.DistributionScope.CHANNEL_GROUP).build();
  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");
  private static final V2ChannelId SPORTS = V2ChannelId.of("live", "sports");
  private static final TeardownOptions WITH_DISTRIBUTION = TeardownOptions.builder().deleteDistribution(true).build();

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE));

  private static ChannelGroupSpec liveWithDistribution() {
    return ChannelGroupSpec.builder().name("live").createDistribution(true).build();
  }

  private static V2ChannelSpec channel(V2ChannelId id) {
    return V2ChannelSpec.builder().id(id).createDistribution(true).build();
  }

  private Distribution onlyDistribution() {
    assertThat(aws.distributions().all()).hasSize(1);
    return aws.distributions().all().get(0);
  }

  /** The group with its distribution, deployed; the calls log cleared. */
  private Distribution givenTheGroupsDeployedDistribution() {
    cdn.saveChannelGroup(liveWithDistribution());
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    return onlyDistribution();
  }

  private Map<String, Long> callCounts() {
    return aws.calls().stream().collect(Collectors.groupingBy(c -> c.operation().apiName(), TreeMap::new,
        Collectors.counting()));
  }

  private List<RecordedCall> cloudFrontWrites() {
    return aws.writes().stream().filter(c -> c.operation().service().equals("cloudfront")).toList();
  }

  /** Every CDN URL of the channel answers 200 to each request of a player, on the fake's viewer oracle. */
  private void assertReadyForPlayers(V2ChannelId channel, int endpoints) {
    V2ChannelDetails details = cdn.details(channel);
    assertThat(details.readyForPlayers()).as(details.notReadyReasons().toString()).isTrue();
    assertThat(details.endpoints()).hasSize(endpoints).allSatisfy(e -> assertThat(e.served()).isTrue());
    List<String> urls = details.endpoints().stream().flatMap(e -> e.cdnUrls().stream()).toList();
    assertThat(urls).hasSize(endpoints).allSatisfy(url -> {
      assertThat(url).startsWith("https://" + onlyDistribution().domainName() + "/out/v1/" + channel.group() + "/"
          + channel.channel() + "/");
      assertThat(aws.playerRequests(url)).as(url).isNotEmpty()
          .allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
    });
  }

  @Test
  void savingTheGroup_withCreateDistribution_makesOneDistribution_linkedToTheGroupsArn_coveringEveryChannel() {
    ChannelGroup group = cdn.saveChannelGroup(liveWithDistribution());

    Distribution distribution = onlyDistribution();
    assertThat(distribution.config().callerReference()).isEqualTo(CallerReferences.of(group.arn(), 0));
    assertThat(aws.links().find(CdnSettings.LINK_TAG_KEY, group.arn())).containsExactly(distribution.id());
    assertThat(aws.channelGroups().findGroup("live").orElseThrow().tags())
        .containsEntry(CdnSettings.CHANNEL_TAG_KEY, distribution.id().value());
    assertThat(distribution.config().origins()).singleElement().satisfies(origin -> {
      assertThat(origin.domainName()).isEqualTo(group.egressDomain());
      assertThat(origin.originAccessControlId()).isPresent();
      assertThat(origin.protocolPolicy()).contains(ProtocolPolicy.HTTPS_ONLY);
    });
    assertThat(distribution.config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsExactly("/out/v1/live/*.m3u8", "/out/v1/live/*.mpd", "/out/v1/live/*");
    assertThat(distribution.config().cacheBehaviors()).extracting(CacheBehavior::targetOriginId)
        .containsOnly("EMP2-live");
    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(1);

    cdn.saveChannelGroup(liveWithDistribution());
    assertThat(aws.distributions().all()).as("saved again: never a second").hasSize(1);
  }

  @Test
  void aNewChannelOfAGroupWithItsDistribution_threeEndpointsOneByOne_costsNoCloudFrontWrite_andIsReadyAtOnce() {
    Distribution distribution = givenTheGroupsDeployedDistribution();
    Instant before = aws.clock().instant();

    V2ChannelSaveResult channel = cdn.saveChannel(channel(NEWS));
    List<V2EndpointSaveResult> endpoints = V2Specs.threeEndpoints(NEWS).stream().map(cdn::saveEndpoint).toList();

    assertThat(channel.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(channel.cdn().distributionId()).contains(distribution.id());
    assertThat(endpoints).allSatisfy(saved -> {
      assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
      assertThat(saved.cdn().distributionId()).contains(distribution.id());
      assertThat(saved.policiesWritten()).isEqualTo(1);
    });
    assertThat(cloudFrontWrites()).as("0 CloudFront writes, so 0 deployments").isEmpty();
    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.V2_CREATE_CHANNEL,
        Operation.V2_CREATE_ORIGIN_ENDPOINT, Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY,
        Operation.V2_CREATE_ORIGIN_ENDPOINT, Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY,
        Operation.V2_CREATE_ORIGIN_ENDPOINT, Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY);
    assertThat(callCounts()).isEqualTo(Map.ofEntries(Map.entry("GetChannelGroup", 5L), Map.entry("GetChannel", 5L),
        Map.entry("ListChannels", 1L), Map.entry("CreateChannel", 1L), Map.entry("GetResources", 7L),
        Map.entry("ListTagsForResource", 4L), Map.entry("ListOriginEndpoints", 4L),
        Map.entry("GetOriginEndpoint", 3L), Map.entry("CreateOriginEndpoint", 3L),
        Map.entry("GetOriginEndpointPolicy", 3L), Map.entry("PutOriginEndpointPolicy", 3L),
        Map.entry("GetDistribution", 3L)));
    assertThat(onlyDistribution().etag()).as("the distribution is as it was").isEqualTo(distribution.etag());

    assertReadyForPlayers(NEWS, 3);
    assertThat(aws.clock().instant()).as("no time passed: nothing to deploy").isEqualTo(before);
  }

  @Test
  void aNewChannelOfAGroupWithItsDistribution_threeEndpointsInABatch_costsNoCloudFrontWrite_andIsReadyAtOnce() {
    Distribution distribution = givenTheGroupsDeployedDistribution();
    Instant before = aws.clock().instant();

    cdn.saveChannel(channel(NEWS));
    V2EndpointSaveResult saved = cdn.saveEndpoints(V2Specs.threeEndpoints(NEWS));

    assertThat(saved.complete()).isTrue();
    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(saved.cdn().distributionId()).contains(distribution.id());
    assertThat(saved.policiesWritten()).isEqualTo(3);
    assertThat(cloudFrontWrites()).isEmpty();
    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.V2_CREATE_CHANNEL,
        Operation.V2_CREATE_ORIGIN_ENDPOINT, Operation.V2_CREATE_ORIGIN_ENDPOINT, Operation.V2_CREATE_ORIGIN_ENDPOINT,
        Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY, Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY,
        Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY);
    assertThat(aws.calls()).hasSize(28);

    assertReadyForPlayers(NEWS, 3);
    assertThat(aws.clock().instant()).isEqualTo(before);
  }

  @Test
  void theFirstChannelAskingForADistribution_createsTheGroups_andTheNextOneUsesIt() {
    ChannelGroup group = cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    assertThat(aws.distributions().all()).as("not asked: none").isEmpty();

    V2ChannelSaveResult news = cdn.saveChannel(channel(NEWS));
    V2ChannelSaveResult sports = cdn.saveChannel(channel(SPORTS));

    assertThat(news.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(sports.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(sports.cdn().distributionId()).isEqualTo(news.cdn().distributionId());
    assertThat(onlyDistribution().config().callerReference()).isEqualTo(CallerReferences.of(group.arn(), 0));
    assertThat(aws.channelGroups().findChannel(NEWS).orElseThrow().tags())
        .as("the channel has no distribution of its own to record").doesNotContainKey(CdnSettings.CHANNEL_TAG_KEY);
    assertThat(aws.links().find(CdnSettings.LINK_TAG_KEY, news.channel().arn())).isEmpty();
  }

  @Test
  void twoInstancesCreatingTheGroupsDistributionAtOnce_makeOne_theSecondAdoptsIt() {
    ChannelCdnV2 second = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE));
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    AtomicReference<V2ChannelSaveResult> meanwhile = new AtomicReference<>();
    aws.beforeNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS, () -> meanwhile.set(second.saveChannel(channel(SPORTS))));

    V2ChannelSaveResult saved = cdn.saveChannel(channel(NEWS));

    assertThat(meanwhile.get().cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(saved.cdn().distributionId()).isEqualTo(meanwhile.get().cdn().distributionId());
    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(2);
    assertThat(aws.distributions().all()).hasSize(1);
    assertThat(aws.channelGroups().findGroup("live").orElseThrow().tags())
        .containsEntry(CdnSettings.CHANNEL_TAG_KEY, onlyDistribution().id().value());
  }

  @Test
  void aGroupSaveWhoseCreateAnswerWasLost_throwsTyped_andSavingTheGroupAgainAdoptsTheOneMade_toldAsAnAdoption() {
    RecordingListener events = new RecordingListener();
    ChannelCdnV2 told = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE).listener(events));
    aws.loseNextResponse(Operation.CREATE_DISTRIBUTION_WITH_TAGS);
    assertThatThrownBy(() -> told.saveChannelGroup(liveWithDistribution()))
        .isInstanceOf(io.github.mediapackagecdn.core.error.UnknownOutcomeException.class);
    assertThat(aws.channelGroups().findGroup("live").orElseThrow().tags())
        .containsEntry(CdnSettings.CHANNEL_TAG_KEY, CdnSettings.CHANNEL_TAG_REQUESTED);
    events.clear();

    told.saveChannelGroup(liveWithDistribution());

    assertThat(events.events(ProvisioningEvent.Step.DISTRIBUTION_ADOPTED)).singleElement().satisfies(e -> {
      assertThat(e.distributionId()).contains(onlyDistribution().id());
      assertThat(e.channel().orElseThrow()).hasToString("live/*");
    });
    assertThat(events.steps()).doesNotContain(ProvisioningEvent.Step.DISTRIBUTION_CREATED);
    assertThat(aws.channelGroups().findGroup("live").orElseThrow().tags())
        .containsEntry(CdnSettings.CHANNEL_TAG_KEY, onlyDistribution().id().value());
    events.clear();
    assertThat(told.saveChannel(channel(NEWS)).cdn().action()).as("recorded on the group already")
        .isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(events.steps()).doesNotContain(ProvisioningEvent.Step.DISTRIBUTION_ADOPTED);
    assertThat(aws.distributions().all()).hasSize(1);
  }

  @Test
  void aChannelSaveAdoptingTheGroupsDistributionAnotherInstanceMade_answersAdopted_alsoWhenItCompletesTheLayout() {
    RecordingListener events = new RecordingListener();
    ChannelCdnV2 told = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE).listener(events));
    ChannelCdnV2 second = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE));
    told.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    told.saveChannel(V2ChannelSpec.builder().id(NEWS).build());
    told.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    String manifests = "/out/v1/live/*.m3u8";
    // between this save's lookup and its create: the other instance makes the group's, and a person removes a behaviour
    aws.beforeNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS, () -> {
      second.saveChannelGroup(liveWithDistribution());
      aws.distributions().edit(onlyDistribution().id(), config -> DistributionConfig.builder().from(config)
          .cacheBehaviors(config.cacheBehaviors().stream().filter(b -> !b.pathPattern().equals(manifests)).toList())
          .build());
    });
    aws.clearCalls();
    events.clear();

    V2ChannelSaveResult saved = told.saveChannel(channel(NEWS));

    assertThat(saved.cdn().action()).as("made by another instance, whatever completing it wrote")
        .isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(saved.cdn().distributionId()).contains(onlyDistribution().id());
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).as("the layout completed").hasSize(1);
    assertThat(onlyDistribution().config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsSubsequence(manifests, "/out/v1/live/*");
    assertThat(events.events(ProvisioningEvent.Step.DISTRIBUTION_ADOPTED)).singleElement()
        .satisfies(e -> assertThat(e.distributionId()).contains(onlyDistribution().id()));
    assertThat(told.saveChannel(channel(NEWS)).cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    aws.clock().advance(aws.propagationTime());
    assertReadyForPlayers(NEWS, 3);
  }

  @Test
  void twoInstancesSavingTheGroupAtOnce_makeOneDistribution() {
    ChannelCdnV2 second = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE));
    aws.beforeNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS, () -> second.saveChannelGroup(liveWithDistribution()));

    cdn.saveChannelGroup(liveWithDistribution());

    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(2);
    assertThat(aws.distributions().all()).hasSize(1);
  }

  @Test
  void aUsersBehaviours_areKept_andOneSendingAChannelElsewhere_leavesItsEndpointsNotServed() {
    Distribution distribution = givenTheGroupsDeployedDistribution();
    Origin bucket = Origin.builder().id("vod-bucket").domainName("vod.example.com")
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
    CacheBehavior elsewhere = CacheBehavior.builder().pathPattern("/out/v1/live/sports/*").targetOriginId("vod-bucket")
        .viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY).allowedMethods(List.of("GET", "HEAD"))
        .cachedMethods(List.of("GET", "HEAD")).cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build();
    aws.distributions().edit(distribution.id(), config -> DistributionConfig.builder().from(config).addOrigins(bucket)
        .cacheBehaviors(List.of(elsewhere)).addAllCacheBehaviors(config.cacheBehaviors()).build());
    aws.clock().advance(aws.propagationTime());
    Distribution edited = onlyDistribution();
    aws.clearCalls();

    cdn.saveChannel(channel(NEWS));
    cdn.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    cdn.saveChannel(channel(SPORTS));
    V2EndpointSaveResult sports = cdn.saveEndpoint(V2Specs.threeEndpoints(SPORTS).get(0));

    assertThat(cloudFrontWrites()).isEmpty();
    assertThat(onlyDistribution().config()).as("the user's behaviour and origin kept").isEqualTo(edited.config());
    assertThat(sports.cdn().action()).isEqualTo(CdnOutcome.Action.NOT_SERVED);
    assertThat(sports.cdn().notServed()).hasEntrySatisfying(OriginEndpointId.of("hls"),
        reason -> assertThat(reason).contains("/out/v1/live/sports/*").contains("vod-bucket"));
    V2ChannelDetails details = cdn.details(SPORTS);
    assertThat(details.readyForPlayers()).isFalse();
    assertThat(details.endpoints()).singleElement().satisfies(e -> assertThat(e.cdnUrls()).isEmpty());
    assertReadyForPlayers(NEWS, 3);
  }

  @Test
  void tearingDownAChannel_neverTouchesTheGroupsDistribution_theGroupTeardownRemovesItOnceNoChannelRemains() {
    Distribution distribution = givenTheGroupsDeployedDistribution();
    cdn.saveChannel(channel(NEWS));
    cdn.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    cdn.saveChannel(channel(SPORTS));

    assertThat(cdn.teardown(NEWS, WITH_DISTRIBUTION).distribution()).isEqualTo(DistributionRemoval.ALREADY_GONE);
    assertThat(onlyDistribution().config().enabled()).isTrue();
    assertThat(onlyDistribution().etag()).isEqualTo(distribution.etag());
    aws.clearCalls();
    assertThatThrownBy(() -> cdn.teardownGroup("live", WITH_DISTRIBUTION))
        .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
          assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.IN_USE);
          assertThat(e).hasMessageContaining("[sports]");
        });
    assertThat(cloudFrontWrites()).isEmpty();
    assertThat(onlyDistribution().etag()).isEqualTo(distribution.etag());

    cdn.teardown(SPORTS, WITH_DISTRIBUTION);
    TeardownResult group = cdn.teardownGroup("live", WITH_DISTRIBUTION);
    assertThat(group.channelRef()).hasToString("live/*");
    assertThat(group.distribution()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(group.deletedDistribution()).contains(distribution.id());
    assertThat(group.deletedEndpoints()).isEmpty();
    assertThat(aws.distributions().all()).isEmpty();
    assertThat(aws.channelGroups().findGroup("live")).as("the group is kept").isPresent();
    TeardownResult again = cdn.teardownGroup("live", WITH_DISTRIBUTION);
    assertThat(again.distribution()).isEqualTo(DistributionRemoval.ALREADY_GONE);
    assertThat(again.alreadyGone()).isTrue();
    assertThat(cdn.teardownGroup("gone", WITH_DISTRIBUTION).distribution())
        .isEqualTo(DistributionRemoval.NOT_LOOKED_UP);
  }

  @Test
  void theGroupTeardown_ofADistributionReTaggedByAUser_namesItAndNeverTouchesIt() {
    Distribution distribution = givenTheGroupsDeployedDistribution();
    aws.distributions().tag(distribution.id(), CdnSettings.LINK_TAG_KEY, "taken over by another team");
    aws.clearCalls();

    TeardownResult group = cdn.teardownGroup("live", WITH_DISTRIBUTION);

    assertThat(group.distribution()).isEqualTo(DistributionRemoval.NO_LONGER_LINKED);
    assertThat(group.unlinkedDistribution()).contains(distribution.id());
    assertThat(group.deletedDistribution()).isEmpty();
    assertThat(cloudFrontWrites()).isEmpty();
    assertThat(onlyDistribution().config().enabled()).isTrue();
  }

  @Test
  void aChannelWithADistributionOfItsOwn_keepsIt_inGroupScope() {
    ChannelCdnV2 perChannel = aws.channelCdnV2();
    perChannel.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    CdnOutcome own = perChannel.saveChannel(channel(NEWS)).cdn();
    cdn.saveChannelGroup(liveWithDistribution());
    assertThat(aws.distributions().all()).hasSize(2);

    V2ChannelSaveResult saved = cdn.saveChannel(channel(NEWS));
    V2EndpointSaveResult endpoint = cdn.saveEndpoint(V2Specs.threeEndpoints(NEWS).get(0));

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(saved.cdn().distributionId()).isEqualTo(own.distributionId());
    assertThat(endpoint.cdn().action()).as("its own distribution gets the behaviours, as in the channel scope")
        .isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(endpoint.cdn().distributionId()).isEqualTo(own.distributionId());
    assertThat(cdn.details(NEWS).distributionId()).isEqualTo(own.distributionId());
  }

  @Test
  void reconcile_givesAPolicyThatLostItTheGroupsStatementBack_andWritesNothingToCloudFront() {
    Distribution distribution = givenTheGroupsDeployedDistribution();
    cdn.saveChannel(channel(NEWS));
    cdn.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    aws.channelGroups().putPolicy(NEWS.endpoint("dash"),
        EndpointPolicy.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
    // routed, but MediaPackage refuses CloudFront: details say so (they read each routed endpoint's policy)
    V2ChannelDetails broken = cdn.details(NEWS);
    assertThat(broken.readyForPlayers()).isFalse();
    assertThat(broken.endpoints().get(2).cdnUrls()).isEmpty();
    assertThat(broken.endpoints().get(2).notServedReason()).hasValueSatisfying(why -> assertThat(why)
        .contains("endpoint policy", distribution.arn()));
    String dashUrl = "https://" + distribution.domainName() + java.net.URI.create(broken.manifests().stream()
        .filter(m -> m.endpoint().equals(NEWS.endpoint("dash"))).findFirst().orElseThrow().manifest().url())
        .getRawPath();
    assertThat(aws.playerRequests(dashUrl)).as("what details now say, players get")
        .anySatisfy(r -> assertThat(r.status()).isEqualTo(403));
    aws.clearCalls();

    CdnOutcome reconciled = cdn.reconcile(NEWS);

    assertThat(reconciled.action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(reconciled.distributionId()).contains(distribution.id());
    assertThat(aws.writes()).extracting(RecordedCall::operation)
        .containsExactly(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY);
    assertReadyForPlayers(NEWS, 3);
  }

  @Test
  void anEndpointSaved_whileTheGroupHasNoDistribution_isSaved_andTheOutcomeSaysThereIsNone() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).build());
    aws.clearCalls();

    V2EndpointSaveResult saved = cdn.saveEndpoint(V2Specs.threeEndpoints(NEWS).get(0));

    assertThat(saved.endpoints()).hasSize(1);
    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.V2_CREATE_ORIGIN_ENDPOINT);
    assertThat(cdn.details(NEWS).distributionId()).isEmpty();
  }

  @Test
  void aChangedLinkTagOnTheGroupsDistribution_endsManagement_andTheNextChannelAskingCreatesTheNextGeneration() {
    Distribution old = givenTheGroupsDeployedDistribution();
    aws.distributions().tag(old.id(), CdnSettings.LINK_TAG_KEY, "taken over by another team");

    assertThat(cdn.saveChannel(V2ChannelSpec.builder().id(SPORTS).build()).cdn().action())
        .isEqualTo(CdnOutcome.Action.NOT_REQUESTED);
    assertThat(cdn.saveEndpoint(V2Specs.threeEndpoints(SPORTS).get(0)).cdn().action())
        .isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
    V2ChannelSaveResult saved = cdn.saveChannel(channel(NEWS));

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    Distribution next = aws.distributions().peek(saved.cdn().distributionId().orElseThrow()).orElseThrow();
    assertThat(next.config().callerReference()).endsWith("-1").isNotEqualTo(old.config().callerReference());
    assertThat(aws.distributions().peek(old.id()).orElseThrow().config()).as("never touched again")
        .isEqualTo(old.config());
    assertThat(cdn.saveEndpoint(V2Specs.threeEndpoints(SPORTS).get(0)).cdn().distributionId())
        .as("the group's endpoints go to the new one").contains(next.id());
  }

  @Test
  void withASecondRegion_theGroupsDistributionHasTheOriginGroupOfBoth_andANewChannelStillWritesNothingToCloudFront() {
    FakeAws second = FakeAws.builder().region("eu-west-1").accountId(aws.accountId()).clock(aws.clock()).build();
    ChannelCdnV2 both = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE).secondaryRegion(second.channelGroups()));
    both.saveChannelGroup(liveWithDistribution());
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    second.clearCalls();
    Distribution distribution = onlyDistribution();
    String secondEgress = second.channelGroups().findGroup("live").orElseThrow().egressDomain();
    assertThat(distribution.config().origins()).extracting(Origin::id, Origin::domainName).containsExactly(
        org.assertj.core.groups.Tuple.tuple("EMP2-live", aws.channelGroups().findGroup("live").orElseThrow()
            .egressDomain()), org.assertj.core.groups.Tuple.tuple("EMP2-live-eu-west-1", secondEgress));
    assertThat(distribution.config().originGroups()).singleElement().satisfies(group -> {
      assertThat(group.id()).isEqualTo("EMP2-live-mqar");
      assertThat(group.selectionCriteria()).isEqualTo(OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED);
    });
    assertThat(distribution.config().cacheBehaviors()).extracting(CacheBehavior::targetOriginId)
        .containsOnly("EMP2-live-mqar");
    second.clearCalls();

    both.saveChannel(V2ChannelSpec.builder().id(NEWS).inputType(InputType.CMAF).publishMediaQualityScore(true)
        .createDistribution(true).build());
    V2EndpointSaveResult saved = both.saveEndpoints(V2Specs.threeEndpoints(NEWS).subList(1, 3)); // the two CMAF ones

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(saved.policiesWritten()).as("two endpoints in two Regions").isEqualTo(4);
    assertThat(cloudFrontWrites()).isEmpty();
    assertThat(second.writes()).extracting(RecordedCall::operation).containsExactly(Operation.V2_CREATE_CHANNEL,
        Operation.V2_CREATE_ORIGIN_ENDPOINT, Operation.V2_CREATE_ORIGIN_ENDPOINT,
        Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY, Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY);
    for (String endpoint : List.of("llhls", "dash")) {
      assertThat(second.channelGroups().findPolicy(NEWS.endpoint(endpoint)).orElseThrow().document())
          .contains(distribution.arn());
    }
    assertReadyForPlayers(NEWS, 2);
  }

  @Test
  void aCreationWhoseAnswerIsLost_isAdoptedBySavingAgain_andAFailedOneReportedBesideTheSavedChannel() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    aws.loseNextResponse(Operation.CREATE_DISTRIBUTION_WITH_TAGS);

    V2ChannelSaveResult lost = cdn.saveChannel(channel(NEWS));

    assertThat(lost.channel().id()).isEqualTo(NEWS);
    assertThat(lost.cdn().failed()).isTrue();
    assertThat(aws.channelGroups().findGroup("live").orElseThrow().tags())
        .containsEntry(CdnSettings.CHANNEL_TAG_KEY, "requested");
    assertThat(cdn.saveEndpoint(V2Specs.threeEndpoints(NEWS).get(0)).cdn()).as("found through the tag index")
        .satisfies(outcome -> {
          assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
          assertThat(outcome.distributionId()).contains(onlyDistribution().id());
        });
    V2ChannelSaveResult again = cdn.saveChannel(channel(NEWS));
    assertThat(again.cdn().action()).isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(aws.distributions().all()).hasSize(1);
    assertThat(again.cdn().distributionId()).contains(onlyDistribution().id());

    aws.failNext(Operation.V2_CREATE_ORIGIN_ENDPOINT, new io.github.mediapackagecdn.core.error.ServiceFailureException(
        "We encountered an internal error."));
    assertThatThrownBy(() -> cdn.saveEndpoint(V2Specs.threeEndpoints(NEWS).get(1)))
        .isInstanceOf(io.github.mediapackagecdn.core.error.ServiceFailureException.class);
    aws.clock().advance(aws.propagationTime());
    cdn.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    assertReadyForPlayers(NEWS, 3);
  }

  @Test
  void groupScope_refusesWhatItDoesNotServe_beforeAnyCall() {
    assertThatThrownBy(() -> aws.channelCdnV2().saveChannelGroup(liveWithDistribution()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("distributionScope(CHANNEL_GROUP)");
    V2EndpointSpec authorized = V2EndpointSpec.builder().from(V2Specs.threeEndpoints(NEWS).get(0))
        .cdnAuthorization(new CdnAuthConfiguration(
            List.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-AbCdEf"),
            "arn:aws:iam::123456789012:role/cdn-auth")).build();
    assertThatThrownBy(() -> cdn.saveEndpoint(authorized)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("CHANNEL_GROUP");
    assertThat(aws.calls()).isEmpty();
  }

  @Test
  void channelScope_staysTheDefault() {
    assertThat(V2CdnSettings.defaults().distributionScope()).isEqualTo(V2CdnSettings.DistributionScope.CHANNEL);
    ChannelCdnV2 perChannel = aws.channelCdnV2();
    perChannel.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    perChannel.saveChannel(channel(NEWS));
    perChannel.saveChannel(channel(SPORTS));
    assertThat(aws.distributions().all()).hasSize(2);
    assertThat(aws.distributions().all()).allSatisfy(d -> assertThat(d.config().cacheBehaviors()).isEmpty());
  }
}
