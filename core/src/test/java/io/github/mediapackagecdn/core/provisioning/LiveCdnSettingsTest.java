package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChannelId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveCdnSettingsTest {

  @Test
  void defaults_whenUnset_followCloudFrontsGuideForMediaPackage() {
    LiveCdnSettings layout = LiveCdnSettings.defaults();
    CdnSettings settings = CdnSettings.defaults();

    assertThat(layout.cachePolicyId()).isEqualTo("08627262-05a9-4f76-9ded-b50ca2e3a84f");
    assertThat(layout.originRequestPolicyId()).isEmpty();
    assertThat(settings.priceClass()).isEqualTo("PriceClass_All");
    assertThat(settings.httpVersion()).isEqualTo("http2");
    assertThat(settings.ipv6Enabled()).isTrue();
    assertThat(settings.originSslProtocols()).containsExactly("TLSv1.2");
    assertThat(settings.errorCachingMinTtlSeconds()).isEqualTo(1);
    assertThat(settings.linkTagKey()).isEqualTo("mediapackage:cloudfront_assoc");
    assertThat(layout.placeholderOriginId()).isEqualTo("TEMP_ORIGIN_ID/channel");
    assertThat(layout.placeholderOriginDomain()).isEqualTo("mediapackage.amazonaws.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PriceClass_50", "priceclass_all", "", "All"})
  void build_whenPriceClassIsUnknown_throwsValidationException(String priceClass) {
    assertThatThrownBy(() -> CdnSettings.builder().priceClass(priceClass).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("price class '" + priceClass + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PriceClass_100", "PriceClass_200", "PriceClass_All", "None"})
  void build_whenPriceClassIsCloudFronts_accepts(String priceClass) {
    assertThat(CdnSettings.builder().priceClass(priceClass).build().priceClass()).isEqualTo(priceClass);
  }

  @Test
  void channelTag_byDefault_isTheLibrarysOwnKeyAndAssumesDescribeChannelShowsItAtOnce() {
    CdnSettings settings = CdnSettings.defaults();

    assertThat(settings.channelTagKey()).isEqualTo("mediapackage-cdn:distribution").isNotEqualTo(settings.linkTagKey());
    assertThat(settings.channelTagsReadAfterWrite()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "aws:distribution"})
  void build_whenChannelTagKeyIsEmptyOrReserved_throwsValidationException(String key) {
    assertThatThrownBy(() -> CdnSettings.builder().channelTagKey(key).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("channel tag key");
  }

  @Test
  void build_whenOriginTlsListIsEmpty_throwsValidationException() {
    assertThatThrownBy(() -> CdnSettings.builder().originSslProtocols(List.of()).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("origin TLS protocols [] must be a non-empty subset");
  }

  @Test
  void build_whenOriginTlsListHasAnUnknownProtocol_throwsValidationException() {
    assertThatThrownBy(() -> CdnSettings.builder().originSslProtocols(List.of("TLSv1.2", "TLSv1.3")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("TLSv1.3");
  }

  @Test
  void build_whenSeveralSettingsAreWrong_reportsEveryProblemInOneException() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> CdnSettings.builder()
        .priceClass("PriceClass_50")
        .httpVersion("http4")
        .originSslProtocols(List.of())
        .errorCachingMinTtlSeconds(-1)
        .errorCachingCodes(List.of(404, 302))
        .commentFormat("no placeholder")
        .maxUpdateAttempts(0)
        .build());

    assertThat(e.problems()).hasSize(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Live %s", "%s", "MediaPackage live channel %s (managed)"})
  void build_whenCommentFormatHasOnePlaceholder_producesTheComment(String format) {
    CdnSettings settings = CdnSettings.builder().commentFormat(format).build();

    assertThat(DistributionLayout.defaultComment(ChannelId.of("live-news"), settings))
        .isEqualTo(format.replace("%s", "live-news"));
  }

  /**
   * A comment format passes validation as soon as it contains {@code %s}, but {@link String#format} rejects any other
   * {@code %} in it: the error only surfaces when a channel is saved, as a {@link java.util.IllegalFormatException}
   * that is no {@link io.github.mediapackagecdn.core.error.ProvisioningException}.
   */
  @ParameterizedTest
  @ValueSource(strings = {"100% live %s", "Live %s %d", "Live %s %s"})
  void build_whenCommentFormatIsNotAValidOneArgumentFormat_throwsValidationException(String format) {
    assertThatThrownBy(() -> CdnSettings.builder().commentFormat(format).build())
        .isInstanceOf(ValidationException.class);
  }
}
