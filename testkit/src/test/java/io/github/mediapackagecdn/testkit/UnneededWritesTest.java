package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Saving what MediaPackage already has writes nothing; saving any change of a field the update sends writes once. */
class UnneededWritesTest {

  private static final CdnAuthorization AUTHORIZATION = CdnAuthorization.of(
      "arn:aws:secretsmanager:us-west-2:123456789012:secret:MediaPackage/cdn-id-AbCdEf",
      "arn:aws:iam::123456789012:role/MediaPackageSecretsRole");
  private static final CdnAuthorization OTHER_AUTHORIZATION = CdnAuthorization.of(
      "arn:aws:secretsmanager:us-west-2:123456789012:secret:MediaPackage/cdn-id-GhIjKl",
      "arn:aws:iam::123456789012:role/MediaPackageSecretsRole");

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdn cdn = aws.channelCdn();

  /** An HLS endpoint with every field the update sends set. */
  private static EndpointSpec hls() {
    return EndpointSpec.builder().id("live-news-hls").channelId(Specs.CHANNEL).packaging(Packaging.HLS)
        .manifestName("main").description("HLS for news").startoverWindowSeconds(3600).timeDelaySeconds(30)
        .addWhitelist("192.0.2.0/24", "198.51.100.0/24").authorization(AUTHORIZATION)
        .cdnIdentifier(CdnIdentifier.of("9c1e6a34-5b1f-4d7e-9a55-3f8f0e1d2c3b")).build();
  }

  private static EndpointSpec cmaf() {
    return EndpointSpec.builder().id("live-news-cmaf").channelId(Specs.CHANNEL).packaging(Packaging.CMAF)
        .addHlsManifestIds("main", "low").build();
  }

  @BeforeEach
  void saved() {
    cdn.saveChannel(Specs.channelWithDistribution());
    assertThat(cdn.saveEndpoints(List.of(hls(), cmaf())).cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    aws.clearCalls();
  }

  @Test
  void saveChannel_whenNothingChanged_writesNothing() {
    var result = cdn.saveChannel(Specs.channelWithDistribution());

    assertThat(aws.calls(Operation.UPDATE_CHANNEL)).isEmpty();
    assertThat(aws.writes()).isEmpty();
    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(result.channel().description()).hasValue("24/7 news");
  }

  @Test
  void saveChannel_whenTheDescriptionChanged_updatesOnce() {
    var result = cdn.saveChannel(ChannelSpec.builder().from(Specs.channelWithDistribution()).description("news").build());

    assertThat(aws.calls(Operation.UPDATE_CHANNEL)).hasSize(1);
    assertThat(aws.writes()).hasSize(1);
    assertThat(result.channel().description()).hasValue("news");
  }

  @Test
  void saveChannel_whenTheDescriptionIsRemoved_updatesOnce() {
    cdn.saveChannel(ChannelSpec.builder().id(Specs.CHANNEL).createDistribution(true).build());

    assertThat(aws.calls(Operation.UPDATE_CHANNEL)).hasSize(1);
    assertThat(aws.channels().all().get(0).description()).isEmpty();
  }

  @Test
  void saveEndpoint_whenNothingChanged_writesNothingAndAnswersTheEndpoint() {
    EndpointSaveResult result = cdn.saveEndpoint(hls());

    assertThat(aws.calls(Operation.UPDATE_ORIGIN_ENDPOINT)).isEmpty();
    assertThat(aws.calls(Operation.CREATE_ORIGIN_ENDPOINT)).isEmpty();
    assertThat(aws.writes()).isEmpty();
    assertThat(result.endpoints()).containsExactly(aws.channels().allEndpoints().get(0));
    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
  }

  @Test
  void saveEndpoints_whenOneOfTwoChanged_updatesOnlyThatOne() {
    cdn.saveEndpoints(List.of(hls(), EndpointSpec.builder().from(cmaf()).description("CMAF").build()));

    assertThat(aws.calls(Operation.UPDATE_ORIGIN_ENDPOINT)).hasSize(1)
        .allSatisfy(call -> assertThat(call.toString()).contains("live-news-cmaf"));
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("manifest name", (UnaryOperator<EndpointSpec.Builder>) b -> b.manifestName("index")),
        Arguments.of("description", (UnaryOperator<EndpointSpec.Builder>) b -> b.description("HLS")),
        Arguments.of("no description", (UnaryOperator<EndpointSpec.Builder>) b -> b.description(java.util.Optional.empty())),
        Arguments.of("startover window", (UnaryOperator<EndpointSpec.Builder>) b -> b.startoverWindowSeconds(7200)),
        Arguments.of("no startover window",
            (UnaryOperator<EndpointSpec.Builder>) b -> b.startoverWindowSeconds(java.util.Optional.empty())),
        Arguments.of("time delay", (UnaryOperator<EndpointSpec.Builder>) b -> b.timeDelaySeconds(60)),
        Arguments.of("whitelist", (UnaryOperator<EndpointSpec.Builder>) b -> b.whitelist(List.of("192.0.2.0/24"))),
        Arguments.of("whitelist order",
            (UnaryOperator<EndpointSpec.Builder>) b -> b.whitelist(List.of("198.51.100.0/24", "192.0.2.0/24"))),
        Arguments.of("authorization", (UnaryOperator<EndpointSpec.Builder>) b -> b.authorization(OTHER_AUTHORIZATION)),
        Arguments.of("no authorization",
            (UnaryOperator<EndpointSpec.Builder>) b -> b.authorization(java.util.Optional.empty())
                .cdnIdentifier(java.util.Optional.empty())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void saveEndpoint_whenAFieldTheUpdateSendsChanged_updatesOnce(String field, UnaryOperator<EndpointSpec.Builder> change) {
    EndpointSpec changed = change.apply(EndpointSpec.builder().from(hls())).build();

    EndpointSaveResult result = cdn.saveEndpoint(changed);

    assertThat(aws.calls(Operation.UPDATE_ORIGIN_ENDPOINT)).hasSize(1);
    assertThat(result.endpoints().get(0).description()).isEqualTo(changed.description());
    assertThat(result.endpoints().get(0).manifestName()).isEqualTo(changed.manifestName());
  }

  @Test
  void saveEndpoint_whenTheCmafManifestsChanged_updatesOnce() {
    cdn.saveEndpoint(EndpointSpec.builder().from(cmaf()).hlsManifestIds(List.of("main")).build());

    assertThat(aws.calls(Operation.UPDATE_ORIGIN_ENDPOINT)).hasSize(1);
    assertThat(aws.channels().allEndpoints().get(1).hlsManifests()).containsOnlyKeys("main");
  }

  @Test
  void saveEndpoint_whenTheCmafManifestNameChanged_updatesOnce() {
    cdn.saveEndpoint(EndpointSpec.builder().from(cmaf()).manifestName("master").build());

    assertThat(aws.calls(Operation.UPDATE_ORIGIN_ENDPOINT)).hasSize(1);
    assertThat(aws.channels().allEndpoints().get(1).hlsManifests()).containsEntry("main", "master");
  }

  @Test
  void saveEndpoint_whenTheCmafEndpointIsUnchanged_writesNothing() {
    cdn.saveEndpoint(cmaf());

    assertThat(aws.writes()).isEmpty();
  }
}
