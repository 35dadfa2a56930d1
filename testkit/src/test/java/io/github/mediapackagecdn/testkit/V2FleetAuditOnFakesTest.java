package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.mediapackagecdn.testkit.V2Specs.NEWS;
import static io.github.mediapackagecdn.testkit.V2Specs.dash;
import static io.github.mediapackagecdn.testkit.V2Specs.hls;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.AuditFinding.Kind;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ChannelCdnV2.audit()} on the fakes: every finding kind from a change made "in the console", the exact calls
 * as a formula of groups, channels, endpoints and distributions (10, 100 and 1,000 channels), and never a write.
 */
class V2FleetAuditOnFakesTest {

  private static final String LINK = CdnSettings.LINK_TAG_KEY;

  /** Room for 1,000 channels: 100 groups of 10 (v2's default quota a group) and 1,100 distributions. */
  private final FakeAws aws = FakeAws.builder()
      .quotas(new FakeAws.Quotas(30, 10, 1_100, CloudFrontQuotas.defaults(),
          new FakeAws.Quotas.V2(100, 10, 10, 25, 20, 100)))
      .build();
  private final ChannelCdnV2 cdn = aws.channelCdnV2();

  /**
   * The calls of a v2 audit while each listing fits in one page of 100, for {@code groups} groups, {@code channels}
   * channels, {@code distributions} distributions (each with its link tag), and {@code linkedGroups} groups and
   * {@code linkedEndpoints} endpoints of the channels that have one linked distribution: ListChannelGroups, then per
   * group ListChannels, per channel GetChannel and ListOriginEndpoints, ListOriginAccessControls and
   * ListCachePolicies, GetResources and ListDistributions (pages of 100), then per group of a linked channel
   * GetChannelGroup, and per endpoint of a linked channel GetOriginEndpointPolicy.
   */
  static int auditCalls(int groups, int channels, int distributions, int linkedGroups, int linkedEndpoints) {
    return pages(groups) + groups + 2 * channels + 2 + 2 * pages(distributions) + linkedGroups + linkedEndpoints;
  }

  private static int pages(int items) {
    return Math.max(1, (items + 99) / 100);
  }

  /**
   * A channel saved with its distribution and an HLS and a DASH endpoint; answers its distribution. Its group is
   * created in the fake when missing (the facade refuses a fourth group: the quota it knows is v2's default).
   */
  private DistributionId served(V2ChannelId channel) {
    if (aws.channelGroups().findGroup(channel.group()).isEmpty()) {
      aws.channelGroups().createGroup(ChannelGroupSpec.builder().name(channel.group()).build());
    }
    DistributionId id = cdn.saveChannel(V2ChannelSpec.builder().id(channel).createDistribution(true).build())
        .cdn().distributionId().orElseThrow();
    cdn.saveEndpoints(List.of(hls(channel.endpoint("hls")), dash(channel.endpoint("dash"))));
    return id;
  }

  private String arn(DistributionId id) {
    return aws.distributions().peek(id).orElseThrow().arn();
  }

  /** The audit, checked to have written nothing and to have made exactly the formula's calls. */
  private FleetAudit audited(int groups, int channels, int distributions, int linkedGroups, int linkedEndpoints) {
    aws.clearCalls();
    FleetAudit audit = cdn.audit();
    assertThat(aws.writes()).isEmpty();
    assertThat(aws.calls()).hasSize(auditCalls(groups, channels, distributions, linkedGroups, linkedEndpoints));
    return audit;
  }

