package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.AuditFinding.Kind;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code ChannelCdn.audit()} on the fakes: every finding kind from a change made "in the console", the exact calls of
 * a fleet of 1,000 channels with 4,000 endpoints, and never a write.
 */
class FleetAuditOnFakesTest {

  private static final String LINK = CdnSettings.LINK_TAG_KEY;

  private final FakeAws aws = FakeAws.builder()
      .quotas(new FakeAws.Quotas(1_100, 10, 1_100, 25, 25))
      .build();
  private final ChannelCdn cdn = aws.channelCdn();

  /** The audit, checked to have written nothing and to have read each listing once (one page each). */
  private FleetAudit audited() {
    aws.clearCalls();
    FleetAudit audit = cdn.audit();
    assertThat(aws.writes()).isEmpty();
    assertThat(aws.calls()).extracting(RecordedCall::operation).containsExactly(Operation.LIST_CHANNELS,
        Operation.LIST_ORIGIN_ENDPOINTS, Operation.GET_RESOURCES, Operation.LIST_DISTRIBUTIONS);
    return audit;
  }

  private Channel channel(String id) {
    return aws.channels().all().stream().filter(c -> c.id().value().equals(id)).findFirst().orElseThrow();
  }

  @Nested
  class Served {

    @Test
    void audit_whenEveryChannelHasAServingDistribution_isCleanAndListsEachLinkedChannel() {
      DistributionId news = Specs.served(cdn, "live-news");
      DistributionId sports = Specs.served(cdn, "live-sports");

      FleetAudit audit = audited();

      assertThat(audit.clean()).isTrue();
      assertThat(audit.linked()).extracting(LinkedChannel::channel, LinkedChannel::distribution, LinkedChannel::served)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(ChannelId.of("live-news").ref(), news, true),
              org.assertj.core.groups.Tuple.tuple(ChannelId.of("live-sports").ref(), sports, true));
      assertThat(audit.channelCount()).isEqualTo(2);
      assertThat(audit.endpointCount()).isEqualTo(4);
      assertThat(audit.distributionCount()).isEqualTo(2);
    }

