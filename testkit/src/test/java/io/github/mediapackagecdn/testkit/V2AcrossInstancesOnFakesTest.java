package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.mediapackagecdn.testkit.V2Specs.NEWS;
import static io.github.mediapackagecdn.testkit.V2Specs.dash;
import static io.github.mediapackagecdn.testkit.V2Specs.newsWithMediaQualityScore;

import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelSaveResult;
import io.github.mediapackagecdn.core.v2.provisioning.V2EndpointSaveResult;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the v2 library (two processes) on one account, the second working in the middle of the first's
 * call: they coordinate only through AWS's own contracts (CallerReference, CloudFront's If-Match, v2's ETags), and
 * neither loses the other's work.
 */
class V2AcrossInstancesOnFakesTest {

  private final FakeAws aws = FakeAws.create();

  private static V2EndpointSpec hls() {
    return V2EndpointSpec.builder().id(NEWS.endpoint("hls")).containerType(ContainerType.CMAF)
        .addManifests(Manifest.of(ManifestType.HLS, "index")).build();
  }

  private Distribution onlyDistribution() {
    assertThat(aws.distributions().all()).hasSize(1);
    return aws.distributions().all().get(0);
  }

  @Test
  void aLostCreateChannelRace_toAnInstanceSavingTheSameSpec_sendsNoUpdateChannel() {
    RecordingListener listener = new RecordingListener();
    ChannelCdnV2 first = aws.channelCdnV2(b -> b.listener(listener));
    ChannelCdnV2 second = aws.channelCdnV2();
    first.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    AtomicReference<V2ChannelSaveResult> meanwhile = new AtomicReference<>();
    aws.beforeNext(Operation.V2_CREATE_CHANNEL, () -> meanwhile.set(second.saveChannel(newsWithMediaQualityScore())));
    aws.clearCalls();

    V2ChannelSaveResult saved = first.saveChannel(newsWithMediaQualityScore());

    assertThat(meanwhile.get().cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(saved.cdn().distributionId()).isEqualTo(meanwhile.get().cdn().distributionId());
    // the first's CreateChannel (refused: the second's came first), then only the second's writes
    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.V2_CREATE_CHANNEL,
        Operation.V2_CREATE_CHANNEL, Operation.CREATE_ORIGIN_ACCESS_CONTROL, Operation.CREATE_CACHE_POLICY,
        Operation.CREATE_CACHE_POLICY, Operation.CREATE_DISTRIBUTION_WITH_TAGS, Operation.V2_TAG_RESOURCE);
    assertThat(aws.calls(Operation.V2_UPDATE_CHANNEL)).isEmpty();
    assertThat(aws.calls(Operation.V2_GET_CHANNEL)).hasSize(3); // each instance's find, the first's read of the
    // winner
    assertThat(listener.events(ProvisioningEvent.Step.CHANNEL_SAVED)).singleElement()
        .satisfies(e -> assertThat(e.operation()).isEmpty());
  }

  @Test
  void aLostCreateEndpointRace_toAnInstanceSavingTheSameSpec_sendsNoUpdateOriginEndpoint() {
    ChannelCdnV2 first = aws.channelCdnV2();
    ChannelCdnV2 second = aws.channelCdnV2();
    first.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    first.saveChannel(newsWithMediaQualityScore());
    AtomicReference<V2EndpointSaveResult> meanwhile = new AtomicReference<>();
    aws.beforeNext(Operation.V2_CREATE_ORIGIN_ENDPOINT, () -> meanwhile.set(second.saveEndpoint(hls())));
    aws.clearCalls();

    V2EndpointSaveResult saved = first.saveEndpoint(hls());

    assertThat(meanwhile.get().cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    // the first's CreateOriginEndpoint (refused: the second's came first), the second's writes, then the first's
    // UpdateDistribution from its read before the race, refused with 412 (re-read: nothing left to do)
    assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(
        Operation.V2_CREATE_ORIGIN_ENDPOINT, Operation.V2_CREATE_ORIGIN_ENDPOINT,
        Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY, Operation.UPDATE_DISTRIBUTION, Operation.UPDATE_DISTRIBUTION);
    assertThat(aws.calls(Operation.V2_UPDATE_ORIGIN_ENDPOINT)).isEmpty();
    assertThat(aws.calls(Operation.V2_GET_ORIGIN_ENDPOINT)).hasSize(3); // each instance's find, the first's read
    // of the winner
  }

  @Test
  void anotherInstancesEndpointSavedBetweenTheReadAndTheWrite_isKept_andTheFirstsNeedsNoSecondWrite() {
    ChannelCdnV2 first = aws.channelCdnV2();
    ChannelCdnV2 second = aws.channelCdnV2();
    first.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    first.saveChannel(newsWithMediaQualityScore());
    AtomicReference<V2EndpointSaveResult> meanwhile = new AtomicReference<>();
    aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> meanwhile.set(second.saveEndpoint(dash("dash"))));
    aws.clearCalls();

    V2EndpointSaveResult saved = first.saveEndpoint(hls());

    // the second serves every endpoint of the channel, the first's included (MediaPackage lists it already); the
    // first, re-reading after its 412, finds its behaviours there and writes nothing more
    assertThat(meanwhile.get().cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).as("the second's, then the first's, refused (412)")
        .hasSize(2);
    assertThat(onlyDistribution().config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .contains("/out/v1/live/news/dash/*.mpd", "/out/v1/live/news/hls/*.m3u8")
        .doesNotHaveDuplicates();
    assertThat(first.details(NEWS).notServed()).isEmpty();
  }

  @Test
  void withTwoRegions_anotherInstancesSaveInTheMiddle_givesOneOriginGroup_andEveryBehaviourOnIt() {
    FakeAws secondary = FakeAws.builder().region("eu-west-1").accountId(aws.accountId()).clock(aws.clock()).build();
    ChannelCdnV2 first = aws.channelCdnV2(b -> b.secondaryRegion(secondary.channelGroups()));
    ChannelCdnV2 second = aws.channelCdnV2(b -> b.secondaryRegion(secondary.channelGroups()));
    first.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    first.saveChannel(newsWithMediaQualityScore());
    aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> second.saveEndpoint(dash("dash")));

    first.saveEndpoint(hls());

    assertThat(onlyDistribution().config().originGroups()).hasSize(1);
    assertThat(onlyDistribution().config().origins()).hasSize(2);
    assertThat(onlyDistribution().config().cacheBehaviors()).hasSize(6).extracting(CacheBehavior::targetOriginId)
        .containsOnly("EMP2-live-mqar");
    assertThat(secondary.channelGroups().allEndpoints()).hasSize(2);
  }
}
