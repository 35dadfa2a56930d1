package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.audit.AuditFinding.Kind;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet audit on core's doubles: each finding from the same rules the saves use, and never a write. The testkit's
 * FleetAuditOnFakesTest checks the paging and call counts on the fakes.
 */
class AuditingFleetTest {

  private static final ChannelId NEWS = ChannelId.of("live-news");
  private static final String LINK_TAG = CdnSettings.LINK_TAG_KEY;

  private RecordingChannels channels;
  private RecordingDistributions cloudFront;
  private ChannelCdn cdn;

  @BeforeEach
  void setUp() {
    channels = new RecordingChannels();
    cloudFront = new RecordingDistributions();
    cdn = ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront).sleeper(d -> { })
        .build();
    cdn.saveChannel(ChannelSpec.builder().id(NEWS.value()).createDistribution(true).build());
  }

  private static EndpointSpec hls() {
    return EndpointSpec.builder().id("live-news-hls").channelId(NEWS.value()).packaging(Packaging.HLS).build();
  }

  private FleetAudit auditWritingNothing() {
    int channelWrites = channels.writes.size();
    int distributionWrites = cloudFront.writes.size();
    FleetAudit audit = cdn.audit();
    assertThat(channels.writes).hasSize(channelWrites);
    assertThat(cloudFront.writes).hasSize(distributionWrites);
    return audit;
  }

  @Test
  void audit_whenEveryEndpointIsServed_isClean() {
    cdn.saveEndpoint(hls());

    FleetAudit audit = auditWritingNothing();

    assertThat(audit.clean()).isTrue();
    assertThat(audit.findings()).isEmpty();
    assertThat(audit.channelCount()).isEqualTo(1);
    assertThat(audit.endpointCount()).isEqualTo(1);
    assertThat(audit.distributionCount()).isEqualTo(1);
    assertThat(audit.linked()).singleElement().satisfies(linked -> assertThat(linked.served()).isTrue());
    assertThat(audit.toString()).contains("live-news");
  }

  @Test
  void audit_whenAnEndpointWasMadeWithoutTheLibrary_reportsNotServedAndTheEndpointWithoutCdnUrl() {
    channels.createEndpoint(hls());

    FleetAudit audit = auditWritingNothing();

    assertThat(audit.clean()).isFalse();
    assertThat(audit.findings(Kind.NOT_SERVED)).singleElement()
        .satisfies(f -> assertThat(f.channel()).contains(NEWS.ref()));
    assertThat(audit.findings(Kind.ENDPOINT_WITHOUT_CDN_URL)).singleElement()
        .satisfies(f -> assertThat(f.endpoint().orElseThrow().value()).isEqualTo("live-news-hls"));
    assertThat(audit.linked()).singleElement().satisfies(linked -> assertThat(linked.served()).isFalse());
  }

  @Test
  void audit_whenTheChannelIsGone_reportsItsDistributionAsAnOrphan() {
    channels.delete(NEWS);

    FleetAudit audit = auditWritingNothing();

    assertThat(audit.findings(Kind.ORPHAN)).singleElement()
        .satisfies(f -> assertThat(f.distributions()).containsExactly(cloudFront.only().id()));
    assertThat(audit.linked()).isEmpty();
  }

  @Test
  void audit_whenTheLinkTagWasRemoved_reportsTheChangeAndTheMissingDistribution() {
    cloudFront.untag(cloudFront.only().id(), LINK_TAG);

    FleetAudit audit = auditWritingNothing();

    assertThat(audit.findings(Kind.LINK_TAG_CHANGED)).singleElement()
        .satisfies(f -> assertThat(f.distributions()).containsExactly(cloudFront.only().id()));
    assertThat(audit.findings(Kind.REQUESTED_BUT_MISSING)).singleElement()
        .satisfies(f -> assertThat(f.channel()).contains(NEWS.ref()));
  }

  @Test
  void audit_whenTwoDistributionsAreTaggedForTheChannel_reportsAnAmbiguousLink() {
    Distribution first = cloudFront.only();
    String arn = channels.find(NEWS).orElseThrow().arn().value();
    cloudFront.seed(DistributionConfig.builder().from(first.config()).callerReference("made-by-hand").build(),
        Map.of(LINK_TAG, arn));

    FleetAudit audit = auditWritingNothing();

    assertThat(audit.findings(Kind.AMBIGUOUS_LINK)).singleElement()
        .satisfies(f -> assertThat(f.distributions()).hasSize(2).contains(first.id()));
  }
}
