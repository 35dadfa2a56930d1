package io.github.mediapackagecdn.core.v2.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class V2CdnSettingsTest {

  @Test
  void defaults_sendNoTimeoutAndNoOriginShield() {
    V2CdnSettings settings = V2CdnSettings.defaults();

    assertThat(settings.segmentDurationSeconds()).isEmpty();
    assertThat(settings.connectionTimeoutSeconds()).isEmpty();
    assertThat(settings.readTimeoutSeconds()).isEmpty();
    assertThat(settings.keepAliveTimeoutSeconds()).isEmpty();
    assertThat(settings.responseCompletionTimeoutSeconds()).isEmpty();
    assertThat(settings.originShieldRegion()).isEmpty();
  }

  @Test
  void timeouts_derivedFromTheSegmentDuration_halfRoundedUp_keepAliveOneSecondMore() {
    V2CdnSettings six = V2CdnSettings.builder().segmentDurationSeconds(6).build();
    V2CdnSettings seven = V2CdnSettings.builder().segmentDurationSeconds(7).build();

    assertThat(six.connectionTimeoutSeconds()).contains(3);
    assertThat(six.readTimeoutSeconds()).contains(3);
    assertThat(six.keepAliveTimeoutSeconds()).contains(7);
    assertThat(seven.connectionTimeoutSeconds()).contains(4);
    assertThat(seven.readTimeoutSeconds()).contains(4);
    assertThat(seven.keepAliveTimeoutSeconds()).contains(8);
  }

  @Test
  void segmentDuration_from1To20Seconds_theConnectionTimeoutAtMost10() {
    assertThat(V2CdnSettings.builder().segmentDurationSeconds(1).build().connectionTimeoutSeconds()).contains(1);
    assertThat(V2CdnSettings.builder().segmentDurationSeconds(20).build().connectionTimeoutSeconds()).contains(10);
    assertThatThrownBy(() -> V2CdnSettings.builder().segmentDurationSeconds(21).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("segment duration 21 s");
    assertThatThrownBy(() -> V2CdnSettings.builder().segmentDurationSeconds(0).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("segment duration 0 s");
  }

  @Test
  void responseCompletionTimeout_atLeastTheReadTimeout_derivedOrCloudFrontsDefault() {
    assertThat(V2CdnSettings.builder().segmentDurationSeconds(6).responseCompletionTimeoutSeconds(3).build()
        .responseCompletionTimeoutSeconds()).contains(3);
    assertThatThrownBy(() -> V2CdnSettings.builder().segmentDurationSeconds(6).responseCompletionTimeoutSeconds(2)
        .build()).isInstanceOf(ValidationException.class).hasMessageContaining("at least the read timeout, 3 s");
    assertThat(V2CdnSettings.builder().responseCompletionTimeoutSeconds(30).build()
        .responseCompletionTimeoutSeconds()).contains(30);
    assertThatThrownBy(() -> V2CdnSettings.builder().responseCompletionTimeoutSeconds(29).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("at least the read timeout, 30 s");
  }

  @Test
  void originShieldRegion_isARegionCode() {
    assertThat(V2CdnSettings.builder().originShieldRegion("us-west-2").build().originShieldRegion())
        .contains("us-west-2");
    assertThatThrownBy(() -> V2CdnSettings.builder().originShieldRegion("US West (Oregon)").build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("Origin Shield Region 'US West (Oregon)'");
  }

  @Test
  void everyProblemAtOnce() {
    assertThatThrownBy(() -> V2CdnSettings.builder().segmentDurationSeconds(30).originShieldRegion("x").build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("segment duration 30 s")
        .hasMessageContaining("Origin Shield Region 'x'");
  }

  @Test
  void originSettings_doNotRenameTheCachePolicies() {
    V2CdnSettings withOrigin = V2CdnSettings.builder().segmentDurationSeconds(6).originShieldRegion("us-west-2")
        .build();

    assertThat(withOrigin.manifestCachePolicyName()).isEqualTo(V2CdnSettings.defaults().manifestCachePolicyName());
  }
}
