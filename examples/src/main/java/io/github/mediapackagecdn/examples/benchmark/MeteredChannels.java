package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Channels;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link Channels} port, each call timed into a {@link PortMeter}. */
final class MeteredChannels implements Channels {

  private final Channels delegate;
  private final PortMeter meter;

  /** {@code delegate}'s calls, timed into {@code meter}. */
  MeteredChannels(Channels delegate, PortMeter meter) {
    this.delegate = delegate;
    this.meter = meter;
  }

  @Override
  public Channel create(ChannelSpec spec) {
    return meter.time(() -> delegate.create(spec));
  }

  @Override
  public Channel update(ChannelSpec spec) {
    return meter.time(() -> delegate.update(spec));
  }

  @Override
  public Optional<Channel> find(ChannelId id) {
    return meter.time(() -> delegate.find(id));
  }

  @Override
  public void delete(ChannelId id) {
    meter.time(() -> delegate.delete(id));
  }

  @Override
  public void tag(ChannelArn channel, Map<String, String> tags) {
    meter.time(() -> delegate.tag(channel, tags));
  }

  @Override
  public OriginEndpoint createEndpoint(EndpointSpec spec) {
    return meter.time(() -> delegate.createEndpoint(spec));
  }

  @Override
  public OriginEndpoint updateEndpoint(EndpointSpec spec) {
    return meter.time(() -> delegate.updateEndpoint(spec));
  }

  @Override
  public Optional<OriginEndpoint> findEndpoint(OriginEndpointId id) {
    return meter.time(() -> delegate.findEndpoint(id));
  }

  @Override
  public List<OriginEndpoint> endpointsOf(ChannelId channelId) {
    return meter.time(() -> delegate.endpointsOf(channelId));
  }

  @Override
  public List<Channel> everyChannel() {
    return meter.time(delegate::everyChannel);
  }

  @Override
  public List<OriginEndpoint> everyEndpoint() {
    return meter.time(delegate::everyEndpoint);
  }

  @Override
  public void deleteEndpoint(OriginEndpointId id) {
    meter.time(() -> delegate.deleteEndpoint(id));
  }
}
