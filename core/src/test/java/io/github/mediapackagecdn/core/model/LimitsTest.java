package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LimitsTest {

  @Test
  void fittedComment_keepsA128CharacterComment_andCutsALongerOneTo128EndingInAnEllipsis() {
    assertThat(Limits.fittedComment("c".repeat(128))).isEqualTo("c".repeat(128));
    assertThat(Limits.fittedComment("c".repeat(129))).hasSize(128).isEqualTo("c".repeat(127) + "\u2026");
  }

  @Test
  void cloudFrontTagProblems_whenCloudFrontAcceptsTheTags_isEmpty() {
    assertThat(Limits.cloudFrontTagProblems(Map.of("team", "vid\u00e9o live_1 .:/=+-@", "a", ""))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"news#1", "a<b>", "50%", "semi;colon", "tab\tvalue"})
  void cloudFrontTagProblems_whenAValueHasACharacterCloudFrontRefuses_namesIt(String value) {
    assertThat(Limits.cloudFrontTagProblems(Map.of("team", value))).singleElement().asString()
        .contains("value of distribution tag 'team' has characters CloudFront refuses");
  }

  @Test
  void cloudFrontTagProblems_whenMoreThan50Tags_namesTheCount() {
    Map<String, String> tags = new HashMap<>();
    for (int i = 0; i <= Limits.MAX_TAGS; i++) {
      tags.put("k" + i, "v");
    }

    assertThat(Limits.cloudFrontTagProblems(tags)).singleElement().asString().contains("at most 50 tags");
  }

  @Test
  void cloudFrontTagProblems_whenKeyIsReservedOrTooLong_namesEachProblem() {
    assertThat(Limits.cloudFrontTagProblems(Map.of("aws:team", "v", "k".repeat(129), "v".repeat(257))))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("reserved prefix 'aws:'"))
        .anySatisfy(p -> assertThat(p).contains("must have 1 to 128 characters"))
        .anySatisfy(p -> assertThat(p).contains("more than 256 characters"));
  }

  @Test
  void maxCommentLength_isCloudFronts128() {
    assertThat(Limits.MAX_COMMENT_LENGTH).isEqualTo(128);
  }
}
