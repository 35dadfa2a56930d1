package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Distributions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One {@link DistributionUpdater} per distribution while callers update it, so that its updates are serialized in
 * this process and concurrent requests are coalesced. An updater is dropped as soon as no caller uses it, so the
 * registry holds only the distributions being updated right now.
 *
 * @param <R> what one caller asks of a distribution
 */
public final class DistributionUpdaters<R> {

  private final Function<DistributionId, DistributionUpdater<R>> newUpdater;
  /** Guarded by {@code this}. */
  private final Map<DistributionId, InUse<R>> updaters = new HashMap<>();

  /** A registry that makes the updater of a distribution with {@code newUpdater} when none is in use. */
  public DistributionUpdaters(Function<DistributionId, DistributionUpdater<R>> newUpdater) {
    this.newUpdater = newUpdater;
  }

  /**
   * The registry each facade builds: an updater per distribution of {@code distributions}, planned by {@code planner},
   * with the settings' update attempts and quotas, reading the distribution through {@code visibility} (an absent one
   * is {@code notFound}), its events told to {@code listeners}.
   */
  public static <R> DistributionUpdaters<R> of(Distributions distributions, DistributionUpdater.Planner<R> planner,
      CdnSettings settings, VisibilityWait visibility, Function<DistributionId, ? extends RuntimeException> notFound,
      Listeners listeners) {
    return new DistributionUpdaters<>(id -> new DistributionUpdater<>(id, distributions, settings.maxUpdateAttempts(),
        channel -> visibility.until(channel, "GetDistribution", () -> distributions.find(id))
            .orElseThrow(() -> notFound.apply(id)), planner, settings.cloudFrontQuotas(), listeners));
  }

  /**
   * What an update did.
   *
   * @param written whether an update carrying the caller's needs was written
   * @param latest the configuration as the updater last read or wrote it
   */
  public record Update(boolean written, Optional<DistributionConfig> latest) {

    /** Nothing was read or written. */
    public static Update none() {
      return new Update(false, Optional.empty());
    }
  }

  /** Read, plan, write with If-Match, through the distribution's updater. */
  public Update update(DistributionId id, R request) {
    return update(id, request, null);
  }

  /**
   * As {@link #update(DistributionId, Object)}, from the distribution as the caller read it for its own checks
   * ({@code read}, may be null): see {@link DistributionUpdater#update(Object, Distribution)}.
   */
  public Update update(DistributionId id, R request, Distribution read) {
    InUse<R> entry;
    synchronized (this) {
      entry = updaters.computeIfAbsent(id, key -> new InUse<>(newUpdater.apply(key)));
      entry.callers++;
    }
    try {
      boolean written = entry.updater.update(request, read);
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
  public synchronized int size() {
    return updaters.size();
  }

  private static final class InUse<R> {
    final DistributionUpdater<R> updater;
    int callers;

    InUse(DistributionUpdater<R> updater) {
      this.updater = updater;
    }
  }
}
