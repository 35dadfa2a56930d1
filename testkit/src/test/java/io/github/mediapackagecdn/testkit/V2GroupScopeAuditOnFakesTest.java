package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.AuditFinding.Kind;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.cdn.RepairOptions;
import io.github.mediapackagecdn.core.cdn.RepairResult;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ChannelCdnV2.audit()} and {@code repair} in the distribution scope per channel group, on the fakes: a channel
 * with no distribution of its own is judged by its group's distribution and {@code GroupLayout}, a group distribution
 * gone is {@code GROUP_DISTRIBUTION_GONE}, a behaviour or a policy statement missing is {@code NOT_SERVED} and
 * repaired; the calls are {@link V2FleetAuditOnFakesTest#auditCalls} with the groups and endpoints of the channels
 * served by their group's distribution counted as linked.
 */
class V2GroupScopeAuditOnFakesTest {

  private static final V2CdnSettings GROUP_SCOPE =
      V2CdnSettings.builder().distributionScope(V2CdnSettings.DistributionScope.CHANNEL_GROUP).build();
  private static final List<V2ChannelId> CHANNELS =
      List.of(V2ChannelId.of("live", "news"), V2ChannelId.of("live", "sports"), V2ChannelId.of("live", "music"));

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.v2Settings(GROUP_SCOPE));

  /** The group with its distribution, and three channels of two endpoints each, served by it. */
  private DistributionId givenThreeChannelsOnTheGroupsDistribution() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").createDistribution(true).build());
    for (V2ChannelId channel : CHANNELS) {
      cdn.saveChannel(V2ChannelSpec.builder().id(channel).createDistribution(true).build());
      cdn.saveEndpoints(List.of(
          V2EndpointSpec.builder().id(channel.endpoint("hls")).containerType(ContainerType.TS)
              .addManifests(Manifest.of(ManifestType.HLS, "index")).build(),
          V2EndpointSpec.builder().id(channel.endpoint("dash")).containerType(ContainerType.CMAF)
              .addManifests(Manifest.of(ManifestType.DASH, "index")).build()));
    }
    aws.clock().advance(aws.propagationTime());
    return aws.distributions().all().get(0).id();
  }

  private FleetAudit audited(int distributions, int judgedGroups, int judgedEndpoints) {
    aws.clearCalls();
    FleetAudit audit = cdn.audit();
    assertThat(aws.writes()).isEmpty();
    assertThat(aws.calls()).hasSize(V2FleetAuditOnFakesTest.auditCalls(1, 3, distributions, judgedGroups,
        judgedEndpoints));
    return audit;
  }

  @Test
  void channelsServedByTheGroupsDistribution_areJudgedByIt_andClean_inTheFormulasCalls() {
    DistributionId group = givenThreeChannelsOnTheGroupsDistribution();

    FleetAudit audit = audited(1, 1, 6);

    assertThat(audit.clean()).as("%s", audit).isTrue();
    assertThat(audit.linked()).hasSize(3).allSatisfy(linked -> {
      assertThat(linked.served()).isTrue();
      assertThat(linked.distribution()).isEqualTo(group);
    });
    assertThat(aws.calls()).hasSize(1 + 1 + 2 * 3 + 2 + 2 + 1 + 6);
  }

  @Test
  void aBehaviourDeletedFromTheGroupsDistribution_isNotServed_andRepairGivesItBackInOneUpdate() {
    DistributionId group = givenThreeChannelsOnTheGroupsDistribution();
    aws.distributions().edit(group, c -> DistributionConfig.builder().from(c).cacheBehaviors(c.cacheBehaviors()
        .stream().filter(b -> !b.pathPattern().equals("/out/v1/live/*")).toList()).build());
    aws.channelGroups().seedPolicy(CHANNELS.get(0).endpoint("hls"), EndpointPolicy.of("{\"Version\":\"2012-10-17\","
        + "\"Statement\":[]}"));

    FleetAudit audit = audited(1, 1, 6);
    assertThat(audit.findings()).extracting(AuditFinding::kind).containsExactlyInAnyOrder(Kind.NOT_SERVED,
        Kind.NOT_SERVED, Kind.NOT_SERVED, Kind.ENDPOINT_POLICY_WITHOUT_STATEMENT);
    assertThat(audit.findings(Kind.NOT_SERVED)).allSatisfy(f -> assertThat(f.detail()).contains("/out/v1/live/*"));
    aws.clearCalls();

    RepairResult repaired = cdn.repair(audit, RepairOptions.builder().updateInterval(java.time.Duration.ZERO).build());

    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.UPDATE_DISTRIBUTION,
        Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY);
    assertThat(repaired.repaired()).extracting(LinkedChannel::channel).containsExactly(CHANNELS.get(0).ref());
    assertThat(repaired.unchanged()).hasSize(2);
    assertThat(cdn.audit().clean()).isTrue();
  }

  @Test
  void theGroupsManifestBehaviourDeletedByAPerson_isRepairedBeforeTheCatchAll_andPlayersGetEveryCdnUrl() {
    DistributionId group = givenThreeChannelsOnTheGroupsDistribution();
    aws.distributions().edit(group, c -> DistributionConfig.builder().from(c).cacheBehaviors(c.cacheBehaviors()
        .stream().filter(b -> !b.pathPattern().equals("/out/v1/live/*.m3u8")).toList()).build());
    aws.clock().advance(aws.propagationTime());

    FleetAudit audit = audited(1, 1, 6);
    assertThat(audit.findings()).extracting(AuditFinding::kind).containsOnly(Kind.NOT_SERVED).hasSize(3);
    assertThat(audit.findings()).allSatisfy(f -> assertThat(f.detail()).contains("/out/v1/live/*.m3u8"));
    aws.clearCalls();

    RepairResult repaired = cdn.repair(audit, RepairOptions.builder().updateInterval(java.time.Duration.ZERO).build());

    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.UPDATE_DISTRIBUTION);
    assertThat(repaired.repaired()).extracting(LinkedChannel::channel).containsExactly(CHANNELS.get(0).ref());
    assertThat(repaired.unchanged()).hasSize(2);
    assertThat(repaired.leftForPerson()).isEmpty();
    assertThat(aws.distributions().peek(group).orElseThrow().config().cacheBehaviors())
        .extracting(CacheBehavior::pathPattern).as("the manifest patterns before the group's catch-all")
        .containsExactly("/out/v1/live/*.m3u8", "/out/v1/live/*.mpd", "/out/v1/live/*");
    aws.clock().advance(aws.propagationTime());
    for (V2ChannelId channel : CHANNELS) {
      V2ChannelDetails details = cdn.details(channel);
      assertThat(details.readyForPlayers()).isTrue();
      List<String> urls = details.endpoints().stream().flatMap(e -> e.cdnUrls().stream()).toList();
      assertThat(urls).hasSize(2).anyMatch(url -> url.endsWith(".m3u8"));
      urls.forEach(url -> assertThat(aws.playerRequests(url)).isNotEmpty().allSatisfy(response -> {
        assertThat(response.status()).as("%s: %s", response.url(), response.reason()).isEqualTo(200);
        if (response.url().endsWith(".m3u8")) {
          assertThat(response.pathPattern()).as(response.url()).contains("/out/v1/live/*.m3u8");
        }
      }));
    }
    assertThat(cdn.audit().clean()).isTrue();
  }

  @Test
  void aChannelWhoseGroupDistributionIsGone_isFound_andLeftForAPerson() {
    DistributionId group = givenThreeChannelsOnTheGroupsDistribution();
    aws.distributions().edit(group, c -> DistributionConfig.builder().from(c).enabled(false).build());
    aws.clock().advance(aws.propagationTime());
    aws.distributions().delete(group); // in the console, disabled first

    FleetAudit audit = audited(0, 1, 0);

    assertThat(audit.findings()).extracting(AuditFinding::kind).containsExactly(Kind.GROUP_DISTRIBUTION_GONE,
        Kind.GROUP_DISTRIBUTION_GONE, Kind.GROUP_DISTRIBUTION_GONE);
    assertThat(audit.findings()).extracting(f -> f.channel().orElseThrow())
        .containsExactlyElementsOf(CHANNELS.stream().map(V2ChannelId::ref).toList());
    aws.clearCalls();
    RepairResult result = cdn.repair(audit);
    assertThat(aws.writes()).isEmpty();
    assertThat(result.leftForPerson()).extracting(AuditFinding::kind).containsOnly(Kind.GROUP_DISTRIBUTION_GONE);
  }

  @Test
  void aChannelMovedToItsGroup_isJudgedByTheGroups_itsOwnLeftInPlaceIsNoFinding() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    ChannelCdnV2 perChannel = aws.channelCdnV2();
    V2ChannelId news = CHANNELS.get(0);
    DistributionId own = perChannel.saveChannel(V2ChannelSpec.builder().id(news).createDistribution(true).build())
        .cdn().distributionId().orElseThrow();
    perChannel.saveEndpoints(List.of(V2EndpointSpec.builder().id(news.endpoint("hls"))
        .containerType(ContainerType.TS).addManifests(Manifest.of(ManifestType.HLS, "index")).build()));
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").createDistribution(true).build());
    DistributionId group = cdn.moveToGroupDistribution(news, TeardownOptions.defaults()).to().distributionId()
        .orElseThrow();
    aws.clearCalls();

    FleetAudit audit = cdn.audit();

    assertThat(audit.clean()).as("%s", audit).isTrue();
    assertThat(audit.linked()).singleElement().satisfies(l -> assertThat(l.distribution()).isEqualTo(group));
    assertThat(aws.distributions().peek(own)).isPresent();
    assertThat(aws.calls()).hasSize(1 + 1 + 2 + 2 + 2 + 1 + 1);
  }
}
