package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import java.util.List;

/** The v2 specs the tests share, as {@link Specs} for v1: channel {@code live/news} and its endpoints. */
final class V2Specs {

  static final V2ChannelId NEWS = V2ChannelId.of("live", "news");

  private V2Specs() {}

  /** Channel {@code live/news} asking for a distribution. */
  static V2ChannelSpec news() {
    return V2ChannelSpec.builder().id(NEWS).createDistribution(true).build();
  }

  /** Channel {@code live/news} with CMAF input and the media quality score, asking for a distribution. */
  static V2ChannelSpec newsWithMediaQualityScore() {
    return V2ChannelSpec.builder().id(NEWS).inputType(InputType.CMAF).publishMediaQualityScore(true)
        .createDistribution(true).build();
  }

  /** A TS endpoint {@code name} of {@code live/news} with one HLS manifest, {@code index}. */
  static V2EndpointSpec hls(String name) {
    return hls(NEWS.endpoint(name));
  }

  /** A TS endpoint with one HLS manifest, {@code index}. */
  static V2EndpointSpec hls(V2EndpointId id) {
    return V2EndpointSpec.builder().id(id).containerType(ContainerType.TS)
        .addManifests(Manifest.of(ManifestType.HLS, "index")).build();
  }

  /** A CMAF endpoint {@code name} of {@code live/news} with one DASH manifest, {@code index}. */
  static V2EndpointSpec dash(String name) {
    return dash(NEWS.endpoint(name));
  }

  /** A CMAF endpoint with one DASH manifest, {@code index}. */
  static V2EndpointSpec dash(V2EndpointId id) {
    return V2EndpointSpec.builder().id(id).containerType(ContainerType.CMAF)
        .addManifests(Manifest.of(ManifestType.DASH, "index")).build();
  }

  /** HLS (TS), low-latency HLS (CMAF) and DASH (CMAF) endpoints of {@code channel}, each manifest {@code index}. */
  static List<V2EndpointSpec> threeEndpoints(V2ChannelId channel) {
    return List.of(
        V2EndpointSpec.builder().id(channel.endpoint("hls")).containerType(ContainerType.TS)
            .addManifests(Manifest.of(ManifestType.HLS, "index")).build(),
        V2EndpointSpec.builder().id(channel.endpoint("llhls")).containerType(ContainerType.CMAF)
            .addManifests(Manifest.of(ManifestType.LOW_LATENCY_HLS, "index")).build(),
        V2EndpointSpec.builder().id(channel.endpoint("dash")).containerType(ContainerType.CMAF)
            .addManifests(Manifest.of(ManifestType.DASH, "index")).build());
  }
}
