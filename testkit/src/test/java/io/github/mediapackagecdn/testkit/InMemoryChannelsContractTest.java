package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.testkit.contract.ChannelsContract;

class InMemoryChannelsContractTest extends ChannelsContract {

  private final FakeAws aws = FakeAws.create();

  @Override
  protected Channels channels() {
    return aws.channels();
  }

  @Override
  protected Channel givenChannel(ChannelSpec spec) {
    return aws.channels().create(spec);
  }

  @Override
  protected OriginEndpoint givenEndpoint(EndpointSpec spec) {
    return aws.channels().createEndpoint(spec);
  }
}
