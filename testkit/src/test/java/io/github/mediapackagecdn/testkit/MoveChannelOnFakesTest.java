package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DistributionPlan.PackagerWrite;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult.DistributionRemoval;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.event.ProvisioningEvent.Step;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2MovePlan;
import io.github.mediapackagecdn.core.v2.provisioning.V2MoveResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Moving a channel between its own distribution and its group's, on a fake account, checked by the players' view
 * ({@link FakeAws#playerRequests}) before, during (a fault between two steps) and after: players are served at every
 * step, and the details' CDN URLs change only when the move completes.
 */
class MoveChannelOnFakesTest {

  private static final V2CdnSettings GROUP_SCOPE =
      V2CdnSettings.builder().distributionScope(V2CdnSettings.DistributionScope.CHANNEL_GROUP).build();
  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");
  private static final TeardownOptions KEEP = TeardownOptions.defaults();
  private static final TeardownOptions REMOVE = TeardownOptions.builder().deleteDistribution(true).build();

  private final FakeAws aws = FakeAws.create();
  private final RecordingListener events = new RecordingListener();
  private final ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE).listener(events));

  /** A channel with a distribution of its own (saved in the scope CHANNEL), and its group's, both deployed. */
  private DistributionId givenAChannelWithItsOwnDistribution_andTheGroups() {
    ChannelCdnV2 perChannel = aws.channelCdnV2();
    perChannel.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    DistributionId own = perChannel.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build())
        .cdn().distributionId().orElseThrow();
    perChannel.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").createDistribution(true).build());
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    return own;
  }

  /** A channel served by its group's distribution, deployed. */
  private DistributionId givenAChannelOnTheGroupsDistribution() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").createDistribution(true).build());
    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());
    cdn.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    return cdn.details(NEWS).distributionId().orElseThrow();
  }

  private DistributionId groupDistribution() {
    return aws.distributions().all().stream().filter(d -> d.config().comment().contains("channel group"))
        .findFirst().orElseThrow().id();
  }

  private String domain(DistributionId id) {
    return aws.distributions().find(id).orElseThrow().domainName();
  }

  /** The channel's manifest URLs on {@code id}'s domain, whatever the details say. */
  private List<String> urlsOn(DistributionId id) {
    return aws.channelGroups().endpointsOf(NEWS).stream().flatMap(e -> e.manifests().stream())
        .map(m -> m.url().replaceFirst("https://[^/]+", "https://" + domain(id))).toList();
  }

  private void assertPlayersServed(List<String> urls) {
    assertThat(urls).hasSize(3).allSatisfy(url -> assertThat(aws.playerRequests(url)).as(url).isNotEmpty()
        .allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue()));
  }

  private void assertPlayersRefused(List<String> urls) {
    assertThat(urls).hasSize(3).allSatisfy(url -> assertThat(aws.playerRequests(url)).as(url)
        .anySatisfy(r -> assertThat(r.ok()).as(r.toString()).isFalse()));
  }

  /** The details' CDN URLs are all on {@code id}'s domain. */
  private void assertDetailsOn(DistributionId id) {
    V2ChannelDetails details = cdn.details(NEWS);
    assertThat(details.distributionId()).contains(id);
    List<String> urls = details.endpoints().stream().flatMap(e -> e.cdnUrls().stream()).toList();
    assertThat(urls).hasSize(3).allSatisfy(url -> assertThat(url).startsWith("https://" + domain(id) + "/"));
    assertPlayersServed(urls);
  }

  private Map<String, Long> callCounts() {
    return aws.calls().stream().collect(Collectors.groupingBy(c -> c.operation().apiName(), TreeMap::new,
        Collectors.counting()));
  }

  @Test
  void movingToTheGroup_isPlanned_thenDone_playersServedBeforeDuringAndAfter_theOwnDistributionLeftInPlace() {
    DistributionId own = givenAChannelWithItsOwnDistribution_andTheGroups();
    DistributionId group = groupDistribution();
    assertDetailsOn(own);

    V2MovePlan plan = cdn.planMove(NEWS, V2MovePlan.Target.GROUP_DISTRIBUTION, KEEP);
    assertThat(plan.from()).contains(own);
    assertThat(plan.to()).contains(group);
    assertThat(plan.createsDistribution()).isFalse();
    assertThat(plan.removesPrevious()).isFalse();
    assertThat(plan.packagerWrites()).containsExactly(new PackagerWrite("PutOriginEndpointPolicy", "live/news/hls"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/llhls"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/dash"), new PackagerWrite("TagResource", "live/news"));
    assertThat(aws.writes()).as("a plan writes nothing").isEmpty();
    aws.clearCalls();

    aws.failNext(Operation.V2_TAG_RESOURCE).withServiceUnavailable();
    assertThatThrownBy(() -> cdn.moveToGroupDistribution(NEWS, KEEP)).isInstanceOf(ServiceFailureException.class);
    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(
        Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY, Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY,
        Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY, Operation.V2_TAG_RESOURCE); // the last one refused
    assertDetailsOn(own); // cut off before the record: the URLs have not moved
    assertPlayersServed(urlsOn(group)); // and the group's distribution may serve them already
    aws.clearCalls();

    V2MoveResult moved = cdn.moveToGroupDistribution(NEWS, KEEP);
    assertThat(callCounts()).isEqualTo(Map.of("GetChannelGroup", 1L, "GetChannel", 1L, "GetResources", 2L,
        "ListTagsForResource", 2L, "ListOriginEndpoints", 1L, "GetDistribution", 2L, "GetOriginEndpointPolicy", 3L,
        "TagResource", 1L));
    assertThat(moved.moved()).isTrue();
    assertThat(moved.from()).contains(own);
    assertThat(moved.to().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(moved.to().distributionId()).contains(group);
    assertThat(moved.policiesWritten()).as("written before the fault").isZero();
    assertThat(moved.previous()).isEqualTo(DistributionRemoval.NOT_REQUESTED);
    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.V2_TAG_RESOURCE);
    assertThat(aws.writes().stream().filter(c -> c.operation().service().equals("cloudfront")))
        .as("no CloudFront write: no deployment").isEmpty();

    assertDetailsOn(group);
    assertPlayersServed(urlsOn(own)); // left in place: its URLs still play until you tear it down
    assertThat(aws.distributions().find(own)).isPresent();

    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());
    cdn.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    assertDetailsOn(group); // saved again: it stays where it was moved
    assertPlayersServed(urlsOn(own));
    assertThat(cdn.planMove(NEWS, V2MovePlan.Target.GROUP_DISTRIBUTION, KEEP).isEmpty()).isTrue();
  }

  @Test
  void movingToTheGroup_withDeleteDistribution_removesTheOwnDistribution_andItsStatement() {
    DistributionId own = givenAChannelWithItsOwnDistribution_andTheGroups();
    DistributionId group = groupDistribution();
    cdn.moveToGroupDistribution(NEWS, KEEP);
    aws.clearCalls();

    V2MovePlan plan = cdn.planMove(NEWS, V2MovePlan.Target.GROUP_DISTRIBUTION, REMOVE);
    assertThat(plan.removesPrevious()).isTrue();
    assertThat(plan.packagerWrites()).containsExactly(new PackagerWrite("TagResource", "live/news"), // the id deleted
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/hls"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/llhls"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/dash"));
    V2MoveResult removed = cdn.moveToGroupDistribution(NEWS, REMOVE);

    assertThat(removed.previous()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(removed.policiesWritten()).isEqualTo(3);
    assertThat(aws.distributions().find(own)).isEmpty();
    assertThat(aws.channelGroups().endpointsOf(NEWS)).allSatisfy(e -> assertThat(aws.channelGroups()
        .findPolicy(e.id()).orElseThrow().document()).doesNotContain("PreviousDistribution"));
    assertDetailsOn(group);
    assertThat(cdn.planMove(NEWS, V2MovePlan.Target.GROUP_DISTRIBUTION, REMOVE).isEmpty()).isTrue();
    assertThat(cdn.moveToGroupDistribution(NEWS, REMOVE).previous()).isEqualTo(DistributionRemoval.ALREADY_GONE);
  }

  @Test
  void movingToItsOwn_createsIt_theUrlsMoveOnlyOnceItServes_theGroupsAccessKeptUntilAsked() {
    DistributionId group = givenAChannelOnTheGroupsDistribution();
    assertDetailsOn(group);

    V2MovePlan plan = cdn.planMove(NEWS, V2MovePlan.Target.OWN_DISTRIBUTION, KEEP);
    assertThat(plan.from()).contains(group);
    assertThat(plan.to()).isEmpty();
    assertThat(plan.createsDistribution()).isTrue();
    assertThat(plan.packagerWrites()).containsExactly(new PackagerWrite("TagResource", "live/news"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/hls"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/llhls"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/dash"), new PackagerWrite("TagResource", "live/news"));
    aws.clearCalls();

    aws.failNext(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY).withServiceUnavailable();
    assertThatThrownBy(() -> cdn.moveToOwnDistribution(NEWS, KEEP)).isInstanceOf(ServiceFailureException.class);
    assertThat(aws.distributions().all()).as("its own, made before the fault").hasSize(2);
    assertDetailsOn(group); // the new distribution is linked, yet the URLs have not moved
    aws.clearCalls();

    V2MoveResult moved = cdn.moveToOwnDistribution(NEWS, KEEP);
    assertThat(callCounts()).isEqualTo(Map.of("GetChannelGroup", 1L, "GetChannel", 1L, "GetResources", 2L,
        "ListTagsForResource", 2L, "ListOriginEndpoints", 1L, "GetDistribution", 3L, "GetOriginEndpointPolicy", 3L,
        "PutOriginEndpointPolicy", 3L, "UpdateDistribution", 1L, "TagResource", 1L));
    assertThat(moved.moved()).isTrue();
    assertThat(moved.to().action()).isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(moved.policiesWritten()).isEqualTo(3);
    DistributionId own = moved.to().distributionId().orElseThrow();
    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).as("adopted, never a second").isEmpty();
    aws.clock().advance(aws.propagationTime());
    assertDetailsOn(own);
    assertPlayersServed(urlsOn(group)); // the group's URLs still play

    cdn.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    assertDetailsOn(own);
    V2MoveResult released = cdn.moveToOwnDistribution(NEWS, REMOVE);
    assertThat(released.previous()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(released.policiesWritten()).isEqualTo(3);
    assertPlayersRefused(urlsOn(group)); // asked for: the group's access is gone
    assertThat(aws.distributions().find(group)).as("the group's distribution is never touched").isPresent();
    assertDetailsOn(own);
  }

  @Test
  void eachMove_makesExactlyThePlansMediaPackageWrites_inItsOrder() {
    givenAChannelOnTheGroupsDistribution();
    V2MovePlan.Target own = V2MovePlan.Target.OWN_DISTRIBUTION;
    V2MovePlan.Target group = V2MovePlan.Target.GROUP_DISTRIBUTION;
    // there and back, keeping then removing the previous access; last, the own distribution deleted
    for (Map.Entry<V2MovePlan.Target, TeardownOptions> step : List.of(Map.entry(own, KEEP), Map.entry(own, REMOVE),
        Map.entry(group, KEEP), Map.entry(own, KEEP), Map.entry(group, KEEP), Map.entry(group, REMOVE))) {
      V2MovePlan.Target target = step.getKey();
      TeardownOptions options = step.getValue();
      V2MovePlan plan = cdn.planMove(NEWS, target, options);
      aws.clearCalls();
      V2MoveResult moved = target == V2MovePlan.Target.OWN_DISTRIBUTION ? cdn.moveToOwnDistribution(NEWS, options)
          : cdn.moveToGroupDistribution(NEWS, options);
      assertThat(aws.writes().stream().filter(c -> c.operation().service().equals("mediapackagev2"))
          .map(c -> new PackagerWrite(c.operation().apiName(), c.operation() == Operation.V2_TAG_RESOURCE
              ? "live/news" : String.valueOf(c.arguments().get(0)))).toList())
          .as(target + " " + options).isEqualTo(plan.packagerWrites());
      assertThat(moved.moved()).isTrue();
      assertThat(cdn.planMove(NEWS, target, options).isEmpty()).as("done: nothing left").isTrue();
      aws.clock().advance(aws.propagationTime());
    }
  }

  /**
   * A behaviour of yours on the group's distribution sends the channel's HLS paths to another origin: the move refuses
   * ({@code NOT_SERVED}) before any write, and its plan is refused in the same words after the same reads, so that a
   * dry run never lists writes the move would not make. Once the behaviour goes, the plan lists the move's writes.
   */
  @Test
  void toAGroupDistributionWhoseBehaviourSendsTheChannelElsewhere_thePlanIsRefusedAsTheMove_beforeAnyWrite() {
    DistributionId own = givenAChannelWithItsOwnDistribution_andTheGroups();
    DistributionId group = groupDistribution();
    Origin bucket = Origin.builder().id("vod-bucket").domainName("vod.example.com")
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
    CacheBehavior elsewhere = CacheBehavior.builder().pathPattern("/out/v1/live/news/hls/*")
        .targetOriginId("vod-bucket").viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .allowedMethods(List.of("GET", "HEAD")).cachedMethods(List.of("GET", "HEAD"))
        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build();
    aws.distributions().edit(group, c -> DistributionConfig.builder().from(c).addOrigins(bucket)
        .cacheBehaviors(List.of(elsewhere)).addAllCacheBehaviors(c.cacheBehaviors()).build());
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    events.clear();

    Throwable planned = catchThrowable(() -> cdn.planMove(NEWS, V2MovePlan.Target.GROUP_DISTRIBUTION, KEEP));

    assertThat(planned).isInstanceOfSatisfying(ResourceConflictException.class, e -> {
      assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.NOT_SERVED);
      assertThat(e.resourceId()).contains("live/news");
    }).hasMessageContaining("the distribution " + group + " of channel group live does not route endpoints of"
        + " channel live/news").hasMessageContaining("hls=cache behaviour '/out/v1/live/news/hls/*' sends"
        + " /out/v1/live/news/hls/index.m3u8 to origin 'vod-bucket'").hasMessageContaining("nothing was moved");
    assertThat(aws.writes()).as("a plan writes nothing").isEmpty();
    Map<String, Long> reads = Map.of("GetChannelGroup", 1L, "GetChannel", 1L, "GetResources", 2L,
        "ListTagsForResource", 2L, "ListOriginEndpoints", 1L, "GetDistribution", 1L);
    assertThat(callCounts()).as("the channel and the group's distribution read, no policy").isEqualTo(reads);
    assertThat(events.events()).as("a plan is not heard").isEmpty();
    aws.clearCalls();

    Throwable moved = catchThrowable(() -> cdn.moveToGroupDistribution(NEWS, KEEP));

    assertThat(moved).as("refused as planned").isInstanceOf(ResourceConflictException.class)
        .hasMessage(planned.getMessage());
    assertThat(((ResourceConflictException) moved).reason()).isEqualTo(ResourceConflictException.Reason.NOT_SERVED);
    assertThat(aws.writes()).isEmpty();
    assertThat(callCounts()).as("the same reads").isEqualTo(reads);
    assertThat(events.steps()).containsExactly(Step.FAILED);
    assertDetailsOn(own);

    aws.distributions().edit(group, c -> DistributionConfig.builder().from(c) // the user removes the behaviour
        .cacheBehaviors(c.cacheBehaviors().stream().filter(b -> !b.targetOriginId().equals("vod-bucket")).toList())
        .build());
    aws.clock().advance(aws.propagationTime());
    V2MovePlan plan = cdn.planMove(NEWS, V2MovePlan.Target.GROUP_DISTRIBUTION, KEEP);
    assertThat(plan.packagerWrites()).hasSize(4);
    aws.clearCalls();
    assertThat(cdn.moveToGroupDistribution(NEWS, KEEP).moved()).isTrue();
    assertThat(aws.writes().stream().map(c -> c.operation().apiName()).toList()).as("as planned")
        .isEqualTo(plan.packagerWrites().stream().map(PackagerWrite::operation).toList());
    assertDetailsOn(group);
  }

  /** The MediaPackage writes made since the calls were last cleared, as a plan lists them. */
  private List<PackagerWrite> packagerWrites() {
    return aws.writes().stream().filter(c -> c.operation().service().equals("mediapackagev2"))
        .map(c -> new PackagerWrite(c.operation().apiName(), c.operation() == Operation.V2_TAG_RESOURCE
            ? "live/news" : String.valueOf(c.arguments().get(0)))).toList();
  }

  /** The library's manifest cache policy, changed by hand: a save would refuse it as a shared setting not its own. */
  private void givenTheManifestCachePolicyChangedByHand() {
    aws.cloudFrontPolicies().editCachePolicy(V2CdnSettings.defaults().manifestCachePolicyName(),
        c -> new CachePolicyConfig(c.name(), c.comment(), c.minTtl(), c.defaultTtl(), 60, c.queryStrings())
            .withCompression(true));
  }

  /**
   * A behaviour of yours on the channel's own distribution (still linked from before, so adopted) sends its HLS paths
   * to another origin: the move writes the endpoint policies, then stops at {@code NOT_SERVED} without the channel
   * tag, and its plan says so, listing only the writes the move makes, with the same reasons. Once the behaviour goes,
   * the plan lists the channel tag and the move makes it.
   */
  @Test
  void toItsOwnDistributionWhoseBehaviourSendsTheChannelElsewhere_thePlanSaysNotServed_withOnlyTheMovesWrites() {
    DistributionId own = givenAChannelWithItsOwnDistribution_andTheGroups();
    DistributionId group = groupDistribution();
    cdn.moveToGroupDistribution(NEWS, KEEP); // its own left in place, still linked: adopted on the way back
    Origin bucket = Origin.builder().id("vod-bucket").domainName("vod.example.com")
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
    CacheBehavior elsewhere = CacheBehavior.builder().pathPattern("/out/v1/live/news/hls/index*")
        .targetOriginId("vod-bucket").viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .allowedMethods(List.of("GET", "HEAD")).cachedMethods(List.of("GET", "HEAD"))
        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build();
    aws.distributions().edit(own, c -> DistributionConfig.builder().from(c).addOrigins(bucket)
        .cacheBehaviors(List.of(elsewhere)).addAllCacheBehaviors(c.cacheBehaviors()).build());
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    events.clear();

    V2MovePlan plan = cdn.planMove(NEWS, V2MovePlan.Target.OWN_DISTRIBUTION, REMOVE);

    assertThat(aws.writes()).as("a plan writes nothing").isEmpty();
    assertThat(callCounts()).as("the channel, both distributions, the policies").isEqualTo(Map.of(
        "GetChannelGroup", 1L, "GetChannel", 1L, "GetResources", 2L, "ListTagsForResource", 2L,
        "ListOriginEndpoints", 1L, "GetDistribution", 2L, "GetOriginEndpointPolicy", 3L));
    assertThat(plan.to()).contains(own);
    assertThat(plan.packagerWrites()).as("the policies, not the channel tag").containsExactly(
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/hls"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/llhls"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/dash"));
    assertThat(plan.removesPrevious()).isFalse();
    assertThat(plan.notServed()).containsOnlyKeys(OriginEndpointId.of("hls"));
    assertThat(plan.notServed().get(OriginEndpointId.of("hls"))).startsWith("cache behaviour"
        + " '/out/v1/live/news/hls/index*' sends /out/v1/live/news/hls/index.m3u8 to origin 'vod-bucket'");
    assertThat(plan.isEmpty()).isFalse();
    aws.clearCalls();

    V2MoveResult moved = cdn.moveToOwnDistribution(NEWS, REMOVE);

    assertThat(moved.moved()).isFalse();
    assertThat(moved.to().action()).isEqualTo(CdnOutcome.Action.NOT_SERVED);
    assertThat(moved.previous()).isEqualTo(DistributionRemoval.NOT_REQUESTED);
    assertThat(packagerWrites()).as("as planned").isEqualTo(plan.packagerWrites());
    assertThat(aws.writes().stream().filter(c -> c.operation().service().equals("cloudfront")))
        .as("nothing of the library's missing on its own distribution").isEmpty();
    assertThat(moved.to().notServed()).as("the plan's reasons").isEqualTo(plan.notServed());
    assertThat(events.steps()).doesNotContain(Step.CHANNEL_MOVED, Step.PREVIOUS_ACCESS_REMOVED);
    assertDetailsOn(group);

    V2MovePlan again = cdn.planMove(NEWS, V2MovePlan.Target.OWN_DISTRIBUTION, REMOVE);
    assertThat(again.packagerWrites()).as("the policies written already").isEmpty();
    assertThat(again.notServed()).isEqualTo(plan.notServed());
    assertThat(again.isEmpty()).as("the channel is not on its own yet").isFalse();

    aws.distributions().edit(own, c -> DistributionConfig.builder().from(c) // the user removes the behaviour
        .cacheBehaviors(c.cacheBehaviors().stream().filter(b -> !b.targetOriginId().equals("vod-bucket")).toList())
        .build());
    aws.clock().advance(aws.propagationTime());
    V2MovePlan unblocked = cdn.planMove(NEWS, V2MovePlan.Target.OWN_DISTRIBUTION, REMOVE);
    assertThat(unblocked.notServed()).isEmpty();
    assertThat(unblocked.removesPrevious()).isTrue();
    assertThat(unblocked.packagerWrites()).containsExactly(new PackagerWrite("TagResource", "live/news"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/hls"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/llhls"),
        new PackagerWrite("PutOriginEndpointPolicy", "live/news/dash"));
    aws.clearCalls();
    assertThat(cdn.moveToOwnDistribution(NEWS, REMOVE).moved()).isTrue();
    assertThat(packagerWrites()).as("as planned").isEqualTo(unblocked.packagerWrites());
    aws.clock().advance(aws.propagationTime());
    assertDetailsOn(own);
  }

  /**
   * The group has no distribution yet and the library's manifest cache policy was changed by hand: the move refuses it
   * ({@code SHARED_POLICY_MISMATCH}) before it creates the group's distribution, and its plan is refused in the same
   * words after the same reads, before any write.
   */
  @Test
  void toAGroupWithoutItsDistribution_aSharedPolicyChangedByHand_refusesThePlanAsTheMove_beforeAnyWrite() {
    ChannelCdnV2 perChannel = aws.channelCdnV2();
    perChannel.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    DistributionId own = perChannel.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build())
        .cdn().distributionId().orElseThrow();
    perChannel.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    givenTheManifestCachePolicyChangedByHand();
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();

    assertPlanRefusedAsTheMove(() -> cdn.planMove(NEWS, V2MovePlan.Target.GROUP_DISTRIBUTION, KEEP),
        () -> cdn.moveToGroupDistribution(NEWS, KEEP), 1);

    assertThat(aws.distributions().all()).hasSize(1);
    assertDetailsOn(own);
  }

  /**
   * The same for a move to its own distribution when it has none: the move refuses before any write (the channel tag
   * included), and its plan is refused in the same words after the same reads.
   */
  @Test
  void toItsOwnWhenItHasNone_aSharedPolicyChangedByHand_refusesThePlanAsTheMove_beforeAnyWrite() {
    DistributionId group = givenAChannelOnTheGroupsDistribution();
    givenTheManifestCachePolicyChangedByHand();
    ChannelCdnV2 another = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE)); // it has not looked the settings up
    aws.clearCalls();

    assertPlanRefusedAsTheMove(() -> another.planMove(NEWS, V2MovePlan.Target.OWN_DISTRIBUTION, KEEP),
        () -> another.moveToOwnDistribution(NEWS, KEEP), 1);

    assertDetailsOn(group);
  }

  /**
   * The same for a move to its own distribution still linked from before: the move checks the shared settings (the
   * update of its behaviours needs their ids) before it writes the endpoint policies, and its plan is refused alike.
   */
  @Test
  void toItsOwnStillLinked_aSharedPolicyChangedByHand_refusesThePlanAsTheMove_beforeAnyWrite() {
    DistributionId own = givenAChannelWithItsOwnDistribution_andTheGroups();
    DistributionId group = groupDistribution();
    cdn.moveToGroupDistribution(NEWS, KEEP);
    givenTheManifestCachePolicyChangedByHand();
    ChannelCdnV2 another = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE)); // it has not looked the settings up
    aws.clearCalls();

    assertPlanRefusedAsTheMove(() -> another.planMove(NEWS, V2MovePlan.Target.OWN_DISTRIBUTION, KEEP),
        () -> another.moveToOwnDistribution(NEWS, KEEP), 2);

    assertThat(own).isNotEqualTo(group);
    assertDetailsOn(group);
  }

  @Test
  void inTheScopeChannel_aMoveIsRefused_beforeAnyCall() {
    ChannelCdnV2 perChannel = aws.channelCdnV2();
    aws.clearCalls();
    assertThatThrownBy(() -> perChannel.moveToGroupDistribution(NEWS, KEEP)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("distributionScope(CHANNEL_GROUP)");
    assertThatThrownBy(() -> perChannel.planMove(NEWS, V2MovePlan.Target.OWN_DISTRIBUTION, KEEP))
        .isInstanceOf(ValidationException.class);
    assertThat(aws.calls()).isEmpty();
  }

  /**
   * Back to a distribution of its own after a move to the group deleted the previous one: CloudFront may keep a deleted
   * distribution's CallerReference taken (UNCONFIRMED), so the channel tag keeps the deleted id after the group's
   * marker, and the creation passes over the reference once the holder does not show, as after a console deletion.
   */
  @ParameterizedTest(name = "deleted CallerReferences stay taken: {0}")
  @ValueSource(booleans = {true, false})
  void backToItsOwn_afterAMoveToTheGroupDeletedIt_createsTheNextOne(boolean referencesStayTaken) {
    FakeAws account = FakeAws.builder().deletedCallerReferencesStayTaken(referencesStayTaken).build();
    ChannelCdnV2 perChannel = account.channelCdnV2();
    perChannel.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    DistributionId own = perChannel.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build())
        .cdn().distributionId().orElseThrow();
    perChannel.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    ChannelCdnV2 grouped = account.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE));
    grouped.saveChannelGroup(ChannelGroupSpec.builder().name("live").createDistribution(true).build());
    account.clock().advance(account.propagationTime());
    String deletedReference = account.distributions().find(own).orElseThrow().config().callerReference();
    assertThat(grouped.moveToGroupDistribution(NEWS, REMOVE).previous()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(account.distributions().peek(own)).isEmpty();
    account.clearCalls();

    V2MoveResult back = grouped.moveToOwnDistribution(NEWS, KEEP);

    assertThat(back.moved()).isTrue();
    assertThat(back.to().action()).isEqualTo(CdnOutcome.Action.CREATED);
    DistributionId next = back.to().distributionId().orElseThrow();
    String reference = account.distributions().find(next).orElseThrow().config().callerReference();
    if (referencesStayTaken) { // refused once, the holder never shows, the deleted id proves the link gone
      assertThat(account.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(2);
      assertThat(reference).isNotEqualTo(deletedReference).endsWith("-1");
    } else {
      assertThat(account.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(1);
      assertThat(reference).isEqualTo(deletedReference);
    }
    account.clock().advance(account.propagationTime());
    V2ChannelDetails details = grouped.details(NEWS);
    assertThat(details.distributionId()).contains(next);
    assertThat(details.endpoints()).hasSize(3).allSatisfy(e -> assertThat(e.cdnUrls()).singleElement()
        .satisfies(url -> assertThat(account.playerRequests(url)).isNotEmpty()
            .allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue())));
  }

  private static final List<OriginEndpointId> ENDPOINTS =
      List.of(OriginEndpointId.of("hls"), OriginEndpointId.of("llhls"), OriginEndpointId.of("dash"));

  @Test
  void eachMove_isHeard_movedWhenTheUrlsSwitch_thenThePreviousAccessRemoved_aFailureAsFailed() {
    DistributionId group = givenAChannelOnTheGroupsDistribution();
    events.clear();

    DistributionId own = cdn.moveToOwnDistribution(NEWS, KEEP).to().distributionId().orElseThrow();
    assertThat(events.steps()).containsExactly(Step.DISTRIBUTION_CREATED, Step.CHANGE_PLANNED, Step.UPDATE_SENT,
        Step.CHANNEL_MOVED);
    assertMoved(events.events().get(3), own, "TagResource", 3,
        "moved: live/news to its own distribution " + own + " from " + group);
    events.clear();

    cdn.moveToOwnDistribution(NEWS, REMOVE);
    assertThat(events.steps()).containsExactly(Step.CHANNEL_MOVED, Step.PREVIOUS_ACCESS_REMOVED);
    assertMoved(events.events().get(0), own, "", 0,
        "moved already: live/news to its own distribution " + own + " from " + group);
    assertRemoved(events.events().get(1), group, "PutOriginEndpointPolicy", 3, "the group's statement left the"
        + " endpoint policies; the group's distribution is never touched");
    events.clear();
    aws.clock().advance(aws.propagationTime());

    aws.failNext(Operation.V2_TAG_RESOURCE).withThrottling();
    assertThatThrownBy(() -> cdn.moveToGroupDistribution(NEWS, KEEP)).isInstanceOf(ThrottledException.class);
    assertThat(events.steps()).as("not moved: no CHANNEL_MOVED").containsExactly(Step.THROTTLED, Step.FAILED);
    assertThat(events.events()).allSatisfy(e -> assertThat(e.failure()).containsInstanceOf(ThrottledException.class));
    events.clear();

    cdn.moveToGroupDistribution(NEWS, KEEP);
    assertThat(events.steps()).containsExactly(Step.CHANNEL_MOVED);
    assertMoved(events.events().get(0), group, "TagResource", 0, // the policies were written before the throttle
        "moved: live/news to its group's distribution " + group + " from " + own);
    events.clear();

    cdn.moveToGroupDistribution(NEWS, REMOVE);
    assertThat(events.steps()).containsExactly(Step.CHANNEL_MOVED, Step.PREVIOUS_ACCESS_REMOVED);
    assertRemoved(events.events().get(1), own, "DeleteDistribution", 3, "its own distribution: DELETED");
    events.clear();

    cdn.planMove(NEWS, V2MovePlan.Target.OWN_DISTRIBUTION, REMOVE);
    assertThatThrownBy(() -> aws.channelCdnV2(b -> b.listener(events)).moveToGroupDistribution(NEWS, KEEP))
        .isInstanceOf(ValidationException.class);
    assertThat(events.events()).as("a plan, and bad input, are not heard").isEmpty();
  }

  private static void assertMoved(ProvisioningEvent event, DistributionId to, String operation, int policies,
      String detail) {
    assertThat(event.step()).isEqualTo(Step.CHANNEL_MOVED);
    assertThat(event.channel()).contains(NEWS.ref());
    assertThat(event.distributionId()).contains(to);
    assertThat(event.endpointIds()).isEqualTo(ENDPOINTS);
    assertThat(event.operation()).isEqualTo(operation);
    assertThat(event.count()).isEqualTo(policies);
    assertThat(event.detail()).contains(detail);
  }

  private static void assertRemoved(ProvisioningEvent event, DistributionId previous, String operation,
      int policies, String detail) {
    assertThat(event.step()).isEqualTo(Step.PREVIOUS_ACCESS_REMOVED);
    assertThat(event.channel()).contains(NEWS.ref());
    assertThat(event.distributionId()).contains(previous);
    assertThat(event.endpointIds()).isEqualTo(ENDPOINTS);
    assertThat(event.operation()).isEqualTo(operation);
    assertThat(event.count()).isEqualTo(policies);
    assertThat(event.detail()).contains(detail);
  }

  @Test
  void moves_andTheirPlan_refuseANullArgument_andAClosedFacade_beforeAnyCall() {
    givenAChannelWithItsOwnDistribution_andTheGroups();

    assertThatThrownBy(() -> cdn.moveToGroupDistribution(null, KEEP)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("channel id");
    assertThatThrownBy(() -> cdn.moveToGroupDistribution(NEWS, null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("teardown options");
    assertThatThrownBy(() -> cdn.moveToOwnDistribution(null, KEEP)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("channel id");
    assertThatThrownBy(() -> cdn.moveToOwnDistribution(NEWS, null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("teardown options");
    assertThatThrownBy(() -> cdn.planMove(null, V2MovePlan.Target.GROUP_DISTRIBUTION, KEEP))
        .isInstanceOf(ValidationException.class).hasMessageContaining("channel id");
    assertThatThrownBy(() -> cdn.planMove(NEWS, null, KEEP)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("target");
    assertThatThrownBy(() -> cdn.planMove(NEWS, V2MovePlan.Target.GROUP_DISTRIBUTION, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("teardown options");
    cdn.close();
    assertThatThrownBy(() -> cdn.moveToGroupDistribution(NEWS, KEEP)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cdn.moveToOwnDistribution(NEWS, KEEP)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cdn.planMove(NEWS, V2MovePlan.Target.OWN_DISTRIBUTION, KEEP))
        .isInstanceOf(IllegalStateException.class);
    assertThat(aws.calls()).isEmpty();
  }

  /**
   * The plan refused with {@code SHARED_POLICY_MISMATCH}, naming the library's manifest cache policy, after reading the
   * channel ({@code tagListings} ListTagsForResource) and the shared settings by name, and writing nothing; then the
   * move refused in the same words after the same reads, writing nothing either (not the channel tag, not an endpoint
   * policy).
   */
  private void assertPlanRefusedAsTheMove(ThrowingCallable plan, ThrowingCallable move, long tagListings) {
    Throwable planned = catchThrowable(plan);

    assertThat(planned).isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.reason())
        .isEqualTo(ResourceConflictException.Reason.SHARED_POLICY_MISMATCH))
        .hasMessageContaining(V2CdnSettings.defaults().manifestCachePolicyName());
    assertThat(aws.writes()).as("a plan writes nothing").isEmpty();
    Map<String, Long> reads = Map.of("GetChannelGroup", 1L, "GetChannel", 1L, "GetResources", 2L,
        "ListTagsForResource", tagListings, "ListOriginEndpoints", 1L, "ListOriginAccessControls", 1L,
        "ListCachePolicies", 1L);
    assertThat(callCounts()).as("the channel and the shared settings by name").isEqualTo(reads);
    aws.clearCalls();

    Throwable moved = catchThrowable(move);

    assertThat(moved).as("refused as planned").isInstanceOf(ResourceConflictException.class)
        .hasMessage(planned.getMessage());
    assertThat(aws.writes()).as("no write").isEmpty();
    assertThat(callCounts()).as("the same reads").isEqualTo(reads);
  }
}
