package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DistributionUpdater;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Distributions;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The shared updater as {@code ChannelCdn} builds it, with v1's planner and default settings, for the tests. */
final class V1Updaters {

  private V1Updaters() {}

  /** Updates {@code id} through {@code cloudFront}, reading it with {@code read}; no CDN identifier is known. */
  static DistributionUpdater<List<OriginEndpoint>> updater(DistributionId id, Distributions cloudFront,
      Supplier<Distribution> read) {
    return updater(id, cloudFront, read, Listeners.none());
  }

  /** As {@link #updater(DistributionId, Distributions, Supplier)}, telling {@code listeners}. */
  static DistributionUpdater<List<OriginEndpoint>> updater(DistributionId id, Distributions cloudFront,
      Supplier<Distribution> read, Listeners listeners) {
    CdnSettings settings = CdnSettings.defaults();
    return new DistributionUpdater<>(id, cloudFront, settings.maxUpdateAttempts(), channel -> read.get(),
        new EndpointUpdates(settings, LiveCdnSettings.defaults(), e -> Optional.empty()), listeners);
  }
}
