package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Packaging;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Planning} on core's doubles: what the fakes cannot arrange. */
class PlanningTest {

  private RecordingChannels channels;
  private RecordingDistributions cloudFront;
  private ChannelCdn cdn;
  private Channel channel;
  private DistributionId id;

  @BeforeEach
  void setUp() {
    channels = new RecordingChannels();
    cloudFront = new RecordingDistributions();
    cdn = ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront).sleeper(d -> { })
        .build();
    channel = channels.put(Fixtures.CHANNEL_ID);
    id = cloudFront.seed(DistributionLayout.newDistribution(Fixtures.CHANNEL_ID, "ref", CdnSettings.defaults(),
        LiveCdnSettings.defaults()),
        Map.of(CdnSettings.LINK_TAG_KEY, channel.arn().value()));
  }

  @Test
  void plan_whenTheEndpointsUseTwoEgressHosts_throwsInvalidRequestAsTheLayoutDoes_andWritesNothing() {
    channels.put(Fixtures.hls());
    channels.put(Fixtures.endpoint("live-news-dash", Packaging.DASH, Fixtures.OTHER_HOST,
        "/out/v1/247cff871f2845d3805129be22f2c0a2/index.mpd"));

    assertThatThrownBy(() -> cdn.plan(Fixtures.CHANNEL_ID)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("one origin serves every endpoint");
    assertThat(channels.writes).isEmpty();
    assertThat(cloudFront.writes).isEmpty();
  }

  @Test
  void plan_onTheDoubles_isTheLayoutsChangeSet_andWritesNothing() {
    channels.put(Fixtures.hls());
    DistributionConfig current = cloudFront.find(id).orElseThrow().config();

    DistributionPlan plan = cdn.plan(Fixtures.CHANNEL_ID);

    assertThat(plan.changes()).isEqualTo(DistributionLayout.changesFor(current, List.of(Fixtures.hls()),
        CdnSettings.defaults(),
        LiveCdnSettings.defaults(), e -> java.util.Optional.empty()));
    assertThat(channels.writes).isEmpty();
    assertThat(cloudFront.writes).isEmpty();
    cdn.reconcile(Fixtures.CHANNEL_ID);
    assertThat(cloudFront.find(id).orElseThrow().config()).isEqualTo(plan.changes().applyTo(current));
  }
}
