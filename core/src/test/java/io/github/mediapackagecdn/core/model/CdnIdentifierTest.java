package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CdnIdentifierTest {

  private static final String SECRET = "9c1e6a34-5b1f-4d7e-9a55-3f8f0e1d2c3b";

  @Test
  void toString_whenPrinted_isRedacted() {
    CdnIdentifier identifier = CdnIdentifier.of(SECRET);

    assertThat(identifier.toString()).isEqualTo("CdnIdentifier{****}").doesNotContain(SECRET);
    assertThat(String.valueOf(List.of(identifier))).doesNotContain(SECRET);
  }

  @Test
  void reveal_whenAsked_answersTheSecret() {
    assertThat(CdnIdentifier.of(SECRET).reveal()).isEqualTo(SECRET);
  }

  @Test
  void equals_whenSameValue_isEqual() {
    assertThat(CdnIdentifier.of(SECRET))
        .isEqualTo(CdnIdentifier.of(SECRET))
        .hasSameHashCodeAs(CdnIdentifier.of(SECRET))
        .isNotEqualTo(CdnIdentifier.of(SECRET.toUpperCase(Locale.ROOT)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1234567", "secret\nvalue", "tab\tin-it"})
  void of_whenTooShortOrHasControlCharacters_throwsWithoutEchoingTheValue(String value) {
    assertThatThrownBy(() -> CdnIdentifier.of(value))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("8 to 256 printable characters")
        .satisfies(e -> {
          if (!value.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(value);
          }
        });
  }

  @Test
  void of_acceptsV2sLengths_8To256_andTellsWhetherV1AcceptsIt() {
    assertThatThrownBy(() -> CdnIdentifier.of("x".repeat(257))).isInstanceOf(ValidationException.class);
    assertThat(CdnIdentifier.of("x".repeat(256)).reveal()).hasSize(256);
    assertThat(CdnIdentifier.of("x".repeat(8)).reveal()).hasSize(8);
    assertThat(CdnIdentifier.of("x".repeat(129)).fitsMediaPackageV1()).isFalse();
    assertThat(CdnIdentifier.of("x".repeat(128)).fitsMediaPackageV1()).isTrue();
  }

  @Test
  void of_whenNull_throwsValidationException() {
    assertThatThrownBy(() -> CdnIdentifier.of(null)).isInstanceOf(ValidationException.class);
  }
}
