package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CloudFront's path pattern rules, on the Developer Guide's own examples ("Path pattern"). */
class WildcardsTest {

  @Test
  void star_matchesAnyRunOfCharacters_slashesIncluded_andNone() {
    assertThat(Wildcards.pathPatternMatches("*.jpg", "/logo.jpg")).isTrue();
    assertThat(Wildcards.pathPatternMatches("images/*.jpg", "/images/product1/sample.jpg")).isTrue();
    assertThat(Wildcards.pathPatternMatches("images/*.jpg", "/images/.jpg")).isTrue();
    assertThat(Wildcards.pathPatternMatches("images/*.jpg", "/other/images/a.jpg")).isFalse();
    assertThat(Wildcards.pathPatternMatches("*.doc*", "/a.docx")).isTrue();
    assertThat(Wildcards.pathPatternMatches("*", "/anything/at/all")).isTrue();
  }

  @Test
  void questionMark_matchesExactlyOneCharacter() {
    assertThat(Wildcards.pathPatternMatches("a??.jpg", "/ant.jpg")).isTrue();
    assertThat(Wildcards.pathPatternMatches("a??.jpg", "/an.jpg")).isFalse();
    assertThat(Wildcards.pathPatternMatches("*.doc?", "/a.doc")).isFalse();
  }

  @Test
  void matching_isCaseSensitive_andTheLeadingSlashIsOptional() {
    assertThat(Wildcards.pathPatternMatches("*.jpg", "/LOGO.JPG")).isFalse();
    assertThat(Wildcards.pathPatternMatches("/images/*.jpg", "/images/a.jpg")).isTrue();
    assertThat(Wildcards.pathPatternMatches("images/*.jpg", "images/a.jpg")).isTrue();
    assertThat(Wildcards.pathPatternMatches("/out/v1/live/news/hls/*", "/out/v1/live/news/hls/seg.ts")).isTrue();
  }

  @Test
  void iamActions_ignoreCase_resourcesDoNot() {
    assertThat(Wildcards.matchesIgnoringCase("MediaPackageV2:Get*", "mediapackagev2:GetHeadObject")).isTrue();
    assertThat(Wildcards.matches("arn:aws:mediapackagev2:*/originEndpoint/*", "arn:aws:mediapackagev2:us-west-2:1:"
        + "channelGroup/g/channel/c/originEndpoint/e")).isTrue();
    assertThat(Wildcards.matches("arn:aws:mediapackagev2:*/OriginEndpoint/*", "arn:aws:mediapackagev2:us-west-2:1:"
        + "channelGroup/g/channel/c/originEndpoint/e")).isFalse();
  }
}
