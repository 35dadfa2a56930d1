package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.port.Scheduler;
import io.github.mediapackagecdn.core.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use case "wait until the channel is ready for players", written once for both MediaPackage versions: its
 * distribution is {@code Deployed}, enabled, and routes every endpoint to it. Each facade gives the {@link Target}: its
 * channel read once, the distribution's id, and how it describes the channel on a distribution it read. Routing and {@code Enabled} are checked before the wait too: a distribution that does not
 * route an endpoint, or is disabled, will not start to serve by deploying.
 *
 * <p>The plain wait hands the wait for {@code Deployed} to {@link Distributions#awaitDeployed}, which the AWS adapter
 * implements with CloudFront's own {@code DistributionDeployed} waiter: one blocking call that reports nothing until
 * it ends. The asynchronous and the progress-reporting waits cannot use that waiter (core knows no SDK, and the waiter
 * holds a thread for the whole wait), so they poll through the ports instead, with the one polling definition of
 * {@link Poll}: a read of the distribution every {@link #POLL_INTERVAL}, the waiter's own interval, on a
 * {@link Scheduler}. The progress-reporting wait runs the same steps on the calling thread, pausing with the
 * {@link Sleeper}.
 *
 * <p>Each wait is checked before any read ({@link Lifecycle#requireWait}): the facade open, no argument null, the
 * timeout not negative.
 *
 * @param <I> the side's channel id
 * @param <D> the side's details of a channel
 */
public final class AwaitingDeployment<I, D> {

  private static final Logger log = LoggerFactory.getLogger(AwaitingDeployment.class);

  /** Between two reads of a deploying distribution: the interval of CloudFront's {@code DistributionDeployed} waiter. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(60);

  private final Function<I, Target<D>> targets;
  private final Lifecycle lifecycle;
  private final Distributions distributions;
  private final Sleeper sleeper;
  private final Clock clock;
  /** The caller's scheduler; null: this use case creates its own on the first asynchronous wait. */
  private final Scheduler given;
  /** The waits in progress, cancelled by {@link #close()}. */
  private final Set<CompletableFuture<?>> waits = ConcurrentHashMap.newKeySet();
  private final Listeners listeners;
  private ScheduledThreadPoolExecutor own;
  private boolean closed;

  /**
   * The wait for the channels {@code targets} reads once (the channel by its id, or the side's not-found error), on
   * {@code distributions}, pausing with {@code sleeper}, polling on {@code scheduler} (null: its own), refused once
   * {@code lifecycle} is closed.
   */
  public AwaitingDeployment(Function<I, Target<D>> targets, Lifecycle lifecycle, Distributions distributions,
      Sleeper sleeper, Clock clock, Scheduler scheduler, Listeners listeners) {
    this.targets = targets;
    this.lifecycle = lifecycle;
    this.listeners = listeners;
    this.distributions = distributions;
    this.sleeper = sleeper;
    this.clock = clock;
    this.given = scheduler;
  }

  /**
   * A channel waited for, as a facade reads it once at the start of a wait: what the wait needs of the details it
   * describes.
   *
   * @param <D> the facade's details
   */
  public interface Target<D> {

    /** The channel, for events and messages. */
    ChannelRef channel();

    /** Its distribution. */
    DistributionId distributionId();

    /** Its endpoints, for the {@code READY_FOR_PLAYERS} event. */
    List<OriginEndpointId> endpointIds();

    /** The channel's details on {@code distribution}; reads nothing. */
    D describe(Distribution distribution);

    /** Why the details are not ready for players, one line per cause; empty when they are. */
    List<String> notReadyReasons(D details);

    /**
     * What deploying will not change: the distribution disabled, no endpoint, an endpoint not routed; empty when
     * only the status is missing.
     */
    List<String> unservedReasons(D details);
  }

  /**
   * The details once ready for players.
   *
   * @throws ResourceNotFoundException when the channel or its distribution does not exist
   * @throws ResourceConflictException ({@code NOT_SERVED}) when the distribution is disabled, the channel has no
   *     endpoint or one is not routed
   * @throws io.github.mediapackagecdn.core.error.DeploymentTimeoutException when not deployed within timeout
   */
  public D await(I channel, Duration timeout) {
    lifecycle.requireWait(channel, timeout, ignored -> { });
    Instant start = listeners.now();
    Target<D> target = targets.apply(channel);
    Optional<Distribution> current = distributions.find(target.distributionId());
    if (current.isPresent()) {
      refuseUnserved(target, target.describe(current.get()));
    }
    Distribution deployed = distributions.awaitDeployed(target.distributionId(), timeout);
    if (current.isPresent() && current.get().status() != deployed.status()) {
      listeners.emit(Listeners.event(ProvisioningEvent.Step.STATUS_CHANGED, target.channel())
          .distributionId(target.distributionId()).operation("GetDistribution").duration(listeners.since(start)));
    }
    D details = target.describe(deployed);
    refuseUnserved(target, details);
    readyForPlayers(target, listeners.since(start), 1);
    return details;
  }

  /**
   * The same wait, polled on the calling thread, with a progress after each read.
   *
   * @throws DeploymentTimeoutException also when the thread is interrupted; its interrupt flag stays set
   */
  public D await(I channel, Duration timeout, Consumer<DeploymentProgress> progress) {
    lifecycle.requireWait(channel, timeout, progress);
    CallingThread thread = new CallingThread(sleeper);
    Poll poll = new Poll(() -> targets.apply(channel), timeout, progress, thread);
    CompletableFuture<D> wait = poll.start();
    thread.run();
    if (!wait.isDone()) {
      wait.cancel(false);
      throw new DeploymentTimeoutException("the wait for channel " + poll.channel() + " was interrupted after "
          + poll.polls + " reads");
    }
    try {
      return wait.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** The same wait, polled on the scheduler; the answer completes as {@link #await(Object, Duration)} returns. */
  public CompletableFuture<D> awaitAsync(I channel, Duration timeout, Consumer<DeploymentProgress> progress) {
    lifecycle.requireWait(channel, timeout, progress);
    return new Poll(() -> targets.apply(channel), timeout, progress, scheduler()).start();
  }

  /** Cancels the waits in progress, then shuts down the scheduler this use case created, if it did. */
  public void close() {
    synchronized (this) {
      closed = true;
      if (own != null) {
        own.shutdownNow();
      }
    }
    waits.forEach(wait -> wait.cancel(false));
  }

  private synchronized Scheduler scheduler() {
    if (closed) {
      throw new IllegalStateException("this facade is closed; build a new one");
    }
    if (given != null) {
      return given;
    }
    if (own == null) {
      own = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "mediapackage-cdn-deployment-poll");
        thread.setDaemon(true);
        return thread;
      });
      own.setRemoveOnCancelPolicy(true);
    }
    return Scheduler.of(own);
  }

  /**
   * Throws NOT_SERVED when deploying changes nothing: the distribution is disabled, the channel has no endpoint or one
   * is not routed. The status is left to the wait.
   */
  private static <D> void refuseUnserved(Target<D> target, D details) {
    List<String> reasons = target.unservedReasons(details);
    if (!reasons.isEmpty()) {
      String channel = target.channel().toString();
      throw new ResourceConflictException("channel " + channel + " is not ready for players: "
          + String.join("; ", reasons), ResourceConflictException.Reason.NOT_SERVED, channel);
    }
  }

  /**
   * One polled wait, the one polling definition. Each step reads the distribution, reports a
   * {@link DeploymentProgress}, then ends the wait (ready for players; {@code NOT_SERVED}; distribution gone; timed
   * out) or schedules the next step, {@link #POLL_INTERVAL} later or at the deadline, whichever comes first. The first
   * step also reads the channel, its distribution's id and its endpoints. Steps never overlap, since each schedules
   * the next at its end, and once the future is done (completed, failed, cancelled) no step reads anything.
   */
  private final class Poll {
    private final Supplier<Target<D>> reading;
    private final Duration timeout;
    private final Consumer<DeploymentProgress> progress;
    private final Scheduler scheduler;
    private final Instant started = clock.instant();
    private final CompletableFuture<D> future = new CompletableFuture<>();
    private volatile Future<?> pending;
    private Target<D> target;
    private int polls;
    private boolean progressFailed;
    private DistributionStatus lastStatus;

    Poll(Supplier<Target<D>> reading, Duration timeout, Consumer<DeploymentProgress> progress, Scheduler scheduler) {
      this.reading = reading;
      this.timeout = timeout;
      this.progress = progress;
      this.scheduler = scheduler;
    }

    /** The channel, once read; "(not read yet)" before the first step. */
    String channel() {
      return target == null ? "(not read yet)" : target.channel().toString();
    }

    CompletableFuture<D> start() {
      waits.add(future);
      future.whenComplete((details, failure) -> {
        waits.remove(future);
        Future<?> next = pending;
        if (next != null && future.isCancelled()) {
          next.cancel(false);
        }
      });
      next(Duration.ZERO);
      return future;
    }

    private void next(Duration delay) {
      try {
        pending = scheduler.schedule(this::step, delay);
      } catch (RuntimeException e) {
        future.completeExceptionally(e); // a scheduler shut down, say
      }
      Future<?> scheduled = pending;
      if (scheduled != null && future.isCancelled()) {
        scheduled.cancel(false);
      }
    }

    private void step() {
      try {
        if (!future.isDone() && target == null) {
          target = reading.get();
        }
        if (!future.isDone()) {
          read();
        }
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
      }
    }

    private void read() {
      int poll = ++polls;
      DistributionId id = target.distributionId();
      Distribution distribution = distributions.find(id).orElseThrow(() -> new ResourceNotFoundException(
          "distribution " + id + " does not exist (deleted outside this library?)", id.value()));
      D details = target.describe(distribution);
      List<String> notReady = target.notReadyReasons(details);
      Duration elapsed = Duration.between(started, clock.instant());
      log.debug("channel {}: read {} of the wait, distribution {} is {} after {}", target.channel(), poll, id,
          distribution.status(), elapsed);
      report(DeploymentProgress.builder()
          .channel(target.channel())
          .distributionId(id)
          .status(distribution.status())
          .elapsed(elapsed)
          .readyForPlayers(notReady.isEmpty())
          .notReadyReasons(notReady)
          .poll(poll)
          .build());
      if (lastStatus != null && lastStatus != distribution.status()) {
        listeners.emit(Listeners.event(ProvisioningEvent.Step.STATUS_CHANGED, target.channel()).distributionId(id)
            .operation("GetDistribution").duration(elapsed).attempt(poll));
      }
      lastStatus = distribution.status();
      refuseUnserved(target, details);
      if (notReady.isEmpty()) {
        readyForPlayers(target, elapsed, poll);
        future.complete(details);
        return;
      }
      Duration left = timeout.minus(elapsed);
      if (left.isNegative() || left.isZero()) {
        throw new DeploymentTimeoutException("channel " + target.channel() + " is not ready for players after "
            + elapsed + " (" + poll + " reads): " + String.join("; ", notReady));
      }
      next(left.compareTo(POLL_INTERVAL) < 0 ? left : POLL_INTERVAL);
    }

    /** A progress callback that throws does not end the wait: logged at WARN once per wait, then at DEBUG. */
    private void report(DeploymentProgress value) {
      try {
        progress.accept(value);
      } catch (RuntimeException e) {
        if (!progressFailed) {
          progressFailed = true;
          log.warn("the progress callback of the wait for channel {} failed; the wait goes on", channel(), e);
        } else {
          log.debug("the progress callback of the wait for channel {} failed again", channel(), e);
        }
      }
    }
  }

  private void readyForPlayers(Target<D> target, Duration waited, int reads) {
    listeners.emit(Listeners.event(ProvisioningEvent.Step.READY_FOR_PLAYERS, target.channel())
        .distributionId(target.distributionId()).endpointIds(target.endpointIds()).duration(waited).attempt(reads));
  }

  /** Runs a poll's steps on the calling thread: pauses with the sleeper, then runs the step the poll scheduled. */
  private static final class CallingThread implements Scheduler {
    private final Sleeper sleeper;
    private FutureTask<Void> next;
    private Duration delay = Duration.ZERO;

    CallingThread(Sleeper sleeper) {
      this.sleeper = sleeper;
    }

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
      this.next = new FutureTask<>(task, null);
      this.delay = delay;
      return next;
    }

    /** Runs until no step is scheduled, or the thread is interrupted. */
    void run() {
      while (next != null) {
        FutureTask<Void> task = next;
        next = null;
        if (!delay.isZero()) {
          sleeper.sleep(delay);
        }
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        task.run();
      }
    }
  }
}
