package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.github.mediapackagecdn.testkit.V2Specs.NEWS;
import static io.github.mediapackagecdn.testkit.V2Specs.hls;
import static io.github.mediapackagecdn.testkit.V2Specs.news;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent.Step;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.v2.model.CachePolicy;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * v2's plan and dry runs on the fakes, beside what the shared behaviour suite asserts for both versions: the exact
 * calls of a plan (reads only), the endpoint policies a plan lists and the save then writes, a channel spec's dry
 * run, and a fleet saved without CORS converging to the response headers policy once it is set, as the plan says.
 */
class V2PlanOnFakesTest {

  private static final String CORS = V2CdnSettings.MANAGED_CORS_AND_SECURITY_HEADERS_POLICY_ID;
  private static final String USERS_POLICY = "0c4b3b2a-users-own-response-headers";

  private final FakeAws aws = FakeAws.create();
  private final RecordingListener events = new RecordingListener();
  private final ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.listener(events));

  @BeforeEach
  void group() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name(NEWS.group()).build());
  }

  private List<Operation> operations() {
    return aws.calls().stream().map(RecordedCall::operation).toList();
  }

  /** Exactly {@code planned} was sent, in the one UpdateDistribution and the one {@code CHANGE_PLANNED} event. */
  private void assertAppliedExactly(ChangeSet planned) {
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).singleElement()
        .satisfies(call -> assertThat(call.arguments().get(2)).isEqualTo(planned));
    assertThat(events.events(Step.CHANGE_PLANNED)).singleElement()
        .satisfies(event -> assertThat(event.changes()).contains(planned));
  }

  private List<DistributionPlan.PackagerWrite> policiesWritten() {
    return aws.calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY).stream()
        .map(c -> new DistributionPlan.PackagerWrite("PutOriginEndpointPolicy", c.arguments().get(0).toString()))
        .toList();
  }

  @Test
  void plan_readsOnly_withExactCalls_andAFreshInstanceLooksTheSharedPoliciesUpWithoutCreatingThem() {
    cdn.saveChannel(news());
    cdn.saveEndpoints(List.of(hls("hls"), hls("backup")));
    aws.clearCalls();

    DistributionPlan plan = cdn.plan(NEWS);

    assertThat(plan.isEmpty()).isTrue();
    assertThat(operations()).containsExactly(Operation.V2_GET_CHANNEL_GROUP, Operation.V2_GET_CHANNEL,
        Operation.GET_RESOURCES, Operation.LIST_TAGS_FOR_RESOURCE, Operation.V2_LIST_ORIGIN_ENDPOINTS,
        Operation.V2_GET_ORIGIN_ENDPOINT_POLICY, Operation.V2_GET_ORIGIN_ENDPOINT_POLICY,
        Operation.GET_DISTRIBUTION);
    assertThat(aws.writes()).isEmpty();

    aws.clearCalls();
    DistributionPlan fresh = aws.channelCdnV2().plan(NEWS);

    assertThat(fresh.isEmpty()).isTrue();
    assertThat(operations()).containsExactly(Operation.V2_GET_CHANNEL_GROUP, Operation.V2_GET_CHANNEL,
        Operation.GET_RESOURCES, Operation.LIST_TAGS_FOR_RESOURCE, Operation.V2_LIST_ORIGIN_ENDPOINTS,
        Operation.LIST_ORIGIN_ACCESS_CONTROLS, Operation.LIST_CACHE_POLICIES,
        Operation.V2_GET_ORIGIN_ENDPOINT_POLICY, Operation.V2_GET_ORIGIN_ENDPOINT_POLICY,
        Operation.GET_DISTRIBUTION);
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void planSave_ofANewEndpoint_listsItsPolicyWrite_andTheSaveWritesExactlyThatAndThePlannedChanges() {
    cdn.saveChannel(news());
    cdn.saveEndpoint(hls("hls"));
    aws.clearCalls();
    events.clear();

    DistributionPlan plan = cdn.planSave(hls("backup"));

    assertThat(aws.writes()).isEmpty();
    assertThat(plan.packagerWrites()).containsExactly(
        new DistributionPlan.PackagerWrite("PutOriginEndpointPolicy", "live/news/backup"));
    assertThat(plan.behaviorsAdded()).containsExactly("/out/v1/live/news/backup/*.m3u8",
        "/out/v1/live/news/backup/*");
    assertThat(plan.toString()).contains("+ PutOriginEndpointPolicy live/news/backup");
    aws.clearCalls();
    cdn.saveEndpoint(hls("backup"));
    assertAppliedExactly(plan.changes());
    assertThat(policiesWritten()).containsExactlyElementsOf(plan.packagerWrites());
  }

  @Test
  void planSave_ofEndpoints_refusesBadInputAsTheSaveDoes_beforeAnyCall() {
    aws.clearCalls();

    assertThatThrownBy(() -> cdn.planSave(List.of(hls("hls"), hls("hls")))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("more than once");
    assertThat(aws.calls()).isEmpty();
  }

  @Test
  void planSave_ofAChannelSpec_newOrWithoutItsDistribution_equalsWhatTheSaveThenCreatesAndApplies() {
    aws.clearCalls();
    DistributionPlan created = cdn.planSave(news());
    assertThat(created.newDistribution()).get().satisfies(d -> assertThat(d.channelArnKnown()).isFalse());
    assertThat(aws.writes()).isEmpty();
    assertThat(cdn.planSave(V2ChannelSpec.builder().id(NEWS).build()).notManaged()).get()
        .satisfies(why -> assertThat(why.reason()).isEqualTo(DistributionPlan.Reason.NOT_REQUESTED));

    // another channel's distribution made the account's shared policies: a plan uses them, and creates none
    cdn.saveChannel(V2ChannelSpec.builder().id(V2ChannelId.of("live", "sports")).createDistribution(true).build());
    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).build());
    cdn.saveEndpoint(hls("hls"));
    assertThat(cdn.plan(NEWS).notManaged()).get()
        .satisfies(why -> assertThat(why.reason()).isEqualTo(DistributionPlan.Reason.NO_DISTRIBUTION));
    aws.clearCalls();
    events.clear();

    DistributionPlan plan = cdn.planSave(news());

    assertThat(aws.writes()).isEmpty();
    assertThat(plan.newDistribution()).get().satisfies(d -> {
      assertThat(d.channelArnKnown()).isTrue();
      assertThat(d.tags()).containsKey("mediapackage:cloudfront_assoc");
    });
    assertThat(plan.recordsDistributionOnChannel()).isTrue();
    assertThat(plan.packagerWrites()).extracting(DistributionPlan.PackagerWrite::resource)
        .containsExactly("live/news/hls");
    aws.clearCalls();
    assertThat(cdn.saveChannel(news()).cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(1);
    assertAppliedExactly(plan.changes());
    assertThat(policiesWritten()).containsExactlyElementsOf(plan.packagerWrites());
  }

  /** The shared settings created in CloudFront since the last {@code clearCalls}, as a plan names them. */
  private List<DistributionPlan.CloudFrontWrite> sharedCreated() {
    return aws.calls().stream().filter(c -> c.operation() == Operation.CREATE_ORIGIN_ACCESS_CONTROL
        || c.operation() == Operation.CREATE_CACHE_POLICY).map(c -> new DistributionPlan.CloudFrontWrite(
            c.operation().apiName(), c.arguments().get(0) instanceof OriginAccessControlConfig access ? access.name()
                : ((CachePolicyConfig) c.arguments().get(0)).name())).toList();
  }

  @Test
  void planSave_ofANewChannel_onAFreshAccount_listsTheSharedSettingsTheSaveThenCreates_exactly() {
    aws.clearCalls();

    DistributionPlan plan = cdn.planSave(news());

    assertThat(aws.writes()).as("a plan writes nothing").isEmpty();
    assertThat(operations()).as("reads only: the group, the channel (none yet), the shared settings by name")
        .containsExactly(Operation.V2_GET_CHANNEL_GROUP, Operation.V2_GET_CHANNEL,
            Operation.LIST_ORIGIN_ACCESS_CONTROLS, Operation.LIST_CACHE_POLICIES);
    assertThat(plan.cloudFrontWrites()).extracting(DistributionPlan.CloudFrontWrite::operation).containsExactly(
        "CreateOriginAccessControl", "CreateCachePolicy", "CreateCachePolicy");
    assertThat(plan.toString()).contains("+ CreateOriginAccessControl mediapackage-cdn-v2 (shared");
    assertThat(plan.isEmpty()).isFalse();

    aws.clearCalls();
    assertThat(cdn.saveChannel(news()).cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(aws.calls(Operation.CREATE_ORIGIN_ACCESS_CONTROL)).hasSize(1);
    assertThat(aws.calls(Operation.CREATE_CACHE_POLICY)).hasSize(2);
    assertThat(sharedCreated()).as("what the plan listed, in its order").containsExactlyElementsOf(
        plan.cloudFrontWrites());

    aws.clearCalls();
    assertThat(cdn.planSave(news()).cloudFrontWrites()).as("created: nothing more to create").isEmpty();
    assertThat(aws.channelCdnV2().planSave(news()).cloudFrontWrites()).as("a new instance finds them by name")
        .isEmpty();
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void planSave_ofAChannelWithEndpointsButNoDistribution_onAFreshAccount_listsTheSharedSettingsTheSaveCreates() {
    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).build());
    cdn.saveEndpoint(hls("hls"));
    assertThat(aws.cloudFrontPolicies().allCachePolicies()).as("no distribution yet, none created").isEmpty();
    aws.clearCalls();

    DistributionPlan plan = cdn.planSave(news());

    assertThat(aws.writes()).isEmpty();
    assertThat(plan.cloudFrontWrites()).extracting(DistributionPlan.CloudFrontWrite::operation).containsExactly(
        "CreateOriginAccessControl", "CreateCachePolicy", "CreateCachePolicy");
    aws.clearCalls();
    events.clear();
    assertThat(cdn.saveChannel(news()).cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(sharedCreated()).containsExactlyElementsOf(plan.cloudFrontWrites());
    assertThat(aws.calls(Operation.CREATE_ORIGIN_ACCESS_CONTROL)).hasSize(1);
    assertThat(aws.calls(Operation.CREATE_CACHE_POLICY)).hasSize(2);
    // the plan names what is not created yet by a stand-in id; the save sends the ids CloudFront gave
    assertThat(plan.changes().toString()).contains("not-looked-up-yet");
    String applied = aws.calls(Operation.UPDATE_DISTRIBUTION).get(0).arguments().get(2).toString();
    for (CachePolicy created : aws.cloudFrontPolicies().allCachePolicies()) {
      applied = applied.replace(created.id(), "not-looked-up-yet");
    }
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    assertThat(applied).isEqualTo(plan.changes().toString());
    assertThat(policiesWritten()).containsExactlyElementsOf(plan.packagerWrites());
  }

  // ---------------------------------------------------------------- CORS on a fleet that exists

  @Test
  void cors_setOnAFleetThatExists_isPlanned_appliedExactlyToTheLibrarysBehaviours_thenNothing_andTheUsersKeepTheirs() {
    cdn.saveChannel(news());
    cdn.saveEndpoints(List.of(hls("hls"), hls("backup")));
    var id = Specs.onlyDistribution(aws).id();
    String segments = "/out/v1/live/news/backup/*";
    aws.cloudFrontPolicies().givenResponseHeadersPolicy(USERS_POLICY); // the user's own, made in the console
    aws.distributions().edit(id, c -> {
      CacheBehavior library = c.behavior("/out/v1/live/news/hls/*.m3u8").orElseThrow();
      return DistributionConfig.builder().from(c)
          .cacheBehaviors(c.cacheBehaviors().stream().map(b -> b.pathPattern().equals(segments)
              ? CacheBehavior.builder().from(b).responseHeadersPolicyId(USERS_POLICY).build() : b).toList())
          .addCacheBehaviors(CacheBehavior.builder().from(library).pathPattern("/mine/*").build())
          .build();
    });
    ChannelCdnV2 withCors = aws.channelCdnV2(b -> b.listener(events)
        .v2Settings(V2CdnSettings.builder().responseHeadersPolicyId(CORS).build()));
    aws.clearCalls();
    events.clear();

    DistributionPlan plan = withCors.plan(NEWS);

    assertThat(aws.writes()).isEmpty();
    assertThat(plan.changes().changes()).containsExactly(
        new DistributionChange.UseResponseHeadersPolicy("/out/v1/live/news/hls/*.m3u8", "EMP2-live",
            libraryPolicies(plan), CORS),
        new DistributionChange.UseResponseHeadersPolicy("/out/v1/live/news/hls/*", "EMP2-live",
            libraryPolicies(plan), CORS),
        new DistributionChange.UseResponseHeadersPolicy("/out/v1/live/news/backup/*.m3u8", "EMP2-live",
            libraryPolicies(plan), CORS),
        // the library's behaviour, given another policy by hand: it follows the setting given, as the origins do
        new DistributionChange.UseResponseHeadersPolicy(segments, "EMP2-live", libraryPolicies(plan), CORS),
        new DistributionChange.UseDefaultResponseHeadersPolicy("EMP2-live", libraryPolicies(plan), CORS));
    assertThat(plan.toString()).contains("~ behavior /out/v1/live/news/hls/*.m3u8: response headers policy " + CORS)
        .contains("~ default behavior: response headers policy " + CORS);

    aws.clearCalls();
    assertThat(withCors.saveChannel(news()).cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertAppliedExactly(plan.changes());
    DistributionConfig after = aws.distributions().find(id).orElseThrow().config();
    assertThat(after.behavior(segments).orElseThrow().responseHeadersPolicyId()).contains(CORS);
    assertThat(after.behavior("/mine/*").orElseThrow().responseHeadersPolicyId()).isEmpty();
    assertThat(after.behavior("/out/v1/live/news/hls/*").orElseThrow().responseHeadersPolicyId()).contains(CORS);
    assertThat(after.defaultBehavior().responseHeadersPolicyId()).contains(CORS);

    aws.clearCalls();
    assertThat(withCors.saveChannel(news()).cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.writes()).isEmpty();
    assertThat(withCors.plan(NEWS).isEmpty()).isTrue();
  }

  // ---------------------------------------------------------------- origin settings on a fleet that exists

  @Test
  void originSettings_givenOnAFleetSavedWithout_arePlanned_appliedExactlyToTheLibrarysOrigins_thenNothing() {
    FakeAws secondary = FakeAws.builder().region("eu-west-1").accountId(aws.accountId()).clock(aws.clock()).build();
    ChannelCdnV2 twoRegions = aws.channelCdnV2(b -> b.listener(events).secondaryRegion(secondary.channelGroups()));
    twoRegions.saveChannelGroup(ChannelGroupSpec.builder().name(NEWS.group()).build());
    V2ChannelSpec cmaf = V2ChannelSpec.builder().from(news()).inputType(InputType.CMAF).publishMediaQualityScore(true)
        .build();
    twoRegions.saveChannel(cmaf);
    twoRegions.saveEndpoints(List.of(V2EndpointSpec.builder().from(hls("hls")).containerType(ContainerType.CMAF)
        .build()));
    var id = Specs.onlyDistribution(aws).id();
    Origin mine = Origin.builder().id("my-ads").domainName("ads.example.com").protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .addSslProtocols("TLSv1.2").connectionTimeoutSeconds(9).readTimeoutSeconds(40).build();
    aws.distributions().edit(id, c -> DistributionConfig.builder().from(c)
        .origins(c.origins().stream().map(o -> o.id().equals("EMP2-live")
            ? Origin.builder().from(o).responseCompletionTimeoutSeconds(45).build() : o).toList())
        .addOrigins(mine).build());
    aws.clearCalls();
    assertThat(twoRegions.plan(NEWS).isEmpty()).as("settings left unset touch no origin").isTrue();
    ChannelCdnV2 tuned = aws.channelCdnV2(b -> b.listener(events).secondaryRegion(secondary.channelGroups())
        .v2Settings(V2CdnSettings.builder().segmentDurationSeconds(6).originShieldRegion("us-west-2").build()));
    aws.clearCalls();
    events.clear();

    DistributionPlan plan = tuned.plan(NEWS);

    assertThat(aws.writes()).isEmpty();
    DistributionChange.OriginSettings given = new DistributionChange.OriginSettings(Optional.of(3), Optional.of(3),
        Optional.of(7), Optional.empty(), Optional.of("us-west-2"));
    assertThat(plan.changes().changes()).containsExactly(
        new DistributionChange.UseOriginSettings("EMP2-live", given),
        new DistributionChange.UseOriginSettings("EMP2-live-eu-west-1", given));
    assertThat(plan.toString()).contains("~ origin EMP2-live: connection timeout 3 s, read timeout 3 s, keep-alive 7 s,"
        + " Origin Shield us-west-2").contains("~ origin EMP2-live-eu-west-1: connection timeout 3 s");

    aws.clearCalls();
    assertThat(tuned.saveChannel(cmaf).cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertAppliedExactly(plan.changes());
    DistributionConfig after = aws.distributions().find(id).orElseThrow().config();
    assertThat(after.origin("EMP2-live")).get().satisfies(o -> {
      assertThat(o.connectionTimeoutSeconds()).contains(3);
      assertThat(o.readTimeoutSeconds()).contains(3);
      assertThat(o.keepAliveTimeoutSeconds()).contains(7);
      assertThat(o.originShieldRegion()).contains("us-west-2");
      assertThat(o.responseCompletionTimeoutSeconds()).as("unset: the user's own kept").contains(45);
    });
    assertThat(after.origin("EMP2-live-eu-west-1").orElseThrow().originShieldRegion()).contains("us-west-2");
    assertThat(after.origin("my-ads")).contains(mine);

    aws.clearCalls();
    assertThat(tuned.saveChannel(cmaf).cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.writes()).isEmpty();
    assertThat(tuned.plan(NEWS).isEmpty()).isTrue();
  }

  /** The library's cache policies a planned response headers change names (the current ones: nothing earlier). */
  private static java.util.Set<String> libraryPolicies(DistributionPlan plan) {
    return plan.changes().changes().stream().filter(DistributionChange.UseResponseHeadersPolicy.class::isInstance)
        .map(c -> ((DistributionChange.UseResponseHeadersPolicy) c).libraryCachePolicyIds()).findFirst()
        .orElse(java.util.Set.of());
  }
}
