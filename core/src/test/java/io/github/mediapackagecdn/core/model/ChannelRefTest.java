package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelRefTest {

  @Test
  void aV1Channel_isNamedByItsId_withoutGroup() {
    ChannelRef ref = ChannelId.of("live-news").ref();

    assertThat(ref).hasToString("live-news");
    assertThat(ref.group()).isEmpty();
    assertThat(ref.name()).isEqualTo("live-news");
  }

  @Test
  void aV2Channel_isNamedByItsGroupAndName() {
    ChannelRef ref = ChannelRef.of("live", "news");

    assertThat(ref).hasToString("live/news");
    assertThat(ref.group()).contains("live");
    assertThat(ref.name()).isEqualTo("news");
  }

  @Test
  void oneNameInTwoGroups_orInNoGroup_areThreeChannels() {
    assertThat(ChannelRef.of("live", "news")).isEqualTo(ChannelRef.of("live", "news"))
        .hasSameHashCodeAs(ChannelRef.of("live", "news"))
        .isNotEqualTo(ChannelRef.of("sports", "news"))
        .isNotEqualTo(ChannelId.of("news").ref());
    assertThat(ChannelId.of("news").ref()).isEqualTo(ChannelId.of("news").ref());
  }
}
