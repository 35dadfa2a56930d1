package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointSpecTest {

  private static final CdnAuthorization AUTHORIZATION = CdnAuthorization.of(
      "arn:aws:secretsmanager:us-west-2:123456789012:secret:MediaPackage/cdn-id-AbCdEf",
      "arn:aws:iam::123456789012:role/MediaPackageSecretsRole");

  private static EndpointSpec.Builder hls() {
    return EndpointSpec.builder().id("live-news-hls").channelId("live-news").packaging(Packaging.HLS);
  }

  @Test
  void build_whenValid_keepsValuesAndDefaultsManifestNameToIndex() {
    EndpointSpec spec = hls().startoverWindowSeconds(3600).timeDelaySeconds(30).addWhitelist("192.0.2.0/24").build();

    assertThat(spec.endpointId()).isEqualTo(OriginEndpointId.of("live-news-hls"));
    assertThat(spec.channelId()).isEqualTo(ChannelId.of("live-news"));
    assertThat(spec.manifestName()).isEqualTo("index");
    assertThat(spec.cmafManifestIds()).isEmpty();
  }

  @Test
  void channelId_givenAsTextOrAsChannelId_isTheSameChannelId() {
    EndpointSpec typed = EndpointSpec.builder().id("live-news-hls").channelId(ChannelId.of("live-news"))
        .packaging(Packaging.HLS).build();

    assertThat(hls().build()).isEqualTo(typed);
    assertThat(typed.channelId()).isInstanceOf(ChannelId.class).isEqualTo(ChannelId.of("live-news"));
  }

  @Test
  void channelId_whenRefusedTextIsReplacedByAChannelId_buildsWithTheChannelId() {
    EndpointSpec spec = hls().channelId("live news").channelId(ChannelId.of("sports")).build();

    assertThat(spec.channelId()).isEqualTo(ChannelId.of("sports"));
  }

  @Test
  void channelId_whenTextIsRefused_isReportedEvenWhenEverythingElseIsValid() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> hls().channelId("live news").build());

    assertThat(e.problems()).containsExactly("channel id 'live news' may contain only letters, digits, '_' and '-' (no spaces)");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 4, 86_401})
  void build_whenTimeDelayIsOutside5To86400Seconds_throwsValidationException(int seconds) {
    assertThatThrownBy(() -> hls().timeDelaySeconds(seconds).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("time delay " + seconds + " s is outside 5 s to 86400 s");
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 86_400})
  void build_whenTimeDelayIsAtABound_accepts(int seconds) {
    assertThat(hls().timeDelaySeconds(seconds).build().timeDelaySeconds()).hasValue(seconds);
  }

  @ParameterizedTest
  @CsvSource({"60, 60", "120, 60"})
  void build_whenTimeDelayIsNotShorterThanStartover_throwsValidationException(int delay, int startover) {
    assertThatThrownBy(() -> hls().timeDelaySeconds(delay).startoverWindowSeconds(startover).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be shorter than the startover window");
  }

  @Test
  void build_whenTimeDelayIsShorterThanStartover_accepts() {
    EndpointSpec spec = hls().timeDelaySeconds(59).startoverWindowSeconds(60).build();

    assertThat(spec.timeDelaySeconds()).hasValue(59);
    assertThat(spec.startoverWindowSeconds()).hasValue(60);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1_209_601})
  void build_whenStartoverWindowIsOutside1sTo14Days_throwsValidationException(int seconds) {
    assertThatThrownBy(() -> hls().startoverWindowSeconds(seconds).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("startover window");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "300.1.1.1/24", "10.0.0.0", "10.0.0/24", "2001:db8::/32", "any"})
  void build_whenWhitelistHasABadCidr_throwsValidationException(String cidr) {
    assertThatThrownBy(() -> hls().addWhitelist("192.0.2.0/24", cidr).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'" + cidr + "' is not an IPv4 CIDR block");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0/0", "192.0.2.0/24", "203.0.113.7/32", "10.0.0.0/8"})
  void build_whenWhitelistHasGoodCidrs_accepts(String cidr) {
    assertThat(hls().addWhitelist(cidr).build().whitelist()).containsExactly(cidr);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HLS", "DASH", "MSS"})
  void build_whenNonCmafEndpointHasHlsManifestIds_throwsValidationException(Packaging packaging) {
    assertThatThrownBy(() -> hls().packaging(packaging).addHlsManifestIds("main").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("only CMAF endpoints have HLS manifest ids");
  }

  @Test
  void build_whenCmafEndpointHasHlsManifestIds_usesThem() {
    EndpointSpec spec = hls().packaging(Packaging.CMAF).addHlsManifestIds("main", "low").build();

    assertThat(spec.cmafManifestIds()).containsExactly("main", "low");
  }

  @Test
  void build_whenCmafEndpointHasNoHlsManifestIds_getsOneNamedAfterTheEndpoint() {
    EndpointSpec spec = hls().id("news-cmaf").packaging(Packaging.CMAF).build();

    assertThat(spec.cmafManifestIds()).containsExactly("news-cmaf");
  }

  @Test
  void build_whenCmafHlsManifestIdsRepeat_throwsValidationException() {
    assertThatThrownBy(() -> hls().packaging(Packaging.CMAF).addHlsManifestIds("main", "main").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("repeat");
  }

  @Test
  void build_whenCdnIdentifierWithoutAuthorization_throwsValidationException() {
    assertThatThrownBy(() -> hls().cdnIdentifier(CdnIdentifier.of("9c1e6a34-5b1f-4d7e-9a55-3f8f0e1d2c3b")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no CDN authorization");
  }

  @Test
  void build_whenCdnIdentifierWithAuthorization_accepts() {
    CdnIdentifier identifier = CdnIdentifier.of("9c1e6a34-5b1f-4d7e-9a55-3f8f0e1d2c3b");

    EndpointSpec spec = hls().authorization(AUTHORIZATION).cdnIdentifier(identifier).build();

    assertThat(spec.cdnIdentifier()).hasValue(identifier);
    assertThat(spec.toString()).doesNotContain(identifier.reveal());
  }

  @Test
  void build_whenTheCdnIdentifierIsLongerThanV1Allows_throwsValidationException() {
    CdnIdentifier v2s = CdnIdentifier.of("x".repeat(129)); // MediaPackage v2 takes up to 256, v1 up to 128

    assertThatThrownBy(() -> hls().authorization(AUTHORIZATION).cdnIdentifier(v2s).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MediaPackage v1 allows 8 to 128")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(v2s.reveal()));
    assertThat(hls().authorization(AUTHORIZATION).cdnIdentifier(CdnIdentifier.of("x".repeat(128))).build()
        .cdnIdentifier()).isPresent();
  }

  @Test
  void build_whenSeveralFieldsAreWrong_reportsEveryProblemInOneException() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> hls()
        .id("bad id")
        .channelId("")
        .timeDelaySeconds(3)
        .addWhitelist("not-a-cidr")
        .addHlsManifestIds("main")
        .cdnIdentifier(CdnIdentifier.of("9c1e6a34-5b1f-4d7e-9a55-3f8f0e1d2c3b"))
        .build());

    assertThat(e.problems()).hasSize(6);
    assertThat(String.join("\n", e.problems()))
        .contains("endpoint id 'bad id'", "channel id is empty", "time delay 3 s", "'not-a-cidr'",
            "no CDN authorization", "only CMAF endpoints");
  }

  @Test
  void cdnAuthorizationOf_whenArnsAreWrong_reportsBoth() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> CdnAuthorization.of("arn:aws:s3:::bucket", "MediaPackageSecretsRole"));

    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0)).contains("Secrets Manager secret ARN");
    assertThat(e.problems().get(1)).contains("IAM role ARN");
  }

  @Test
  void moveProblem_whenTheEndpointIsOnTheSpecsChannel_isEmptyAndNothingIsThrown() {
    EndpointSpec spec = hls().build();

    assertThat(spec.moveProblem(ChannelId.of("live-news"))).isEmpty();
    spec.refuseMoveFrom(ChannelId.of("live-news"));
  }

  @Test
  void moveProblem_whenTheEndpointBelongsToAnotherChannel_namesBothAndRefuseMoveFromThrowsInvalidRequest() {
    EndpointSpec spec = hls().build();

    assertThat(spec.moveProblem(ChannelId.of("live-sports"))).contains(
        "endpoint live-news-hls belongs to channel live-sports; an endpoint cannot move to channel live-news");
    assertThatThrownBy(() -> spec.refuseMoveFrom(ChannelId.of("live-sports")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("endpoint live-news-hls belongs to channel live-sports; an endpoint cannot move to channel live-news");
  }
}
