package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The channel's distribution deleted in the CloudFront console, as the MediaPackage guide says to delete one, then the
 * channel saved again with a distribution: the link is proven gone, so a new distribution comes, under both answers to
 * what no AWS document settles, whether CloudFront keeps a deleted distribution's CallerReference taken.
 */
class ConsoleDeletionOnFakesTest {

  private static final Duration VISIBILITY_TIMEOUT = CdnSettings.defaults().visibilityTimeout();

  /** Disables the distribution in the console, lets that deploy, and deletes it there. */
  private static void deleteInTheConsole(FakeAws aws, DistributionId id) {
    aws.distributions().edit(id, c -> DistributionConfig.builder().from(c).enabled(false).build());
    aws.clock().advance(aws.propagationTime());
    aws.distributions().delete(id);
    assertThat(aws.distributions().all()).isEmpty();
  }

  @Nested
  class V1 {

    private Distribution givenAServedChannelWhoseDistributionIsDeletedInTheConsole(FakeAws aws, ChannelCdn cdn) {
      cdn.saveChannel(Specs.channelWithDistribution());
      cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
      Distribution deleted = Specs.onlyDistribution(aws);
      deleteInTheConsole(aws, deleted.id());
      aws.clearCalls();
      return deleted;
    }

    private void assertANewDistributionServesTheChannel(FakeAws aws, ChannelCdn cdn, CdnOutcome outcome,
        Distribution deleted) {
      assertThat(outcome.action()).as(outcome.toString()).isEqualTo(CdnOutcome.Action.CREATED);
      Distribution created = Specs.onlyDistribution(aws);
      assertThat(outcome.distributionId()).contains(created.id());
      assertThat(created.id()).isNotEqualTo(deleted.id());
      assertThat(created.config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
          .containsExactly("*.m3u8", "*.ts");
      assertThat(cdn.saveChannel(Specs.channelWithDistribution()).cdn().action())
          .isEqualTo(CdnOutcome.Action.UNCHANGED);
      assertThat(aws.distributions().all()).hasSize(1);
    }

    @Test
    void saveChannel_whenCloudFrontKeepsTheReference_createsTheNextGeneration() {
      FakeAws aws = FakeAws.create();
      ChannelCdn cdn = aws.channelCdn();
      Distribution deleted = givenAServedChannelWhoseDistributionIsDeletedInTheConsole(aws, cdn);

      CdnOutcome outcome = cdn.saveChannel(Specs.channelWithDistribution()).cdn();

      assertANewDistributionServesTheChannel(aws, cdn, outcome, deleted);
      assertThat(Specs.onlyDistribution(aws).config().callerReference())
          .isNotEqualTo(deleted.config().callerReference());
      assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(2); // the first reference, then the next
    }

    @Test
    void saveChannel_onAnotherInstance_whenCloudFrontKeepsTheReference_createsTheNextGeneration() {
      FakeAws aws = FakeAws.create();
      Distribution deleted = givenAServedChannelWhoseDistributionIsDeletedInTheConsole(aws, aws.channelCdn());
      ChannelCdn other = aws.channelCdn();

      CdnOutcome outcome = other.saveChannel(Specs.channelWithDistribution()).cdn();

      assertANewDistributionServesTheChannel(aws, other, outcome, deleted);
    }

    @Test
    void saveChannel_whenTheFirstSaveAfterTheDeletionFails_theNextSaveStillCreatesTheNextGeneration() {
      FakeAws aws = FakeAws.create();
      ChannelCdn cdn = aws.channelCdn();
      Distribution deleted = givenAServedChannelWhoseDistributionIsDeletedInTheConsole(aws, cdn);
      aws.beforeNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS, () -> { }); // the first reference: taken
      aws.failNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS).withServiceUnavailable(); // the next: fails
      assertThat(cdn.saveChannel(Specs.channelWithDistribution()).cdn().failed()).isTrue();
      // the deleted distribution stays recorded on the channel: it still proves the link gone
      assertThat(aws.channels().all().get(0).tags()).containsEntry(CdnSettings.CHANNEL_TAG_KEY,
          deleted.id().value());

      CdnOutcome outcome = cdn.saveChannel(Specs.channelWithDistribution()).cdn();

      assertANewDistributionServesTheChannel(aws, cdn, outcome, deleted);
    }

