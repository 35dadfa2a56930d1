package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners registered with the builder, called in order for every event: a listener that throws is logged once
 * at WARN and skipped for that event, so it never changes what provisioning does. Every event is also logged at
 * DEBUG, so that with no listener the library logs as it always did. Dates steps with the builder's clock.
 * Shared by the v1 and v2 facades; internal, not API.
 */
public final class Listeners {

  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  private final List<ProvisioningListener> listeners;
  /** One flag per listener: whether its first failure was logged. */
  private final List<AtomicBoolean> warned;
  private final Clock clock;

  /** The {@code listeners}, called in this order, and the {@code clock} that dates steps. */
  public Listeners(List<ProvisioningListener> listeners, Clock clock) {
    this.listeners = List.copyOf(listeners);
    this.warned = this.listeners.stream().map(l -> new AtomicBoolean()).toList();
    this.clock = clock;
  }

  /** No listener, the system clock: for tests of a use case that do not look at events. */
  public static Listeners none() {
    return new Listeners(List.of(), Clock.systemUTC());
  }

  /** A builder of an event of {@code step} for {@code channel}; {@link #emit} it once complete. */
  public static ProvisioningEvent.Builder event(ProvisioningEvent.Step step, ChannelRef channel) {
    ProvisioningEvent.Builder builder = ProvisioningEvent.builder();
    builder.step(step).channel(channel);
    return builder;
  }

  /** A builder of an event of {@code step} for the v1 channel {@code channel}. */
  public static ProvisioningEvent.Builder event(ProvisioningEvent.Step step, ChannelId channel) {
    return event(step, channel.ref());
  }

  /** A builder of an event of {@code step} for the whole fleet (the audit, the repair), no one channel's. */
  public static ProvisioningEvent.Builder fleetEvent(ProvisioningEvent.Step step) {
    ProvisioningEvent.Builder builder = ProvisioningEvent.builder();
    builder.step(step);
    return builder;
  }

  /** Now, on the builder's clock: the start of a timed step. */
  public Instant now() {
    return clock.instant();
  }

  /** The time since {@code start}, on the builder's clock. */
  public Duration since(Instant start) {
    Duration elapsed = Duration.between(start, clock.instant());
    return elapsed.isNegative() ? Duration.ZERO : elapsed;
  }

  /** Builds the event and gives it to every listener in order. */
  public void emit(ProvisioningEvent.Builder event) {
    emit(event.build());
  }

  /** Gives {@code event} to every listener in order; what a listener throws is logged once and goes no further. */
  public void emit(ProvisioningEvent event) {
    log.debug("{}", event);
    for (int i = 0; i < listeners.size(); i++) {
      try {
        listeners.get(i).on(event);
      } catch (RuntimeException e) {
        if (warned.get(i).compareAndSet(false, true)) {
          log.warn("provisioning listener {} threw on {}; provisioning goes on, and later failures of this listener "
              + "are not logged", listeners.get(i).getClass().getName(), event, e);
        }
      }
    }
  }

  /** The events of a failure the outcome reports as {@code FAILED}: {@code THROTTLED} first when it was a throttle. */
  public void failed(ChannelId channel, Optional<DistributionId> id, ProvisioningException failure) {
    failed(channel.ref(), id, failure);
  }

  /** As {@link #failed(ChannelId, Optional, ProvisioningException)}, for any channel. */
  public void failed(ChannelRef channel, Optional<DistributionId> id, ProvisioningException failure) {
    if (failure instanceof ThrottledException) {
      emit(event(ProvisioningEvent.Step.THROTTLED, channel).distributionId(id).failure(failure));
    }
    emit(event(ProvisioningEvent.Step.FAILED, channel).distributionId(id).failure(failure));
  }

  /**
   * The outcome of the CloudFront part of a use case, or {@code FAILED} with its failure (and the distribution's id
   * when it is known): a CloudFront failure is reported beside what MediaPackage saved, never thrown. The failure is
   * told to the listeners ({@code FAILED}, after {@code THROTTLED} for a throttle).
   */
  public CdnOutcome reporting(ChannelRef channel, Optional<DistributionId> id, Supplier<CdnOutcome> cdnWork) {
    try {
      return cdnWork.get();
    } catch (ProvisioningException e) {
      log.debug("CloudFront part failed: {}", e.getMessage());
      return failedOutcome(channel, id, e);
    }
  }

  /** Tells the listeners of the failure ({@link #failed}) and answers the {@code FAILED} outcome that reports it. */
  public CdnOutcome failedOutcome(ChannelRef channel, Optional<DistributionId> id, ProvisioningException failure) {
    failed(channel, id, failure);
    return id.map(known -> CdnOutcome.failed(failure, known)).orElseGet(() -> CdnOutcome.failed(failure));
  }

  /** How many listeners are registered, for {@code ChannelCdn.toString()}. */
  public int size() {
    return listeners.size();
  }
}
