package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.Describer;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MediaPackage v1 under the engine's details: the distribution's id, description, status and CDN URLs beside the
 * channel, as the console's channel details page shows them, each endpoint's URLs given only where CloudFront's
 * routing brings them to it ({@link CdnUrls}).
 */
final class V1Describer implements Describer<Channel, OriginEndpoint, ChannelDetails> {

  private final Channels channels;
  private final CdnSettings settings;

  V1Describer(Channels channels, CdnSettings settings) {
    this.channels = channels;
    this.settings = settings;
  }

  @Override
  public List<OriginEndpoint> endpoints(Channel channel) {
    return channels.endpointsOf(channel.id());
  }

  @Override
  public OriginEndpointId id(OriginEndpoint endpoint) {
    return endpoint.id();
  }

  @Override
  public List<String> notReadyReasons(ChannelDetails details) {
    return details.notReadyReasons();
  }

  @Override
  public List<String> unservedReasons(ChannelDetails details) {
    List<String> reasons = new ArrayList<>();
    details.distribution().filter(d -> !d.enabled())
        .ifPresent(d -> reasons.add(Distribution.disabledReason(d.id())));
    if (details.endpoints().isEmpty()) {
      reasons.add("it has no endpoint");
    }
    details.endpoints().forEach(e -> e.notServedReason().ifPresent(reasons::add));
    return reasons;
  }

  @Override
  public ResourceNotFoundException noDistribution(Channel channel, CdnOutcome none) {
    return new ResourceNotFoundException(none.advice().orElse("channel " + channel.id() + " has no distribution"),
        channel.id().value());
  }

  /** The details of a channel with these endpoints and distribution: every CDN URL, or why an endpoint has none. */
  @Override
  public ChannelDetails describe(Channel channel, List<OriginEndpoint> endpoints,
      Optional<Distribution> distribution) {
    var details = ChannelDetails.builder().channel(channel);
    distribution.ifPresent(d -> details.distribution(DistributionDetails.builder()
        .id(d.id())
        .description(d.config().comment())
        .status(d.status())
        .enabled(d.servesViewers())
        .domainName(d.domainName())
        .consoleUrl(String.format(settings.consoleUrlFormat(), d.id().value()))
        .build()));
    for (OriginEndpoint endpoint : endpoints) {
      Optional<String> notServed = distribution.isEmpty()
          ? Optional.of("channel " + channel.id() + " has no distribution")
          : CdnUrls.whyNotServed(endpoint, distribution.get().config());
      details.addEndpoints(EndpointDetails.of(endpoint,
          notServed.isPresent() ? List.of() : CdnUrls.of(endpoint, distribution.get()), notServed));
    }
    return details.build();
  }
}