  @Test
  void audit_ofOneGroupOfTenChannelsWithTwoEndpointsEach_makesExactlyTheFormulasCallsInOrderAndIsClean() {
    for (int i = 0; i < 10; i++) {
      served(V2ChannelId.of("live", "ch" + i));
    }
    aws.clearCalls();

    FleetAudit audit = cdn.audit();

    assertThat(audit.clean()).as("%s", audit).isTrue();
    assertThat(audit.linked()).hasSize(10).allMatch(LinkedChannel::served);
    assertThat(audit.channelCount()).isEqualTo(10);
    assertThat(audit.endpointCount()).isEqualTo(20);
    assertThat(audit.distributionCount()).isEqualTo(10);
    assertThat(aws.writes()).isEmpty();
    assertThat(aws.calls()).extracting(RecordedCall::operation).startsWith(Operation.V2_LIST_CHANNEL_GROUPS,
        Operation.V2_LIST_CHANNELS, Operation.V2_GET_CHANNEL);
    assertThat(aws.calls(Operation.V2_LIST_CHANNEL_GROUPS)).hasSize(1);
    assertThat(aws.calls(Operation.V2_LIST_CHANNELS)).hasSize(1);
    assertThat(aws.calls(Operation.V2_GET_CHANNEL)).hasSize(10);
    assertThat(aws.calls(Operation.V2_LIST_ORIGIN_ENDPOINTS)).hasSize(10);
    assertThat(aws.calls(Operation.LIST_ORIGIN_ACCESS_CONTROLS)).hasSize(1);
    assertThat(aws.calls(Operation.LIST_CACHE_POLICIES)).hasSize(1);
    assertThat(aws.calls(Operation.GET_RESOURCES)).hasSize(1);
    assertThat(aws.calls(Operation.LIST_DISTRIBUTIONS)).hasSize(1);
    assertThat(aws.calls(Operation.V2_GET_CHANNEL_GROUP)).hasSize(1);
    assertThat(aws.calls(Operation.V2_GET_ORIGIN_ENDPOINT_POLICY)).hasSize(20);
    assertThat(aws.calls()).hasSize(47).hasSize(auditCalls(1, 10, 10, 1, 20));
  }

  @ParameterizedTest(name = "{0} channels in groups of 10, 2 endpoints each: {1} calls")
  @CsvSource({"10, 47", "100, 425", "1000, 4223"})
  void audit_ofAFleetInGroupsOfTen_makesExactlyTheFormulasCalls_theReadmeFigures(int channels, int calls) {
    int groups = channels / 10;
    for (int i = 0; i < channels; i++) {
      served(V2ChannelId.of(String.format("g%03d", i / 10), "ch" + i % 10));
      if (i % 100 == 99) {
        aws.clearCalls(); // the log of the seeding is not needed, and would only grow
      }
    }

    FleetAudit audit = audited(groups, channels, channels, groups, 2 * channels);

    assertThat(audit.clean()).as("%s", audit).isTrue();
    assertThat(audit.linked()).hasSize(channels);
    assertThat(aws.calls()).hasSize(calls);
    assertThat(aws.calls(Operation.GET_RESOURCES)).hasSize(pages(channels));
    assertThat(aws.calls(Operation.LIST_DISTRIBUTIONS)).hasSize(pages(channels));
  }

