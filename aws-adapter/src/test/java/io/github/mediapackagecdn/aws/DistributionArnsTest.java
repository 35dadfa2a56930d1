package io.github.mediapackagecdn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.DistributionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionArnsTest {

  private final DistributionArns arns = new DistributionArns();

  @Test
  void of_beforeAnyArnWasRead_isEmpty() {
    assertThat(arns.of(DistributionId.of("E1U5RQF7T870K0"))).isEmpty();
  }

  @Test
  void of_afterOneArnWasRead_givesEveryDistributionOfTheAccount() {
    arns.learn("arn:aws-cn:cloudfront::123456789012:distribution/E1U5RQF7T870K0");

    assertThat(arns.of(DistributionId.of("EBBBBBBBBBBBB2")))
        .contains("arn:aws-cn:cloudfront::123456789012:distribution/EBBBBBBBBBBBB2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"E1U5RQF7T870K0", "arn:aws:cloudfront::123456789012:streaming-distribution/E1U5RQF7T870K0",
      "arn:aws:cloudfront::123456789012:distribution/"})
  void learn_whenNotADistributionArn_learnsNothing(String arn) {
    arns.learn(arn);

    assertThat(arns.of(DistributionId.of("E1U5RQF7T870K0"))).isEmpty();
  }
}
