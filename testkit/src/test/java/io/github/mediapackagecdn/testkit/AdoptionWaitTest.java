package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * After {@code DistributionAlreadyExists}, the library waits for the holder's link tag to show only where the
 * lookup can lag (the tagging API's index); CloudFront's own tags show it at once, so that lookup takes no visibility
 * wait. Measured on the fake clock, which only the visibility wait moves.
 */
class AdoptionWaitTest {

  private static final Duration INDEX_LAG = Duration.ofSeconds(10);

  private final FakeAws aws = FakeAws.create();

  private ChannelCdn taggingApi() {
    return aws.channelCdn();
  }

  private ChannelCdn cloudFrontTags() {
    return aws.channelCdn(b -> b.links(aws.cloudFrontTagLinks()));
  }

  /**
   * Another instance creates the channel's distribution between this one's lookup and its CreateDistributionWithTags,
   * and its tag is not indexed yet: this one is refused with DistributionAlreadyExists and adopts it.
   */
  private Duration adoptingARaceLost(ChannelCdn cdn, ChannelCdn other) {
    aws.beforeNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS, () -> {
      aws.delayVisibility(INDEX_LAG);
      assertThat(other.saveChannel(Specs.channelWithDistribution()).cdn().action())
          .isEqualTo(CdnOutcome.Action.CREATED);
    });
    Instant start = aws.clock().instant();

    CdnOutcome outcome = cdn.saveChannel(Specs.channelWithDistribution()).cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(outcome.distributionId()).contains(Specs.onlyDistribution(aws).id());
    return Duration.between(start, aws.clock().instant());
  }

  @Test
  void adoptionAfterDistributionAlreadyExists_withCloudFrontTags_takesNoVisibilityWait() {
    assertThat(adoptingARaceLost(cloudFrontTags(), cloudFrontTags())).isZero();
  }

  @Test
  void adoptionAfterDistributionAlreadyExists_withTheTaggingApi_waitsWhileTheTagIsNotIndexed() {
    Duration waited = adoptingARaceLost(taggingApi(), taggingApi());

    assertThat(waited).isGreaterThanOrEqualTo(INDEX_LAG).isLessThan(CdnSettings.defaults().visibilityTimeout());
    assertThat(aws.calls(Operation.GET_RESOURCES).size()).isGreaterThan(2); // read again in pauses
  }

  /**
   * The link tag of the channel's distribution was removed (management ended): a save with a distribution is refused
   * with DistributionAlreadyExists for the first CallerReference, whose holder is proven not linked, and creates the
   * next generation.
   */
  private Duration creatingAfterTheLinkEnded(ChannelCdn cdn) {
    cdn.saveChannel(Specs.channelWithDistribution());
    Distribution original = Specs.onlyDistribution(aws);
    aws.distributions().untag(original.id(), CdnSettings.LINK_TAG_KEY);
    Instant start = aws.clock().instant();

    CdnOutcome outcome = cdn.saveChannel(Specs.channelWithDistribution()).cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(outcome.distributionId()).isPresent().get().isNotEqualTo(original.id());
    return Duration.between(start, aws.clock().instant());
  }

  @Test
  void nextGenerationAfterTheLinkEnded_withCloudFrontTags_takesNoVisibilityWait() {
    assertThat(creatingAfterTheLinkEnded(cloudFrontTags())).isZero();
  }

  @Test
  void nextGenerationAfterTheLinkEnded_withTheTaggingApi_waitsTheVisibilityTimeoutForTheIndex() {
    assertThat(creatingAfterTheLinkEnded(taggingApi())).isEqualTo(CdnSettings.defaults().visibilityTimeout());
  }
}
