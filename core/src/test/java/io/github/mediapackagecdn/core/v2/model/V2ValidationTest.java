package io.github.mediapackagecdn.core.v2.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class V2ValidationTest {

  private static final V2EndpointId HLS = V2EndpointId.of("live", "news", "hls");

  @Test
  void names_followResourceName() {
    assertThat(V2Limits.nameProblems("channel name", "news_1-a")).isEmpty();
    assertThat(V2Limits.nameProblems("channel name", "")).singleElement().asString().contains("empty");
    assertThat(V2Limits.nameProblems("channel name", "a".repeat(257))).singleElement().asString().contains("256");
    assertThat(V2Limits.nameProblems("channel name", "a".repeat(256))).isEmpty();
    assertThat(V2Limits.nameProblems("channel name", "has space")).singleElement().asString().contains("only");
  }

  @Test
  void channelId_reportsBothNamesAtOnce() {
    assertThatThrownBy(() -> V2ChannelId.of("bad group", "bad/channel"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void endpointId_refusesABadName_andGivesItsPath() {
    assertThatThrownBy(() -> V2EndpointId.of("live", "news", "a.b")).isInstanceOf(ValidationException.class);
    assertThat(HLS.pathPrefix()).isEqualTo("/out/v1/live/news/hls/");
    assertThat(HLS.channelId()).isEqualTo(V2ChannelId.of("live", "news"));
  }

  @Test
  void endpointId_whenTheGroupTheChannelAndTheEndpointNameAreBad_reportsAllThreeAtOnce() {
    assertThatThrownBy(() -> V2EndpointId.of("bad group", "bad/channel", "bad.endpoint"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).containsExactly(
            "channel group name 'bad group' may contain only letters, digits, '_' and '-'",
            "channel name 'bad/channel' may contain only letters, digits, '_' and '-'",
            "origin endpoint name 'bad.endpoint' may contain only letters, digits, '_' and '-'"));
  }

  @Test
  void channelSpec_whoseArnCannotBeTheLinkTagsValueInAnyRegion_isRefusedWhenBuilt() {
    // a group and a channel of 100 characters: arn:aws:mediapackagev2:us-west-2:123456789012:channelGroup/<100>
    // /channel/<100> has 268 characters, and even the shortest Region gives as many; CloudFront's TagValue: 256
    V2ChannelId longNames = V2ChannelId.of("g".repeat(100), "c".repeat(100));

    assertThatThrownBy(() -> V2ChannelSpec.builder().id(longNames).createDistribution(true).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement().asString()
            .contains("has at least 268 characters").contains("at most 256 characters in a tag value")
            .contains("shorten the names by 12 characters"));
    assertThat(V2ChannelSpec.builder().id(longNames).build().createDistribution())
        .as("without a distribution there is no link tag").isFalse();
  }

  @Test
  void linkTagProblems_withTheGroupsArn_measureTheExactArn() {
    V2ChannelId id = V2ChannelId.of("g".repeat(85), "c".repeat(100));
    String tokyo = "arn:aws:mediapackagev2:ap-northeast-1:123456789012:channelGroup/" + id.group();

    assertThat(V2Limits.linkTagProblems(id)).as("253 in us-east-1").isEmpty();
    assertThat(V2Limits.linkTagProblems(id, tokyo)).singleElement().asString()
        .contains("has 258 characters");
  }

  @Test
  void manifestNames_followManifestName_withoutUnderscore() {
    assertThat(V2Limits.manifestNameProblems("index-1")).isEmpty();
    assertThat(V2Limits.manifestNameProblems("index_1")).singleElement().asString().contains("no '_'");
  }

  @Test
  void channelSpec_publishesTheMediaQualityScore_onlyWithCmafIngest() {
    V2ChannelId news = V2ChannelId.of("live", "news");

    assertThatThrownBy(() -> V2ChannelSpec.builder().id(news).publishMediaQualityScore(true).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("needs input type CMAF, not HLS");
    assertThat(V2ChannelSpec.builder().id(news).inputType(InputType.CMAF).publishMediaQualityScore(true).build()
        .publishMediaQualityScore()).isTrue();
  }

  @Test
  void endpointSpec_refusesOneNameForAnHlsAndALowLatencyHlsManifest_asTheModelDoes() {
    assertThatThrownBy(() -> spec(ContainerType.CMAF, Manifest.of(ManifestType.HLS, "index"),
        Manifest.of(ManifestType.LOW_LATENCY_HLS, "index")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .singleElement().asString().contains("'index' is given to a HLS and a LOW_LATENCY_HLS manifest")
            .contains("index.m3u8"));
  }

  @Test
  void endpointSpec_refusesANameGivenTwiceToOneKind() {
    assertThatThrownBy(() -> spec(ContainerType.CMAF, Manifest.of(ManifestType.DASH, "index"),
        Manifest.of(ManifestType.DASH, "index")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .singleElement().asString().contains("'index' is given more than once for DASH"));
  }

  @Test
  void endpointSpec_letsAnHlsAndADashManifestShareTheDefaultName_theirPathsDiffer() {
    V2EndpointSpec spec = spec(ContainerType.CMAF, Manifest.of(ManifestType.HLS, "index"),
        Manifest.of(ManifestType.DASH, "index"));

    assertThat(spec.manifests()).extracting(Manifest::fileName).containsExactly("index.m3u8", "index.mpd");
    assertThat(V2Limits.manifestPathCollisions("e", spec.manifests())).isEmpty();
  }

  @Test
  void endpointSpec_refusesManifestsItsContainerCannotHave() {
    assertThatThrownBy(() -> spec(ContainerType.TS, Manifest.of(ManifestType.DASH, "index")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .singleElement().asString().contains("TS endpoint cannot have the DASH manifest"));
    assertThatThrownBy(() -> spec(ContainerType.ISM, Manifest.of(ManifestType.HLS, "index")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void endpointSpec_refusesMoreThan25Manifests() {
    List<Manifest> manifests = new ArrayList<>();
    for (int i = 0; i <= V2Limits.MAX_MANIFESTS_PER_ENDPOINT; i++) {
      manifests.add(Manifest.of(ManifestType.HLS, "m" + i));
    }
    assertThatThrownBy(() -> spec(ContainerType.TS, manifests.toArray(Manifest[]::new)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .singleElement().asString().contains("26 manifests; MediaPackage v2 allows at most 25"));
    manifests.remove(0);
    assertThat(spec(ContainerType.TS, manifests.toArray(Manifest[]::new)).manifests()).hasSize(25);
  }

  @Test
  void endpointSpec_reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> V2EndpointSpec.builder().id(HLS).containerType(ContainerType.TS)
        .addManifests(Manifest.of(ManifestType.HLS, "a_b"), Manifest.of(ManifestType.MSS, "a_b"))
        .description("d".repeat(1025)).startoverWindowSeconds(10).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(6));
  }

  @Test
  void endpointSpec_refusesAnIdentifierWithoutAuthorization_andAGivenUrl() {
    assertThatThrownBy(() -> V2EndpointSpec.builder().id(HLS).containerType(ContainerType.TS)
        .addManifests(Manifest.of(ManifestType.HLS, "index").withUrl("https://x/y.m3u8"))
        .cdnIdentifier(CdnIdentifier.of("0123456789abcdef")).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void endpointSpec_withoutManifests_isRefused() {
    assertThatThrownBy(() -> V2EndpointSpec.builder().id(HLS).containerType(ContainerType.TS).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("no manifest");
  }

  @Test
  void channelSpec_checksCommentAndDistributionTags() {
    assertThatThrownBy(() -> V2ChannelSpec.builder().id(V2ChannelId.of("live", "news"))
        .distributionComment("c".repeat(129)).putDistributionTags("bad*key", "v").build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void groupSpec_checksNameAndDescription() {
    assertThatThrownBy(() -> ChannelGroupSpec.builder().name("a b").description("d".repeat(1025)).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void cdnAuthorization_andPolicy_followTheApiModel() {
    assertThatThrownBy(() -> new CdnAuthConfiguration(List.of(), "short")).isInstanceOfSatisfying(
        ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
    assertThatThrownBy(() -> EndpointPolicy.of("x".repeat(V2Limits.MAX_POLICY_LENGTH + 1)))
        .isInstanceOf(ValidationException.class);
    assertThat(EndpointPolicy.of("{}").cdnAuthorization()).isEmpty();
  }

  @Test
  void originAccessControl_forMediaPackageV2_isSignedAlwaysWithSigv4() {
    OriginAccessControlConfig config = OriginAccessControlConfig.forMediaPackageV2("oac");
    assertThat(config.originType()).isEqualTo("mediapackagev2");
    assertThat(config.signingBehavior()).isEqualTo("always");
    assertThat(config.signingProtocol()).isEqualTo("sigv4");
    assertThatThrownBy(() -> OriginAccessControlConfig.forMediaPackageV2("n".repeat(65)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void cachePolicy_refusesTtlsOutOfOrder() {
    assertThatThrownBy(() -> new CachePolicyConfig("p", "", 5, 1, 10, List.of()))
        .isInstanceOf(ValidationException.class);
  }

  private static V2EndpointSpec spec(ContainerType container, Manifest... manifests) {
    return V2EndpointSpec.builder().id(HLS).containerType(container).addManifests(manifests).build();
  }
}
