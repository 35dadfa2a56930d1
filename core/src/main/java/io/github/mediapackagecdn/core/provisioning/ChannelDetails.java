package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What the console's channel details page shows: the channel, its distribution, and each endpoint's CDN URL. */
@Value.Immutable
public abstract class ChannelDetails {

  /** The channel as MediaPackage reports it. */
  public abstract Channel channel();

  /** Empty when no distribution is linked to the channel. */
  public abstract Optional<DistributionDetails> distribution();

  /** Every endpoint of the channel with its CDN URLs, in creation order. */
  public abstract List<EndpointDetails> endpoints();

  /** Whether the distribution is {@code Deployed}: "you can start using the distribution". */
  public boolean deployed() {
    return distribution().map(d -> d.status() == DistributionStatus.DEPLOYED).orElse(false);
  }

  static ImmutableChannelDetails.Builder builder() {
    return ImmutableChannelDetails.builder();
  }
}
