package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionIdTest {

  @Test
  void of_whenCloudFrontId_keepsIt() {
    assertThat(DistributionId.of("E1U5RQF7T870K0")).hasToString("E1U5RQF7T870K0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"e1u5rqf7t870k0", "E1U5rqf7T870K0", "", "E1U5-RQF7", "E1U5 RQF7"})
  void of_whenNotUpperCaseLettersAndDigits_throwsValidationException(String value) {
    assertThatThrownBy(() -> DistributionId.of(value))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is not a CloudFront distribution id");
  }

  @Test
  void of_whenNull_throwsValidationException() {
    assertThatThrownBy(() -> DistributionId.of(null)).isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"E1U5RQF7T870K0", "A", "E2QWRUHAPOMQZL"})
  void isValid_whenUpperCaseLettersAndDigits_isTrue(String value) {
    assertThat(DistributionId.isValid(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"e1u5rqf7t870k0", "", "E1U5-RQF7", "E1U5 RQF7"})
  void isValid_whenNotADistributionId_isFalseAsOfRefusesIt(String value) {
    assertThat(DistributionId.isValid(value)).isFalse();
    assertThatThrownBy(() -> DistributionId.of(value)).isInstanceOf(ValidationException.class);
  }

  @Test
  void isValid_whenNullOrLongerThan64_isFalse() {
    assertThat(DistributionId.isValid(null)).isFalse();
    assertThat(DistributionId.isValid("E".repeat(65))).isFalse();
    assertThat(DistributionId.isValid("E".repeat(64))).isTrue();
  }
}