  @Test
  void audit_ofAChannelWithoutDistributionThatNeverAskedForOne_readsNoPolicyAndFindsNothing() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).build());
    cdn.saveEndpoint(hls(NEWS.endpoint("hls")));

    FleetAudit audit = audited(1, 1, 0, 0, 0);

    assertThat(audit.clean()).isTrue();
    assertThat(aws.calls(Operation.V2_GET_ORIGIN_ENDPOINT_POLICY)).isEmpty();
  }

  @Test
  void audit_again_readsWhatItJudgesByAgain_nothingKeptFromTheLastAudit() {
    served(NEWS);
    audited(1, 1, 1, 1, 2);

    audited(1, 1, 1, 1, 2);

    assertThat(aws.calls(Operation.V2_GET_CHANNEL_GROUP)).hasSize(1);
  }

  @Nested
  class Findings {

    @Test
    void aBehaviourDeletedInTheConsole_isNotServedWithTheMissingBehaviour() {
      DistributionId id = served(NEWS);
      String mpd = NEWS.endpoint("dash").pathPrefix() + "*.mpd";
      aws.distributions().edit(id, c -> DistributionConfig.builder().from(c)
          .cacheBehaviors(c.cacheBehaviors().stream().filter(b -> !b.pathPattern().equals(mpd)).toList()).build());

      FleetAudit audit = audited(1, 1, 1, 1, 2);

      assertThat(audit.linked()).singleElement().satisfies(l -> {
        assertThat(l.channel()).isEqualTo(NEWS.ref());
        assertThat(l.missingDescribed()).containsExactly("cache behaviour " + mpd);
      });
      assertThat(audit.findings()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.NOT_SERVED);
        assertThat(f.channel()).contains(NEWS.ref());
        assertThat(f.distributions()).containsExactly(id);
        assertThat(f.detail()).isEqualTo("missing cache behaviour " + mpd);
      });
    }

    @Test
    void anEndpointPolicyWithoutTheDistributionsStatement_isNotServedAndNamesTheEndpoint() {
      served(NEWS);
      aws.channelGroups().seedPolicy(NEWS.endpoint("hls"), EndpointPolicy.of(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Other\",\"Effect\":\"Deny\","
              + "\"Principal\":\"*\",\"Action\":\"mediapackagev2:GetObject\",\"Resource\":\"*\"}]}"));

      FleetAudit audit = audited(1, 1, 1, 1, 2);

      assertThat(audit.findings()).extracting(AuditFinding::kind)
          .containsExactly(Kind.NOT_SERVED, Kind.ENDPOINT_POLICY_WITHOUT_STATEMENT);
      assertThat(audit.findings(Kind.NOT_SERVED).get(0).detail())
          .isEqualTo("missing statement for the distribution in the policy of endpoint hls");
      assertThat(audit.findings(Kind.ENDPOINT_POLICY_WITHOUT_STATEMENT)).singleElement().satisfies(f -> {
        assertThat(f.endpoint()).contains(OriginEndpointId.of("hls"));
        assertThat(f.detail()).isEqualTo("endpoint live/news/hls: its policy has no statement"
            + " MediaPackageCdnAllowCloudFront letting the distribution read it");
      });
    }

    @Test
    void anEndpointPolicyNamingAnotherDistributionsArn_isFoundWithBothArns() {
      DistributionId id = served(NEWS);
      DistributionId other = served(V2ChannelId.of("live", "sports"));
      V2EndpointId hls = NEWS.endpoint("hls");
      String document = aws.channelGroups().policy(hls).orElseThrow().document();
      aws.channelGroups().seedPolicy(hls, EndpointPolicy.of(document.replace(arn(id), arn(other))));

      FleetAudit audit = audited(1, 2, 2, 1, 4);

      assertThat(audit.findings(Kind.ENDPOINT_POLICY_WITHOUT_STATEMENT)).singleElement().satisfies(f -> {
        assertThat(f.channel()).contains(NEWS.ref());
        assertThat(f.distributions()).containsExactly(id);
        assertThat(f.detail()).contains("names " + arn(other) + ", not " + arn(id));
      });
      assertThat(audit.findings(Kind.NOT_SERVED)).singleElement()
          .satisfies(f -> assertThat(f.channel()).contains(NEWS.ref()));
    }

    @Test
    void theOriginAccessControlRemovedFromTheOrigin_isNotServedAndNoEndpointHasACdnUrl() {
      DistributionId id = served(NEWS);
      aws.distributions().edit(id, c -> DistributionConfig.builder().from(c)
          .origins(c.origins().stream().map(o -> Origin.builder().from(o).originAccessControlId(
              java.util.Optional.empty()).build()).toList()).build());

      FleetAudit audit = audited(1, 1, 1, 1, 2);

      assertThat(audit.findings(Kind.NOT_SERVED)).singleElement().satisfies(f -> assertThat(f.detail())
          .startsWith("missing origin access control ").endsWith(" on origin EMP2-live"));
      assertThat(audit.findings(Kind.ENDPOINT_WITHOUT_CDN_URL)).extracting(f -> f.endpoint().orElseThrow())
          .containsExactly(OriginEndpointId.of("hls"), OriginEndpointId.of("dash"));
    }

    @Test
    void aSharedCachePolicyChangedByHand_isFoundForTheAccountNoChannels() {
      served(NEWS);
      String name = aws.cloudFrontPolicies().allCachePolicies().stream().map(p -> p.config().name())
          .filter(n -> n.startsWith(ChannelCdnV2.MANIFEST_CACHE_POLICY_NAME)).findFirst().orElseThrow();
      aws.cloudFrontPolicies().editCachePolicy(name, c -> new CachePolicyConfig(c.name(), c.comment(), c.minTtl(),
          c.defaultTtl(), c.maxTtl(), c.queryStrings(), c.queryStringBehavior(), c.headerBehavior(), c.headers(),
          c.cookieBehavior(), c.cookies(), false, c.brotli()));

      FleetAudit audit = audited(1, 1, 1, 1, 2);

      assertThat(audit.findings()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.SHARED_POLICY_CHANGED);
        assertThat(f.channel()).isEmpty();
        assertThat(f.detail()).startsWith("the cache policy named " + name + " (").contains("is not the library's");
      });
    }

    @Test
    void aChannelWhoseDistributionIsGone_isFoundGoneAndAskingForOne() {
      DistributionId id = served(NEWS);
      aws.distributions().edit(id, c -> DistributionConfig.builder().from(c).enabled(false).build());
      aws.clock().advance(aws.propagationTime());
      aws.distributions().delete(id); // in the console, disabled first

      FleetAudit audit = audited(1, 1, 0, 0, 0);

      assertThat(audit.findings()).extracting(AuditFinding::kind)
          .containsExactly(Kind.DISTRIBUTION_GONE, Kind.REQUESTED_BUT_MISSING);
      assertThat(audit.findings(Kind.DISTRIBUTION_GONE)).singleElement().satisfies(f -> {
        assertThat(f.channel()).contains(NEWS.ref());
        assertThat(f.distributions()).containsExactly(id);
        assertThat(f.detail()).endsWith("but it no longer exists");
      });
    }

    @Test
    void aDistributionOfADeletedChannel_isAnOrphan_andAV1ChannelsDistributionIsNot() {
      DistributionId id = served(NEWS);
      for (String endpoint : List.of("hls", "dash")) {
        aws.channelGroups().deleteEndpoint(NEWS.endpoint(endpoint));
      }
      aws.channelGroups().deleteChannel(NEWS);
      aws.channelCdn().saveChannel(io.github.mediapackagecdn.core.model.ChannelSpec.builder().id("live-v1")
          .createDistribution(true).build());
      aws.clearCalls();

      FleetAudit audit = cdn.audit();

      assertThat(audit.findings()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.ORPHAN);
        assertThat(f.distributions()).containsExactly(id);
        assertThat(f.detail()).contains(LINK + "=arn:aws:mediapackagev2:");
      });
    }

    @Test
    void twoDistributionsTaggedForOneChannel_areAnAmbiguousLink() {
      DistributionId first = served(NEWS);
      String channelArn = aws.channelGroups().findChannel(NEWS).orElseThrow().arn();
      DistributionId second = aws.distributions().create(
          DistributionConfig.builder().from(aws.distributions().peek(first).orElseThrow().config())
              .callerReference("by-hand").build(),
          Map.of(LINK, channelArn)).id();

      FleetAudit audit = audited(1, 1, 2, 0, 0);

      assertThat(audit.linked()).isEmpty();
      assertThat(audit.findings()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.AMBIGUOUS_LINK);
        assertThat(f.distributions()).containsExactly(first, second);
      });
    }

    @Test
    void theLinkTagRemoved_isAChangedTagAndAChannelAskingForADistribution() {
      DistributionId id = served(NEWS);
      aws.distributions().untag(id, LINK);

      FleetAudit audit = audited(1, 1, 0, 0, 0);

      assertThat(audit.findings()).extracting(AuditFinding::kind)
          .containsExactly(Kind.LINK_TAG_CHANGED, Kind.REQUESTED_BUT_MISSING);
    }
  }
}