    @Test
    void audit_whenAChannelHasNoDistributionAndNeverAskedForOne_findsNothing() {
      cdn.saveChannel(ChannelSpec.builder().id("live-plain").build());
      cdn.saveEndpoint(Specs.endpoint("live-plain-hls", "live-plain", Packaging.HLS));

      FleetAudit audit = audited();

      assertThat(audit.clean()).isTrue();
      assertThat(audit.linked()).isEmpty();
    }
  }

  @Nested
  class Findings {

    @Test
    void audit_whenACacheBehaviourWasDeletedInTheConsole_reportsTheChannelNotServedWithTheMissingBehaviour() {
      DistributionId id = Specs.served(cdn, "live-news");
      aws.distributions().edit(id, c -> DistributionConfig.builder().from(c)
          .cacheBehaviors(c.cacheBehaviors().stream().filter(b -> !b.pathPattern().equals("*.mpd")).toList())
          .build());

      FleetAudit audit = audited();

      LinkedChannel linked = audit.linked().get(0);
      assertThat(linked.served()).isFalse();
      assertThat(linked.missingDescribed()).containsExactly("cache behaviour *.mpd");
      assertThat(audit.findings()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.NOT_SERVED);
        assertThat(f.channel()).contains(ChannelId.of("live-news").ref());
        assertThat(f.distributions()).containsExactly(id);
        assertThat(f.detail()).isEqualTo("missing cache behaviour *.mpd");
      });
    }

    @Test
    void audit_whenTheChannelOriginWasPointedElsewhereInTheConsole_reportsTheMissingOriginAndEachEndpointWithoutUrl() {
      DistributionId id = Specs.served(cdn, "live-news");
      aws.distributions().edit(id, c -> DistributionConfig.builder().from(c)
          .origins(c.origins().stream().map(o -> Origin.builder().from(o).domainName("example.com").build()).toList())
          .build());

      FleetAudit audit = audited();

      assertThat(audit.findings(Kind.NOT_SERVED)).singleElement()
          .satisfies(f -> assertThat(f.detail()).startsWith("missing origin EMP-"));
      assertThat(audit.findings(Kind.ENDPOINT_WITHOUT_CDN_URL)).extracting(f -> f.endpoint().orElseThrow())
          .containsExactly(OriginEndpointId.of("live-news-hls"), OriginEndpointId.of("live-news-dash"));
    }

    @Test
    void audit_whenAUserBehaviourRoutesAnEndpointElsewhere_reportsTheEndpointWithoutCdnUrlThoughNothingIsMissing() {
      DistributionId id = Specs.served(cdn, "live-news");
      aws.distributions().edit(id, c -> {
        Origin user = Origin.builder().from(c.origins().get(0)).id("user-origin").domainName("example.com").build();
        List<CacheBehavior> behaviors = new ArrayList<>();
        behaviors.add(CacheBehavior.builder().from(c.cacheBehaviors().get(0)).pathPattern("*.mpd")
            .targetOriginId("user-origin").build());
        c.cacheBehaviors().stream().filter(b -> !b.pathPattern().equals("*.mpd")).forEach(behaviors::add);
        return DistributionConfig.builder().from(c).addOrigins(user).cacheBehaviors(behaviors).build();
      });

      FleetAudit audit = audited();

      assertThat(audit.linked().get(0).served()).isTrue();
      assertThat(audit.findings()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.ENDPOINT_WITHOUT_CDN_URL);
        assertThat(f.endpoint()).contains(OriginEndpointId.of("live-news-dash"));
        assertThat(f.detail()).contains("cache behaviour '*.mpd'", "origin 'user-origin'");
      });
    }

    @Test
    void audit_whenTwoDistributionsAreTaggedForOneChannel_reportsTheAmbiguousLinkAndLinksNeither() {
      DistributionId first = Specs.served(cdn, "live-news");
      DistributionId second = aws.distributions().create(
          SampleDistributions.newChannelDistribution(ChannelId.of("live-news"), "by-hand"),
          java.util.Map.of(LINK, channel("live-news").arn().value())).id();

      FleetAudit audit = audited();

      assertThat(audit.linked()).isEmpty();
      assertThat(audit.findings()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.AMBIGUOUS_LINK);
        assertThat(f.distributions()).containsExactly(first, second);
      });
    }

    @Test
    void audit_whenAChannelWasDeletedLeavingItsDistribution_reportsTheDistributionAsAnOrphan() {
      DistributionId id = cdn.saveChannel(ChannelSpec.builder().id("live-gone").createDistribution(true).build())
          .cdn().distributionId().orElseThrow();
      String arn = channel("live-gone").arn().value();
      aws.channels().delete(ChannelId.of("live-gone"));

      FleetAudit audit = audited();

      assertThat(audit.findings()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.ORPHAN);
        assertThat(f.channel()).isEmpty();
        assertThat(f.distributions()).containsExactly(id);
        assertThat(f.detail()).isEqualTo("tagged " + LINK + "=" + arn + ", a channel that no longer exists");
      });
    }

    @Test
    void audit_whenADistributionIsTaggedForAChannelOfAnotherRegion_leavesItToThatRegionsAudit() {
      Specs.served(cdn, "live-news");
      aws.distributions().create(SampleDistributions.newChannelDistribution(ChannelId.of("live-eu"), "eu"),
          java.util.Map.of(LINK, "arn:aws:mediapackage:eu-west-1:123456789012:channels/0123456789abcdef0123456789abcdef"));

      assertThat(audited().clean()).isTrue();
    }

    @Test
    void audit_whenTheLinkTagWasRemoved_reportsTheChangedTagAndThatTheChannelHasNoDistribution() {
      DistributionId id = Specs.served(cdn, "live-news");
      aws.distributions().untag(id, LINK);

      FleetAudit audit = audited();

      assertThat(audit.linked()).isEmpty();
      assertThat(audit.findings()).extracting(AuditFinding::kind)
          .containsExactly(Kind.LINK_TAG_CHANGED, Kind.REQUESTED_BUT_MISSING);
      assertThat(audit.findings(Kind.LINK_TAG_CHANGED)).singleElement().satisfies(f -> {
        assertThat(f.distributions()).containsExactly(id);
        assertThat(f.detail()).endsWith("it no longer carries the tag " + LINK);
      });
    }

    @Test
    void audit_whenTheLinkTagNowNamesAnotherChannel_reportsTheChangedTagWithItsNewValue() {
      DistributionId id = Specs.served(cdn, "live-news");
      Specs.served(cdn, "live-sports");
      String sports = channel("live-sports").arn().value();
      aws.distributions().tag(id, LINK, sports);

      FleetAudit audit = audited();

      assertThat(audit.findings(Kind.LINK_TAG_CHANGED)).singleElement().satisfies(f -> {
        assertThat(f.channel()).contains(ChannelId.of("live-news").ref());
        assertThat(f.detail()).endsWith("its tag " + LINK + " now names " + sports);
      });
      assertThat(audit.findings(Kind.AMBIGUOUS_LINK)).singleElement()
          .satisfies(f -> assertThat(f.channel()).contains(ChannelId.of("live-sports").ref()));
      assertThat(audit.findings(Kind.REQUESTED_BUT_MISSING)).singleElement()
          .satisfies(f -> assertThat(f.channel()).contains(ChannelId.of("live-news").ref()));
    }

    @Test
    void audit_whenTheDistributionCouldNotBeCreated_reportsTheChannelThatAskedForOneAndHasNone() {
      aws.failNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS).withServiceUnavailable();
      cdn.saveChannel(ChannelSpec.builder().id("live-news").createDistribution(true).build());

      FleetAudit audit = audited();

      assertThat(audit.findings()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.REQUESTED_BUT_MISSING);
        assertThat(f.channel()).contains(ChannelId.of("live-news").ref());
      });
    }
  }

  @Test
  void toString_isAReportWithTheCountsOneLinePerLinkedChannelAndOneLinePerFinding() {
    DistributionId id = Specs.served(cdn, "live-news");
    aws.distributions().edit(id, c -> DistributionConfig.builder().from(c)
        .cacheBehaviors(c.cacheBehaviors().stream().filter(b -> !b.pathPattern().equals("*.mpd")).toList())
        .build());

    assertThat(audited().toString()).isEqualTo("""
        Fleet audit: 1 channels, 2 endpoints, 1 distributions; 1 linked, 0 serving every endpoint; 1 findings
        Linked:
          live-news -> %s, 2 endpoints: missing cache behaviour *.mpd
        Findings:
          NOT_SERVED channel live-news distribution [%s]: missing cache behaviour *.mpd""".formatted(id, id));
  }

  @Test
  void audit_ofOneThousandChannelsWithFourThousandEndpoints_takes25CallsInPagesAndWritesNothing() {
    for (int i = 0; i < 1_000; i++) {
      String channel = String.format("live-%04d", i);
      cdn.saveChannel(ChannelSpec.builder().id(channel).createDistribution(true).build());
      cdn.saveEndpoints(List.of(Specs.endpoint(channel + "-hls", channel, Packaging.HLS),
          Specs.endpoint(channel + "-dash", channel, Packaging.DASH),
          Specs.endpoint(channel + "-cmaf", channel, Packaging.CMAF),
          Specs.endpoint(channel + "-mss", channel, Packaging.MSS)));
    }
    aws.clearCalls();

    FleetAudit audit = cdn.audit();

    assertThat(audit.clean()).as("%s", audit).isTrue();
    assertThat(audit.linked()).hasSize(1_000).allMatch(LinkedChannel::served);
    assertThat(audit.endpointCount()).isEqualTo(4_000);
    assertThat(aws.calls(Operation.LIST_CHANNELS)).hasSize(1);
    assertThat(aws.calls(Operation.LIST_ORIGIN_ENDPOINTS)).hasSize(4);
    assertThat(aws.calls(Operation.GET_RESOURCES)).hasSize(10);
    assertThat(aws.calls(Operation.LIST_DISTRIBUTIONS)).hasSize(10);
    assertThat(aws.calls()).hasSize(25);
    assertThat(aws.writes()).isEmpty();
  }
}
