package io.github.mediapackagecdn.testkit.assertions;

import static io.github.mediapackagecdn.testkit.assertions.CdnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each assertion passes on what the library made, and fails with a message that says what is wrong. */
class CdnAssertionsTest {

  private static final ChannelId LIVE = ChannelId.of("live");

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdn cdn = aws.channelCdn();

  private void saveChannelWithHlsEndpoint() {
    cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true).build());
    cdn.saveEndpoint(EndpointSpec.builder().id("hls").channelId("live").packaging(Packaging.HLS).build());
  }

  private static List<String> names(List<io.github.mediapackagecdn.testkit.RecordedCall> calls) {
    return calls.stream().map(c -> c.operation().apiName()).toList();
  }

  private OriginEndpoint hls() {
    return aws.channels().endpointsOf(LIVE).get(0);
  }

  private Distribution distribution() {
    return aws.distributions().all().get(0);
  }

  @Nested
  class ChannelDetailsAssertions {

    @Test
    void aDeployedChannelWithServedEndpoints_isReadyForPlayers() {
      saveChannelWithHlsEndpoint();
      aws.clock().advance(Duration.ofMinutes(5));
      ChannelDetails details = cdn.details(LIVE);

      assertThat(details).hasDistribution().hasDistribution(distribution().id()).isDeployed().isReadyForPlayers()
          .servesEndpoint("hls").servesEndpoint("hls", details.endpoints().get(0).cdnUrls().get(0));
    }

    @Test
    void inProgress_isNotDeployed_norReady() {
      saveChannelWithHlsEndpoint();
      ChannelDetails details = cdn.details(LIVE);
      String id = distribution().id().value();

      assertThatThrownBy(() -> assertThat(details).isDeployed()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected the distribution of channel <live> to be Deployed, but <" + id + "> is InProgress");
      assertThatThrownBy(() -> assertThat(details).isReadyForPlayers()).isInstanceOf(AssertionError.class)
          .hasMessageContaining("to be ready for players").hasMessageContaining("is InProgress, not Deployed");
    }

    @Test
    void deployedAfterAFailedUpdate_isNotReady_andNamesTheUnservedEndpoint() {
      cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true).build());
      aws.failNext(Operation.UPDATE_DISTRIBUTION).withServiceUnavailable();
      cdn.saveEndpoint(EndpointSpec.builder().id("hls").channelId("live").packaging(Packaging.HLS).build());
      aws.clock().advance(Duration.ofMinutes(5));
      ChannelDetails details = cdn.details(LIVE);

      assertThat(details).isDeployed();
      assertThatThrownBy(() -> assertThat(details).isReadyForPlayers()).isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expected channel <live> to be ready for players, but [")
          .hasMessageContaining("hls");
      assertThatThrownBy(() -> assertThat(details).servesEndpoint("hls")).isInstanceOf(AssertionError.class)
          .hasMessage("Expected endpoint <hls> of channel <live> to have a CDN URL, but it has none");
    }

    @Test
    void withoutADistribution() {
      cdn.saveChannel(ChannelSpec.builder().id("live").build());
      ChannelDetails details = cdn.details(LIVE);

      assertThat(details).hasNoDistribution();
      assertThatThrownBy(() -> assertThat(details).hasDistribution()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live> to have a distribution, but none is linked to it");
      assertThatThrownBy(() -> assertThat(details).isDeployed()).isInstanceOf(AssertionError.class)
          .hasMessageContaining("none is linked");
    }

    @Test
    void withADistribution_failsHasNoDistribution_andAnotherId() {
      saveChannelWithHlsEndpoint();
      ChannelDetails details = cdn.details(LIVE);
      String id = distribution().id().value();

      assertThatThrownBy(() -> assertThat(details).hasNoDistribution()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live> to have no distribution, but distribution <" + id + "> is linked to it");
      assertThatThrownBy(() -> assertThat(details).hasDistribution(DistributionId.of("E0THER")))
          .isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live> to have distribution <E0THER>, but it has <" + id + ">");
    }

    @Test
    void anUnknownEndpoint_orAnotherUrl_fails() {
      saveChannelWithHlsEndpoint();
      aws.clock().advance(Duration.ofMinutes(5));
      ChannelDetails details = cdn.details(LIVE);

      assertThatThrownBy(() -> assertThat(details).servesEndpoint("dash")).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live> to have endpoint <dash>, but its endpoints are [hls]");
      assertThatThrownBy(() -> assertThat(details).servesEndpoint("hls", "https://example.com/x.m3u8"))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expected endpoint <hls> of channel <live> to have the CDN URL "
              + "<https://example.com/x.m3u8>, but its CDN URLs are [https://");
    }
  }

  @Nested
  class DistributionAssertions {

    @Test
    void theLibrarysLayout_passes() {
      saveChannelWithHlsEndpoint();

      assertThat(distribution()).isInProgress().hasChannelOriginFor(hls()).hasCacheBehaviorsFor(hls())
          .hasCacheBehaviorsInOrder("*.m3u8", "*.ts").hasNoPlaceholderOrigin();
      aws.clock().advance(Duration.ofMinutes(5));
      assertThat(distribution()).isDeployed();
    }

    @Test
    void aNewDistribution_hasNoChannelOrigin_andStillThePlaceholder() {
      cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true).build());
      aws.channels().createEndpoint(EndpointSpec.builder().id("hls").channelId("live").packaging(Packaging.HLS).build());
      String id = distribution().id().value();

      assertThatThrownBy(() -> assertThat(distribution()).hasChannelOriginFor(hls()))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expected distribution <" + id + "> to have an origin for <" + hls().host().get()
              + "> (endpoint <hls>), but its origins are [");
      assertThatThrownBy(() -> assertThat(distribution()).hasNoPlaceholderOrigin()).isInstanceOf(AssertionError.class)
          .hasMessageEndingWith("but it has; a cache behaviour still sends requests to it");
      assertThatThrownBy(() -> assertThat(distribution()).isDeployed()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected distribution <" + id + "> to be Deployed, but it is InProgress");
    }

    @Test
    void behavioursOutOfOrder_orMissing_fail() {
      saveChannelWithHlsEndpoint();
      String id = distribution().id().value();

      assertThatThrownBy(() -> assertThat(distribution()).hasCacheBehaviorsInOrder("*.ts", "*.m3u8"))
          .isInstanceOf(AssertionError.class)
          .hasMessage("Expected distribution <" + id + "> to have the cache behaviours [*.ts, *.m3u8] in this order, "
              + "but <*.m3u8> comes too early; its cache behaviours are [*.m3u8, *.ts]");
      assertThatThrownBy(() -> assertThat(distribution()).hasCacheBehaviorsInOrder("*.mpd"))
          .isInstanceOf(AssertionError.class).hasMessageContaining("<*.mpd> is missing");
    }

    @Test
    void aBehaviourSentElsewhere_orReordered_failsHasCacheBehaviorsFor() {
      saveChannelWithHlsEndpoint();
      Distribution made = distribution();
      List<CacheBehavior> reversed = new ArrayList<>(made.config().cacheBehaviors());
      java.util.Collections.reverse(reversed);
      Distribution reordered = Distribution.builder().from(made)
          .config(io.github.mediapackagecdn.core.model.DistributionConfig.builder().from(made.config())
              .cacheBehaviors(reversed).build())
          .build();
      List<CacheBehavior> elsewhere = new ArrayList<>(made.config().cacheBehaviors());
      elsewhere.set(1, CacheBehavior.builder().from(elsewhere.get(1)).targetOriginId("my-s3-origin").build());
      Distribution retargeted = Distribution.builder().from(made)
          .config(io.github.mediapackagecdn.core.model.DistributionConfig.builder().from(made.config())
              .cacheBehaviors(elsewhere).build())
          .build();

      assertThatThrownBy(() -> assertThat(reordered).hasCacheBehaviorsFor(hls())).isInstanceOf(AssertionError.class)
          .hasMessageContaining("<*.ts> comes too early");
      assertThatThrownBy(() -> assertThat(retargeted).hasCacheBehaviorsFor(hls())).isInstanceOf(AssertionError.class)
          .hasMessageContaining("cache behaviour <*.ts>").hasMessageEndingWith("but it sends them to <my-s3-origin>");
    }
  }

  @Nested
  class RecordedCallsAssertions {

    @Test
    void countsNoneWritesAndOrder_pass() {
      saveChannelWithHlsEndpoint();

      assertThat(aws.calls()).hasExactly(1, Operation.CREATE_DISTRIBUTION_WITH_TAGS)
          .hasExactly(1, Operation.UPDATE_DISTRIBUTION).hasNone(Operation.DELETE_CHANNEL)
          .hasInOrder(Operation.CREATE_CHANNEL, Operation.CREATE_DISTRIBUTION_WITH_TAGS,
              Operation.CREATE_ORIGIN_ENDPOINT, Operation.UPDATE_DISTRIBUTION);
      aws.clearCalls();
      cdn.details(LIVE);
      assertThat(aws.calls()).hasNoWrites();
    }

    @Test
    void wrongCount_writes_andOrder_fail() {
      saveChannelWithHlsEndpoint();

      assertThatThrownBy(() -> assertThat(aws.calls()).hasExactly(2, Operation.UPDATE_DISTRIBUTION))
          .isInstanceOf(AssertionError.class)
          .hasMessage("Expected exactly 2 UpdateDistribution call(s) but there were 1 among " + names(aws.calls()));
      assertThatThrownBy(() -> assertThat(aws.calls()).hasNone(Operation.CREATE_CHANNEL))
          .isInstanceOf(AssertionError.class).hasMessageStartingWith("Expected exactly 0 CreateChannel call(s) but there were 1");
      assertThatThrownBy(() -> assertThat(aws.calls()).hasNoWrites()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected no write calls but there were " + names(aws.writes()))
          .hasMessageContaining("CreateChannel, ").hasMessageContaining("UpdateDistribution");
      assertThatThrownBy(() -> assertThat(aws.calls())
          .hasInOrder(Operation.UPDATE_DISTRIBUTION, Operation.CREATE_DISTRIBUTION_WITH_TAGS))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expected the calls [UpdateDistribution, CreateDistributionWithTags] in this order, "
              + "but after the first 1 of them there was no CreateDistributionWithTags");
    }
  }

  @Nested
  class FakeAwsAssertions {

    @Test
    void aServedChannel_servesToPlayers() {
      saveChannelWithHlsEndpoint();
      aws.clock().advance(Duration.ofMinutes(5));

      assertThat(aws).servesToPlayers(cdn.details(LIVE).endpoints().get(0).cdnUrls().get(0));
    }

    @Test
    void aRefusedRequest_failsWithEachRefusedPathAndItsReason() {
      saveChannelWithHlsEndpoint();
      aws.clock().advance(Duration.ofMinutes(5));
      String url = cdn.details(LIVE).endpoints().get(0).cdnUrls().get(0);
      aws.distributions().edit(distribution().id(), c -> DistributionConfig.builder().from(c)
          .enabled(false).build());

      assertThatThrownBy(() -> assertThat(aws).servesToPlayers(url)).isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expected players to get 200 for every request of <" + url + ">, but 3 did not:")
          .hasMessageContaining("GET " + url + " -> 403: distribution " + distribution().id() + " is disabled")
          .hasMessageContaining("index_1_1.ts -> 403");
    }
  }
}
