package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.AuditFinding.Kind;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.cdn.RepairOptions;
import io.github.mediapackagecdn.core.cdn.RepairResult;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fleet repair on core's doubles: it repairs through the updaters what the rules own, leaves what they cannot say
 * for a person, paces its writes on the builder's clock and sleeper, and tells the listeners. The testkit's
 * FleetRepairOnFakesTest checks the calls, failures and resumption on the fakes.
 */
class RepairingFleetTest {

  private static final ChannelId NEWS = ChannelId.of("live-news");

  private final RecordingChannels channels = new RecordingChannels();
  private final RecordingDistributions cloudFront = new RecordingDistributions();
  private final List<Duration> pauses = new ArrayList<>();
  private final List<ProvisioningEvent> events = new ArrayList<>();

  private ChannelCdn cdn(LiveCdnSettings layout) {
    return ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront).layoutSettings(layout)
        .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).sleeper(pauses::add)
        .listener(events::add).build();
  }

  private static EndpointSpec endpoint(String channel, Packaging packaging) {
    return EndpointSpec.builder().id(channel + "-" + packaging.name().toLowerCase(java.util.Locale.ROOT))
        .channelId(channel).packaging(packaging).build();
  }

  /** A channel with its distribution, and an HLS endpoint made without the library: its distribution lacks it all. */
  private DistributionId notServed(ChannelCdn cdn, String channel) {
    DistributionId id = cdn.saveChannel(ChannelSpec.builder().id(channel).createDistribution(true).build()).cdn()
        .distributionId().orElseThrow();
    channels.createEndpoint(endpoint(channel, Packaging.HLS));
    return id;
  }

  private List<ProvisioningEvent.Step> repairSteps() {
    return events.stream().map(ProvisioningEvent::step).filter(s -> s.compareTo(ProvisioningEvent.Step.REPAIR_STARTED)
        >= 0).toList();
  }

  @Test
  void repair_ofADistributionLackingAnEndpointMadeWithoutTheLibrary_givesItTheOriginAndBehaviours() {
    ChannelCdn cdn = cdn(LiveCdnSettings.defaults());
    DistributionId id = notServed(cdn, NEWS.value());
    FleetAudit audit = cdn.audit();
    assertThat(audit.findings()).extracting(AuditFinding::kind).containsExactly(Kind.NOT_SERVED,
        Kind.ENDPOINT_WITHOUT_CDN_URL);
    int writes = cloudFront.writes.size();

    RepairResult result = cdn.repair(audit);

    assertThat(cloudFront.writes).hasSize(writes + 1);
    assertThat(cloudFront.distributions.get(id).config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsExactly("*.m3u8", "*.ts");
    assertThat(result.repaired()).extracting(LinkedChannel::channel).containsExactly(NEWS.ref());
    assertThat(result.leftForPerson()).as("the endpoint is served now").isEmpty();
    assertThat(result.complete()).isTrue();
    assertThat(cdn.audit().clean()).isTrue();
    assertThat(repairSteps()).containsExactly(ProvisioningEvent.Step.REPAIR_STARTED,
        ProvisioningEvent.Step.REPAIRED, ProvisioningEvent.Step.REPAIR_COMPLETED);
  }

  @Test
  void repair_withAllLiveFormats_laysOutEveryFormatInTheOneUpdate() {
    ChannelCdn cdn = cdn(LiveCdnSettings.builder()
        .behaviorLayout(LiveCdnSettings.BehaviorLayout.ALL_LIVE_FORMATS).build());
    DistributionId id = notServed(cdn, NEWS.value());
    int writes = cloudFront.writes.size();

    cdn.repair(cdn.audit());

    assertThat(cloudFront.writes).hasSize(writes + 1);
    assertThat(cloudFront.distributions.get(id).config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsExactly("*.m3u8", "*.ts", "*.mpd", "*.mp4", "*.ism/*");
  }

  @Test
  void repair_whenTheRulesCannotSayWhatIsMissing_leavesTheChannelForAPersonWithoutReadingIt() {
    ChannelCdn cdn = cdn(LiveCdnSettings.defaults());
    notServed(cdn, NEWS.value());
    // an endpoint on a second egress host: one origin cannot serve both
    channels.put(Fixtures.endpoint("live-news-dash", Packaging.DASH, Fixtures.OTHER_HOST, "/out/v1/x/index.mpd"));
    FleetAudit audit = cdn.audit();
    assertThat(audit.linked().get(0).unknown()).isPresent();
    int writes = cloudFront.writes.size();

    RepairResult result = cdn.repair(audit);

    assertThat(cloudFront.writes).hasSize(writes);
    assertThat(result.leftForPerson()).filteredOn(f -> f.kind() == Kind.NOT_SERVED).singleElement()
        .satisfies(f -> assertThat(f.detail()).endsWith("; not repaired: the rules cannot say what is missing"));
    assertThat(result.complete()).isTrue();
  }

  @Test
  void repair_ofAFindingNotLinkedInTheAudit_leavesItForAPerson() {
    ChannelCdn cdn = cdn(LiveCdnSettings.defaults());
    AuditFinding finding = AuditFinding.builder().kind(Kind.NOT_SERVED).channel(NEWS.ref())
        .addDistributions(DistributionId.of("E1U5RQF7T870K0"))
        .detail("missing cache behaviour *.mpd").build();
    FleetAudit audit = FleetAudit.builder().channelCount(1).endpointCount(1).distributionCount(1)
        .addFindings(finding).build();

    RepairResult result = cdn.repair(audit);

    assertThat(result.leftForPerson()).extracting(AuditFinding::detail).containsExactly(
        "missing cache behaviour *.mpd; not repaired: the audit does not link the channel to one distribution");
    assertThat(channels.writes).isEmpty();
    assertThat(cloudFront.writes).isEmpty();
  }

  @Test
  void repair_ofThreeChannels_pausesTheIntervalBeforeEachAfterTheFirst_onTheBuildersClockAndSleeper() {
    ChannelCdn cdn = cdn(LiveCdnSettings.defaults());
    for (String channel : List.of("live-a", "live-b", "live-c")) {
      notServed(cdn, channel);
    }
    FleetAudit audit = cdn.audit();
    pauses.clear();

    RepairResult result = cdn.repair(audit, RepairOptions.builder().updateInterval(Duration.ofSeconds(45)).build());

    assertThat(pauses).containsExactly(Duration.ofSeconds(45), Duration.ofSeconds(45));
    assertThat(result.waited()).isEqualTo(Duration.ofSeconds(90));
    assertThat(result.repaired()).hasSize(3);
    assertThat(repairSteps()).containsExactly(ProvisioningEvent.Step.REPAIR_STARTED,
        ProvisioningEvent.Step.REPAIRED, ProvisioningEvent.Step.RATE_WAIT, ProvisioningEvent.Step.REPAIRED,
        ProvisioningEvent.Step.RATE_WAIT, ProvisioningEvent.Step.REPAIRED, ProvisioningEvent.Step.REPAIR_COMPLETED);
  }

  @Test
  void repairOptions_byDefault_oneUpdateEveryTwentySecondsWithoutLimit() {
    assertThat(RepairOptions.defaults().updateInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(RepairOptions.defaults().maxUpdates()).isEqualTo(Integer.MAX_VALUE);
  }
}
