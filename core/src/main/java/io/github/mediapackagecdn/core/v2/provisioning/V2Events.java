package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The v2 steps as v1's {@link ProvisioningEvent}s, through v1's listener fan-out ({@link Listeners}: in order, a
 * listener that throws is logged once and skipped). An event names the channel by its group and name
 * ({@code live/news}); its endpoint ids are the endpoints' names.
 */
final class V2Events {

  private final Listeners listeners;

  V2Events(List<ProvisioningListener> listeners, Clock clock) {
    this.listeners = new Listeners(listeners, clock);
  }

  static ProvisioningEvent.Builder event(ProvisioningEvent.Step step, V2ChannelId channel) {
    return Listeners.event(step, channel.ref());
  }

  Instant now() {
    return listeners.now();
  }

  Duration since(Instant start) {
    return listeners.since(start);
  }

  void emit(ProvisioningEvent.Builder builder) {
    listeners.emit(builder);
  }

  /** {@code THROTTLED} first when it was a throttle, then {@code FAILED}; the outcome that reports it. */
  CdnOutcome failed(V2ChannelId channel, Optional<DistributionId> id, ProvisioningException failure) {
    return listeners.failedOutcome(channel.ref(), id, failure);
  }

  /** The fan-out itself, for the updater v1 shares. */
  Listeners listeners() {
    return listeners;
  }

  int size() {
    return listeners.size();
  }
}
