package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The v2 settings' origin timeouts and Origin Shield on the fakes: on the origin of a new distribution, nothing new by
 * default, an existing origin given only the settings set, and CloudFront's ranges checked by the fake.
 */
class OriginSettingsOnFakesTest {

  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");
  private static final V2CdnSettings SIX_SECONDS = V2CdnSettings.builder().segmentDurationSeconds(6)
      .responseCompletionTimeoutSeconds(12).originShieldRegion("us-west-2").build();

  private final FakeAws aws = FakeAws.create();

  private void save(ChannelCdnV2 cdn) {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());
    cdn.saveEndpoints(List.of(V2EndpointSpec.builder().id(NEWS.endpoint("hls")).containerType(ContainerType.TS)
        .addManifests(Manifest.of(ManifestType.HLS, "index")).build()));
  }

  private Origin origin() {
    return Specs.onlyDistribution(aws).config().origin("EMP2-live").orElseThrow();
  }

  @Test
  void aNewDistributionsOrigin_hasTheTimeoutsAndOriginShield() {
    save(aws.channelCdnV2(b -> b.v2Settings(SIX_SECONDS)));

    Origin origin = origin();
    assertThat(origin.connectionTimeoutSeconds()).contains(3);
    assertThat(origin.readTimeoutSeconds()).contains(3);
    assertThat(origin.keepAliveTimeoutSeconds()).contains(7);
    assertThat(origin.responseCompletionTimeoutSeconds()).contains(12);
    assertThat(origin.originShieldRegion()).contains("us-west-2");
  }

  @Test
  void byDefault_nothingNewIsSent() {
    save(aws.channelCdnV2());

    Origin origin = origin();
    assertThat(origin.connectionTimeoutSeconds()).isEmpty();
    assertThat(origin.readTimeoutSeconds()).isEmpty();
    assertThat(origin.keepAliveTimeoutSeconds()).isEmpty();
    assertThat(origin.responseCompletionTimeoutSeconds()).isEmpty();
    assertThat(origin.originShieldRegion()).isEmpty();
  }

  @Test
  void anExistingOrigin_getsOnlyTheSettingsGiven_inOneUpdate_keepsTheUsersOthers_andTheNextSaveWritesNothing() {
    save(aws.channelCdnV2());
    aws.distributions().edit(Specs.onlyDistribution(aws).id(), c -> withOrigin(c,
        o -> Origin.builder().from(o).readTimeoutSeconds(60).originShieldRegion("eu-west-1").build()));
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();

    save(aws.channelCdnV2());
    assertThat(aws.writes()).as("settings left unset touch no origin").isEmpty();

    ChannelCdnV2 shielded = aws.channelCdnV2(b -> b.v2Settings(V2CdnSettings.builder().originShieldRegion("us-west-2")
        .build()));
    save(shielded);

    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.UPDATE_DISTRIBUTION);
    assertThat(origin().originShieldRegion()).contains("us-west-2");
    assertThat(origin().readTimeoutSeconds()).as("not given: the user's kept").contains(60);
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    save(shielded);
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void theFake_refusesWhatCloudFrontRefuses() {
    save(aws.channelCdnV2());
    var id = Specs.onlyDistribution(aws).id();

    assertThatThrownBy(() -> aws.distributions().edit(id, c -> withOrigin(c,
        o -> Origin.builder().from(o).readTimeoutSeconds(121).build())))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("read timeout");
    assertThatThrownBy(() -> aws.distributions().edit(id, c -> withOrigin(c,
        o -> Origin.builder().from(o).keepAliveTimeoutSeconds(0).build())))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("keep-alive timeout");
    assertThatThrownBy(() -> aws.distributions().edit(id, c -> withOrigin(c,
        o -> Origin.builder().from(o).connectionTimeoutSeconds(11).build())))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("connection timeout");
    assertThatThrownBy(() -> aws.distributions().edit(id, c -> withOrigin(c,
        o -> Origin.builder().from(o).connectionAttempts(4).build())))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("connection attempts");
    assertThatThrownBy(() -> aws.distributions().edit(id, c -> withOrigin(c,
        o -> Origin.builder().from(o).responseCompletionTimeoutSeconds(29).build())))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at least its read timeout, 30 s");
    assertThatThrownBy(() -> aws.distributions().edit(id, c -> withOrigin(c,
        o -> Origin.builder().from(o).originShieldRegion("Oregon").build())))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Origin Shield Region");
  }

  private static DistributionConfig withOrigin(DistributionConfig config, UnaryOperator<Origin> change) {
    return DistributionConfig.builder().from(config)
        .origins(config.origins().stream().map(o -> o.id().equals("EMP2-live") ? change.apply(o) : o).toList())
        .build();
  }
}
