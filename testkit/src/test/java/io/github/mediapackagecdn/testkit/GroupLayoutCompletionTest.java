package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In the distribution scope {@code CHANNEL_GROUP}, a group's distribution a person edited (one of the group's
 * behaviours removed) is completed by a reconcile or a channel save: one UpdateDistribution with the ETag of the read,
 * the removed behaviour back in its place (before the group's catch-all, so that it is used), the person's settings
 * kept; and nothing written once nothing is missing. Its plan ({@code plan}, {@code planSave}) is what the save then
 * applies: a new channel of a group that has its distribution plans no distribution change, only its endpoint
 * policies.
 */
class GroupLayoutCompletionTest {

  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");
  private static final String MANIFESTS = "/out/v1/live/*.m3u8";
  private static final List<String> GROUP_PATTERNS = List.of(MANIFESTS, "/out/v1/live/*.mpd", "/out/v1/live/*");

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.v2Settings(
      V2CdnSettings.builder().distributionScope(V2CdnSettings.DistributionScope.CHANNEL_GROUP).build()));

  @BeforeEach
  void aChannelServedByItsGroupsDistribution() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").createDistribution(true).build());
    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());
    cdn.saveEndpoints(List.of(
        V2EndpointSpec.builder().id(NEWS.endpoint("hls")).containerType(ContainerType.TS)
            .addManifests(Manifest.of(ManifestType.HLS, "index")).build(),
        V2EndpointSpec.builder().id(NEWS.endpoint("dash")).containerType(ContainerType.CMAF)
            .addManifests(Manifest.of(ManifestType.DASH, "index")).build()));
    aws.clock().advance(aws.propagationTime());
  }

  private Distribution only() {
    assertThat(aws.distributions().all()).hasSize(1);
    return aws.distributions().all().get(0);
  }

  /** A person removes the group's manifest behaviour, adds an alias and a behaviour of their own. */
  private Distribution editedByAPerson() {
    CacheBehavior theirs = CacheBehavior.builder().pathPattern("/theirs/*").targetOriginId(
        only().config().defaultBehavior().targetOriginId()).viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .allowedMethods(List.of("GET", "HEAD")).cachedMethods(List.of("GET", "HEAD"))
        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build();
    aws.distributions().edit(only().id(), config -> DistributionConfig.builder().from(config)
        .cacheBehaviors(config.cacheBehaviors().stream().filter(b -> !b.pathPattern().equals(MANIFESTS)).toList())
        .addCacheBehaviors(theirs).addAliases("live.example.com").build());
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    return only();
  }

  private void assertCompleted(Distribution edited) {
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).as("one update, with the ETag of the read").singleElement()
        .satisfies(call -> assertThat(call.arguments().get(1)).isEqualTo(edited.etag()));
    DistributionConfig now = only().config();
    assertThat(now.cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .as("the group's manifest behaviour back before its catch-all; the person's behaviour kept")
        .containsExactlyElementsOf(List.of(GROUP_PATTERNS.get(0), GROUP_PATTERNS.get(1), GROUP_PATTERNS.get(2),
            "/theirs/*"));
    assertThat(now.aliases()).containsExactly("live.example.com");
    assertThat(now.behavior(MANIFESTS).orElseThrow().cachePolicyId()).as("the manifest cache policy")
        .isEqualTo(now.behavior("/out/v1/live/*.mpd").orElseThrow().cachePolicyId());
    aws.clock().advance(aws.propagationTime());
    V2ChannelDetails details = cdn.details(NEWS);
    assertThat(details.readyForPlayers()).isTrue();
    details.endpoints().forEach(e -> e.cdnUrls().forEach(url -> assertThat(aws.playerRequests(url)).isNotEmpty()
        .allSatisfy(response -> assertThat(response.ok()).as("%s: %s", response.url(), response.reason()).isTrue())));
  }

  @Test
  void reconcile_completesTheGroupsLayout_keepsThePersonsSettings_thenWritesNothing() {
    Distribution edited = editedByAPerson();

    CdnOutcome outcome = cdn.reconcile(NEWS);

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(outcome.distributionId()).contains(edited.id());
    assertCompleted(edited);
    aws.clearCalls();
    assertThat(cdn.reconcile(NEWS).action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.writes()).isEmpty();
    assertThat(aws.calls(Operation.GET_DISTRIBUTION)).hasSize(1);
  }

  @Test
  void aChannelSave_completesTheGroupsLayout_thenWritesNothing() {
    Distribution edited = editedByAPerson();
    V2ChannelSpec news = V2ChannelSpec.builder().id(NEWS).createDistribution(true).build();

    assertThat(cdn.saveChannel(news).cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);

    assertCompleted(edited);
    aws.clearCalls();
    assertThat(cdn.saveChannel(news).cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void anEndpointSave_ofTheGroup_stillWritesNothingToCloudFront() {
    editedByAPerson();

    cdn.saveEndpoint(V2EndpointSpec.builder().id(NEWS.endpoint("hls")).containerType(ContainerType.TS)
        .addManifests(Manifest.of(ManifestType.HLS, "index")).build());

    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
  }

  @Test
  void plan_equalsWhatTheReconcileThenApplies_writesNothing_andIsEmptyAfterwards() {
    Distribution edited = editedByAPerson();

    DistributionPlan plan = cdn.plan(NEWS);

    assertThat(aws.writes()).isEmpty();
    assertThat(plan.channel()).hasToString(NEWS.toString());
    assertThat(plan.distributionId()).as(plan.toString()).contains(edited.id());
    assertThat(plan.behaviorsAdded()).containsExactly(MANIFESTS);
    assertThat(plan.packagerWrites()).isEmpty();
    aws.clearCalls();
    assertThat(cdn.reconcile(NEWS).action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).singleElement()
        .satisfies(call -> assertThat(call.arguments().get(2)).isEqualTo(plan.changes()));
    aws.clearCalls();
    assertThat(cdn.plan(NEWS).isEmpty()).isTrue();
    assertThat(cdn.planSave(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build()).isEmpty()).isTrue();
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void planSave_ofANewChannelOfTheGroup_plansNoDistributionChange_andItsEndpointsOnlyTheirPolicies() {
    V2ChannelId sports = V2ChannelId.of("live", "sports");
    aws.clearCalls();

    DistributionPlan channel = cdn.planSave(V2ChannelSpec.builder().id(sports).createDistribution(true).build());

    assertThat(channel.channel()).hasToString(sports.toString());
    assertThat(channel.distributionId()).as(channel.toString()).contains(only().id());
    assertThat(channel.newDistribution()).isEmpty();
    assertThat(channel.isEmpty()).isTrue();
    assertThat(aws.writes()).isEmpty();
    cdn.saveChannel(V2ChannelSpec.builder().id(sports).createDistribution(true).build());
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    List<V2EndpointSpec> endpoints = List.of(V2EndpointSpec.builder().id(sports.endpoint("hls"))
        .containerType(ContainerType.TS).addManifests(Manifest.of(ManifestType.HLS, "index")).build());
    aws.clearCalls();

    DistributionPlan save = cdn.planSave(endpoints);

    assertThat(aws.writes()).isEmpty();
    assertThat(save.distributionId()).contains(only().id());
    assertThat(save.changes().isEmpty()).isTrue();
    assertThat(save.packagerWrites()).containsExactly(
        new DistributionPlan.PackagerWrite("PutOriginEndpointPolicy", "live/sports/hls"));
    cdn.saveEndpoints(endpoints);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    assertThat(aws.calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY)).extracting(call -> call.arguments().get(0)
        .toString()).containsExactly("live/sports/hls");
  }

  @Test
  void planSave_ofTheFirstChannel_whenTheGroupHasNoDistribution_plansTheGroupsCreation() {
    FakeAws fresh = FakeAws.create();
    ChannelCdnV2 grouped = fresh.channelCdnV2(b -> b.v2Settings(
        V2CdnSettings.builder().distributionScope(V2CdnSettings.DistributionScope.CHANNEL_GROUP).build()));
    grouped.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    fresh.clearCalls();

    DistributionPlan plan = grouped.planSave(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());

    assertThat(fresh.writes()).isEmpty();
    assertThat(plan.newDistribution()).get().satisfies(created -> {
      assertThat(created.comment()).isEqualTo("MediaPackage v2 channel group live");
      assertThat(created.tags()).containsEntry(created.linkTagKey(),
          fresh.channelGroups().allGroups().get(0).arn());
    });
  }

  @Test
  void aConsoleEditRacingTheCompletion_isReadAgain_andKept() {
    Distribution edited = editedByAPerson();
    aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> aws.distributions().edit(edited.id(),
        config -> DistributionConfig.builder().from(config).addAliases("race.example.com").build()));

    assertThat(cdn.reconcile(NEWS).action()).isEqualTo(CdnOutcome.Action.UPDATED);

    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).as("the 412, then the update").hasSize(2);
    assertThat(only().config().aliases()).containsExactly("live.example.com", "race.example.com");
    assertThat(only().config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .startsWith(GROUP_PATTERNS.toArray(String[]::new));
  }
}
