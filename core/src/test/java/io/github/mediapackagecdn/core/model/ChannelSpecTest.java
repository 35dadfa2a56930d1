package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelSpecTest {

  @Test
  void build_whenEveryFieldIsWrong_reportsEveryProblemInOneException() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> ChannelSpec.builder()
        .id("has space")
        .description("d".repeat(1025))
        .distributionComment("c".repeat(129))
        .putDistributionTags("team", "news#1!")
        .build());

    assertThat(e.problems()).hasSize(4);
    assertThat(e.problems().get(0)).contains("channel id").contains("has space");
    assertThat(e.problems().get(1)).contains("description").contains("1025");
    assertThat(e.problems().get(2)).contains("distribution comment").contains("129");
    assertThat(e.problems().get(3)).contains("value of distribution tag 'team'").contains("CloudFront refuses");
    assertThat(e).hasMessageStartingWith("4 problems: ");
  }

  @Test
  void build_whenValid_keepsValuesAndDefaultsToNoDistribution() {
    ChannelSpec spec = ChannelSpec.builder()
        .id("live-news")
        .description("d".repeat(1024))
        .distributionComment("c".repeat(128))
        .putTags("team", "news")
        .build();

    assertThat(spec.channelId()).isEqualTo(ChannelId.of("live-news"));
    assertThat(spec.createDistribution()).isFalse();
    assertThat(spec.description()).hasValue("d".repeat(1024));
    assertThat(spec.distributionComment()).hasValue("c".repeat(128));
    assertThat(spec.tags()).containsExactly(Map.entry("team", "news"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"news", "Équipe Nouvelles", "a_b.c:d/e=f+g-h@i", "42", ""})
  void build_whenDistributionTagValueIsInCloudFrontCharset_accepts(String value) {
    ChannelSpec spec = ChannelSpec.builder().id("live-news").putDistributionTags("team", value).build();

    assertThat(spec.distributionTags()).containsEntry("team", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"news#1", "hello!", "a;b", "<b>", "50%"})
  void build_whenDistributionTagValueIsOutsideCloudFrontCharset_throwsValidationException(String value) {
    assertThatThrownBy(() -> ChannelSpec.builder().id("live-news").putDistributionTags("team", value).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("CloudFront refuses");
  }

  @Test
  void build_whenDistributionTagKeyUsesAwsPrefix_throwsValidationException() {
    assertThatThrownBy(() -> ChannelSpec.builder().id("live-news").putDistributionTags("aws:owner", "me").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("reserved prefix 'aws:'");
  }

  @Test
  void build_whenChannelTagKeyUsesAwsPrefix_throwsValidationException() {
    assertThatThrownBy(() -> ChannelSpec.builder().id("live-news").putTags("aws:owner", "me").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("reserved prefix 'aws:'");
  }

  @Test
  void build_whenFiftyTagsAndADistribution_keepsOneTagForTheLibrarysRecordOfIt() {
    Map<String, String> fifty = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      fifty.put("k" + i, "v");
    }
    Map<String, String> fortyNine = new java.util.LinkedHashMap<>(fifty);
    fortyNine.remove("k0");

    assertThat(ChannelSpec.builder().id("live-news").tags(fifty).build().tags()).hasSize(50);
    assertThat(ChannelSpec.builder().id("live-news").tags(fortyNine).createDistribution(true).build().tags())
        .hasSize(49);
    assertThatThrownBy(() -> ChannelSpec.builder().id("live-news").tags(fifty).createDistribution(true).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 49 tags of its own");
  }

  @Test
  void build_whenIdIsMissing_throwsValidationException() {
    assertThatThrownBy(() -> ChannelSpec.builder().description("no id").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("id");
  }

  private static Map<String, String> distributionTags(int count) {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      tags.put("tag-" + i, "v" + i);
    }
    return tags;
  }

  @Test
  void build_whenDistributionTagsAndTheLinkTagMakeFifty_accepts() {
    ChannelSpec spec = ChannelSpec.builder().id("live-news").distributionTags(distributionTags(49)).build();

    assertThat(spec.distributionTags()).hasSize(49);
  }

  @Test
  void build_whenFiftyDistributionTags_leavesTheirCountToTheSave() {
    // CloudFront allows 50 tags on a distribution by default, the link tag included, but the quota can be raised:
    // the save checks the count against CdnSettings.cloudFrontQuotas(), before any call
    ChannelSpec spec = ChannelSpec.builder().id("live-news").distributionTags(distributionTags(50)).build();

    assertThat(spec.distributionTags()).hasSize(50);
  }
}
