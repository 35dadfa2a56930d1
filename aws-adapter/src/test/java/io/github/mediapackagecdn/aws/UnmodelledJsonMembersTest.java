package io.github.mediapackagecdn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.mediapackagev2.model.GetHlsManifestConfiguration;
import software.amazon.awssdk.services.mediapackagev2.model.GetOriginEndpointResponse;
import software.amazon.awssdk.services.mediapackagev2.model.Segment;

/** {@link UnmodelledJsonMembers}: what a rest-json body holds that the parsed SDK object does not. */
class UnmodelledJsonMembersTest {

  private static List<String> of(String json, GetOriginEndpointResponse parsed) {
    return UnmodelledJsonMembers.of(json.getBytes(StandardCharsets.UTF_8), parsed);
  }

  private static final GetOriginEndpointResponse PARSED = GetOriginEndpointResponse.builder()
      .containerType("CMAF")
      .segment(Segment.builder().segmentDurationSeconds(6).segmentName("seg").build())
      .createdAt(Instant.ofEpochSecond(1_767_225_600L, 500_000_000))
      .hlsManifests(GetHlsManifestConfiguration.builder().manifestName("index").url("https://x/index.m3u8").build())
      .tags(Map.of("team", "news"))
      .build();

  @Test
  void aBodyTheSdkHoldsWhole_hasNothingUnmodelled() {
    assertThat(of("""
        {"ContainerType":"CMAF","Segment":{"SegmentDurationSeconds":6.0,"SegmentName":"seg"},
         "CreatedAt":1.7672256005E9,"HlsManifests":[{"ManifestName":"index","Url":"https://x/index.m3u8"}],
         "Tags":{"team":"news"},"Description":null}
        """, PARSED)).isEmpty();
  }

  @Test
  void membersAndValuesTheSdkDidNotKeep_areNamedByPath_inBodyOrder() {
    assertThat(of("""
        {"UriSeparator":"HYPHEN","ContainerType":"TS","Segment":{"SegmentName":"seg","Scte":{"CustomAdTypes":[]}},
         "HlsManifests":[{"ManifestName":"index","UriPathType":"ROOT"},{"ManifestName":"second"}],
         "Tags":{"team":"news","owner":"ops"},"CreatedAt":"2026-01-01T00:00:00.5Z"}
        """, PARSED)).containsExactly("UriSeparator", "ContainerType", "Segment/Scte", "HlsManifests[1]/UriPathType",
        "HlsManifests[2]", "Tags/owner");
  }

  @Test
  void unicodeEscapesAndNesting_areRead() {
    assertThat(of("{\"ContainerType\":\"CM\\u0041F\",\"Extra\":[[{\"a\":[true,false,null,-1.5e3]}]]}", PARSED))
        .containsExactly("Extra");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "{", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":01}", "{\"a\":\"x}", "{\"a\":tru}",
      "{\"a\":1,\"a\":2}", "{\"a\":1} x", "{\"a\":\"\\q\"}"})
  void aBodyThatIsNotAJsonObject_isRefused(String body) {
    assertThatThrownBy(() -> of(body, PARSED)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nestingBeyondTheBound_isRefused() {
    String deep = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";

    assertThatThrownBy(() -> of(deep, PARSED)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nesting");
  }
}
