package io.github.mediapackagecdn.aws.contract;

import io.github.mediapackagecdn.aws.WireMockAws;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.testkit.contract.ChannelsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ChannelsContract} on the MediaPackage adapter, over WireMock answering as MediaPackage v1 does: the fixture
 * hooks arrange MediaPackage's state on the wire.
 */
class MediaPackageChannelsContractTest extends ChannelsContract {

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  @Override
  protected Channels channels() {
    return aws.channels();
  }

  @Override
  protected Channel givenChannel(ChannelSpec spec) {
    return aws.mediaPackage().given(spec);
  }

  @Override
  protected OriginEndpoint givenEndpoint(EndpointSpec spec) {
    return aws.mediaPackage().given(spec);
  }
}
