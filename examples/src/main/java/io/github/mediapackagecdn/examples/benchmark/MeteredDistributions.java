package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionSummary;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Distributions} port, each call timed into a {@link PortMeter}, which also counts the updates CloudFront
 * accepted (those that answer a new ETag).
 */
final class MeteredDistributions implements Distributions {

  private final Distributions delegate;
  private final PortMeter meter;

  /** {@code delegate}'s calls, timed and counted into {@code meter}. */
  MeteredDistributions(Distributions delegate, PortMeter meter) {
    this.delegate = delegate;
    this.meter = meter;
  }

  @Override
  public Distribution create(DistributionConfig config, Map<String, String> tags) {
    return meter.time(() -> delegate.create(config, tags));
  }

  @Override
  public Optional<Distribution> find(DistributionId id) {
    return meter.time(() -> delegate.find(id));
  }

  /** The update, counted as accepted when it answers without an error and with an ETag other than {@code etag}. */
  @Override
  public Distribution update(DistributionId id, String etag, ChangeSet changes) {
    Distribution updated = meter.time(() -> delegate.update(id, etag, changes));
    if (!updated.etag().equals(etag)) {
      meter.updateAccepted();
    }
    return updated;
  }

  @Override
  public Optional<DistributionId> findByCallerReference(String callerReference, String commentHint) {
    return meter.time(() -> delegate.findByCallerReference(callerReference, commentHint));
  }

  @Override
  public List<DistributionSummary> list() {
    return meter.time(delegate::list);
  }

  @Override
  public Distribution awaitDeployed(DistributionId id, Duration timeout) {
    return meter.time(() -> delegate.awaitDeployed(id, timeout));
  }

  @Override
  public Distribution disable(DistributionId id, String etag) {
    return meter.time(() -> delegate.disable(id, etag));
  }

  @Override
  public void delete(DistributionId id, String etag) {
    meter.time(() -> delegate.delete(id, etag));
  }
}
