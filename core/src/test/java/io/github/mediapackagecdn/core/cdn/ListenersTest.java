package io.github.mediapackagecdn.core.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.event.ProvisioningEvent.Step;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.model.ChannelId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The listeners are called in order; one that throws is skipped for that event and never stops the others. */
class ListenersTest {

  private static final ChannelId CHANNEL_ID = ChannelId.of("live-news");

  private static ProvisioningEvent saved() {
    return Listeners.event(Step.CHANNEL_SAVED, CHANNEL_ID).build();
  }

  @Test
  void emit_callsEveryListenerInOrder_evenAfterOneThatThrows() {
    List<String> calls = new ArrayList<>();
    AtomicInteger thrown = new AtomicInteger();
    ProvisioningListener thrower = event -> {
      calls.add("thrower");
      thrown.incrementAndGet();
      throw new IllegalStateException("a listener's bug");
    };
    Listeners listeners = new Listeners(List.of(e -> calls.add("first"), thrower, e -> calls.add("last")),
        Clock.systemUTC());

    listeners.emit(saved());
    listeners.emit(saved());

    assertThat(calls).containsExactly("first", "thrower", "last", "first", "thrower", "last");
    assertThat(thrown).hasValue(2);
  }

  @Test
  void failed_aThrottle_isThrottledThenFailed_anotherFailureOnlyFailed() {
    List<ProvisioningEvent> events = new ArrayList<>();
    Listeners listeners = new Listeners(List.of(events::add), Clock.systemUTC());
    ThrottledException throttled = new ThrottledException("Rate exceeded", "Throttling", "r1", null);

    listeners.failed(CHANNEL_ID, Optional.empty(), throttled);
    listeners.failed(CHANNEL_ID, Optional.empty(),
        new ServiceFailureException("unavailable", "ServiceUnavailable", "r2", null));

    assertThat(events).extracting(ProvisioningEvent::step).containsExactly(Step.THROTTLED, Step.FAILED, Step.FAILED);
    assertThat(events.get(0).failure()).containsSame(throttled);
    assertThat(events.get(1).failure()).containsSame(throttled);
  }

  @Test
  void none_hasNoListener_andEmitsWithoutFailing() {
    Listeners none = Listeners.none();

    none.emit(saved());

    assertThat(none.size()).isZero();
  }
}
