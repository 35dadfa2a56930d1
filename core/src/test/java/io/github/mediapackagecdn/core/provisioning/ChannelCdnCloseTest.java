package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelCdnCloseTest {

  private final RecordingChannels channels = new RecordingChannels();
  private final RecordingDistributions cloudFront = new RecordingDistributions();
  private final List<String> closed = new ArrayList<>();

  private ChannelCdn.Builder builder() {
    return ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront).sleeper(d -> { });
  }

  @Test
  void close_closesEveryHandedOverResourceOnceInOrder() {
    ChannelCdn cdn = builder().onClose(() -> closed.add("media-package")).onClose(() -> closed.add("cloudfront")).build();

    cdn.close();
    cdn.close();

    assertThat(closed).containsExactly("media-package", "cloudfront");
  }

  @Test
  void close_withoutResources_closesNothingAndStillRefusesLaterCalls() {
    ChannelCdn cdn = builder().build();

    cdn.close();

    assertThatThrownBy(() -> cdn.details(ChannelId.of("live-news"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void close_whenAResourceFails_closesTheOthersAndReportsEveryFailure() {
    ChannelCdn cdn = builder()
        .onClose(() -> {
          throw new IOException("first");
        })
        .onClose(() -> closed.add("second"))
        .onClose(() -> {
          throw new IllegalStateException("third");
        })
        .build();

    assertThatThrownBy(cdn::close)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("first")
        .hasCauseInstanceOf(IOException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("third"));
    assertThat(closed).containsExactly("second");
  }

  @Test
  void everyOperation_afterClose_throwsIllegalStateWithoutCallingAPort() {
    ChannelCdn cdn = builder().build();
    cdn.close();
    ChannelId news = ChannelId.of("live-news");

    for (Runnable call : List.<Runnable>of(
        () -> cdn.saveChannel(ChannelSpec.builder().id("live-news").createDistribution(true).build()),
        () -> cdn.saveEndpoint(EndpointSpec.builder().id("e").channelId("live-news").packaging(Packaging.HLS).build()),
        () -> cdn.saveEndpoints(List.of(
            EndpointSpec.builder().id("e").channelId("live-news").packaging(Packaging.HLS).build())),
        () -> cdn.attachDistribution(news),
        () -> cdn.reconcile(news),
        () -> cdn.details(news),
        () -> cdn.awaitDeployed(news, java.time.Duration.ZERO))) {
      assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
    assertThat(channels.reads + channels.writes.size() + cloudFront.reads + cloudFront.writes.size()).isZero();
  }

  @Test
  void tryWithResources_closesTheHandedOverResource() {
    try (ChannelCdn cdn = builder().onClose(() -> closed.add("client")).build()) {
      assertThat(cdn.settings()).isNotNull();
    }

    assertThat(closed).containsExactly("client");
  }
}
