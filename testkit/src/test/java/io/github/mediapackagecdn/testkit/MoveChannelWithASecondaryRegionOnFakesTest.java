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
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2MovePlan;
import io.github.mediapackagecdn.core.v2.provisioning.V2MoveResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Moving a channel between its own distribution and its group's with a secondary Region
 * ({@link ChannelCdnV2.Builder#secondaryRegion}), on two fake Regions of one account: at every step each CDN URL plays
 * from the first Region (the players' view, {@link FakeAws#playerRequests}) and would play from the second (the
 * behaviour's media-quality-based origin group names the second Region's egress domain, and the endpoint's policy there
 * allows CloudFront for that distribution); the second Region's policies grant the target before the channel tag
 * moves the URLs, and lose the previous distribution's statement only when asked.
 */
class MoveChannelWithASecondaryRegionOnFakesTest {

  private static final V2CdnSettings GROUP_SCOPE =
      V2CdnSettings.builder().distributionScope(V2CdnSettings.DistributionScope.CHANNEL_GROUP).build();
  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");
  private static final List<String> ENDPOINTS = List.of("hls", "llhls", "dash");
  private static final TeardownOptions KEEP = TeardownOptions.defaults();
  private static final TeardownOptions REMOVE = TeardownOptions.builder().deleteDistribution(true).build();
  private static final V2MovePlan.Target OWN = V2MovePlan.Target.OWN_DISTRIBUTION;
  private static final V2MovePlan.Target GROUP = V2MovePlan.Target.GROUP_DISTRIBUTION;

  private final FakeAws aws = FakeAws.create();
  private final FakeAws second = FakeAws.builder().region("eu-west-1").accountId(aws.accountId())
      .clock(aws.clock()).build();
  /** The MediaPackage writes of the move in both Regions, in their order (the fakes record each Region apart). */
  private final List<Map.Entry<Integer, PackagerWrite>> secondWrites = new ArrayList<>();
  private final ChannelGroups secondPort = recordingWrites(second.channelGroups());
  private final ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE).secondaryRegion(secondPort));
  /** Every distribution's ARN, kept once seen: a deleted one's too. */
  private final Map<DistributionId, String> arns = new HashMap<>();

  /**
   * The second Region's port, each {@code PutOriginEndpointPolicy} and {@code TagResource} noted with the number of
   * first-Region writes made before it, so that {@link #mediaPackageWrites} puts the two Regions' writes in order.
   */
  private ChannelGroups recordingWrites(ChannelGroups port) {
    return (ChannelGroups) Proxy.newProxyInstance(ChannelGroups.class.getClassLoader(),
        new Class<?>[] {ChannelGroups.class}, (proxy, method, args) -> {
          if (method.getName().equals("putPolicy")) {
            secondWrites.add(Map.entry(aws.writes().size(),
                new PackagerWrite("PutOriginEndpointPolicy", String.valueOf(args[0]))));
          } else if (method.getName().equals("tagChannel")) {
            secondWrites.add(Map.entry(aws.writes().size(), new PackagerWrite("TagResource", resource(args[0]))));
          }
          try {
            return method.invoke(port, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private void clearCalls() {
    aws.clearCalls();
    second.clearCalls();
    secondWrites.clear();
  }

  /** The MediaPackage writes since {@link #clearCalls}, both Regions', in their order. */
  private List<PackagerWrite> mediaPackageWrites() {
    List<RecordedCall> first = aws.writes();
    List<PackagerWrite> merged = new ArrayList<>();
    for (int i = 0; i <= first.size(); i++) {
      int before = i;
      secondWrites.stream().filter(w -> w.getKey() == before).forEach(w -> merged.add(w.getValue()));
      if (i < first.size() && first.get(i).operation().service().equals("mediapackagev2")) {
        RecordedCall call = first.get(i);
        merged.add(new PackagerWrite(call.operation().apiName(), call.operation() == Operation.V2_TAG_RESOURCE
            ? resource(call.arguments().get(0)) : String.valueOf(call.arguments().get(0))));
      }
    }
    return merged;
  }

  /** A tagged resource as a plan names it: {@code live/news} for the channel's ARN, {@code live} for its group's. */
  private static String resource(Object arn) {
    String path = String.valueOf(arn).replaceFirst("^.*:channelGroup/", "");
    return path.replace("/channel/", "/");
  }

  private static V2ChannelSpec news() {
    return V2ChannelSpec.builder().id(NEWS).inputType(InputType.CMAF).publishMediaQualityScore(true)
        .createDistribution(true).build();
  }

  /**
   * A channel with a distribution of its own (saved in the scope CHANNEL, both Regions), and its group's (made when
   * {@code groupDistribution}), deployed.
   */
  private DistributionId givenAChannelWithItsOwnDistribution(boolean groupDistribution) {
    ChannelCdnV2 perChannel = aws.channelCdnV2(b -> b.secondaryRegion(secondPort));
    perChannel.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    DistributionId own = perChannel.saveChannel(news()).cdn().distributionId().orElseThrow();
    perChannel.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").createDistribution(groupDistribution).build());
    aws.clock().advance(aws.propagationTime());
    keepArns();
    clearCalls();
    return own;
  }

  private void keepArns() {
    aws.distributions().all().forEach(d -> arns.put(d.id(), d.arn()));
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

  /**
   * Each URL plays: every request a player makes answers 200 from the first Region, and the distribution could send
   * it to the second Region as well (see {@link #secondRegionServes}).
   */
  private void assertServedFromBothRegions(List<String> urls) {
    keepArns();
    assertThat(urls).hasSize(3).allSatisfy(url -> {
      assertThat(aws.playerRequests(url)).as(url).isNotEmpty()
          .allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
      assertThat(secondRegionServes(url)).as(url).isEmpty();
    });
  }

  /**
   * Why the second Region would not serve {@code url}, empty when it would: the behaviour CloudFront picks targets a
   * media-quality-based origin group whose other member is the second Region's egress domain, signed by an origin
   * access control, and the endpoint's policy there allows CloudFront for the distribution (evaluated as the fake's
   * viewer requests evaluate the first Region's).
   */
  private Optional<String> secondRegionServes(String url) {
    ViewerResponse response = aws.viewerRequest(url);
    DistributionId id = response.distributionId().orElseThrow();
    DistributionConfig config = aws.distributions().find(id).orElseThrow().config();
    CacheBehavior behavior = response.pathPattern().flatMap(config::behavior).orElse(config.defaultBehavior());
    Optional<OriginGroup> group = config.originGroup(behavior.targetOriginId());
    if (group.isEmpty() || group.get().selectionCriteria() != OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED) {
      return Optional.of("behaviour " + behavior.pathPattern() + " targets " + behavior.targetOriginId()
          + ", no media-quality-based origin group");
    }
    Origin origin = config.origin(group.get().secondaryOriginId()).orElseThrow();
    String egress = second.channelGroups().findGroup("live").orElseThrow().egressDomain();
    if (!origin.domainName().equals(egress) || origin.originAccessControlId().isEmpty()) {
      return Optional.of("origin " + origin.id() + " is " + origin.domainName() + ", not " + egress + " signed");
    }
    String[] path = response.originPath().orElseThrow().split("/"); // "", out, v1, group, channel, endpoint, ...
    V2EndpointId endpoint = V2EndpointId.of(path[3], path[4], path[5]);
    return grants(second, endpoint, arns.get(id)) ? Optional.empty()
        : Optional.of("the second Region's policy of " + endpoint + " does not allow " + id);
  }

  /** Whether {@code region}'s policy of {@code endpoint} (read as the fake's own, no call) allows CloudFront's GetObject for {@code distributionArn}. */
  private boolean grants(FakeAws region, V2EndpointId endpoint, String distributionArn) {
    Optional<EndpointPolicy> policy = region.channelGroups().policy(endpoint);
    String endpointArn = region.channelGroups().allEndpoints().stream().filter(e -> e.id().equals(endpoint))
        .findFirst().orElseThrow().arn(); // read without a recorded call
    return policy.isPresent() && PolicyEvaluation.evaluate(policy.get().document(), new PolicyEvaluation.Request(
        Optional.of(ViewerRequests.CLOUDFRONT), "mediapackagev2:GetObject", endpointArn, Map.of(
            "aws:SourceArn", distributionArn, "aws:SourceAccount", aws.accountId(), "aws:SecureTransport", "true",
            ViewerRequests.CDN_AUTH_KEY, "false"))).decision() == PolicyEvaluation.Decision.ALLOW;
  }

  /** The endpoints whose policy in {@code region} allows distribution {@code id}. */
  private List<String> grantedIn(FakeAws region, DistributionId id) {
    return ENDPOINTS.stream().filter(e -> grants(region, NEWS.endpoint(e), arns.get(id))).toList();
  }

  /** The details' CDN URLs are all on {@code id}'s domain, and served from both Regions. */
  private void assertDetailsOn(DistributionId id) {
    V2ChannelDetails details = cdn.details(NEWS);
    assertThat(details.distributionId()).contains(id);
    List<String> urls = details.endpoints().stream().flatMap(e -> e.cdnUrls().stream()).toList();
    assertThat(urls).hasSize(3).allSatisfy(url -> assertThat(url).startsWith("https://" + domain(id) + "/"));
    assertServedFromBothRegions(urls);
  }

  private static Map<String, Long> callCounts(FakeAws region) {
    return region.calls().stream().collect(Collectors.groupingBy(c -> c.operation().apiName(), TreeMap::new,
        Collectors.counting()));
  }

  /**
   * What the second Region's policies allowed, by distribution (every one seen, a new one too), just before the first
   * Region's next TagResource: the channel tag that moves the details' URLs.
   */
  private final Map<DistributionId, List<String>> grantedAtTheSwitch = new HashMap<>();

  private void beforeTheSwitch() {
    grantedAtTheSwitch.clear();
    beforeTheSwitch(0);
  }

  /** As {@link #beforeTheSwitch()}, after {@code skipped} TagResource calls of the first Region (the group's). */
  private void beforeTheSwitch(int skipped) {
    aws.beforeNext(Operation.V2_TAG_RESOURCE, () -> {
      if (skipped > 0) {
        beforeTheSwitch(skipped - 1);
        return;
      }
      keepArns();
      arns.keySet().forEach(id -> grantedAtTheSwitch.put(id, grantedIn(second, id)));
    });
  }

  @Test
  void toTheGroupAndBack_keepingThePreviousAccess_bothRegionsServeEveryUrlAtEveryStep() {
    DistributionId own = givenAChannelWithItsOwnDistribution(true);
    DistributionId group = groupDistribution();
    keepArns();
    assertDetailsOn(own);
    assertThat(grantedIn(second, group)).as("not yet").isEmpty();

    V2MovePlan plan = cdn.planMove(NEWS, GROUP, KEEP);
    assertThat(plan.from()).contains(own);
    assertThat(plan.to()).contains(group);
    assertThat(plan.createsDistribution()).isFalse();
    assertThat(plan.removesPrevious()).isFalse();
    assertThat(plan.packagerWrites()).as("each endpoint's policy in both Regions, then the channel tag")
        .containsExactly(put("hls"), put("hls"), put("llhls"), put("llhls"), put("dash"), put("dash"), TAG);
    assertThat(aws.writes()).isEmpty();
    assertThat(second.writes()).isEmpty();
    clearCalls();
    beforeTheSwitch();

    V2MoveResult moved = cdn.moveToGroupDistribution(NEWS, KEEP);

    assertThat(mediaPackageWrites()).as("as planned").isEqualTo(plan.packagerWrites());
    assertThat(grantedAtTheSwitch).as("the second Region grants the target before the URLs move, keeps the previous")
        .containsEntry(group, ENDPOINTS).containsEntry(own, ENDPOINTS);
    assertThat(callCounts(aws)).isEqualTo(Map.of("GetChannelGroup", 1L, "GetChannel", 1L, "GetResources", 2L,
        "ListTagsForResource", 2L, "ListOriginEndpoints", 1L, "GetDistribution", 2L, "GetOriginEndpointPolicy", 3L,
        "PutOriginEndpointPolicy", 3L, "TagResource", 1L));
    assertThat(callCounts(second)).as("the group read there: its origin checked in the group's distribution")
        .isEqualTo(Map.of("GetChannelGroup", 1L, "GetOriginEndpoint", 3L, "GetOriginEndpointPolicy", 3L,
            "PutOriginEndpointPolicy", 3L));
    assertThat(moved.moved()).isTrue();
    assertThat(moved.to().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(moved.policiesWritten()).as("three endpoints in two Regions").isEqualTo(6);
    assertThat(moved.previous()).isEqualTo(DistributionRemoval.NOT_REQUESTED);
    assertDetailsOn(group);
    assertServedFromBothRegions(urlsOn(own)); // left in place, its access kept in both Regions
    assertThat(cdn.planMove(NEWS, GROUP, KEEP).isEmpty()).isTrue();
    clearCalls();
    assertThat(cdn.saveChannel(news()).cdn().action()).as("saved again in group scope").isEqualTo(
        CdnOutcome.Action.UNCHANGED);
    assertThat(cdn.saveEndpoints(V2Specs.threeEndpoints(NEWS)).cdn().distributionId()).contains(group);
    assertThat(aws.writes()).as("both Regions' policies grant it already; the group's layout is complete").isEmpty();
    assertThat(second.writes()).isEmpty();
    assertDetailsOn(group);

    V2MovePlan back = cdn.planMove(NEWS, OWN, KEEP);
    assertThat(back.to()).as("left in place: adopted").contains(own);
    assertThat(back.packagerWrites()).containsExactly(put("hls"), put("hls"), put("llhls"), put("llhls"),
        put("dash"), put("dash"), TAG);
    clearCalls();
    beforeTheSwitch();

    V2MoveResult returned = cdn.moveToOwnDistribution(NEWS, KEEP);

    assertThat(mediaPackageWrites()).as("as planned").isEqualTo(back.packagerWrites());
    assertThat(grantedAtTheSwitch).containsEntry(own, ENDPOINTS).containsEntry(group, ENDPOINTS);
    assertThat(callCounts(aws)).isEqualTo(Map.of("GetChannelGroup", 1L, "GetChannel", 1L, "GetResources", 2L,
        "ListTagsForResource", 2L, "ListOriginEndpoints", 1L, "GetDistribution", 3L, "GetOriginEndpointPolicy", 3L,
        "PutOriginEndpointPolicy", 3L, "TagResource", 1L));
    assertThat(callCounts(second)).isEqualTo(Map.of("GetChannelGroup", 1L, "GetOriginEndpoint", 3L,
        "GetOriginEndpointPolicy", 3L, "PutOriginEndpointPolicy", 3L));
    assertThat(returned.moved()).isTrue();
    assertThat(returned.to().action()).isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(returned.policiesWritten()).isEqualTo(6);
    assertThat(aws.writes().stream().filter(c -> c.operation().service().equals("cloudfront")))
        .as("its own distribution serves both Regions already").isEmpty();
    assertDetailsOn(own);
    assertServedFromBothRegions(urlsOn(group));
    assertThat(cdn.planMove(NEWS, OWN, KEEP).isEmpty()).isTrue();
  }

  @Test
  void toTheGroupDeletingItsOwn_thenToANewOwnRemovingTheGroupsStatement_theSecondRegionLosesThePreviousOnlyThen() {
    DistributionId own = givenAChannelWithItsOwnDistribution(true);
    DistributionId group = groupDistribution();
    keepArns();

    V2MovePlan plan = cdn.planMove(NEWS, GROUP, REMOVE);
    assertThat(plan.removesPrevious()).isTrue();
    assertThat(plan.packagerWrites()).as("the target and the previous statement, the tag, then the previous stripped")
        .containsExactly(put("hls"), put("hls"), put("llhls"), put("llhls"), put("dash"), put("dash"), TAG,
            put("hls"), put("hls"), put("llhls"), put("llhls"), put("dash"), put("dash"));
    clearCalls();
    beforeTheSwitch();

    V2MoveResult moved = cdn.moveToGroupDistribution(NEWS, REMOVE);

    assertThat(mediaPackageWrites()).as("as planned").isEqualTo(plan.packagerWrites());
    assertThat(grantedAtTheSwitch).containsEntry(group, ENDPOINTS).containsEntry(own, ENDPOINTS);
    assertThat(callCounts(aws)).as("UpdateDistribution disables it, DeleteDistribution deletes it")
        .isEqualTo(Map.ofEntries(Map.entry("GetChannelGroup", 1L), Map.entry("GetChannel", 1L),
            Map.entry("GetResources", 2L), Map.entry("ListTagsForResource", 4L), Map.entry("ListOriginEndpoints", 1L),
            Map.entry("GetDistribution", 9L), Map.entry("GetOriginEndpointPolicy", 6L),
            Map.entry("PutOriginEndpointPolicy", 6L), Map.entry("TagResource", 1L),
            Map.entry("UpdateDistribution", 1L), Map.entry("DeleteDistribution", 1L)));
    assertThat(callCounts(second)).as("the group read, each endpoint read, its policy read and written, twice")
        .isEqualTo(Map.of("GetChannelGroup", 1L, "GetOriginEndpoint", 6L, "GetOriginEndpointPolicy", 6L,
            "PutOriginEndpointPolicy", 6L));
    assertThat(moved.previous()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(moved.policiesWritten()).as("added, then stripped, in two Regions").isEqualTo(12);
    assertThat(aws.distributions().find(own)).isEmpty();
    assertThat(grantedIn(second, own)).as("asked: the deleted one's statement left the second Region too").isEmpty();
    assertThat(grantedIn(aws, own)).isEmpty();
    assertThat(second.channelGroups().endpointsOf(NEWS)).allSatisfy(e -> assertThat(second.channelGroups()
        .policy(e.id()).orElseThrow().document()).doesNotContain("PreviousDistribution"));
    assertDetailsOn(group);
    assertThat(cdn.planMove(NEWS, GROUP, REMOVE).isEmpty()).isTrue();

    V2MovePlan back = cdn.planMove(NEWS, OWN, KEEP);
    assertThat(back.createsDistribution()).isTrue();
    clearCalls();
    beforeTheSwitch();

    V2MoveResult returned = cdn.moveToOwnDistribution(NEWS, KEEP);

    assertThat(mediaPackageWrites()).as("as planned").isEqualTo(back.packagerWrites());
    DistributionId next = returned.to().distributionId().orElseThrow();
    assertThat(returned.to().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(grantedAtTheSwitch).containsEntry(next, ENDPOINTS).containsEntry(group, ENDPOINTS);
    assertThat(callCounts(aws)).as("the deleted one's CallerReference refused once, its holder looked for")
        .isEqualTo(Map.ofEntries(Map.entry("GetChannelGroup", 1L), Map.entry("GetChannel", 1L),
            Map.entry("GetResources", 12L), Map.entry("ListTagsForResource", 1L), Map.entry("ListDistributions", 10L),
            Map.entry("ListOriginEndpoints", 1L), Map.entry("CreateDistributionWithTags", 2L),
            Map.entry("GetDistribution", 4L), Map.entry("GetOriginEndpointPolicy", 3L),
            Map.entry("PutOriginEndpointPolicy", 3L), Map.entry("UpdateDistribution", 1L),
            Map.entry("TagResource", 1L)));
    assertThat(callCounts(second)).isEqualTo(Map.of("GetChannelGroup", 1L, "GetOriginEndpoint", 3L,
        "GetOriginEndpointPolicy", 3L, "PutOriginEndpointPolicy", 3L));
    assertThat(returned.policiesWritten()).isEqualTo(6);
    aws.clock().advance(aws.propagationTime());
    assertDetailsOn(next);
    assertServedFromBothRegions(urlsOn(group)); // kept: not asked

    V2MovePlan release = cdn.planMove(NEWS, OWN, REMOVE);
    assertThat(release.packagerWrites()).containsExactly(put("hls"), put("hls"), put("llhls"), put("llhls"),
        put("dash"), put("dash"));
    clearCalls();

    V2MoveResult released = cdn.moveToOwnDistribution(NEWS, REMOVE);

    assertThat(mediaPackageWrites()).as("as planned").isEqualTo(release.packagerWrites());
    assertThat(callCounts(aws)).isEqualTo(Map.of("GetChannelGroup", 1L, "GetChannel", 1L, "GetResources", 2L,
        "ListTagsForResource", 2L, "ListOriginEndpoints", 1L, "GetDistribution", 3L, "GetOriginEndpointPolicy", 6L,
        "PutOriginEndpointPolicy", 3L));
    assertThat(callCounts(second)).isEqualTo(Map.of("GetChannelGroup", 1L, "GetOriginEndpoint", 6L,
        "GetOriginEndpointPolicy", 6L, "PutOriginEndpointPolicy", 3L));
    assertThat(released.previous()).isEqualTo(DistributionRemoval.DELETED);
    assertThat(released.policiesWritten()).isEqualTo(6);
    assertThat(grantedIn(second, group)).as("asked: the group's statement left the second Region").isEmpty();
    assertThat(grantedIn(aws, group)).isEmpty();
    assertThat(aws.distributions().find(group)).as("the group's distribution is never touched").isPresent();
    assertDetailsOn(next);
    assertThat(cdn.planMove(NEWS, OWN, REMOVE).isEmpty()).isTrue();
  }

  @Test
  void eachMove_makesExactlyThePlansWritesInBothRegions_inItsOrder_andEveryUrlPlaysAfterEach() {
    givenAChannelWithItsOwnDistribution(true);
    // there and back, keeping then removing the previous access; last, the own distribution deleted
    for (Map.Entry<V2MovePlan.Target, TeardownOptions> step : List.of(Map.entry(GROUP, KEEP), Map.entry(GROUP, REMOVE),
        Map.entry(OWN, KEEP), Map.entry(OWN, REMOVE), Map.entry(GROUP, KEEP), Map.entry(OWN, KEEP),
        Map.entry(GROUP, REMOVE))) {
      V2MovePlan.Target target = step.getKey();
      TeardownOptions options = step.getValue();
      V2MovePlan plan = cdn.planMove(NEWS, target, options);
      clearCalls();
      V2MoveResult moved = target == OWN ? cdn.moveToOwnDistribution(NEWS, options)
          : cdn.moveToGroupDistribution(NEWS, options);
      assertThat(mediaPackageWrites()).as(target + " " + options).isEqualTo(plan.packagerWrites());
      assertThat(moved.moved()).isTrue();
      assertThat(cdn.planMove(NEWS, target, options).isEmpty()).as("done: nothing left").isTrue();
      aws.clock().advance(aws.propagationTime());
      assertDetailsOn(moved.to().distributionId().orElseThrow());
    }
  }

  @Test
  void toAGroupWithoutItsDistributionYet_theMoveMakesIt_servingBothRegions() {
    DistributionId own = givenAChannelWithItsOwnDistribution(false);
    clearCalls();
    V2MovePlan plan = cdn.planMove(NEWS, GROUP, KEEP);
    assertThat(callCounts(aws)).as("the move's check of the shared settings, made by its plan, once an instance")
        .containsEntry("ListCachePolicies", 1L).containsEntry("ListOriginAccessControls", 1L);
    assertThat(plan.createsDistribution()).isTrue();
    assertThat(plan.packagerWrites()).as("the group's marker and new id, the policies, the channel tag")
        .containsExactly(GROUP_TAG, GROUP_TAG, put("hls"), put("hls"), put("llhls"), put("llhls"), put("dash"),
            put("dash"), TAG);
    clearCalls();
    grantedAtTheSwitch.clear();
    beforeTheSwitch(2);

    V2MoveResult moved = cdn.moveToGroupDistribution(NEWS, KEEP);

    assertThat(mediaPackageWrites()).as("as planned").isEqualTo(plan.packagerWrites());
    assertThat(moved.to().action()).isEqualTo(CdnOutcome.Action.CREATED);
    DistributionId group = moved.to().distributionId().orElseThrow();
    assertThat(grantedAtTheSwitch).containsEntry(group, ENDPOINTS).containsEntry(own, ENDPOINTS);
    assertThat(callCounts(aws)).as("the group's distribution made and recorded (the shared policies looked up already)")
        .isEqualTo(Map.ofEntries(Map.entry("GetChannelGroup", 1L), Map.entry("GetChannel", 1L),
            Map.entry("GetResources", 3L), Map.entry("ListTagsForResource", 1L), Map.entry("ListOriginEndpoints", 1L),
            Map.entry("CreateDistributionWithTags", 1L), Map.entry("GetDistribution", 2L),
            Map.entry("GetOriginEndpointPolicy", 3L), Map.entry("PutOriginEndpointPolicy", 3L),
            Map.entry("TagResource", 3L)));
    assertThat(callCounts(second)).as("the group read there for the new distribution's origin, and for the check")
        .isEqualTo(Map.of("GetChannelGroup", 2L,
            "GetOriginEndpoint", 3L, "GetOriginEndpointPolicy", 3L, "PutOriginEndpointPolicy", 3L));
    assertThat(aws.distributions().find(group).orElseThrow().config().originGroups()).singleElement()
        .satisfies(g -> assertThat(g.memberOriginIds()).containsExactly("EMP2-live", "EMP2-live-eu-west-1"));
    aws.clock().advance(aws.propagationTime());
    assertDetailsOn(group);
    assertServedFromBothRegions(urlsOn(own));
  }

  /**
   * The group's distribution made without the secondary Region (by an instance configured with one Region): its
   * behaviours send the group's paths to the first Region's origin alone. Moving a channel served from both Regions
   * there would serve it from one without a word; the move refuses it before any write, its plan is refused in the same
   * words after the same reads in both Regions, and both go once the group's behaviours target the origin group of
   * both Regions.
   */
  @Test
  void toAGroupDistributionMadeWithoutTheSecondRegion_planAndMoveRefusedBeforeAnyWrite_stillServedFromBoth() {
    ChannelCdnV2 perChannel = aws.channelCdnV2(b -> b.secondaryRegion(secondPort));
    perChannel.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    DistributionId own = perChannel.saveChannel(news()).cdn().distributionId().orElseThrow();
    perChannel.saveEndpoints(V2Specs.threeEndpoints(NEWS));
    aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE)).saveChannelGroup(ChannelGroupSpec.builder().name("live")
        .createDistribution(true).build());
    aws.clock().advance(aws.propagationTime());
    keepArns();
    DistributionId group = groupDistribution();
    assertThat(secondRegionServes(urlsOn(group).get(0))).as("one Region").isPresent();
    clearCalls();
    Map<String, Long> firstReads = Map.of("GetChannelGroup", 1L, "GetChannel", 1L, "GetResources", 2L,
        "ListTagsForResource", 2L, "ListOriginEndpoints", 1L, "GetDistribution", 1L);
    Map<String, Long> secondReads = Map.of("GetChannelGroup", 1L); // its egress domain, for the origin group's check

    Throwable planned = catchThrowable(() -> cdn.planMove(NEWS, GROUP, KEEP));

    assertThat(planned).isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.NOT_SERVED))
        .hasMessageContaining("cache behaviour '/out/v1/live/*.m3u8' sends /out/v1/live/news/hls/index.m3u8 to"
            + " 'EMP2-live', not to the media-quality-based origin group 'EMP2-live-mqar'")
        .hasMessageContaining("eu-west-1").hasMessageContaining("nothing was moved");
    assertThat(aws.writes()).as("a plan writes nothing").isEmpty();
    assertThat(second.writes()).isEmpty();
    assertThat(callCounts(aws)).isEqualTo(firstReads);
    assertThat(callCounts(second)).isEqualTo(secondReads);
    clearCalls();

    assertThatThrownBy(() -> cdn.moveToGroupDistribution(NEWS, KEEP)).as("refused as planned")
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.NOT_SERVED))
        .hasMessage(planned.getMessage());
    assertThat(aws.writes()).isEmpty();
    assertThat(second.writes()).isEmpty();
    assertThat(callCounts(aws)).as("the same reads").isEqualTo(firstReads);
    assertThat(callCounts(second)).isEqualTo(secondReads);
    assertDetailsOn(own);

    String egress = second.channelGroups().findGroup("live").orElseThrow().egressDomain();
    aws.distributions().edit(group, c -> DistributionConfig.builder().from(c) // a person completes it
        .addOrigins(Origin.builder().from(c.origin("EMP2-live").orElseThrow()).id("EMP2-live-eu-west-1")
            .domainName(egress).build())
        .addOriginGroups(OriginGroup.builder().id("EMP2-live-mqar").primaryOriginId("EMP2-live")
            .secondaryOriginId("EMP2-live-eu-west-1").addFailoverStatusCodes(404)
            .selectionCriteria(OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED).build())
        .cacheBehaviors(c.cacheBehaviors().stream().map(b -> CacheBehavior.builder().from(b)
            .targetOriginId("EMP2-live-mqar").build()).toList())
        .build());
    aws.clock().advance(aws.propagationTime());
    V2MovePlan plan = cdn.planMove(NEWS, GROUP, KEEP);
    assertThat(plan.packagerWrites()).containsExactly(put("hls"), put("hls"), put("llhls"), put("llhls"),
        put("dash"), put("dash"), TAG);
    clearCalls();

    assertThat(cdn.moveToGroupDistribution(NEWS, KEEP).moved()).isTrue();
    assertThat(mediaPackageWrites()).as("as planned").isEqualTo(plan.packagerWrites());
    assertDetailsOn(group);
    assertServedFromBothRegions(urlsOn(own));
  }

  @Test
  void aFaultBetweenTheRegionsWrites_leavesTheUrlsWhereTheyWere_andTheMoveAgainWritesOnlyWhatIsLeft() {
    DistributionId own = givenAChannelWithItsOwnDistribution(true);
    DistributionId group = groupDistribution();
    keepArns();
    second.beforeNext(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY, () -> { }); // hls's goes through
    second.failNext(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY).withServiceUnavailable(); // llhls's is refused

    assertThatThrownBy(() -> cdn.moveToGroupDistribution(NEWS, KEEP)).isInstanceOf(ServiceFailureException.class);

    assertThat(mediaPackageWrites()).as("hls in both, llhls in the first, then the second Region refused")
        .containsExactly(put("hls"), put("hls"), put("llhls"), put("llhls"));
    assertThat(grantedIn(second, group)).containsExactly("hls");
    assertDetailsOn(own); // the channel tag never written: the URLs have not moved, both Regions still serve them
    V2MovePlan rest = cdn.planMove(NEWS, GROUP, KEEP);
    assertThat(rest.packagerWrites()).containsExactly(put("llhls"), put("dash"), put("dash"), TAG);
    clearCalls();

    V2MoveResult moved = cdn.moveToGroupDistribution(NEWS, KEEP);

    assertThat(mediaPackageWrites()).as("as planned: what was left").isEqualTo(rest.packagerWrites());
    assertThat(moved.policiesWritten()).isEqualTo(3);
    assertDetailsOn(group);
    assertServedFromBothRegions(urlsOn(own));
  }

  /**
   * Back to its own distribution (still linked) when a behaviour of yours sends its HLS paths elsewhere: the plan says
   * {@code notServed} and lists only the policies of both Regions, as the move writes them before it ends
   * {@code NOT_SERVED}; the plan reads the second Region's group as the move's update does.
   */
  @Test
  void toItsOwnWhoseBehaviourSendsTheChannelElsewhere_thePlanListsBothRegionsPolicies_andSaysNotServed() {
    DistributionId own = givenAChannelWithItsOwnDistribution(true);
    DistributionId group = groupDistribution();
    cdn.moveToGroupDistribution(NEWS, KEEP);
    Origin bucket = Origin.builder().id("vod-bucket").domainName("vod.example.com")
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
    CacheBehavior elsewhere = CacheBehavior.builder().pathPattern("/out/v1/live/news/hls/index*")
        .targetOriginId("vod-bucket").viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .allowedMethods(List.of("GET", "HEAD")).cachedMethods(List.of("GET", "HEAD"))
        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build();
    aws.distributions().edit(own, c -> DistributionConfig.builder().from(c).addOrigins(bucket)
        .cacheBehaviors(List.of(elsewhere)).addAllCacheBehaviors(c.cacheBehaviors()).build());
    aws.clock().advance(aws.propagationTime());
    clearCalls();

    V2MovePlan plan = cdn.planMove(NEWS, OWN, REMOVE);

    assertThat(plan.packagerWrites()).containsExactly(put("hls"), put("hls"), put("llhls"), put("llhls"),
        put("dash"), put("dash"));
    assertThat(plan.notServed()).hasSize(1).hasEntrySatisfying(OriginEndpointId.of("hls"), why -> assertThat(why)
        .contains("'/out/v1/live/news/hls/index*'", "'vod-bucket'"));
    assertThat(plan.removesPrevious()).isFalse();
    assertThat(aws.writes()).as("a plan writes nothing").isEmpty();
    assertThat(second.writes()).isEmpty();
    Map<String, Long> secondReads = Map.of("GetChannelGroup", 1L, "GetOriginEndpoint", 3L,
        "GetOriginEndpointPolicy", 3L);
    assertThat(callCounts(second)).as("the group, for the origin group, and the namesakes' policies")
        .isEqualTo(secondReads);
    clearCalls();

    V2MoveResult moved = cdn.moveToOwnDistribution(NEWS, REMOVE);

    assertThat(moved.moved()).isFalse();
    assertThat(moved.to().action()).isEqualTo(CdnOutcome.Action.NOT_SERVED);
    assertThat(moved.to().notServed()).isEqualTo(plan.notServed());
    assertThat(mediaPackageWrites()).as("as planned").isEqualTo(plan.packagerWrites());
    assertThat(callCounts(second)).as("the same reads there, then the writes").isEqualTo(Map.of(
        "GetChannelGroup", 1L, "GetOriginEndpoint", 3L, "GetOriginEndpointPolicy", 3L,
        "PutOriginEndpointPolicy", 3L));
    assertDetailsOn(group);
  }

  private static final PackagerWrite TAG = new PackagerWrite("TagResource", "live/news");
  private static final PackagerWrite GROUP_TAG = new PackagerWrite("TagResource", "live");

  private static PackagerWrite put(String endpoint) {
    return new PackagerWrite("PutOriginEndpointPolicy", "live/news/" + endpoint);
  }
}
