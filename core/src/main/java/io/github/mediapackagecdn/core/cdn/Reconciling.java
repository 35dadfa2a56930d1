package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.DistributionId;
import java.util.List;
import java.util.Optional;

/**
 * The use case "bring the channel's distribution to what its endpoints need", written once for both MediaPackage
 * versions over a {@link Packager}, with the idempotent merge of a save: never creates a distribution, records on the
 * channel one found through the tag index alone, and writes nothing when nothing is missing. A CloudFront failure is
 * the outcome {@code FAILED}, told to the listeners. Public only for the two facades' packages: not API.
 *
 * @param <C> the side's channel, as read
 * @param <E> the side's endpoint, as read
 */
public final class Reconciling<C, E> {

  private final Packager<C, E> packager;
  private final LinkResolution<C> links;
  private final Listeners listeners;

  /** Reconciles through {@code packager}, the channel's distribution found and recorded by {@code links}. */
  public Reconciling(Packager<C, E> packager, LinkResolution<C> links, Listeners listeners) {
    this.packager = packager;
    this.links = links;
    this.listeners = listeners;
  }

  /** Reconciles the channel's distribution; the outcome says why when it has none. */
  public CdnOutcome reconcile(C channel) {
    return listeners.reporting(links.ref(channel), Optional.empty(), () -> {
      DistributionResolver.Resolution found = links.resolve(channel);
      return found.id().isEmpty() ? found.none() : reconcile(channel, found.id().get(), found.needsRecording());
    });
  }

  /**
   * Records distribution {@code id} on the channel first when {@code record}, then gives it what the channel's
   * endpoints need; nothing more is read or written for a channel without endpoints.
   */
  public CdnOutcome reconcile(C channel, DistributionId id, boolean record) {
    return listeners.reporting(links.ref(channel), Optional.of(id), () -> {
      if (record) {
        links.record(channel, id);
      }
      List<E> endpoints = packager.endpoints(channel);
      return endpoints.isEmpty() ? CdnOutcome.of(CdnOutcome.Action.UNCHANGED, id)
          : packager.serve(channel, id, endpoints);
    });
  }
}