    @Test
    void saveChannel_whenCloudFrontFreesTheReference_createsTheDistributionAgainWithIt() {
      FakeAws aws = FakeAws.builder().deletedCallerReferencesStayTaken(false).build();
      ChannelCdn cdn = aws.channelCdn();
      Distribution deleted = givenAServedChannelWhoseDistributionIsDeletedInTheConsole(aws, cdn);

      CdnOutcome outcome = cdn.saveChannel(Specs.channelWithDistribution()).cdn();

      assertANewDistributionServesTheChannel(aws, cdn, outcome, deleted);
      assertThat(Specs.onlyDistribution(aws).config().callerReference())
          .isEqualTo(deleted.config().callerReference());
      assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(1);
    }
  }

  @Nested
  class V2 {

    private final V2ChannelId news = V2ChannelId.of("live", "news");

    private V2ChannelSpec channel() {
      return V2ChannelSpec.builder().id(news).createDistribution(true).build();
    }

    private Distribution givenAServedChannelWhoseDistributionIsDeletedInTheConsole(FakeAws aws, ChannelCdnV2 cdn) {
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdn.saveChannel(channel());
      cdn.saveEndpoint(V2EndpointSpec.builder().id(news.endpoint("hls")).containerType(ContainerType.TS)
          .addManifests(Manifest.of(ManifestType.HLS, "index")).build());
      Distribution deleted = aws.distributions().all().get(0);
      deleteInTheConsole(aws, deleted.id());
      aws.clearCalls();
      return deleted;
    }

    private void assertANewDistributionServesTheChannel(FakeAws aws, ChannelCdnV2 cdn, CdnOutcome outcome,
        Distribution deleted) {
      assertThat(outcome.action()).as(outcome.toString()).isEqualTo(CdnOutcome.Action.CREATED);
      assertThat(aws.distributions().all()).singleElement().satisfies(created -> {
        assertThat(outcome.distributionId()).contains(created.id());
        assertThat(created.id()).isNotEqualTo(deleted.id());
        assertThat(created.config().cacheBehaviors()).isNotEmpty();
      });
      aws.clock().advance(aws.propagationTime());
      assertThat(cdn.details(news).readyForPlayers()).isTrue();
      assertThat(cdn.saveChannel(channel()).cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
      assertThat(aws.distributions().all()).hasSize(1);
    }

    @Test
    void saveChannel_whenCloudFrontKeepsTheReference_waitsTheVisibilityTimeout_thenCreatesTheNext_asV1() {
      FakeAws aws = FakeAws.create();
      ChannelCdnV2 cdn = aws.channelCdnV2();
      Distribution deleted = givenAServedChannelWhoseDistributionIsDeletedInTheConsole(aws, cdn);
      java.time.Instant before = aws.clock().instant();

      // the engine's one creation: a holder that does not show within the visibility timeout, while the recorded
      // distribution is proven deleted, gives way to the next generation (was v2's own: "save again in 30 s")
      CdnOutcome outcome = cdn.saveChannel(channel()).cdn();

      assertThat(aws.clock().instant()).isAfterOrEqualTo(before.plus(VISIBILITY_TIMEOUT)); // fake time, no sleep
      assertANewDistributionServesTheChannel(aws, cdn, outcome, deleted);
      assertThat(aws.distributions().all().get(0).config().callerReference())
          .isNotEqualTo(deleted.config().callerReference());
    }

    @Test
    void saveChannel_onAnotherInstance_provesTheDeletionByTheChannelTag_andCreatesTheNextAfterTheVisibilityTimeout() {
      FakeAws aws = FakeAws.create();
      Distribution deleted = givenAServedChannelWhoseDistributionIsDeletedInTheConsole(aws, aws.channelCdnV2());
      ChannelCdnV2 other = aws.channelCdnV2(); // never saw the deleted distribution: the channel tag records it
      assertThat(aws.channelGroups().findChannel(news).orElseThrow().tags())
          .containsEntry(CdnSettings.CHANNEL_TAG_KEY, deleted.id().value());

      CdnOutcome outcome = other.saveChannel(channel()).cdn();

      assertANewDistributionServesTheChannel(aws, other, outcome, deleted);
      assertThat(aws.channelGroups().findChannel(news).orElseThrow().tags())
          .containsEntry(CdnSettings.CHANNEL_TAG_KEY, outcome.distributionId().orElseThrow().value());
    }

    @Test
    void saveChannel_whenCloudFrontFreesTheReference_createsTheDistributionAgainWithIt() {
      FakeAws aws = FakeAws.builder().deletedCallerReferencesStayTaken(false).build();
      ChannelCdnV2 cdn = aws.channelCdnV2();
      Distribution deleted = givenAServedChannelWhoseDistributionIsDeletedInTheConsole(aws, cdn);

      CdnOutcome outcome = cdn.saveChannel(channel()).cdn();

      assertANewDistributionServesTheChannel(aws, cdn, outcome, deleted);
      assertThat(aws.distributions().all().get(0).config().callerReference())
          .isEqualTo(deleted.config().callerReference());
    }
  }
}
