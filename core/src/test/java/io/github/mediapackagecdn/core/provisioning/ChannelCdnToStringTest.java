package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.port.CdnIdentifierSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link ChannelCdn#toString()} says: how the instance is built, never a CDN identifier. */
class ChannelCdnToStringTest {

  private static final String SOURCE_SECRET = "3f8f0e1d-2c3b-4d7e-9a55-9c1e6a345b1f";

  /** A source whose own text would give its identifier away. */
  private static final class TalkativeSource implements CdnIdentifierSource {
    @Override
    public Optional<CdnIdentifier> identifierFor(String cdnIdentifierSecretArn) {
      return Optional.of(CdnIdentifier.of(SOURCE_SECRET));
    }

    @Override
    public String toString() {
      return "source of " + SOURCE_SECRET;
    }
  }

  @Test
  void toString_namesThePortsAndSettingsButNoSecret() {
    RecordingDistributions cloudFront = new RecordingDistributions();
    ChannelCdn cdn = ChannelCdn.builder().channels(new RecordingChannels()).distributions(cloudFront)
        .links(cloudFront).cdnIdentifiers(new TalkativeSource()).sleeper(d -> {}).build();
    cdn.saveChannel(ChannelSpec.builder().id("live-news").createDistribution(true).build());
    cdn.saveEndpoint(EndpointSpec.builder().id("live-news-hls").channelId("live-news").packaging(Packaging.HLS)
        .authorization(Fixtures.AUTHORIZATION).cdnIdentifier(CdnIdentifier.of(Fixtures.SECRET)).build());

    String text = cdn.toString();

    assertThat(text).doesNotContain(Fixtures.SECRET).doesNotContain(SOURCE_SECRET)
        .contains("channels RecordingChannels", "distributions RecordingDistributions", "links RecordingDistributions",
            "TalkativeSource", "1 of at most 1000 remembered", "visibilityTimeout=PT30S");
    cdn.close();
    assertThat(cdn.toString()).startsWith("ChannelCdn[closed, ").doesNotContain(Fixtures.SECRET);
  }
}
