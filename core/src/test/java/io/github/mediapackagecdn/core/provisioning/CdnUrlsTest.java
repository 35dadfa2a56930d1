package io.github.mediapackagecdn.core.provisioning;

import static io.github.mediapackagecdn.core.provisioning.Fixtures.CDN_HEADER;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.CHANNEL_ORIGIN_ID;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.HOST;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.SECRET;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.allFormats;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.cmaf;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.dash;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.hls;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.withAuthorization;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.Routing;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The routing rules: CloudFront's path pattern matching, first match wins, origin domain + origin path + path. */
class CdnUrlsTest {

  private static final LiveCdnSettings SETTINGS = LiveCdnSettings.defaults();
  private static final String CDN_DOMAIN = "d111111abcdef8.cloudfront.net";
  private static final Origin USER_ORIGIN = Origin.builder()
      .id("my-packager")
      .domainName("packager.example.com")
      .protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
      .build();

  /** The distribution after the layout rules ran once for {@code endpoints}, with their header when given. */
  private static DistributionConfig laidOut(List<OriginEndpoint> endpoints) {
    DistributionConfig placeholder = DistributionLayout.newDistribution(
        ChannelId.of("live-news"), "ref-0", CdnSettings.defaults(), SETTINGS);
    return DistributionLayout.changesFor(placeholder, endpoints, CdnSettings.defaults(), SETTINGS,
        e -> Optional.of(io.github.mediapackagecdn.core.model.CdnIdentifier.of(SECRET))).applyTo(placeholder);
  }

  private static CacheBehavior userBehavior(String pattern, String originId) {
    return CacheBehavior.builder()
        .pathPattern(pattern)
        .targetOriginId(originId)
        .viewerProtocolPolicy(ProtocolPolicy.ALLOW_ALL)
        .allowedMethods(List.of("GET", "HEAD"))
        .cachedMethods(List.of("GET", "HEAD"))
        .build();
  }

  /** {@code config} with {@code behavior} placed before every other ordered behaviour, and the user's origin. */
  private static DistributionConfig withUserBehaviorFirst(DistributionConfig config, CacheBehavior behavior) {
    List<CacheBehavior> behaviors = new ArrayList<>(config.cacheBehaviors());
    behaviors.add(0, behavior);
    return DistributionConfig.builder().from(config).addOrigins(USER_ORIGIN).cacheBehaviors(behaviors).build();
  }

  @ParameterizedTest(name = "{0} against {1}: {2}")
  @CsvSource({
      "*.m3u8, /out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8, true",
      "*.m3u8, /out/v1/869e237f851549e9bcf10e3bc2830839/index.M3U8, false",
      "*.M3U8, /out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8, false",
      "*.ts, /out/v1/869e237f851549e9bcf10e3bc2830839/index_1_0.ts, true",
      "*.ts, /out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8, false",
      "*.ism/*, /out/v1/0f1e2d3c4b5a69788796a5b4c3d2e1f0/index.ism/Manifest, true",
      "index.ism/*, /out/v1/0f1e2d3c4b5a69788796a5b4c3d2e1f0/index.ism/Manifest, false",
      "/out/v1/*, /out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8, true",
      "out/v1/*, /out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8, true",
      "/out/v2/*, /out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8, false",
      "/out/v?/*.mpd, /out/v1/247cff871f2845d3805129be22f2c0a2/index.mpd, true",
      "/out/v?/*.mpd, /out/v12/247cff871f2845d3805129be22f2c0a2/index.mpd, false",
      "*, /anything/at/all, true",
      "*a*b*c, /xaxbxbxc, true",
      "*a*b*c, /xaxbxbxcd, false",
      "index.m3u8, /out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8, false",
  })
  void matches_followsCloudFrontsPatternSyntax(String pattern, String path, boolean expected) {
    assertThat(Routing.matches(pattern, path)).isEqualTo(expected);
  }

  @Test
  void route_takesTheFirstMatchingBehaviourAndTheDefaultLast() {
    DistributionConfig config = withUserBehaviorFirst(laidOut(List.of(hls())), userBehavior("/out/*", "my-packager"));

    assertThat(Routing.route(config, "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8").pathPattern())
        .isEqualTo("/out/*");
    assertThat(Routing.route(config, "/elsewhere/index.m3u8").pathPattern()).isEqualTo("*.m3u8");
    assertThat(Routing.route(config, "/favicon.ico")).isSameAs(config.defaultBehavior());
  }

  @Test
  void whyNotServed_whenTheLayoutRan_isEmptyForEveryFormat() {
    DistributionConfig config = laidOut(allFormats());

    for (OriginEndpoint endpoint : allFormats()) {
      assertThat(CdnUrls.whyNotServed(endpoint, config)).as(endpoint.id().value()).isEmpty();
    }
  }

