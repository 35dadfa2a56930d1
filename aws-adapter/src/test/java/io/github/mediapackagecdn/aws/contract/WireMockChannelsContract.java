package io.github.mediapackagecdn.aws.contract;

import io.github.mediapackagecdn.aws.WireMockAws;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.testkit.contract.ChannelsContract;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ChannelsContract} over {@link WireMockAws}: the fixture hooks arrange MediaPackage's state on the wire. */
abstract class WireMockChannelsContract extends ChannelsContract {

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  private final Function<WireMockAws, Channels> adapter;

  /** The contract on the port {@code adapter} builds on the test's server. */
  WireMockChannelsContract(Function<WireMockAws, Channels> adapter) {
    this.adapter = adapter;
  }

  @Override
  protected Channels channels() {
    return adapter.apply(aws);
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
