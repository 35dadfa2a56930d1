package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.util.List;
import java.util.Optional;

/**
 * What the engine's details ({@link ReadingDetails}) need of one MediaPackage side: the channel's endpoints, and the
 * side's details of a channel on a distribution with what they say about players. Each side implements it once,
 * package-private, in its own package. Public only for the two facades' packages: not API.
 *
 * @param <C> the side's channel, as read
 * @param <E> the side's endpoint, as read
 * @param <D> the side's details of a channel
 */
public interface Describer<C, E, D> {

  /** The channel's endpoints, as MediaPackage lists them now. */
  List<E> endpoints(C channel);

  /** The endpoint's id, for events. */
  OriginEndpointId id(E endpoint);

  /**
   * The details of the channel with these endpoints and distribution (empty: none linked); reads nothing but what a
   * side reads once per listed endpoint, when first needed (v2: the policy of an endpoint the distribution routes), so
   * that every poll of a wait reuses it.
   */
  D describe(C channel, List<E> endpoints, Optional<Distribution> distribution);

  /** Why the details are not ready for players, one line per cause; empty when they are. */
  List<String> notReadyReasons(D details);

  /** What deploying will not change: see {@link AwaitingDeployment.Target#unservedReasons}. */
  List<String> unservedReasons(D details);

  /**
   * The distribution that serves a channel linked to none of its own, shared with other channels (v2's distribution
   * per channel group); empty by default, and for a side that has no such scope. Reads only.
   */
  default Optional<DistributionId> sharedDistribution(C channel) {
    return Optional.empty();
  }

  /** The error of a wait for a channel with no distribution; {@code none} is the outcome the lookup gave. */
  ResourceNotFoundException noDistribution(C channel, CdnOutcome none);
}
