package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Manifest names: {@code index}, the default of every kind, may name an HLS and a DASH manifest of one CMAF endpoint
 * ({@code index.m3u8}, {@code index.mpd}); one name for an HLS and a low-latency HLS manifest is refused, as the API
 * model says.
 */
class ManifestNamesOnFakesTest {

  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdnV2 cdn = aws.channelCdnV2();

  @Test
  void anHlsAndADashManifestNamedIndex_areSavedAndServed() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());

    CdnOutcome outcome = cdn.saveEndpoint(V2EndpointSpec.builder().id(NEWS.endpoint("cmaf"))
        .containerType(ContainerType.CMAF)
        .addManifests(Manifest.of(ManifestType.HLS, "index"), Manifest.of(ManifestType.DASH, "index")).build()).cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.UPDATED);
    List<String> urls = cdn.awaitDeployed(NEWS, Duration.ofMinutes(30)).manifests().stream()
        .map(m -> m.cdnUrl().orElseThrow()).toList();
    assertThat(urls).hasSize(2).anyMatch(u -> u.endsWith("/cmaf/index.m3u8")).anyMatch(u -> u.endsWith("/cmaf/index.mpd"));
    for (String url : urls) {
      assertThat(aws.playerRequests(url)).allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
    }
  }

  @Test
  void oneNameForAnHlsAndALowLatencyHlsManifest_isRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> V2EndpointSpec.builder().id(NEWS.endpoint("cmaf")).containerType(ContainerType.CMAF)
        .addManifests(Manifest.of(ManifestType.HLS, "index"), Manifest.of(ManifestType.LOW_LATENCY_HLS, "index"))
        .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("forbids one name for an HLS and a low-latency HLS manifest");
    assertThat(aws.calls()).isEmpty();
  }
}
