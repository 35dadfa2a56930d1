package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.cdn.Packager;
import io.github.mediapackagecdn.core.cdn.Routing;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Channels;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MediaPackage v1 under the engine's use cases: a channel's endpoints as {@link Channels} lists them, a new
 * distribution as {@link DistributionLayout} makes it (refused first when the channel's ARN is too long for the link
 * tag or the tags exceed the account's quota), and endpoints served by the distribution's updater.
 */
final class V1Packager implements Packager<Channel, OriginEndpoint> {

  private final Channels channels;
  private final DistributionUpdaters<List<OriginEndpoint>> updaters;
  private final CdnSettings settings;
  private final LiveCdnSettings layout;

  V1Packager(Channels channels, DistributionUpdaters<List<OriginEndpoint>> updaters, CdnSettings settings,
      LiveCdnSettings layout) {
    this.channels = channels;
    this.updaters = updaters;
    this.settings = settings;
    this.layout = layout;
  }

  @Override
  public List<OriginEndpoint> endpoints(Channel channel) {
    return channels.endpointsOf(channel.id());
  }

  @Override
  public NewDistribution newDistribution(Channel channel, Optional<String> comment, Map<String, String> extraTags) {
    SavingChannel.refuseLinkTagValue(channel);
    Map<String, String> tags = DistributionLayout.tags(channel, extraTags, settings);
    settings.cloudFrontQuotas().refuseTags("the distribution of channel " + channel.id(), tags);
    return new NewDistribution(callerReference -> comment
        .map(given -> DistributionLayout.newDistribution(channel.id(), callerReference, given, settings, layout))
        .orElseGet(() -> DistributionLayout.newDistribution(channel.id(), callerReference, settings, layout)),
        tags);
  }

  @Override
  public CdnOutcome serve(Channel channel, DistributionId id, List<OriginEndpoint> endpoints) {
    return CdnOutcome.updatedOrUnchanged(updaters.update(id, endpoints).written(), id);
  }

  @Override
  public Repaired repair(Channel channel, DistributionId id, List<OriginEndpoint> endpoints) {
    DistributionUpdaters.Update update = updaters.update(id, endpoints);
    Map<OriginEndpointId, String> notServed = update.latest().map(config -> Routing.notServed(endpoints,
        OriginEndpoint::id, endpoint -> CdnUrls.whyNotServed(endpoint, config))).orElse(Map.of());
    return new Repaired(update.written(), notServed);
  }
}
