package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Teardown on the core's own doubles: the order of the steps and what is refused before any call. */
class TearingDownTest {

  private static final ChannelId NEWS = ChannelId.of("live-news");
  private static final TeardownOptions WITH_DISTRIBUTION = TeardownOptions.builder().deleteDistribution(true).build();

  private RecordingChannels channels;
  private RecordingDistributions cloudFront;
  private ChannelCdn cdn;

  @BeforeEach
  void setUp() {
    channels = new RecordingChannels();
    cloudFront = new RecordingDistributions();
    cdn = ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront).sleeper(d -> {}).build();
  }

  private DistributionId seedDistributionFor(ChannelId channelId, String reference) {
    DistributionConfig config = DistributionLayout.newDistribution(channelId, reference, CdnSettings.defaults(),
        LiveCdnSettings.defaults());
    return cloudFront.seed(config, Map.of(CdnSettings.LINK_TAG_KEY, RecordingChannels.arnOf(channelId).value()));
  }

  @Test
  void teardown_whenAnArgumentIsNull_throwsValidationExceptionWithoutCallingAPort() {
    channels.put(NEWS);

    assertThatThrownBy(() -> cdn.teardown(null, TeardownOptions.defaults())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("channel id is null");
    assertThatThrownBy(() -> cdn.teardown(NEWS, null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("teardown options is null");
    assertThat(channels.reads + channels.writes.size() + cloudFront.reads + cloudFront.writes.size()).isZero();
  }

  @Test
  void teardownOptions_whenTimeoutIsNegative_throwsValidationException() {
    assertThatThrownBy(() -> TeardownOptions.builder().deploymentTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("deployment timeout PT-1S is negative");
  }

  @Test
  void teardownOptions_whenDefault_keepTheDistributionAndWaitAsLongAsCloudFrontsWaiter() {
    assertThat(TeardownOptions.defaults().deleteDistribution()).isFalse();
    assertThat(TeardownOptions.defaults().deploymentTimeout()).isEqualTo(Duration.ofMinutes(35));
  }

  @Test
  void teardown_whenChannelHasEndpointsAndADistribution_deletesEndpointsThenDistributionThenChannel() {
    channels.put(NEWS);
    channels.put(Fixtures.hls());
    channels.put(Fixtures.dash());
    DistributionId id = seedDistributionFor(NEWS, "ref-news");

    TeardownResult result = cdn.teardown(NEWS, WITH_DISTRIBUTION);

    assertThat(channels.writes).containsExactly(
        "deleteEndpoint live-news-hls", "deleteEndpoint live-news-dash", "delete live-news");
    assertThat(cloudFront.writes).containsExactly("disable " + id, "delete " + id);
    assertThat(result.channelRef()).isEqualTo(NEWS.ref());
    assertThat(result.channel()).isEqualTo(TeardownResult.Removal.DELETED);
    assertThat(result.deletedEndpoints()).extracting(e -> e.value()).containsExactly("live-news-hls", "live-news-dash");
    assertThat(result.distribution()).isEqualTo(TeardownResult.DistributionRemoval.DELETED);
    assertThat(result.deletedDistribution()).contains(id);
    assertThat(result.alreadyGone()).isFalse();
  }

  @Test
  void teardown_whenDistributionIsNotAskedFor_neverCallsCloudFront() {
    channels.put(NEWS);
    channels.put(Fixtures.hls());
    seedDistributionFor(NEWS, "ref-news");

    TeardownResult result = cdn.teardown(NEWS, TeardownOptions.defaults());

    assertThat(cloudFront.reads).isZero();
    assertThat(cloudFront.writes).isEmpty();
    assertThat(result.distribution()).isEqualTo(TeardownResult.DistributionRemoval.NOT_REQUESTED);
    assertThat(channels.channels).isEmpty();
  }

  @Test
  void teardown_whenTwoDistributionsAreTaggedForTheChannel_throwsAmbiguousLinkAndDeletesNothing() {
    channels.put(NEWS);
    OriginEndpoint hls = Fixtures.hls();
    channels.put(hls);
    seedDistributionFor(NEWS, "ref-news-0");
    seedDistributionFor(NEWS, "ref-news-1");

    assertThatThrownBy(() -> cdn.teardown(NEWS, WITH_DISTRIBUTION))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.AMBIGUOUS_LINK));
    assertThat(channels.writes).isEmpty();
    assertThat(cloudFront.writes).isEmpty();
  }

  @Test
  void teardown_whenChannelIsGone_succeedsSayingSoAfterOneRead() {
    TeardownResult result = cdn.teardown(NEWS, WITH_DISTRIBUTION);

    assertThat(result.alreadyGone()).isTrue();
    assertThat(result.channel()).isEqualTo(TeardownResult.Removal.ALREADY_GONE);
    assertThat(result.distribution()).isEqualTo(TeardownResult.DistributionRemoval.NOT_LOOKED_UP);
    assertThat(channels.reads).isOne();
    assertThat(cloudFront.reads).isZero();
  }
}
