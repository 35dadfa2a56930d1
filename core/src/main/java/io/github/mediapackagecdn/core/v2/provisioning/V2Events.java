package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The v2 steps as v1's {@link ProvisioningEvent}s, to the listeners in order; a listener that throws is logged once
 * and skipped. An event's channel id is the v2 channel's name (a {@code ResourceName} is a valid v1 channel id); its
 * endpoint ids the endpoints' names.
 */
final class V2Events {

  private static final Logger log = LoggerFactory.getLogger(V2Events.class);

  private final List<ProvisioningListener> listeners;
  private final List<AtomicBoolean> warned;
  private final Clock clock;

  V2Events(List<ProvisioningListener> listeners, Clock clock) {
    this.listeners = List.copyOf(listeners);
    this.warned = this.listeners.stream().map(l -> new AtomicBoolean()).toList();
    this.clock = clock;
  }

  static ProvisioningEvent.Builder event(ProvisioningEvent.Step step, V2ChannelId channel) {
    ProvisioningEvent.Builder builder = ProvisioningEvent.builder();
    builder.step(step).channelId(ChannelId.of(channel.channel()));
    return builder;
  }

  Instant now() {
    return clock.instant();
  }

  Duration since(Instant start) {
    Duration elapsed = Duration.between(start, clock.instant());
    return elapsed.isNegative() ? Duration.ZERO : elapsed;
  }

  void emit(ProvisioningEvent.Builder builder) {
    ProvisioningEvent event = builder.build();
    log.debug("{}", event);
    for (int i = 0; i < listeners.size(); i++) {
      try {
        listeners.get(i).on(event);
      } catch (RuntimeException e) {
        if (warned.get(i).compareAndSet(false, true)) {
          log.warn("provisioning listener {} threw on {}; later failures of this listener are not logged",
              listeners.get(i).getClass().getName(), event, e);
        }
      }
    }
  }

  /** {@code THROTTLED} first when it was a throttle, then {@code FAILED}; the outcome that reports it. */
  V2CdnOutcome failed(V2ChannelId channel, Optional<DistributionId> id, ProvisioningException failure) {
    if (failure instanceof ThrottledException) {
      emit(event(ProvisioningEvent.Step.THROTTLED, channel).distributionId(id).failure(failure));
    }
    emit(event(ProvisioningEvent.Step.FAILED, channel).distributionId(id).failure(failure));
    return V2CdnOutcome.failed(failure, id);
  }

  int size() {
    return listeners.size();
  }
}
