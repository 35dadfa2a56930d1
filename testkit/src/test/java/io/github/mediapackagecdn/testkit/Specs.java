package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.util.List;

/** Specs the tests share: a channel and one endpoint of each packaging format. */
final class Specs {

  static final String CHANNEL = "live-news";

  private Specs() {}

  static ChannelSpec channelWithDistribution() {
    return ChannelSpec.builder().id(CHANNEL).description("24/7 news").createDistribution(true).build();
  }

  static ChannelSpec channelWithoutDistribution() {
    return ChannelSpec.builder().id(CHANNEL).description("24/7 news").build();
  }

  static EndpointSpec endpoint(Packaging packaging) {
    return EndpointSpec.builder()
        .id(CHANNEL + "-" + packaging.name().toLowerCase(java.util.Locale.ROOT))
        .channelId(CHANNEL)
        .packaging(packaging)
        .startoverWindowSeconds(3600)
        .build();
  }

  /** The account's one distribution, asserting there is exactly one. */
  static io.github.mediapackagecdn.core.model.Distribution onlyDistribution(FakeAws aws) {
    org.assertj.core.api.Assertions.assertThat(aws.distributions().all()).hasSize(1);
    return aws.distributions().all().get(0);
  }

  /** Endpoint {@code id} of {@code channel} in {@code packaging}. */
  static EndpointSpec endpoint(String id, String channel, Packaging packaging) {
    return EndpointSpec.builder().id(id).channelId(channel).packaging(packaging).build();
  }

  /** Saves {@code channel} with its distribution and an HLS and a DASH endpoint; answers its distribution. */
  static DistributionId served(ChannelCdn cdn, String channel) {
    DistributionId id = cdn.saveChannel(ChannelSpec.builder().id(channel).createDistribution(true).build())
        .cdn().distributionId().orElseThrow();
    cdn.saveEndpoints(List.of(endpoint(channel + "-hls", channel, Packaging.HLS),
        endpoint(channel + "-dash", channel, Packaging.DASH)));
    return id;
  }

  /** A user's cache behaviour for {@code pattern} to their origin {@code origin}, as made in the console. */
  static CacheBehavior userBehavior(String pattern, String origin) {
    return CacheBehavior.builder().pathPattern(pattern).targetOriginId(origin)
        .viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .allowedMethods(List.of("GET", "HEAD")).cachedMethods(List.of("GET", "HEAD"))
        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6")
        .build();
  }

  static List<EndpointSpec> allFormats() {
    return List.of(endpoint(Packaging.HLS), endpoint(Packaging.DASH), endpoint(Packaging.CMAF), endpoint(Packaging.MSS));
  }
}
