package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.port.Scheduler;
import io.github.mediapackagecdn.core.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use case "wait until the channel is ready for players": its distribution is {@code Deployed}, enabled, and routes
 * every endpoint to it. Routing and {@code Enabled} are checked before the wait too: a distribution that does not
 * route an endpoint, or is disabled, will not start to serve by deploying.
 *
 * <p>The plain wait hands the wait for {@code Deployed} to {@link Distributions#awaitDeployed}, which the AWS adapter
 * implements with CloudFront's own {@code DistributionDeployed} waiter: one blocking call that reports nothing until
 * it ends. The asynchronous and the progress-reporting waits cannot use that waiter (core knows no SDK, and the waiter
 * holds a thread for the whole wait), so they poll through the ports instead, with the one polling definition of
 * {@link Poll}: a read of the distribution every {@link #POLL_INTERVAL}, the waiter's own interval, on a
 * {@link Scheduler}. The progress-reporting wait runs the same steps on the calling thread, pausing with the
 * {@link Sleeper}.
 */
final class AwaitingDeployment {

  private static final Logger log = LoggerFactory.getLogger(AwaitingDeployment.class);

  /** Between two reads of a deploying distribution: the interval of CloudFront's {@code DistributionDeployed} waiter. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(60);

  private final Channels channels;
  private final Distributions distributions;
  private final LinkResolution<Channel> links;
  private final LiveCdnSettings settings;
  private final Sleeper sleeper;
  private final Clock clock;
  /** The caller's scheduler; null: this use case creates its own on the first asynchronous wait. */
  private final Scheduler given;
  /** The waits in progress, cancelled by {@link #close()}. */
  private final Set<CompletableFuture<?>> waits = ConcurrentHashMap.newKeySet();
  private final Listeners listeners;
  private ScheduledThreadPoolExecutor own;
  private boolean closed;

  AwaitingDeployment(Channels channels, Distributions distributions, LinkResolution<Channel> links,
      LiveCdnSettings settings,
      Sleeper sleeper, Clock clock, Scheduler scheduler, Listeners listeners) {
    this.listeners = listeners;
    this.channels = channels;
    this.distributions = distributions;
    this.links = links;
    this.settings = settings;
    this.sleeper = sleeper;
    this.clock = clock;
    this.given = scheduler;
  }

  /**
   * The details once ready for players.
   *
   * @throws ResourceNotFoundException when the channel or its distribution does not exist
   * @throws ResourceConflictException ({@code NOT_SERVED}) when the distribution is disabled, the channel has no
   *     endpoint or one is not routed
   * @throws io.github.mediapackagecdn.core.error.DeploymentTimeoutException when not deployed within timeout
   */
  ChannelDetails await(ChannelId channelId, Duration timeout) {
    Instant start = listeners.now();
    Target target = target(channelId);
    Optional<Distribution> current = distributions.find(target.id());
    if (current.isPresent()) {
      refuseUnserved(describe(target, current.get()));
    }
    Distribution deployed = distributions.awaitDeployed(target.id(), timeout);
    if (current.isPresent() && current.get().status() != deployed.status()) {
      listeners.emit(Listeners.event(ProvisioningEvent.Step.STATUS_CHANGED, channelId).distributionId(target.id())
          .operation("GetDistribution").duration(listeners.since(start)));
    }
    ChannelDetails details = describe(target, deployed);
    refuseUnserved(details);
    readyForPlayers(target, listeners.since(start), 1);
    return details;
  }

  /**
   * The same wait, polled on the calling thread, with a progress after each read.
   *
   * @throws DeploymentTimeoutException also when the thread is interrupted; its interrupt flag stays set
   */
  ChannelDetails await(ChannelId channelId, Duration timeout, Consumer<DeploymentProgress> progress) {
    CallingThread thread = new CallingThread(sleeper);
    Poll poll = new Poll(channelId, timeout, progress, thread);
    CompletableFuture<ChannelDetails> wait = poll.start();
    thread.run();
    if (!wait.isDone()) {
      wait.cancel(false);
      throw new DeploymentTimeoutException("the wait for channel " + channelId + " was interrupted after "
          + poll.polls + " reads");
    }
    try {
      return wait.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** The same wait, polled on the scheduler; the answer completes as {@link #await(ChannelId, Duration)} returns. */
  CompletableFuture<ChannelDetails> awaitAsync(ChannelId channelId, Duration timeout,
      Consumer<DeploymentProgress> progress) {
    return new Poll(channelId, timeout, progress, scheduler()).start();
  }

  /** Cancels the waits in progress, then shuts down the scheduler this use case created, if it did. */
  void close() {
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
      throw new IllegalStateException("this ChannelCdn is closed; build a new one");
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

  private Target target(ChannelId channelId) {
    Channel channel = NotFound.existingChannel(channels, channelId);
    DistributionResolver.Resolution found = links.resolve(channel);
    DistributionId id = found.id().orElseThrow(() -> new ResourceNotFoundException(found.none().advice()
        .orElse("channel " + channelId + " has no distribution"), channelId.value()));
    return new Target(channel, id, channels.endpointsOf(channelId));
  }

  /** The channel waited for, its distribution's id and its endpoints, read once at the start of a wait. */
  private record Target(Channel channel, DistributionId id, List<OriginEndpoint> endpoints) {
    ChannelDetails describe(Distribution distribution, LiveCdnSettings settings) {
      return ReadingChannelDetails.describe(channel, endpoints, Optional.of(distribution), settings);
    }
  }

  private ChannelDetails describe(Target target, Distribution distribution) {
    return target.describe(distribution, settings);
  }

  /**
   * Throws NOT_SERVED when the distribution is disabled, the channel has no endpoint or one is not routed: deploying
   * changes none of these. The status is left to the wait.
   */
  private static void refuseUnserved(ChannelDetails details) {
    List<String> reasons = new ArrayList<>();
    details.distribution().filter(d -> !d.enabled()).ifPresent(d -> reasons.add(Distribution.disabledReason(d.id())));
    if (details.endpoints().isEmpty()) {
      reasons.add("it has no endpoint");
    }
    details.endpoints().forEach(e -> e.notServedReason().ifPresent(reasons::add));
    if (!reasons.isEmpty()) {
      String channel = details.channel().id().value();
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
    private final ChannelId channelId;
    private final Duration timeout;
    private final Consumer<DeploymentProgress> progress;
    private final Scheduler scheduler;
    private final Instant started = clock.instant();
    private final CompletableFuture<ChannelDetails> future = new CompletableFuture<>();
    private volatile Future<?> pending;
    private Target target;
    private int polls;
    private boolean progressFailed;
    private DistributionStatus lastStatus;

    Poll(ChannelId channelId, Duration timeout, Consumer<DeploymentProgress> progress, Scheduler scheduler) {
      this.channelId = channelId;
      this.timeout = timeout;
      this.progress = progress;
      this.scheduler = scheduler;
    }

    CompletableFuture<ChannelDetails> start() {
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
          target = target(channelId);
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
      Distribution distribution = distributions.find(target.id())
          .orElseThrow(() -> NotFound.distribution(target.id()));
      ChannelDetails details = describe(target, distribution);
      Duration elapsed = Duration.between(started, clock.instant());
      log.debug("channel {}: read {} of the wait, distribution {} is {} after {}", channelId, poll, target.id(),
          distribution.status(), elapsed);
      report(DeploymentProgress.builder()
          .channelId(channelId)
          .distributionId(target.id())
          .status(distribution.status())
          .elapsed(elapsed)
          .readyForPlayers(details.readyForPlayers())
          .notReadyReasons(details.notReadyReasons())
          .poll(poll)
          .build());
      if (lastStatus != null && lastStatus != distribution.status()) {
        listeners.emit(Listeners.event(ProvisioningEvent.Step.STATUS_CHANGED, channelId).distributionId(target.id())
            .operation("GetDistribution").duration(elapsed).attempt(poll));
      }
      lastStatus = distribution.status();
      refuseUnserved(details);
      if (details.readyForPlayers()) {
        readyForPlayers(target, elapsed, poll);
        future.complete(details);
        return;
      }
      Duration left = timeout.minus(elapsed);
      if (left.isNegative() || left.isZero()) {
        throw new DeploymentTimeoutException("channel " + channelId + " is not ready for players after " + elapsed
            + " (" + poll + " reads): " + String.join("; ", details.notReadyReasons()));
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
          log.warn("the progress callback of the wait for channel {} failed; the wait goes on", channelId, e);
        } else {
          log.debug("the progress callback of the wait for channel {} failed again", channelId, e);
        }
      }
    }
  }

  private void readyForPlayers(Target target, Duration waited, int reads) {
    listeners.emit(Listeners.event(ProvisioningEvent.Step.READY_FOR_PLAYERS, target.channel().id())
        .distributionId(target.id()).endpointIds(target.endpoints().stream().map(OriginEndpoint::id).toList())
        .duration(waited).attempt(reads));
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
