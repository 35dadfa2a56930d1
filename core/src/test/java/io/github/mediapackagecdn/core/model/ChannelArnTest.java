package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelArnTest {

  private static final String ARN = "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";

  @Test
  void of_whenChannelArn_parsesPartitionRegionAndAccount() {
    ChannelArn arn = ChannelArn.of(ARN);

    assertThat(arn.partition()).isEqualTo("aws");
    assertThat(arn.region()).isEqualTo("us-west-2");
    assertThat(arn.accountId()).isEqualTo("123456789012");
    assertThat(arn).hasToString(ARN);
  }

  @Test
  void of_whenChinaPartition_parsesIt() {
    ChannelArn arn = ChannelArn.of("arn:aws-cn:mediapackage:cn-north-1:123456789012:channels/abc");

    assertThat(arn.partition()).isEqualTo("aws-cn");
    assertThat(arn.region()).isEqualTo("cn-north-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "live-news",
      "arn:aws:mediapackage:us-west-2:123456789012:origin_endpoints/28d17c4b3fbf570db3c4495f35f56a14",
      "arn:aws:mediapackage:us-west-2:12345678901:channels/abc",
      "arn:aws:mediapackage-vod:us-west-2:123456789012:channels/abc",
      "arn:aws:mediapackage:us-west-2:123456789012:channels/",
      "arn:aws:mediapackage:us-west-2:123456789012:channels/has space"})
  void of_whenNotAChannelArn_throwsValidationException(String value) {
    assertThatThrownBy(() -> ChannelArn.of(value))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is not a MediaPackage channel ARN");
  }

  @Test
  void of_whenNull_throwsValidationException() {
    assertThatThrownBy(() -> ChannelArn.of(null)).isInstanceOf(ValidationException.class);
  }
}
