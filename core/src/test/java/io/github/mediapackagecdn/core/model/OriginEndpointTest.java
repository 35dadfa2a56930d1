package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OriginEndpointTest {

  private static final String HOST = "8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com";

  private static OriginEndpoint.Builder endpoint(Packaging packaging) {
    return OriginEndpoint.builder()
        .id(OriginEndpointId.of("live-news-" + packaging.name().toLowerCase(Locale.ROOT)))
        .channelId(ChannelId.of("live-news"))
        .packaging(packaging);
  }

  @Test
  void build_whenNonCmafEndpointHasNoUrl_throwsValidationException() {
    assertThatThrownBy(() -> endpoint(Packaging.HLS).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must have exactly one URL, not 0");
  }

  @Test
  void build_whenCmafEndpointHasNoUrl_acceptsAndHasNoHost() {
    OriginEndpoint cmaf = endpoint(Packaging.CMAF).build();

    assertThat(cmaf.urls()).isEmpty();
    assertThat(cmaf.host()).isEmpty();
  }

  @Test
  void build_whenUrlsUseTwoHosts_throwsValidationException() {
    assertThatThrownBy(() -> endpoint(Packaging.CMAF)
            .addUrls(EndpointUrl.of("https://" + HOST + "/out/v1/869e237f851549e9bcf10e3bc2830839/a/index.m3u8"))
            .addUrls(EndpointUrl.of("https://3ae97e9482b0d011.mediapackage.us-west-2.amazonaws.com"
                + "/out/v1/869e237f851549e9bcf10e3bc2830839/b/index.m3u8"))
            .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("use more than one host");
  }

  @Test
  void host_whenEndpointHasAUrl_isTheUrlsHost() {
    OriginEndpoint hls = endpoint(Packaging.HLS)
        .addUrls(EndpointUrl.of("https://" + HOST + "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8"))
        .build();

    assertThat(hls.host()).hasValue(HOST);
    assertThat(hls.manifestName()).isEqualTo("index");
  }
}
