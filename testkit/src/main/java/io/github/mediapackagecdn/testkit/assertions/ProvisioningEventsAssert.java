package io.github.mediapackagecdn.testkit.assertions;

import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.testkit.RecordingListener;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the events a {@link RecordingListener} kept: how many of a step, none of a step, the order. */
public final class ProvisioningEventsAssert extends AbstractAssert<ProvisioningEventsAssert, RecordingListener> {

  private ProvisioningEventsAssert(RecordingListener actual) {
    super(actual, ProvisioningEventsAssert.class);
  }

  /** Starts assertions on the events {@code actual} kept. */
  public static ProvisioningEventsAssert assertThat(RecordingListener actual) {
    return new ProvisioningEventsAssert(actual);
  }

  /** Checks that exactly {@code times} of the events are of {@code step}. */
  public ProvisioningEventsAssert hasExactly(int times, ProvisioningEvent.Step step) {
    isNotNull();
    Objects.requireNonNull(step, "step");
    int count = actual.events(step).size();
    if (count != times) {
      failWithMessage("Expected exactly %d %s event(s) but there were %d among %s", times, step, count,
          actual.steps());
    }
    return this;
  }

  /** Checks that none of the events is of {@code step}. */
  public ProvisioningEventsAssert hasNone(ProvisioningEvent.Step step) {
    return hasExactly(0, step);
  }

  /** Checks that the events include {@code steps} in this order, other events allowed in between. */
  public ProvisioningEventsAssert hasInOrder(ProvisioningEvent.Step... steps) {
    isNotNull();
    List<ProvisioningEvent.Step> recorded = actual.steps();
    int next = 0;
    for (ProvisioningEvent.Step step : recorded) {
      if (next < steps.length && step == steps[next]) {
        next++;
      }
    }
    if (next < steps.length) {
      failWithMessage("Expected the events %s in this order, but after the first %d of them there was no %s; "
          + "events: %s", Arrays.asList(steps), next, steps[next], recorded);
    }
    return this;
  }
}
