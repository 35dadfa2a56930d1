package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes the updates of one distribution within the process and coalesces the requests that arrive while an
 * update is in flight into the next one: the thread that gets to write takes every pending request, reads once,
 * plans them together and sends one UpdateDistribution with {@code If-Match} (re-reading on a stale ETag, at most
 * {@code maxUpdateAttempts} times), never one that would exceed the account's {@link CloudFrontQuotas}. Each caller
 * still gets its own result, or its own error when its request is the problem. The listeners hear of each change
 * planned, update sent, retry after a 412, and of each caller whose request another caller's update carried. The v1
 * and v2 facades share it; each gives its own {@link Planner}.
 *
 * @param <R> what one caller asks of the distribution (v1: endpoints; v2: a channel's endpoints in its group)
 */
public final class DistributionUpdater<R> {

  private static final Logger log = LoggerFactory.getLogger(DistributionUpdater.class);

  /**
   * What the distribution needs for a list of requests, planned against a configuration as read.
   *
   * @param <R> the request type
   */
  public interface Planner<R> {

    /** The channel {@code request} is for (one distribution, one channel); it names the events. */
    ChannelRef channel(R request);

    /** The endpoints {@code request} serves, for the events; never empty. */
    List<OriginEndpointId> endpointIds(R request);

    /**
     * The changes {@code config} needs so that the distribution serves every one of {@code requests} together;
     * throws a {@link ProvisioningException} when a request cannot be served.
     */
    ChangeSet plan(ChannelRef channel, DistributionId id, DistributionConfig config, List<R> requests);
  }

  private final DistributionId id;
  private final Distributions distributions;
  private final int maxUpdateAttempts;
  /** Reads the distribution for a channel's update (the channel names the read in events). */
  private final Function<ChannelRef, Distribution> read;
  private final Planner<R> planner;
  private final CloudFrontQuotas quotas;
  private final Listeners listeners;
  private final ReentrantLock writing = new ReentrantLock();
  private List<Request<R>> pending = new ArrayList<>();
  /** The configuration last read or written by this updater: includes every change of every request it completed. */
  private volatile DistributionConfig latest;

  /**
   * The updater of distribution {@code id}, written through {@code distributions}, read with {@code read}; at most
   * {@code maxUpdateAttempts} writes per batch when each meets a stale ETag.
   */
  public DistributionUpdater(DistributionId id, Distributions distributions, int maxUpdateAttempts,
      Function<ChannelRef, Distribution> read, Planner<R> planner, Listeners listeners) {
    this(id, distributions, maxUpdateAttempts, read, planner, CloudFrontQuotas.defaults(), listeners);
  }

  /** As the constructor above, refusing an update that would exceed {@code quotas}. */
  public DistributionUpdater(DistributionId id, Distributions distributions, int maxUpdateAttempts,
      Function<ChannelRef, Distribution> read, Planner<R> planner, CloudFrontQuotas quotas, Listeners listeners) {
    if (maxUpdateAttempts < 1) {
      throw new IllegalArgumentException("maxUpdateAttempts must be at least 1, was " + maxUpdateAttempts);
    }
    this.id = id;
    this.distributions = distributions;
    this.maxUpdateAttempts = maxUpdateAttempts;
    this.read = read;
    this.planner = planner;
    this.quotas = quotas;
    this.listeners = listeners;
  }

  /**
   * Gives the distribution what {@code request} needs. True if an update carrying this caller's needs was written;
   * false if the distribution already had them.
   */
  public boolean update(R request) {
    return update(request, null);
  }

  /**
   * As {@link #update(Object)}, with the distribution as the caller read it for its own checks ({@code read}; may be
   * null): an update that carries this request alone starts from it instead of reading again, unless this updater has
   * seen the configuration change since. Stale all the same (another process wrote), it meets a 412 and is re-read.
   */
  public boolean update(R request, Distribution read) {
    Request<R> entry = new Request<>(request, planner, read);
    synchronized (this) {
      pending.add(entry);
    }
    boolean servedByAnother;
    writing.lock();
    try {
      servedByAnother = entry.done;
      if (!servedByAnother) {
        List<Request<R>> batch;
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
      listeners.emit(Listeners.event(ProvisioningEvent.Step.UPDATE_COALESCED, entry.channel).distributionId(id)
          .endpointIds(entry.endpointIds).operation("UpdateDistribution"));
    }
    return entry.result();
  }

  /**
   * The distribution's configuration as this updater last read or wrote it, which holds the changes of every request
   * it has answered; empty before its first read.
   */
  public Optional<DistributionConfig> latest() {
    return Optional.ofNullable(latest);
  }

  /** How many requests wait for the next update; for tests. */
  public synchronized int pending() {
    return pending.size();
  }

  private void write(List<Request<R>> batch) {
    try {
      writeOrFail(batch);
    } catch (RuntimeException | Error e) {
      batch.forEach(r -> r.fail(e));
      throw e;
    }
  }

  private void writeOrFail(List<Request<R>> batch) {
    List<Request<R>> live = new ArrayList<>(batch);
    ChannelRef channel = batch.get(0).channel; // one distribution, one channel
    ResourceConflictException stale = null;
    for (int attempt = 1; attempt <= maxUpdateAttempts; attempt++) {
      Distribution distribution;
      try {
        Distribution given = attempt == 1 ? given(live) : null;
        distribution = given != null ? given : read.apply(channel);
        latest = distribution.config();
      } catch (ProvisioningException e) {
        live.forEach(r -> r.fail(e));
        return;
      }
      for (Iterator<Request<R>> it = live.iterator(); it.hasNext(); ) {
        Request<R> request = it.next();
        try {
          request.ownChanges =
              !planner.plan(channel, id, distribution.config(), List.of(request.request)).isEmpty();
        } catch (ProvisioningException e) {
          request.fail(e); // this caller's request is the problem; the others go on
          it.remove();
        }
      }
      if (live.isEmpty()) {
        return;
      }
      try {
        ChangeSet changes = planner.plan(channel, id, distribution.config(), requests(live));
        if (changes.isEmpty()) {
          log.debug("distribution {} already has what {} requests need", id, live.size());
          live.forEach(r -> r.succeed(false));
          return;
        }
        quotas.refuseChanges("distribution " + id, distribution.config(), changes);
        List<OriginEndpointId> endpointIds = endpointIds(live);
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
        if (attempt < maxUpdateAttempts) {
          listeners.emit(Listeners.event(ProvisioningEvent.Step.UPDATE_RETRIED_AFTER_412, channel).distributionId(id)
              .endpointIds(endpointIds(live)).operation("UpdateDistribution").attempt(attempt).failure(e));
        }
      } catch (ProvisioningException e) {
        live.forEach(r -> r.fail(e));
        return;
      }
    }
    ResourceConflictException lastStale = stale;
    live.forEach(r -> r.fail(lastStale));
  }

  /** The distribution the one request of the batch was given with, if nothing this updater saw changed it since. */
  private Distribution given(List<Request<R>> live) {
    if (live.size() != 1 || live.get(0).read == null) {
      return null;
    }
    DistributionConfig known = latest;
    return known == null || known.equals(live.get(0).read.config()) ? live.get(0).read : null;
  }

  private List<R> requests(List<Request<R>> live) {
    return live.stream().map(r -> r.request).toList();
  }

  /** Every endpoint of the batch once, in the order of first mention. */
  private static <R> List<OriginEndpointId> endpointIds(List<Request<R>> live) {
    Set<OriginEndpointId> ids = new LinkedHashSet<>();
    live.forEach(r -> ids.addAll(r.endpointIds));
    return List.copyOf(ids);
  }

  /** One caller's request and, once its batch is written, its own result. */
  private static final class Request<R> {
    final R request;
    final Distribution read;
    final ChannelRef channel;
    final List<OriginEndpointId> endpointIds;
    volatile boolean done;
    boolean ownChanges;
    private boolean written;
    private Throwable failure;

    Request(R request, Planner<R> planner, Distribution read) {
      this.endpointIds = List.copyOf(planner.endpointIds(request));
      if (endpointIds.isEmpty()) {
        throw new IllegalArgumentException("an update carries at least one endpoint");
      }
      this.request = request;
      this.read = read;
      this.channel = planner.channel(request);
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
