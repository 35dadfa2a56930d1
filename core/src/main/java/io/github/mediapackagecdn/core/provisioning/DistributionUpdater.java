package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.internal.Listeners;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes the updates of one distribution within the process and coalesces the endpoint changes that arrive
 * while an update is in flight into the next one: the thread that gets to write takes every pending request, reads
 * once, merges them and sends one UpdateDistribution (re-reading on a stale ETag). Each caller still gets its own
 * result, or its own error when its endpoints are the problem. The listeners hear of each change planned, update
 * sent, retry after a 412, and of each caller whose endpoints another caller's update carried.
 */
final class DistributionUpdater {

  private static final Logger log = LoggerFactory.getLogger(DistributionUpdater.class);

  private final DistributionId id;
  private final Distributions distributions;
  private final LiveCdnSettings settings;
  private final Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers;
  /** Reads the distribution for a channel's update (the channel names the read in events). */
  private final Function<ChannelId, Distribution> read;
  private final Listeners listeners;
  private final ReentrantLock writing = new ReentrantLock();
  private List<Request> pending = new ArrayList<>();
  /** The configuration last read or written by this updater: includes every change of every request it completed. */
  private volatile DistributionConfig latest;

  DistributionUpdater(
      DistributionId id,
      Distributions distributions,
      LiveCdnSettings settings,
      Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers,
      Supplier<Distribution> read) {
    this(id, distributions, settings, identifiers, channel -> read.get(), Listeners.none());
  }

  DistributionUpdater(
      DistributionId id,
      Distributions distributions,
      LiveCdnSettings settings,
      Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers,
      Function<ChannelId, Distribution> read,
      Listeners listeners) {
    this.id = id;
    this.distributions = distributions;
    this.settings = settings;
    this.identifiers = identifiers;
    this.read = read;
    this.listeners = listeners;
  }

  /**
   * Gives the distribution what {@code endpoints} need. True if an update carrying this caller's needs was written;
   * false if the distribution already had them.
   */
  boolean addEndpoints(List<OriginEndpoint> endpoints) {
    Request request = new Request(endpoints);
    synchronized (this) {
      pending.add(request);
    }
    boolean servedByAnother;
    writing.lock();
    try {
      servedByAnother = request.done;
      if (!servedByAnother) {
        List<Request> batch;
        synchronized (this) {
          batch = pending;
          pending = new ArrayList<>();
        }
        write(batch);
      }
    } finally {
      writing.unlock();
    }
    if (servedByAnother) {
      listeners.emit(Listeners.event(ProvisioningEvent.Step.UPDATE_COALESCED, request.channel).distributionId(id)
          .endpointIds(request.endpointIds()).operation("UpdateDistribution"));
    }
    return request.result();
  }

  /**
   * The distribution's configuration as this updater last read or wrote it, which holds the changes of every request
   * it has answered; empty before its first read.
   */
  Optional<DistributionConfig> latest() {
    return Optional.ofNullable(latest);
  }

  /** How many requests wait for the next update; for tests. */
  synchronized int pending() {
    return pending.size();
  }

  private void write(List<Request> batch) {
    try {
      writeOrFail(batch);
    } catch (RuntimeException | Error e) {
      batch.forEach(r -> r.fail(e));
      throw e;
    }
  }

  private void writeOrFail(List<Request> batch) {
    List<Request> live = new ArrayList<>(batch);
    ChannelId channel = batch.get(0).channel; // one distribution, one channel
    ResourceConflictException stale = null;
    for (int attempt = 1; attempt <= settings.maxUpdateAttempts(); attempt++) {
      Distribution distribution;
      try {
        distribution = read.apply(channel);
        latest = distribution.config();
      } catch (ProvisioningException e) {
        live.forEach(r -> r.fail(e));
        return;
      }
      for (Iterator<Request> it = live.iterator(); it.hasNext(); ) {
        Request request = it.next();
        try {
          request.ownChanges = !DistributionPlan.updating(
              channel, id, distribution.config(), request.endpoints, settings, identifiers).changes().isEmpty();
        } catch (ProvisioningException e) {
          request.fail(e); // this caller's endpoints are the problem; the others go on
          it.remove();
        }
      }
      if (live.isEmpty()) {
        return;
      }
      try {
        List<OriginEndpoint> merged = merged(live);
        // the plan ChannelCdn.plan answers, built by the same code; exactly its changes are sent
        ChangeSet changes =
            DistributionPlan.updating(channel, id, distribution.config(), merged, settings, identifiers).changes();
        if (changes.isEmpty()) {
          log.debug("distribution {} already has what {} requests need", id, live.size());
          live.forEach(r -> r.succeed(false));
          return;
        }
        List<OriginEndpointId> endpointIds = merged.stream().map(OriginEndpoint::id).toList();
        listeners.emit(Listeners.event(ProvisioningEvent.Step.CHANGE_PLANNED, channel).distributionId(id)
            .endpointIds(endpointIds).attempt(attempt).changes(changes));
        Instant start = listeners.now();
        distributions.update(id, distribution.etag(), changes);
        listeners.emit(Listeners.event(ProvisioningEvent.Step.UPDATE_SENT, channel).distributionId(id)
            .endpointIds(endpointIds).operation("UpdateDistribution").attempt(attempt)
            .duration(listeners.since(start)));
        latest = changes.applyTo(distribution.config());
        log.debug("updated distribution {} with {} changes for {} requests", id, changes.changes().size(),
            live.size());
        live.forEach(r -> r.succeed(r.ownChanges));
        return;
      } catch (ResourceConflictException e) {
        if (e.reason() != ResourceConflictException.Reason.STALE_VERSION) {
          live.forEach(r -> r.fail(e));
          return;
        }
        log.debug("distribution {} changed since it was read (attempt {}); reading it again", id, attempt);
        stale = e;
        if (attempt < settings.maxUpdateAttempts()) {
          listeners.emit(Listeners.event(ProvisioningEvent.Step.UPDATE_RETRIED_AFTER_412, channel).distributionId(id)
              .endpointIds(merged(live).stream().map(OriginEndpoint::id).toList()).operation("UpdateDistribution")
              .attempt(attempt).failure(e));
        }
      } catch (ProvisioningException e) {
        live.forEach(r -> r.fail(e));
        return;
      }
    }
    ResourceConflictException lastStale = stale;
    live.forEach(r -> r.fail(lastStale));
  }

  private static List<OriginEndpoint> merged(List<Request> requests) {
    Map<OriginEndpointId, OriginEndpoint> endpoints = new LinkedHashMap<>();
    requests.forEach(r -> r.endpoints.forEach(e -> endpoints.put(e.id(), e)));
    return List.copyOf(endpoints.values());
  }

  /** One caller's endpoints and, once its batch is written, its own result. */
  private static final class Request {
    final List<OriginEndpoint> endpoints;
    final ChannelId channel;
    volatile boolean done;
    boolean ownChanges;
    private boolean written;
    private Throwable failure;

    Request(List<OriginEndpoint> endpoints) {
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("an update carries at least one endpoint");
      }
      this.endpoints = endpoints;
      this.channel = endpoints.get(0).channelId();
    }

    List<OriginEndpointId> endpointIds() {
      return endpoints.stream().map(OriginEndpoint::id).toList();
    }

    void succeed(boolean written) {
      this.written = written;
      this.done = true;
    }

    void fail(Throwable failure) {
      if (!done) {
        this.failure = failure;
        this.done = true;
      }
    }

    boolean result() {
      if (!done) {
        throw new IllegalStateException("the update of this request was never attempted");
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return written;
    }
  }
}
