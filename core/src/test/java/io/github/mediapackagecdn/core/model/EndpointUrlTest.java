package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointUrlTest {

  private static final String EGRESS =
      "https://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8";

  @Test
  void of_whenLiveEgressUrl_acceptsAndExposesItsHost() {
    EndpointUrl url = EndpointUrl.of(EGRESS);

    assertThat(url.value()).isEqualTo(EGRESS);
    assertThat(url).hasToString(EGRESS);
    assertThat(url.host()).isEqualTo("8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com");
  }

  @Test
  void of_whenIngestUrl_throwsValidationExceptionNamingIngest() {
    String ingest = "https://abc.mediapackage.us-west-2.amazonaws.com/in/v2/"
        + "4dc2a7f1a30b4e48a6d6c2f4b3a3e5f1/9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e/channel";

    assertThatThrownBy(() -> EndpointUrl.of(ingest))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is an ingest URL");
  }

  @Test
  void of_whenVodUrl_throwsValidationExceptionNamingVod() {
    assertThatThrownBy(() -> EndpointUrl.of(
            "https://abc.egress.mediapackage-vod.us-west-2.amazonaws.com/out/v1/a/b/c/index.m3u8"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MediaPackage VOD URL");
  }

  @Test
  void of_whenHttpUrl_throwsValidationExceptionAskingForHttps() {
    assertThatThrownBy(() -> EndpointUrl.of(EGRESS.replace("https://", "http://")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be an absolute https URL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "index.m3u8", "https://", "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8"})
  void of_whenNotAnAbsoluteUrl_throwsValidationException(String value) {
    assertThatThrownBy(() -> EndpointUrl.of(value)).isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com/",
      "https://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com/out/v1/",
      "https://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com/v1/abc/index.m3u8"})
  void of_whenPathIsNotOutV1_throwsValidationException(String value) {
    assertThatThrownBy(() -> EndpointUrl.of(value))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is not a live endpoint's egress URL");
  }

  @Test
  void of_whenNullOrBlank_throwsValidationException() {
    assertThatThrownBy(() -> EndpointUrl.of(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("endpoint URL is empty");
    assertThatThrownBy(() -> EndpointUrl.of(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("endpoint URL is empty");
  }

  @Test
  void withHost_whenUrlHasAQuery_replacesOnlyTheHost() {
    EndpointUrl url = EndpointUrl.of(EGRESS + "?aws.manifestfilter=video_height:1-720");

    assertThat(url.withHost("d111111abcdef8.cloudfront.net")).isEqualTo(
        "https://d111111abcdef8.cloudfront.net/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8"
            + "?aws.manifestfilter=video_height:1-720");
  }
}
