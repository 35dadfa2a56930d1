package io.github.mediapackagecdn.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.testkit.contract.ChannelsContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ChannelsContract} on the MediaPackage adapter, over WireMock answering as MediaPackage v1 does. */
class MediaPackageChannelsContractTest extends ChannelsContract {

  private static final Answers answers = new Answers();

  @RegisterExtension
  static WireMockExtension wm = Answers.extension(answers);

  /** The server starts anew, on another port, for each {@code @Nested} group: one adapter per port. */
  private static int port;
  private static Channels channels;

  private final MediaPackageWorld world = new MediaPackageWorld(wm, answers);

  @BeforeEach
  void emptyWorldAndAdapter() {
    answers.clear();
    world.install();
    if (wm.getPort() != port) {
      port = wm.getPort();
      channels = AwsChannelCdn.channels(Wire.mediaPackage(wm));
    }
  }

  @Override
  protected Channels channels() {
    return channels;
  }

  @Override
  protected Channel givenChannel(ChannelSpec spec) {
    return world.given(spec);
  }

  @Override
  protected OriginEndpoint givenEndpoint(EndpointSpec spec) {
    return world.given(spec);
  }
}
