package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Distributions;
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
 * result, or its own error when its endpoints are the problem.
 */
final class DistributionUpdater {

  private static final Logger log = LoggerFactory.getLogger(DistributionUpdater.class);

  private final DistributionId id;
  private final Distributions distributions;
  private final LiveCdnSettings settings;
  private final Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers;
  private final Supplier<Distribution> read;
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
    this.id = id;
    this.distributions = distributions;
    this.settings = settings;
    this.identifiers = identifiers;
    this.read = read;
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
    writing.lock();
    try {
      if (!request.done) {
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
    ResourceConflictException stale = null;
    for (int attempt = 1; attempt <= settings.maxUpdateAttempts(); attempt++) {
      Distribution distribution;
      try {
        distribution = read.get();
        latest = distribution.config();
      } catch (ProvisioningException e) {
        live.forEach(r -> r.fail(e));
        return;
      }
      for (Iterator<Request> it = live.iterator(); it.hasNext(); ) {
        Request request = it.next();
        try {
          request.ownChanges = !DistributionLayout.changesFor(
              distribution.config(), request.endpoints, settings, identifiers).isEmpty();
        } catch (ProvisioningException e) {
          request.fail(e); // this caller's endpoints are the problem; the others go on
          it.remove();
        }
      }
      if (live.isEmpty()) {
        return;
      }
      try {
        ChangeSet changes = DistributionLayout.changesFor(distribution.config(), merged(live), settings, identifiers);
        if (changes.isEmpty()) {
          log.debug("distribution {} already has what {} requests need", id, live.size());
          live.forEach(r -> r.succeed(false));
          return;
        }
        distributions.update(id, distribution.etag(), changes);
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
    volatile boolean done;
    boolean ownChanges;
    private boolean written;
    private Throwable failure;

    Request(List<OriginEndpoint> endpoints) {
      this.endpoints = endpoints;
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
