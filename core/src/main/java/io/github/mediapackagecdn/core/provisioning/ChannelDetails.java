package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the console's channel details page shows: the channel, its distribution, and each endpoint's CDN URL.
 *
 * <p>Hand CDN URLs to players only when {@link #readyForPlayers()} holds. {@link #deployed()} alone is not enough: a
 * distribution is {@code Deployed} again after a failed update, while it still routes no endpoint, and a disabled one
 * is {@code Deployed} and serves nothing.
 */
@Value.Immutable
public abstract class ChannelDetails {

  /** The channel as MediaPackage reports it. */
  public abstract Channel channel();

  /** Empty when no distribution is linked to the channel. */
  public abstract Optional<DistributionDetails> distribution();

  /** Every endpoint of the channel, with its CDN URLs when it is served. */
  public abstract List<EndpointDetails> endpoints();

  /**
   * Whether the distribution's status is {@code Deployed}, that is, CloudFront's edge locations have its latest
   * configuration. It says nothing about whether that configuration serves the endpoints: see
   * {@link #readyForPlayers()}.
   */
  public boolean deployed() {
    return distribution().map(d -> d.status() == DistributionStatus.DEPLOYED).orElse(false);
  }

  /**
   * Whether the CDN URLs can be given to players: the distribution is {@code Deployed} and enabled, the channel has at
   * least one endpoint, and the distribution routes every CDN URL of every endpoint to that endpoint
   * ({@link EndpointDetails#served()}). This is the one notion of "ready" the library uses, in
   * {@link ChannelCdn#awaitDeployed} too.
   */
  public boolean readyForPlayers() {
    return deployed() && distribution().map(DistributionDetails::enabled).orElse(false) && !endpoints().isEmpty()
        && endpoints().stream().allMatch(EndpointDetails::served);
  }

  /** Why the channel is not {@link #readyForPlayers() ready for players}, one line per cause; empty when it is. */
  public List<String> notReadyReasons() {
    if (distribution().isEmpty()) {
      return List.of("channel " + channel().id() + " has no distribution");
    }
    List<String> reasons = new ArrayList<>();
    if (!distribution().get().enabled()) {
      reasons.add(Distribution.disabledReason(distribution().get().id()));
    }
    if (!deployed()) {
      reasons.add("distribution " + distribution().get().id() + " is " + distribution().get().status()
          + ", not Deployed");
    }
    if (endpoints().isEmpty()) {
      reasons.add("channel " + channel().id() + " has no endpoint");
    }
    endpoints().forEach(e -> e.notServedReason().ifPresent(reasons::add));
    return List.copyOf(reasons);
  }

  static ImmutableChannelDetails.Builder builder() {
    return ImmutableChannelDetails.builder();
  }
}
