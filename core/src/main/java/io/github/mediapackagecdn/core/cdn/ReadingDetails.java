package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Distributions;
import java.util.List;
import java.util.Optional;

/**
 * The use case "see the channel's CDN beside it", as the console's channel details page shows it, written once for
 * both MediaPackage versions over a {@link Describer}: the channel's endpoints, then its distribution as the link
 * rules find it, described by the side. Read only. Public only for the two facades' packages: not API.
 *
 * @param <C> the side's channel, as read
 * @param <E> the side's endpoint, as read
 * @param <D> the side's details of a channel
 */
public final class ReadingDetails<C, E, D> {

  private final Describer<C, E, D> describer;
  private final Distributions distributions;
  private final LinkResolution<C> links;

  /** Details described by {@code describer}, the distribution found by {@code links} and read from {@code distributions}. */
  public ReadingDetails(Describer<C, E, D> describer, Distributions distributions, LinkResolution<C> links) {
    this.describer = describer;
    this.distributions = distributions;
    this.links = links;
  }

  /** The channel's details. */
  public D read(C channel) {
    List<E> endpoints = describer.endpoints(channel);
    return describer.describe(channel, endpoints, links.resolve(channel).id()
        .or(() -> describer.sharedDistribution(channel)).flatMap(distributions::find));
  }

  /**
   * The channel as the engine's wait reads it once: its distribution and endpoints, described on each read of the
   * distribution.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the channel has no distribution
   */
  public AwaitingDeployment.Target<D> waitTarget(C channel) {
    DistributionResolver.Resolution found = links.resolve(channel);
    DistributionId id = found.id().or(() -> describer.sharedDistribution(channel))
        .orElseThrow(() -> describer.noDistribution(channel, found.none()));
    List<E> endpoints = describer.endpoints(channel);
    ChannelRef ref = links.ref(channel);
    return new AwaitingDeployment.Target<>() {
      @Override
      public ChannelRef channel() {
        return ref;
      }

      @Override
      public DistributionId distributionId() {
        return id;
      }

      @Override
      public List<OriginEndpointId> endpointIds() {
        return endpoints.stream().map(describer::id).toList();
      }

      @Override
      public D describe(Distribution distribution) {
        return describer.describe(channel, endpoints, Optional.of(distribution));
      }

      @Override
      public List<String> notReadyReasons(D details) {
        return describer.notReadyReasons(details);
      }

      @Override
      public List<String> unservedReasons(D details) {
        return describer.unservedReasons(details);
      }
    };
  }
}
