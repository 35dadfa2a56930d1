package io.github.mediapackagecdn.examples;

import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A recipe: the library's provisioning events as Micrometer metrics. A counter per step and outcome,
 * {@value #STEPS} tagged {@code step} (such as {@code UPDATE_SENT}) and {@code outcome} ({@code ok}, or the simple name
 * of the typed error, such as {@code ThrottledException}), and a timer of UpdateDistribution latency,
 * {@value #UPDATE_LATENCY}, from the {@code UPDATE_SENT} durations.
 *
 * <pre>{@code
 * ChannelCdn cdn = ChannelCdn.builder()
 *     ... // ports
 *     .listener(new ProvisioningMetrics(meterRegistry))
 *     .build();
 * }</pre>
 *
 * <p>Micrometer is a dependency of the examples only: the library itself depends on slf4j-api alone.
 */
public final class ProvisioningMetrics implements ProvisioningListener {

  /** The counter of steps, tagged {@code step} and {@code outcome}. */
  public static final String STEPS = "mediapackage.cdn.steps";
  /** The timer of UpdateDistribution calls the library sent. */
  public static final String UPDATE_LATENCY = "mediapackage.cdn.update.latency";

  private final MeterRegistry registry;
  private final Timer updateLatency;

  /** Metrics in {@code registry}. */
  public ProvisioningMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.updateLatency = Timer.builder(UPDATE_LATENCY)
        .description("UpdateDistribution calls accepted by CloudFront").register(registry);
  }

  /** Counts the step by its outcome; times an update sent. */
  @Override
  public void on(ProvisioningEvent event) {
    String outcome = event.failure().map(e -> e.getClass().getSimpleName()).orElse("ok");
    Counter.builder(STEPS).tag("step", event.step().name()).tag("outcome", outcome)
        .description("provisioning steps, by step and outcome").register(registry).increment();
    if (event.step() == ProvisioningEvent.Step.UPDATE_SENT) {
      updateLatency.record(event.duration());
    }
  }
}
