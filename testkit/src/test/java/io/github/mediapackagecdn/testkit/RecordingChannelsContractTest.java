package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.provisioning.RecordingChannels;
import io.github.mediapackagecdn.testkit.contract.ChannelsContract;

/** {@link ChannelsContract} on core's own test double (from core's test-jar), which core's use-case tests trust. */
class RecordingChannelsContractTest extends ChannelsContract {

  private final RecordingChannels channels = new RecordingChannels();

  @Override
  protected Channels channels() {
    return channels;
  }

  @Override
  protected Channel givenChannel(ChannelSpec spec) {
    return channels.create(spec);
  }

  @Override
  protected OriginEndpoint givenEndpoint(EndpointSpec spec) {
    return channels.createEndpoint(spec);
  }
}