  @Test
  void whyNotServed_whenAUsersBehaviourSendsTheManifestElsewhere_namesTheBehaviourAndTheOrigin() {
    DistributionConfig config = withUserBehaviorFirst(laidOut(List.of(hls(), dash())),
        userBehavior("*.m3u8", "my-packager"));

    assertThat(CdnUrls.whyNotServed(hls(), config)).get().asString()
        .contains("cache behaviour '*.m3u8'", "origin 'my-packager'", "packager.example.com", "live-news-hls");
    assertThat(CdnUrls.whyNotServed(dash(), config)).isEmpty();
  }

  @Test
  void whyNotServed_whenTheOriginHasAnOriginPath_namesThePathCloudFrontWouldFetch() {
    Origin withPath = Origin.builder().id("hls-origin").domainName(HOST)
        .originPath("/out/v1/869e237f851549e9bcf10e3bc2830839").build();
    DistributionConfig config = DistributionConfig.builder().from(laidOut(List.of()))
        .origins(List.of(withPath))
        .defaultBehavior(userBehavior("*", "hls-origin"))
        .build();

    assertThat(CdnUrls.whyNotServed(hls(), config)).get().asString()
        .contains("the default cache behaviour", "origin 'hls-origin'",
            "https://" + HOST + "/out/v1/869e237f851549e9bcf10e3bc2830839/out/v1/869e237f851549e9bcf10e3bc2830839/");
  }

  @Test
  void whyNotServed_whenTheTargetIsNoOrigin_saysSo() {
    DistributionConfig config = DistributionConfig.builder().from(laidOut(List.of(hls())))
        .defaultBehavior(userBehavior("*", "my-origin-group"))
        .cacheBehaviors(List.of())
        .build();

    assertThat(CdnUrls.whyNotServed(hls(), config)).get().asString()
        .contains("'my-origin-group', which is not an origin");
  }

  @Test
  void whyNotServed_whenTheEndpointNeedsTheIdentifierHeaderAndTheOriginHasNone_saysSoWithoutAValue() {
    DistributionConfig withHeader = laidOut(List.of(withAuthorization(hls())));
    DistributionConfig without = laidOut(List.of(hls()));

    assertThat(CdnUrls.whyNotServed(withAuthorization(hls()), withHeader)).isEmpty();
    assertThat(withHeader.origin(CHANNEL_ORIGIN_ID).orElseThrow().customHeaders()).containsKey(CDN_HEADER);
    assertThat(CdnUrls.whyNotServed(withAuthorization(hls()), without)).get().asString()
        .contains(CDN_HEADER, CHANNEL_ORIGIN_ID).doesNotContain(SECRET);
  }

  @Test
  void whyNotServed_whenTheEndpointHasNoUrl_isNotServed() {
    assertThat(CdnUrls.whyNotServed(cmaf(), laidOut(List.of(hls())))).get().asString().contains("no URL");
  }

  @Test
  void of_givesUrlsOnlyWhenServed() {
    DistributionConfig blocked = withUserBehaviorFirst(laidOut(List.of(hls())), userBehavior("*.m3u8", "my-packager"));

    assertThat(CdnUrls.of(hls(), distribution(laidOut(List.of(hls())))))
        .containsExactly("https://" + CDN_DOMAIN + "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8");
    assertThat(CdnUrls.of(hls(), distribution(blocked))).isEmpty();
  }

  @Test
  void of_whenCmafEndpointHasTwoHlsManifests_givesOneCdnUrlPerManifest() {
    OriginEndpoint cmaf = cmaf("main", "low");

    assertThat(CdnUrls.of(cmaf, distribution(laidOut(List.of(cmaf))))).containsExactly(
        "https://" + CDN_DOMAIN + "/out/v1/1dc6718be36f4f34bb9cd86bc50925e6/main/index.m3u8",
        "https://" + CDN_DOMAIN + "/out/v1/1dc6718be36f4f34bb9cd86bc50925e6/low/index.m3u8");
  }

  @Test
  void of_whenTheDistributionHasNoOriginForTheHostYet_isEmpty() {
    assertThat(CdnUrls.of(hls(), distribution(DistributionLayout.newDistribution(ChannelId.of("live-news"), "ref-0",
        CdnSettings.defaults(), SETTINGS)))).isEmpty();
  }

  private static Distribution distribution(DistributionConfig config) {
    return Distribution.builder()
        .id(DistributionId.of("E2QWRUHAPOMQZL"))
        .arn("arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL")
        .domainName(CDN_DOMAIN)
        .status(DistributionStatus.DEPLOYED)
        .etag("E1")
        .config(config)
        .build();
  }
}
