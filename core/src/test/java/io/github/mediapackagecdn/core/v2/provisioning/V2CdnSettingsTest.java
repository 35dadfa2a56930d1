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

  @Test
  void ttls_byDefault_honourMediaPackagesMaxAge_min0_maxAboveTheSegments14Days() {
    V2CdnSettings settings = V2CdnSettings.defaults();

    assertThat(settings.manifestMinTtlSeconds()).isZero();
    assertThat(settings.segmentMinTtlSeconds()).isZero();
    assertThat(settings.manifestDefaultTtlSeconds()).isEqualTo(1);
    assertThat(settings.segmentDefaultTtlSeconds()).isEqualTo(86_400);
    assertThat(settings.manifestMaxTtlSeconds()).isEqualTo(31_536_000L)
        .isGreaterThanOrEqualTo(V2CdnSettings.MEDIAPACKAGE_SEGMENT_MAX_AGE_SECONDS);
    assertThat(settings.segmentMaxTtlSeconds()).isEqualTo(31_536_000L)
        .isGreaterThanOrEqualTo(1_209_600L);
  }

  @Test
  void ttls_outOfCloudFrontsOrder_areRefusedWhenBuilt_everyOneNamed() {
    assertThatThrownBy(() -> V2CdnSettings.builder().manifestMinTtlSeconds(-1).segmentDefaultTtlSeconds(2)
        .segmentMaxTtlSeconds(1).build()).isInstanceOf(ValidationException.class)
        .hasMessageContaining("manifest TTLs min -1, default 1, max 31536000 s")
        .hasMessageContaining("segment TTLs min 0, default 2, max 1 s");
    assertThatThrownBy(() -> V2CdnSettings.builder().segmentMinTtlSeconds(2).segmentDefaultTtlSeconds(1).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("segment TTLs min 2, default 1");
    assertThatThrownBy(() -> V2CdnSettings.builder().manifestDefaultTtlSeconds(2).manifestMaxTtlSeconds(1).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("manifest TTLs min 0, default 2, max 1 s");
    assertThat(V2CdnSettings.builder().manifestMinTtlSeconds(1).manifestDefaultTtlSeconds(1).manifestMaxTtlSeconds(1)
        .build().manifestMaxTtlSeconds()).isEqualTo(1);
  }

  @Test
  void aChangedTtl_namesAnotherPolicy_ofItsKindOnly() {
    V2CdnSettings segments = V2CdnSettings.builder().segmentMaxTtlSeconds(1_209_600).build();
    V2CdnSettings manifests = V2CdnSettings.builder().manifestMinTtlSeconds(1).build();

    assertThat(segments.segmentCachePolicyName()).isNotEqualTo(V2CdnSettings.defaults().segmentCachePolicyName());
    assertThat(segments.manifestCachePolicyName()).isEqualTo(V2CdnSettings.defaults().manifestCachePolicyName());
    assertThat(manifests.manifestCachePolicyName()).isNotEqualTo(V2CdnSettings.defaults().manifestCachePolicyName());
    assertThat(manifests.segmentCachePolicyName()).isEqualTo(V2CdnSettings.defaults().segmentCachePolicyName());
  }

  @Test
  void responseHeadersPolicyId_noneByDefault_aBlankOneRefused_andItRenamesNoCachePolicy() {
    V2CdnSettings cors = V2CdnSettings.builder()
        .responseHeadersPolicyId(V2CdnSettings.MANAGED_CORS_AND_SECURITY_HEADERS_POLICY_ID).build();

    assertThat(V2CdnSettings.defaults().responseHeadersPolicyId()).isEmpty();
    assertThat(cors.manifestCachePolicyName()).isEqualTo(V2CdnSettings.defaults().manifestCachePolicyName());
    assertThatThrownBy(() -> V2CdnSettings.builder().responseHeadersPolicyId(" ").build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("response headers policy id ' '");
  }
}
