package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the engine's use cases ({@link Attaching}, {@link Reconciling}) need of one MediaPackage side, and nothing
 * else: the channel's endpoints, what creating its distribution sends, and serving endpoints from a distribution.
 * The link between a channel and its distribution is the engine's ({@link LinkResolution}, over the side's
 * {@link TaggedChannels}). Each side implements it once, package-private, in its own package. Public only for the two
 * facades' packages: not API.
 *
 * @param <C> the side's channel, as read
 * @param <E> the side's endpoint, as read
 */
public interface Packager<C, E> {

  /** The channel's endpoints, as MediaPackage lists them now. */
  List<E> endpoints(C channel);

  /**
   * What creating the channel's distribution sends, with {@code comment} (the side's default when empty) and the
   * user's {@code tags} beside the link tag; refused before any call when CloudFront would refuse it.
   *
   * @throws io.github.mediapackagecdn.core.error.ProvisioningException when CloudFront would refuse it
   */
  NewDistribution newDistribution(C channel, Optional<String> comment, Map<String, String> tags);

  /**
   * Gives distribution {@code id} what {@code endpoints} (every endpoint of the channel, at least one) need:
   * {@code UPDATED} or {@code UNCHANGED}, or {@code NOT_SERVED} when the side checks the routing and it does not bring
   * an endpoint's requests to it.
   *
   * @throws io.github.mediapackagecdn.core.error.ProvisioningException when AWS fails a step
   */
  CdnOutcome serve(C channel, DistributionId id, List<E> endpoints);

  /**
   * As {@link #serve}, for a repair: whether anything was written (the distribution, or an endpoint policy), and the
   * endpoints the distribution, as last read or written, does not serve by CloudFront's routing, with why.
   *
   * @throws io.github.mediapackagecdn.core.error.ProvisioningException when AWS fails a step
   */
  Repaired repair(C channel, DistributionId id, List<E> endpoints);

  /**
   * What serving endpoints for a repair did.
   *
   * @param written whether anything was written
   * @param notServed the endpoints not served, with why
   */
  record Repaired(boolean written, Map<OriginEndpointId, String> notServed) {

    /** Keeps an unmodifiable copy, in order. */
    public Repaired {
      notServed = Collections.unmodifiableMap(new LinkedHashMap<>(notServed));
    }
  }

  /**
   * What creating a distribution sends.
   *
   * @param configFor its configuration for a CallerReference
   * @param tags its tags, the link tag among them
   */
  record NewDistribution(Function<String, DistributionConfig> configFor, Map<String, String> tags) {}
}
