package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link DistributionLinks} port, each call timed into a {@link PortMeter}. */
final class MeteredLinks implements DistributionLinks {

  private final DistributionLinks delegate;
  private final PortMeter meter;

  /** {@code delegate}'s calls, timed into {@code meter}. */
  MeteredLinks(DistributionLinks delegate, PortMeter meter) {
    this.delegate = delegate;
    this.meter = meter;
  }

  @Override
  public List<DistributionId> find(String tagKey, String channelArn) {
    return meter.time(() -> delegate.find(tagKey, channelArn));
  }

  @Override
  public Map<String, List<DistributionId>> all(String tagKey) {
    return meter.time(() -> delegate.all(tagKey));
  }

  @Override
  public Optional<String> tagValue(DistributionId distribution, String tagKey) {
    return meter.time(() -> delegate.tagValue(distribution, tagKey));
  }
}
