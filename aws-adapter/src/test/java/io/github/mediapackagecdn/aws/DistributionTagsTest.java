package io.github.mediapackagecdn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.DistributionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionTagsTest {

  @Test
  void idFromArn_whenADistributionArn_returnsItsId() {
    assertThat(DistributionTags.idFromArn("arn:aws:cloudfront::123456789012:distribution/E1U5RQF7T870K0"))
        .contains(DistributionId.of("E1U5RQF7T870K0"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "E1U5RQF7T870K0",
      "urn:aws:cloudfront::123456789012:distribution/E1U5RQF7T870K0",
      "arn:aws:cloudfront::123456789012:streaming-distribution/E1U5RQF7T870K0",
      "arn:aws:cloudfront::123456789012:distribution/e1u5rqf7t870k0",
      "arn:aws:cloudfront::123456789012:distribution/"})
  void idFromArn_whenNotADistributionArn_isEmpty(String arn) {
    assertThat(DistributionTags.idFromArn(arn)).isEmpty();
  }
}
