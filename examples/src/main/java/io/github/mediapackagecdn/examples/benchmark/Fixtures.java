package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.testkit.FakeAws;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The channels and endpoints every table saves, and the {@link ChannelCdn} it saves them through. */
final class Fixtures {

  /** The four live formats, in the order the QuickStart saves them. */
  static final List<Packaging> FORMATS = List.of(Packaging.HLS, Packaging.DASH, Packaging.CMAF, Packaging.MSS);

  private Fixtures() {}

  /** A channel that asks for a distribution, as the console's "Create a CloudFront distribution". */
  static ChannelSpec channel(String id) {
    return ChannelSpec.builder().id(id).createDistribution(true).build();
  }

  /** The channel's endpoint of one format, {@code <channel>-<format>}. */
  static EndpointSpec endpoint(String channel, Packaging packaging) {
    return EndpointSpec.builder()
        .id(channel + "-" + packaging.name().toLowerCase(Locale.ROOT))
        .channelId(channel)
        .packaging(packaging)
        .startoverWindowSeconds(3600)
        .build();
  }

  /** One endpoint of each of the four formats. */
  static List<EndpointSpec> everyFormat(String channel) {
    return FORMATS.stream().map(p -> endpoint(channel, p)).toList();
  }

  /** A {@link ChannelCdn} on {@code aws}'s fakes finding distributions with {@code lookup}. */
  static ChannelCdn channelCdn(FakeAws aws, LinkLookup lookup) {
    return channelCdn(aws, lookup, builder -> {});
  }

  /** A {@link ChannelCdn} on {@code aws}'s fakes finding distributions with {@code lookup}, the builder adjusted. */
  static ChannelCdn channelCdn(FakeAws aws, LinkLookup lookup, Consumer<ChannelCdn.Builder> customizer) {
    return aws.channelCdn(builder -> {
      builder.links(lookup.over(aws));
      customizer.accept(builder);
    });
  }

  /**
   * A {@link ChannelCdn} on {@code aws}'s fakes (with the tagging API lookup) whose three ports are timed and counted
   * into {@code meter}.
   */
  static ChannelCdn metered(FakeAws aws, PortMeter meter) {
    return aws.channelCdn(builder -> builder
        .channels(new MeteredChannels(aws.channels(), meter))
        .distributions(new MeteredDistributions(aws.distributions(), meter))
        .links(new MeteredLinks(aws.links(), meter)));
  }

  /** A fake account whose quotas hold {@code channels} channels, each with its distribution. */
  static FakeAws accountFor(int channels) {
    FakeAws.Quotas defaults = FakeAws.Quotas.defaults();
    return FakeAws.builder()
        .quotas(new FakeAws.Quotas(Math.max(defaults.channels(), channels), defaults.endpointsPerChannel(),
            Math.max(defaults.distributions(), channels), defaults.originsPerDistribution(),
            defaults.cacheBehaviorsPerDistribution()))
        .build();
  }
}
