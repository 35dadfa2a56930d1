package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's rules by which a channel's distribution is found without waiting for the tag index, and what "none"
 * means, on v1's channels ({@link ChannelCdn#taggedChannels}).
 */
class DistributionResolverTest {

  private static final ChannelId NEWS = ChannelId.of("live-news");
  private static final String LINK_TAG = CdnSettings.LINK_TAG_KEY;
  private static final String CHANNEL_TAG = CdnSettings.CHANNEL_TAG_KEY;

  private RecordingChannels channels;
  private RecordingDistributions cloudFront;
  private DistributionResolver<Channel> resolver;
  private Channel news;

  @BeforeEach
  void setUp() {
    channels = new RecordingChannels();
    cloudFront = new RecordingDistributions();
    resolver = resolver(cloudFront, CdnSettings.defaults());
    news = channels.put(NEWS);
  }

  private DistributionResolver<Channel> resolver(DistributionLinks links, CdnSettings settings) {
    return new DistributionResolver<>(new LinkTags<>(ChannelCdn.taggedChannels(channels), links, settings.linkTagKey(),
        settings.channelTagKey()), settings.channelTagsReadAfterWrite(), settings.visibilityTimeout());
  }

  private DistributionId linkedDistribution() {
    return cloudFront.seed(DistributionLayout.newDistribution(NEWS, "ref", CdnSettings.defaults(),
        LiveCdnSettings.defaults()),
        Map.of(LINK_TAG, news.arn().value()));
  }

  private Channel tagged(String value) {
    return Channel.builder().from(news).putTags(CHANNEL_TAG, value).build();
  }

  @Test
  void resolve_whenTheChannelTagNamesALinkedDistribution_findsItAlthoughTheTagIndexShowsNothing() {
    DistributionId id = linkedDistribution();
    cloudFront.hideLinksForNextLookups(1);

    DistributionResolver.Resolution found = resolver.resolve(tagged(id.value()));

    assertThat(found.id()).contains(id);
    assertThat(found.needsRecording()).isFalse();
    assertThat(cloudFront.reads).as("ListTagsForResource, then the tag index").isEqualTo(2);
  }

