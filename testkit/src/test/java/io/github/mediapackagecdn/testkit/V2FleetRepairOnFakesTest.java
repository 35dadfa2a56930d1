package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.AuditFinding.Kind;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.cdn.RepairOptions;
import io.github.mediapackagecdn.core.cdn.RepairResult;
import io.github.mediapackagecdn.core.event.ProvisioningEvent.Step;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ChannelCdnV2.repair(audit)} on the fakes: it gives back a behaviour deleted in the console and an endpoint
 * policy's statement, leaves what the rules do not own for a person, keeps to the caller's pace on the fake clock, and
 * goes on from what remains without repeating a write.
 */
class V2FleetRepairOnFakesTest {

  private final FakeAws aws = FakeAws.create();
  private final RecordingListener events = new RecordingListener();
  /** Every pause the library asked for, in order; each moves the fake clock, nothing sleeps. */
  private final List<Duration> waits = new ArrayList<>();
  private final ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.listener(events).sleeper(d -> {
    waits.add(d);
    aws.clock().advance(d);
  }));

  private DistributionId served(V2ChannelId channel) {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name(channel.group()).build());
    DistributionId id = cdn.saveChannel(V2ChannelSpec.builder().id(channel).createDistribution(true).build())
        .cdn().distributionId().orElseThrow();
    cdn.saveEndpoints(List.of(
        V2EndpointSpec.builder().id(channel.endpoint("hls")).containerType(ContainerType.TS)
            .addManifests(Manifest.of(ManifestType.HLS, "index")).build(),
        V2EndpointSpec.builder().id(channel.endpoint("dash")).containerType(ContainerType.CMAF)
            .addManifests(Manifest.of(ManifestType.DASH, "index")).build()));
    return id;
  }

  /** A user deletes the DASH endpoint's manifest behaviour in the CloudFront console. */
  private void deleteDashBehaviour(V2ChannelId channel, DistributionId id) {
    String mpd = channel.endpoint("dash").pathPrefix() + "*.mpd";
    aws.distributions().edit(id, c -> DistributionConfig.builder().from(c)
        .cacheBehaviors(c.cacheBehaviors().stream().filter(b -> !b.pathPattern().equals(mpd)).toList()).build());
  }

  /** A user replaces the endpoint's policy with one of their own, without the library's statement. */
  private void replacePolicy(V2EndpointId endpoint) {
    aws.channelGroups().seedPolicy(endpoint, EndpointPolicy.of("{\"Version\":\"2012-10-17\",\"Statement\":"
        + "[{\"Sid\":\"Mine\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"mediapackagev2:GetObject\","
        + "\"Resource\":\"*\"}]}"));
  }

  private FleetAudit auditThenForget() {
    FleetAudit audit = cdn.audit();
    aws.clearCalls();
    waits.clear();
    events.clear();
    return audit;
  }

  private static List<ChannelRef> channels(List<LinkedChannel> linked) {
    return linked.stream().map(LinkedChannel::channel).toList();
  }

  @Test
  void repair_givesBackABehaviourAndAPolicyStatement_leavesAnOrphanForAPerson_andTheNextAuditIsClean() {
    V2ChannelId news = V2ChannelId.of("live", "news");
    V2ChannelId sports = V2ChannelId.of("live", "sports");
    V2ChannelId gone = V2ChannelId.of("live", "gone");
    DistributionId newsId = served(news);
    served(sports);
    DistributionId orphan = served(gone);
    deleteDashBehaviour(news, newsId);
    replacePolicy(sports.endpoint("hls"));
    for (String endpoint : List.of("hls", "dash")) {
      aws.channelGroups().deleteEndpoint(gone.endpoint(endpoint));
    }
    aws.channelGroups().deleteChannel(gone);
    FleetAudit audit = auditThenForget();
    assertThat(audit.findings()).extracting(AuditFinding::kind).containsExactly(Kind.NOT_SERVED, Kind.NOT_SERVED,
        Kind.ENDPOINT_POLICY_WITHOUT_STATEMENT, Kind.ORPHAN);

    RepairResult result = cdn.repair(audit, RepairOptions.builder().updateInterval(Duration.ofSeconds(30)).build());

    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.UPDATE_DISTRIBUTION,
        Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY);
    assertThat(aws.writes().get(1).arguments().get(0)).isEqualTo(sports.endpoint("hls"));
    assertThat(aws.channelGroups().policy(sports.endpoint("hls")).orElseThrow().document())
        .contains("\"Sid\":\"Mine\"", "MediaPackageCdnAllowCloudFront");
    assertThat(channels(result.repaired())).containsExactly(news.ref(), sports.ref());
    assertThat(result.leftForPerson()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.ORPHAN);
      assertThat(f.distributions()).containsExactly(orphan);
    });
    assertThat(result.complete()).isTrue();
    assertThat(waits).containsExactly(Duration.ofSeconds(30));
    assertThat(result.waited()).isEqualTo(Duration.ofSeconds(30));
    assertThat(events.steps()).filteredOn(s -> s == Step.REPAIRED || s == Step.RATE_WAIT)
        .containsExactly(Step.REPAIRED, Step.RATE_WAIT, Step.REPAIRED);

    assertThat(cdn.audit().findings()).extracting(AuditFinding::kind).containsExactly(Kind.ORPHAN);
  }

  @Test
  void repair_withAMaximumOfOneUpdate_leavesTheRestRemaining_andTheRemainingPartFinishesWithoutRepeatingAWrite() {
    List<V2ChannelId> broken = List.of(V2ChannelId.of("live", "a"), V2ChannelId.of("live", "b"),
        V2ChannelId.of("live", "c"));
    for (V2ChannelId channel : broken) {
      deleteDashBehaviour(channel, served(channel));
    }
    FleetAudit audit = auditThenForget();

    RepairResult first = cdn.repair(audit, RepairOptions.builder().maxUpdates(1).build());

    assertThat(channels(first.repaired())).containsExactly(broken.get(0).ref());
    assertThat(first.complete()).isFalse();
    assertThat(first.remaining().findings()).extracting(f -> f.channel().orElseThrow())
        .containsExactly(broken.get(1).ref(), broken.get(2).ref());
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    aws.clearCalls();

    RepairResult last = cdn.repair(first.remaining());

    assertThat(channels(last.repaired())).containsExactly(broken.get(1).ref(), broken.get(2).ref());
    assertThat(last.complete()).isTrue();
    assertThat(aws.writes()).extracting(RecordedCall::operation)
        .containsExactly(Operation.UPDATE_DISTRIBUTION, Operation.UPDATE_DISTRIBUTION);
    assertThat(waits).containsExactly(RepairOptions.DEFAULT_UPDATE_INTERVAL);
    aws.clearCalls();

    RepairResult again = cdn.repair(audit);

    assertThat(aws.writes()).isEmpty();
    assertThat(channels(again.unchanged())).containsExactlyElementsOf(broken.stream().map(V2ChannelId::ref).toList());
    assertThat(cdn.audit().clean()).isTrue();
  }

  @Test
  void repair_ofAChannelDeletedSinceTheAudit_leavesItForAPersonAndWritesNothing() {
    V2ChannelId news = V2ChannelId.of("live", "news");
    deleteDashBehaviour(news, served(news));
    FleetAudit audit = auditThenForget();
    for (String endpoint : List.of("hls", "dash")) {
      aws.channelGroups().deleteEndpoint(news.endpoint(endpoint));
    }
    aws.channelGroups().deleteChannel(news);
    aws.clearCalls();

    RepairResult result = cdn.repair(audit);

    assertThat(aws.writes()).isEmpty();
    assertThat(result.leftForPerson()).singleElement().satisfies(f -> assertThat(f.detail())
        .endsWith("; not repaired: the channel no longer exists"));
  }

  /**
   * A repaired channel of E endpoints costs 7 + E calls, one of them a write: read again (GetChannel,
   * GetChannelGroup), its link resolved (GetResources, then ListTagsForResource of the one found), its endpoints
   * (ListOriginEndpoints), the distribution (GetDistribution), each endpoint's policy, and the one update. (An instance
   * that never looked up the shared policies adds ListOriginAccessControls and ListCachePolicies, once.)
   */
  @Test
  void repair_ofOneChannelOfTwoEndpointsLackingABehaviour_makesNineCallsOneAWrite() {
    V2ChannelId news = V2ChannelId.of("live", "news");
    deleteDashBehaviour(news, served(news));
    FleetAudit audit = auditThenForget();

    cdn.repair(audit);

    assertThat(aws.calls()).extracting(RecordedCall::operation).containsExactly(Operation.V2_GET_CHANNEL,
        Operation.V2_GET_CHANNEL_GROUP, Operation.GET_RESOURCES, Operation.LIST_TAGS_FOR_RESOURCE,
        Operation.V2_LIST_ORIGIN_ENDPOINTS, Operation.GET_DISTRIBUTION, Operation.V2_GET_ORIGIN_ENDPOINT_POLICY,
        Operation.V2_GET_ORIGIN_ENDPOINT_POLICY, Operation.UPDATE_DISTRIBUTION);
    assertThat(aws.writes()).hasSize(1);
  }

  @Test
  void repair_whenNothingIsToRepair_callsNothingAtAll() {
    served(V2ChannelId.of("live", "news"));
    FleetAudit audit = auditThenForget();

    RepairResult result = cdn.repair(audit);

    assertThat(aws.calls()).isEmpty();
    assertThat(result.complete()).isTrue();
    assertThat(result.repaired()).isEmpty();
  }
}
