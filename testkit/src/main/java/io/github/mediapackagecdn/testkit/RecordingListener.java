package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ProvisioningListener} that keeps every event, in order, for a test to assert on. Thread-safe.
 *
 * <pre>{@code
 * RecordingListener events = new RecordingListener();
 * ChannelCdn cdn = aws.channelCdn(builder -> builder.listener(events));
 * cdn.saveEndpoint(spec);
 * assertThat(events.events(Step.UPDATE_SENT)).hasSize(1);
 * }</pre>
 */
public final class RecordingListener implements ProvisioningListener {

  private final List<ProvisioningEvent> events = new ArrayList<>();

  /** An empty recorder. */
  public RecordingListener() {}

  /** Keeps {@code event}. */
  @Override
  public synchronized void on(ProvisioningEvent event) {
    events.add(event);
  }

  /** Every event so far, in order. */
  public synchronized List<ProvisioningEvent> events() {
    return List.copyOf(events);
  }

  /** The events of one step, in order. */
  public synchronized List<ProvisioningEvent> events(ProvisioningEvent.Step step) {
    return events.stream().filter(e -> e.step() == step).toList();
  }

  /** The steps of every event so far, in order. */
  public synchronized List<ProvisioningEvent.Step> steps() {
    return events.stream().map(ProvisioningEvent::step).toList();
  }

  /** Forgets the events so far. */
  public synchronized void clear() {
    events.clear();
  }

  /** How many events were recorded, never their content. */
  @Override
  public synchronized String toString() {
    return "RecordingListener[" + events.size() + " events]";
  }
}
