package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One {@link DistributionUpdater} per distribution while callers update it, so that its updates are serialized in
 * this process and concurrent endpoint changes are coalesced. An updater is dropped as soon as no caller uses it, so
 * the registry holds only the distributions being updated right now.
 */
final class DistributionUpdaters {

  private final Function<DistributionId, DistributionUpdater> newUpdater;
  /** Guarded by {@code this}. */
  private final Map<DistributionId, InUse> updaters = new HashMap<>();

  DistributionUpdaters(Function<DistributionId, DistributionUpdater> newUpdater) {
    this.newUpdater = newUpdater;
  }

  /** What an update did: whether it wrote, and the configuration as the updater last read or wrote it. */
  record Update(boolean written, Optional<DistributionConfig> latest) {}

  /** Read, merge, write with If-Match, through the distribution's updater. */
  Update addEndpoints(DistributionId id, List<OriginEndpoint> endpoints) {
    InUse entry;
    synchronized (this) {
      entry = updaters.computeIfAbsent(id, key -> new InUse(newUpdater.apply(key)));
      entry.callers++;
    }
    try {
      boolean written = entry.updater.addEndpoints(endpoints);
      return new Update(written, entry.updater.latest());
    } finally {
      synchronized (this) {
        if (--entry.callers == 0) {
          updaters.remove(id);
        }
      }
    }
  }

  /** How many updaters are held; for tests. */
  synchronized int size() {
    return updaters.size();
  }

  private static final class InUse {
    final DistributionUpdater updater;
    int callers;

    InUse(DistributionUpdater updater) {
      this.updater = updater;
    }
  }
}
