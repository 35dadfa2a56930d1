package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine's link rules, each defined once, on v1's channels: the channel tag's parse, the link tag's check, the
 * ambiguity check.
 */
class LinkTagsTest {

  private static final DistributionId ID = DistributionId.of("E1U5RQF7T870K0");
  private static final DistributionId OTHER = DistributionId.of("E2QWRUHAPOMQZL");

  private final RecordingDistributions cloudFront = new RecordingDistributions();
  private final LinkTags<Channel> linkTags = new LinkTags<>(ChannelCdn.taggedChannels(new RecordingChannels()),
      cloudFront, CdnSettings.LINK_TAG_KEY, CdnSettings.CHANNEL_TAG_KEY);

  private static Channel tagged(String value) {
    return Channel.builder().from(Fixtures.CHANNEL).putTags(CdnSettings.CHANNEL_TAG_KEY, value).build();
  }

  @Test
  void channelTag_parsesTheMarkerAnIdOrNothing() {
    assertThat(linkTags.channelTag(tagged(CdnSettings.CHANNEL_TAG_REQUESTED)))
        .isEqualTo(new LinkTags.ChannelTag(true, Optional.empty()));
    assertThat(linkTags.channelTag(tagged(ID.value()))).isEqualTo(new LinkTags.ChannelTag(false,
        Optional.of(ID)));
    assertThat(linkTags.channelTag(tagged("not an id")).recorded()).isEmpty();
    assertThat(linkTags.channelTag(Fixtures.CHANNEL)).isEqualTo(new LinkTags.ChannelTag(false,
        Optional.empty()));
  }

  @Test
  void namesChannel_readsTheDistributionsOwnTagAndSaysNoForADeletedOne() {
    DistributionId linked = cloudFront.seed(DistributionLayout.newDistribution(Fixtures.CHANNEL_ID, "ref",
        CdnSettings.defaults(),
        LiveCdnSettings.defaults()), Map.of(CdnSettings.LINK_TAG_KEY, linkTags.linkValue(Fixtures.CHANNEL)));
    DistributionId elsewhere = cloudFront.seed(DistributionLayout.newDistribution(Fixtures.CHANNEL_ID, "ref-2",
        CdnSettings.defaults(),
        LiveCdnSettings.defaults()), Map.of(CdnSettings.LINK_TAG_KEY, "arn:aws:mediapackage:other"));

    assertThat(linkTags.namesChannel(linked, Fixtures.CHANNEL)).isTrue();
    assertThat(linkTags.namesChannel(elsewhere, Fixtures.CHANNEL)).isFalse();
    assertThat(linkTags.namesChannel(ID, Fixtures.CHANNEL)).isFalse();
    assertThat(linkTags.indexed(Fixtures.CHANNEL)).containsExactly(linked);
  }

  @Test
  void atMostOne_whenTwoAreLinked_throwsAmbiguousLinkWithTheAdvice() {
    assertThat(linkTags.atMostOne(Fixtures.CHANNEL, List.of(ID), LinkTags.ON_SAVE)).contains(ID);
    assertThat(linkTags.atMostOne(Fixtures.CHANNEL, List.of(), LinkTags.ON_SAVE)).isEmpty();
    assertThatThrownBy(() -> linkTags.atMostOne(Fixtures.CHANNEL, List.of(ID, OTHER), LinkTags.ON_TEARDOWN))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.AMBIGUOUS_LINK))
        .hasMessageContaining(ID.value()).hasMessageContaining(OTHER.value())
        .hasMessageContaining("nothing was deleted").hasMessageContaining(Fixtures.CHANNEL_ID.value());
  }
}
