package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A corpus of bad input: each is refused with a typed error before any AWS call, or, where only AWS can tell, before
 * any write.
 */
class BadInputCorpusTest {

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdn cdn = aws.channelCdn();

  static Stream<String> badIds() {
    return Stream.of("", " ", "live news", "live\tnews", "canal-é", "频道", "live/news", "live.news", "live:news",
        "x".repeat(257), "emoji-\uD83D\uDCFA");
  }

  @ParameterizedTest
  @MethodSource("badIds")
  void channelAndEndpointIds_outsideMediaPackagesRules_areRefusedBeforeAnyCall(String id) {
    assertRefusedWithoutCall(() -> cdn.saveChannel(ChannelSpec.builder().id(id).createDistribution(true).build()));
    assertRefusedWithoutCall(() -> cdn.saveEndpoint(
        EndpointSpec.builder().id(id).channelId("live").packaging(Packaging.HLS).build()));
    assertRefusedWithoutCall(() -> cdn.saveEndpoint(
        EndpointSpec.builder().id("live-hls").channelId(id).packaging(Packaging.HLS).build()));
    assertRefusedWithoutCall(() -> cdn.details(ChannelId.of(id)));
    assertRefusedWithoutCall(() -> OriginEndpointId.of(id));
  }

  @Test
  void idsOfExactly256Characters_areAccepted() {
    assertThat(ChannelSpec.builder().id("x".repeat(256)).build().channelId().value()).hasSize(256);
  }

  static Stream<Arguments> badUrls() {
    return Stream.of(
        Arguments.of("https://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com/in/v2/"
            + "6ad9d7c8b5f54fc7a9e5a47d2ba5d8e6/6ad9d7c8b5f54fc7a9e5a47d2ba5d8e6/channel", "ingest"),
        Arguments.of("https://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com/in/v1/"
            + "6ad9d7c8b5f54fc7a9e5a47d2ba5d8e6/channel", "ingest"),
        Arguments.of("https://c4af3793bf76b33c.egress.mediapackage-vod.us-west-2.amazonaws.com/out/v1/"
            + "b9cc115bf7f1a4ff8e0d8c2f2c2a26f4/e2d7fd4fd6b2449e9a4b5d8f4c2a1b0c/index.m3u8", "VOD"),
        Arguments.of("http://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com/out/v1/"
            + "869e237f851549e9bcf10e3bc2830839/index.m3u8", "https"),
        Arguments.of("https://example.com/live/index.m3u8", "egress"),
        Arguments.of("not a url", "URL"));
  }

  @ParameterizedTest
  @MethodSource("badUrls")
  void urlsThatAreNotALiveEndpointsEgressUrl_areRefused(String url, String reason) {
    assertThatThrownBy(() -> EndpointUrl.of(url)).isInstanceOf(ValidationException.class).hasMessageContaining(reason);
  }

  @Test
  void anEndpointOfAnotherChannel_isRefusedBeforeAnyWrite() {
    cdn.saveChannel(ChannelSpec.builder().id("news").createDistribution(true).build());
    cdn.saveChannel(ChannelSpec.builder().id("sports").createDistribution(true).build());
    cdn.saveEndpoint(EndpointSpec.builder().id("news-hls").channelId("news").packaging(Packaging.HLS).build());
    aws.clearCalls();

    assertThatThrownBy(() -> cdn.saveEndpoint(
        EndpointSpec.builder().id("news-hls").channelId("sports").packaging(Packaging.HLS).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("belongs to channel news");
    assertThat(aws.writes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {129, 200, 1000})
  void aCommentOver128Characters_isRefusedBeforeAnyCall(int length) {
    assertRefusedWithoutCall(() -> cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true)
        .distributionComment("c".repeat(length)).build()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"news#1", "a<b>", "50%", "semi;colon", "quote\"", "tab\tvalue", "café!", "a,b"})
  void tagValuesOutsideCloudFrontsCharacterSet_areRefusedBeforeAnyCall(String value) {
    assertRefusedWithoutCall(() -> cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true)
        .distributionTags(Map.of("team", value)).build()));
    assertRefusedWithoutCall(() -> cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true)
        .distributionTags(Map.of(value, "v")).build()));
  }

  @Test
  void tagsCloudFrontAccepts_includingUnicodeLettersAndItsPunctuation_pass() {
    ChannelSpec spec = ChannelSpec.builder().id("live").createDistribution(true)
        .distributionTags(Map.of("team", "vidéo live_1 .:/=+-@")).build();

    assertThat(cdn.saveChannel(spec).cdn().failed()).isFalse();
    assertThat(aws.distributions().tags(aws.distributions().all().get(0).id())).containsEntry("team", "vidéo live_1 .:/=+-@");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "e1u5rqf7t870k0", "E1U5 RQF7", "arn:aws:cloudfront::123456789012:distribution/E1"})
  void malformedDistributionIds_areRefusedBeforeAnyCall(String id) {
    assertRefusedWithoutCall(() -> DistributionId.of(id));
  }

  @Test
  void aDistributionIdThatDoesNotExist_isNotFoundWithoutAnyWrite() {
    DistributionId missing = DistributionId.of("E1U5RQF7T870K0");

    assertThat(aws.distributions().find(missing)).isEmpty();
    assertThatThrownBy(() -> aws.distributions().update(missing, "E2QWRUHAPOMQZL", ChangeSet.empty()))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> aws.distributions().awaitDeployed(missing, Duration.ofMinutes(1)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(aws.distributions().all()).isEmpty();
  }

  @Test
  void nullsAndEmptyLists_areTypedErrorsWithoutAnyCall() {
    assertRefusedWithoutCall(() -> cdn.saveChannel(null));
    assertRefusedWithoutCall(() -> cdn.saveEndpoint(null));
    assertRefusedWithoutCall(() -> cdn.saveEndpoints(null));
    assertRefusedWithoutCall(() -> cdn.saveEndpoints(java.util.List.of()));
    assertRefusedWithoutCall(() -> cdn.attachDistribution(null));
    assertRefusedWithoutCall(() -> cdn.awaitDeployed(ChannelId.of("live"), null));
    assertRefusedWithoutCall(() -> cdn.awaitDeployed(ChannelId.of("live"), Duration.ofSeconds(-1)));
    assertRefusedWithoutCall(() -> ChannelSpec.builder().id(null));
  }

  private void assertRefusedWithoutCall(Executable action) {
    aws.clearCalls();
    assertThatThrownBy(action::execute).isInstanceOf(ValidationException.class)
        .isInstanceOf(ProvisioningException.class);
    assertThat(aws.calls()).isEmpty();
  }
}
