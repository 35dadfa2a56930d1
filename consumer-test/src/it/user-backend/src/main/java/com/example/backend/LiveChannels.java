package com.example.backend;

import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;

/** The user's own code: a live channel with a CloudFront distribution and one HLS endpoint, on v1 or v2. */
public final class LiveChannels {

  /** What CloudFront got: the outcome of the channel's save and of its endpoint's. */
  public record Published(CdnOutcome.Action channel, CdnOutcome.Action endpoint) {}

  private LiveChannels() {}

  /** MediaPackage v1: channel {@code id} and its endpoint {@code id-hls}. */
  public static Published publish(ChannelCdn cdn, String id) {
    CdnOutcome.Action channel = cdn.saveChannel(ChannelSpec.builder().id(id).createDistribution(true).build())
        .cdn().action();
    CdnOutcome.Action endpoint = cdn.saveEndpoint(EndpointSpec.builder()
        .id(id + "-hls").channelId(id).packaging(Packaging.HLS).build()).cdn().action();
    return new Published(channel, endpoint);
  }

  /** MediaPackage v2: the channel's group, the channel and its endpoint {@code hls}. */
  public static Published publish(ChannelCdnV2 cdn, V2ChannelId id) {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name(id.group()).build());
    CdnOutcome.Action channel = cdn.saveChannel(V2ChannelSpec.builder().id(id).createDistribution(true).build())
        .cdn().action();
    CdnOutcome.Action endpoint = cdn.saveEndpoint(V2EndpointSpec.builder().id(id.endpoint("hls"))
        .containerType(ContainerType.TS).addManifests(Manifest.of(ManifestType.HLS, "index")).build()).cdn().action();
    return new Published(channel, endpoint);
  }
}