  @Test
  void resolve_whenTheRecordedDistributionsLinkTagWasChanged_doesNotUseIt() {
    DistributionId id = linkedDistribution();
    cloudFront.tags.put(id, Map.of(LINK_TAG, "arn:aws:mediapackage:us-west-2:123456789012:channels/other"));

    DistributionResolver.Resolution found = resolver.resolve(tagged(id.value()));

    assertThat(found.id()).isEmpty();
    assertThat(found.none().action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
  }

  @Test
  void resolve_whenTheTagIndexStillShowsTheRecordedDistributionAfterItsLinkEnded_believesCloudFrontsOwnTag() {
    DistributionId id = linkedDistribution();
    DistributionLinks staleIndex = new DistributionLinks() {
      @Override
      public List<DistributionId> find(String tagKey, String channelArn) {
        return List.of(id); // indexed before the user removed the tag
      }

      @Override
      public Map<String, List<DistributionId>> all(String tagKey) {
        return Map.of();
      }

      @Override
      public Optional<String> tagValue(DistributionId distribution, String tagKey) {
        return Optional.empty();
      }
    };

    DistributionResolver.Resolution found = resolver(staleIndex, CdnSettings.defaults())
        .resolve(tagged(id.value()));

    assertThat(found.id()).isEmpty();
    assertThat(found.none().action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
  }

  @Test
  void resolve_whenTheRecordedDistributionIsGone_doesNotUseIt() {
    DistributionLinks deleted = new DistributionLinks() {
      @Override
      public List<DistributionId> find(String tagKey, String channelArn) {
        return List.of();
      }

      @Override
      public Map<String, List<DistributionId>> all(String tagKey) {
        return Map.of();
      }

      @Override
      public Optional<String> tagValue(DistributionId distribution, String tagKey) {
        throw new ResourceNotFoundException("NoSuchResource", distribution.value());
      }
    };

    DistributionResolver.Resolution found = resolver(deleted, CdnSettings.defaults())
        .resolve(tagged("E2QWRUHAPOMQZL"));

    assertThat(found.none().action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
  }

  @Test
  void resolve_whenTheRecordedLinkEndedAndAnotherDistributionIsTaggedForTheChannel_findsThatOneToRecord() {
    DistributionId old = linkedDistribution();
    cloudFront.tags.put(old, Map.of());
    DistributionId handTagged = linkedDistribution();

    DistributionResolver.Resolution found = resolver.resolve(tagged(old.value()));

    assertThat(found.id()).contains(handTagged);
    assertThat(found.needsRecording()).isTrue();
  }

  @Test
  void resolve_whenTheRecordedAndAnIndexedDistributionDiffer_refusesTheAmbiguousLink() {
    DistributionId recorded = linkedDistribution();
    linkedDistribution();

    assertThatThrownBy(() -> resolver.resolve(tagged(recorded.value())))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.AMBIGUOUS_LINK));
  }

  @Test
  void resolve_whenTheChannelAskedForADistributionAndNoneShows_saysSoAndToSaveTheChannelAgain() {
    DistributionResolver.Resolution found = resolver.resolve(tagged(CdnSettings.CHANNEL_TAG_REQUESTED));

    assertThat(found.id()).isEmpty();
    assertThat(found.none().action()).isEqualTo(CdnOutcome.Action.REQUESTED_BUT_MISSING);
    assertThat(found.none().advice()).hasValueSatisfying(
        advice -> assertThat(advice).contains("asked for a distribution").contains("Save the channel again"));
  }

  @Test
  void resolve_whenTheChannelAskedAndTheIndexShowsTheDistribution_findsItToRecord() {
    DistributionId id = linkedDistribution();

    DistributionResolver.Resolution found = resolver.resolve(tagged(CdnSettings.CHANNEL_TAG_REQUESTED));

    assertThat(found.id()).contains(id);
    assertThat(found.needsRecording()).isTrue();
  }

  @Test
  void resolve_whenTheChannelHasNoTagAndNothingIsIndexed_answersNoDistribution() {
    DistributionResolver.Resolution found = resolver.resolve(news);

    assertThat(found.none().action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
    assertThat(found.none().advice()).isEmpty();
    assertThat(cloudFront.reads).as("only the tag index: nothing recorded to confirm").isEqualTo(1);
  }

  @Test
  void resolve_whenChannelTagsMayLagAndTheChannelHasNone_answersNotVisibleYetNeverNoDistribution() {
    DistributionResolver<Channel> lagging = resolver(cloudFront,
        CdnSettings.builder().channelTagsReadAfterWrite(false).build());

    DistributionResolver.Resolution found = lagging.resolve(news);

    assertThat(found.none().action()).isEqualTo(CdnOutcome.Action.NOT_VISIBLE_YET);
    assertThat(found.none().advice()).hasValueSatisfying(advice -> assertThat(advice).contains("reconcile"));
  }

  @Test
  void resolve_whenTheChannelTagIsNotADistributionId_ignoresIt() {
    DistributionId id = linkedDistribution();

    DistributionResolver.Resolution found = resolver.resolve(tagged("not an id"));

    assertThat(found.id()).contains(id);
    assertThat(found.needsRecording()).isTrue();
  }

  @Test
  void record_whenTheTagNamesTheDistributionAlready_writesNothing() {
    resolver.record(tagged("E2QWRUHAPOMQZL"), DistributionId.of("E2QWRUHAPOMQZL"));
    resolver.recordRequest(tagged(CdnSettings.CHANNEL_TAG_REQUESTED));

    assertThat(channels.writes).isEmpty();
  }

  @Test
  void record_whenTheChannelHasFiftyOtherTags_refusesBeforeAnyCall() {
    Map<String, String> fifty = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      fifty.put("k" + i, "v");
    }
    Channel full = Channel.builder().from(news).tags(fifty).build();

    assertThatThrownBy(() -> resolver.recordRequest(full)).isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining(CHANNEL_TAG);
    assertThat(channels.writes).isEmpty();
  }
}
