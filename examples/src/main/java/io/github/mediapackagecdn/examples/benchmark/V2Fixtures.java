package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings.DistributionScope;
import io.github.mediapackagecdn.testkit.FakeAws;
import java.util.List;

/**
 * The MediaPackage v2 channels and endpoints the v2 tables save (the QuickStartV2's three endpoints), and a running
 * account to save them on, in either distribution scope.
 */
final class V2Fixtures {

  /** The group every v2 table saves into. */
  static final String GROUP = "live";
  /** A channel saved before counting, so that the instance has found the shared policies, as a running service. */
  static final V2ChannelId OPENING = V2ChannelId.of(GROUP, "opening");

  private V2Fixtures() {}

  /** A facade in {@code scope} on {@code aws}'s fakes. */
  static ChannelCdnV2 channelCdnV2(FakeAws aws, DistributionScope scope) {
    return aws.channelCdnV2(builder -> builder.v2Settings(V2CdnSettings.builder().distributionScope(scope).build()));
  }

  /**
   * A running account: the group (with its distribution in group scope) and a first channel with a distribution,
   * every distribution deployed, the calls log cleared.
   */
  static ChannelCdnV2 running(FakeAws aws, DistributionScope scope) {
    ChannelCdnV2 cdn = channelCdnV2(aws, scope);
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name(GROUP)
        .createDistribution(scope == DistributionScope.CHANNEL_GROUP).build());
    cdn.saveChannel(channel(OPENING));
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
    return cdn;
  }

  /** A channel that asks for a distribution. */
  static V2ChannelSpec channel(V2ChannelId id) {
    return V2ChannelSpec.builder().id(id).createDistribution(true).build();
  }

  /** The QuickStartV2's three endpoints: HLS (TS), low-latency HLS (CMAF) and DASH (CMAF). */
  static List<V2EndpointSpec> threeEndpoints(V2ChannelId channel) {
    return List.of(endpoint(channel, "hls", ContainerType.TS, ManifestType.HLS),
        endpoint(channel, "llhls", ContainerType.CMAF, ManifestType.LOW_LATENCY_HLS),
        endpoint(channel, "dash", ContainerType.CMAF, ManifestType.DASH));
  }

  private static V2EndpointSpec endpoint(V2ChannelId channel, String name, ContainerType container,
      ManifestType manifest) {
    return V2EndpointSpec.builder().id(channel.endpoint(name)).containerType(container)
        .addManifests(Manifest.of(manifest, "index")).startoverWindowSeconds(3600).build();
  }
}
