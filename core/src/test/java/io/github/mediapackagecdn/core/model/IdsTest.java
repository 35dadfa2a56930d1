package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MediaPackage's id rule, shared by {@link ChannelId} and {@link OriginEndpointId}: letters, digits, '_', '-', 1..256. */
class IdsTest {

  static Stream<String> invalidIds() {
    return Stream.of("", "has space", "canal-é", "a/b", "dot.id", "tab\tid", "x".repeat(257));
  }

  static Stream<String> validIds() {
    return Stream.of("a", "live-news", "Live_News-2024", "0123456789", "x".repeat(256));
  }

  @ParameterizedTest
  @MethodSource("invalidIds")
  void channelIdOf_whenValueBreaksTheIdRule_throwsValidationExceptionNamingChannelId(String value) {
    assertThatThrownBy(() -> ChannelId.of(value))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems(), list(String.class))
        .singleElement()
        .asString()
        .startsWith("channel id");
  }

  @ParameterizedTest
  @MethodSource("invalidIds")
  void originEndpointIdOf_whenValueBreaksTheIdRule_throwsValidationExceptionNamingEndpointId(String value) {
    assertThatThrownBy(() -> OriginEndpointId.of(value))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems(), list(String.class))
        .singleElement()
        .asString()
        .startsWith("endpoint id");
  }

  @ParameterizedTest
  @MethodSource("validIds")
  void channelIdOf_whenValueFollowsTheIdRule_keepsTheValue(String value) {
    ChannelId id = ChannelId.of(value);

    assertThat(id.value()).isEqualTo(value);
    assertThat(id).hasToString(value).isEqualTo(ChannelId.of(value));
  }

  @ParameterizedTest
  @MethodSource("validIds")
  void originEndpointIdOf_whenValueFollowsTheIdRule_keepsTheValue(String value) {
    OriginEndpointId id = OriginEndpointId.of(value);

    assertThat(id.value()).isEqualTo(value);
    assertThat(id).hasToString(value).isEqualTo(OriginEndpointId.of(value));
  }

  @Test
  void channelIdOf_when257Characters_reportsTheLengthLimit() {
    assertThatThrownBy(() -> ChannelId.of("x".repeat(257)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("257 characters")
        .hasMessageContaining("256");
  }

  @Test
  void channelIdOf_whenNull_throwsValidationException() {
    assertThatThrownBy(() -> ChannelId.of(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> OriginEndpointId.of(null)).isInstanceOf(ValidationException.class);
  }
}
