package io.github.mediapackagecdn.core.provisioning;

import static io.github.mediapackagecdn.core.provisioning.Fixtures.CACHE_POLICY;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.CDN_HEADER;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.CHANNEL;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.CHANNEL_ARN;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.CHANNEL_ID;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.CHANNEL_ORIGIN_ID;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.HOST;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.OTHER_HOST;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.PLACEHOLDER_ID;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.SECRET;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.allFormats;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.cmaf;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.dash;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.hls;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.mss;
import static io.github.mediapackagecdn.core.provisioning.Fixtures.withAuthorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DistributionLayoutTest {

  private static final LiveCdnSettings SETTINGS = LiveCdnSettings.defaults();
  private static final Function<OriginEndpoint, Optional<CdnIdentifier>> NO_IDENTIFIERS = e -> Optional.empty();

  private static final Origin USER_ORIGIN = Origin.builder()
      .id("my-ads")
      .domainName("my-ads.s3.us-west-2.amazonaws.com")
      .build();

  /** The distribution created at channel save, before any endpoint. */
  private static DistributionConfig placeholderDistribution() {
    return DistributionLayout.newDistribution(CHANNEL_ID, "ref-0", CdnSettings.defaults(), SETTINGS);
  }

  private static ChangeSet changesFor(DistributionConfig config, List<OriginEndpoint> endpoints) {
    return DistributionLayout.changesFor(config, endpoints, CdnSettings.defaults(), SETTINGS, NO_IDENTIFIERS);
  }

  /** The distribution after the layout rules ran once for {@code endpoints}. */
  private static DistributionConfig laidOut(List<OriginEndpoint> endpoints) {
    DistributionConfig placeholder = placeholderDistribution();
    return changesFor(placeholder, endpoints).applyTo(placeholder);
  }

  private static List<String> patterns(DistributionConfig config) {
    return config.cacheBehaviors().stream().map(CacheBehavior::pathPattern).toList();
  }

  private static CacheBehavior userBehavior(String pattern, String target) {
    return CacheBehavior.builder()
        .pathPattern(pattern)
        .targetOriginId(target)
        .viewerProtocolPolicy(ProtocolPolicy.ALLOW_ALL)
        .addAllowedMethods("GET", "HEAD")
        .addCachedMethods("GET", "HEAD")
        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6")
        .compress(true)
        .build();
  }

  /**
   * CloudFront's path pattern match: {@code *} any run of characters, {@code ?} one character, case-sensitive, the
   * leading {@code /} optional in the pattern.
   */
  private static boolean matches(String pathPattern, String path) {
    String pattern = pathPattern.startsWith("/") ? pathPattern : "/" + pathPattern;
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.matches(regex.toString(), path);
  }

  /** The behaviour CloudFront picks for {@code path}: the first ordered behaviour that matches, else the default. */
  private static CacheBehavior servingBehavior(DistributionConfig config, String path) {
    return config.cacheBehaviors().stream()
        .filter(b -> matches(b.pathPattern(), path))
        .findFirst()
        .orElse(config.defaultBehavior());
  }

  // ---------------------------------------------------------------- behaviours per packaging format

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(Packaging.HLS, hls(), List.of("*.m3u8", "*.ts")),
        Arguments.of(Packaging.DASH, dash(), List.of("*.mpd", "*.mp4")),
        Arguments.of(Packaging.CMAF, cmaf("main"), List.of("*.m3u8", "*.mp4")),
        Arguments.of(Packaging.MSS, mss("index"), List.of("*.ism/*")));
  }

  @ParameterizedTest
  @MethodSource("formats")
  void changesFor_whenOneEndpointOfAFormat_addsExactlyThatFormatsBehaviours(
      Packaging packaging, OriginEndpoint endpoint, List<String> expected) {
    DistributionConfig after = laidOut(List.of(endpoint));

    assertThat(patterns(after)).containsExactlyElementsOf(expected);
    assertThat(packaging.pathPatterns()).containsExactlyElementsOf(expected);
    assertThat(after.cacheBehaviors()).allSatisfy(b -> assertThat(b.targetOriginId()).isEqualTo(CHANNEL_ORIGIN_ID));
  }

  @Test
  void changesFor_whenHlsEndpoint_routesManifestsAndSegmentsToTheirBehaviours() {
    DistributionConfig after = laidOut(List.of(hls()));

    assertThat(servingBehavior(after, "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8").pathPattern())
        .isEqualTo("*.m3u8");
    assertThat(servingBehavior(after, "/out/v1/869e237f851549e9bcf10e3bc2830839/index_1.m3u8").pathPattern())
        .isEqualTo("*.m3u8");
    assertThat(servingBehavior(after, "/out/v1/869e237f851549e9bcf10e3bc2830839/hls_7_145095.ts").pathPattern())
        .isEqualTo("*.ts");
  }

  @Test
  void changesFor_whenMssEndpoint_addsIsmBehaviourWithSmoothStreaming() {
    DistributionConfig after = laidOut(List.of(mss("index")));

    assertThat(after.behavior("*.ism/*")).hasValueSatisfying(b -> {
      assertThat(b.smoothStreaming()).isTrue();
      assertThat(b.targetOriginId()).isEqualTo(CHANNEL_ORIGIN_ID);
    });
  }

  @Test
  void changesFor_whenMssManifestIsNotIndex_addsIsmBehaviourThatMatchesIt() {
    OriginEndpoint drama = mss("drama");
    String manifestPath = URI.create(drama.urls().get(0).value()).getPath();
    assertThat(manifestPath).matches("/out/v1/[0-9a-f]{32}/drama\\.ism/Manifest");

    DistributionConfig after = laidOut(List.of(drama));

    CacheBehavior manifest = servingBehavior(after, manifestPath);
    assertThat(manifest.pathPattern()).isEqualTo("*.ism/*");
    assertThat(manifest.smoothStreaming()).isTrue();
    assertThat(manifest.targetOriginId()).isEqualTo(CHANNEL_ORIGIN_ID);
    assertThat(servingBehavior(after, manifestPath.replace("Manifest", "QualityLevels(128000)/Fragments(audio=0)"))
        .pathPattern()).isEqualTo("*.ism/*");
    assertThat(matches("index.ism/*", manifestPath))
        .as("the guide's index.ism/* would miss a manifest named drama")
        .isFalse();
  }

  @Test
  void changesFor_whenCmafEndpointHasNoUrlYet_changesNothing() {
    OriginEndpoint withoutManifests = cmaf();

    assertThat(changesFor(placeholderDistribution(), List.of(withoutManifests)).isEmpty()).isTrue();
    assertThat(changesFor(placeholderDistribution(), List.of()).isEmpty()).isTrue();
  }

  @Test
  void changesFor_whenAllFourFormats_addsEachPatternOnceWithLiveStreamingSettings() {
    DistributionConfig after = laidOut(allFormats());

    assertThat(patterns(after)).containsExactly("*.m3u8", "*.ts", "*.mpd", "*.mp4", "*.ism/*");
    assertThat(after.cacheBehaviors()).allSatisfy(b -> {
      assertThat(b.targetOriginId()).isEqualTo(CHANNEL_ORIGIN_ID);
      assertThat(b.viewerProtocolPolicy()).isEqualTo(ProtocolPolicy.REDIRECT_TO_HTTPS);
      assertThat(b.allowedMethods()).containsExactly("GET", "HEAD", "OPTIONS");
      assertThat(b.cachedMethods()).containsExactly("GET", "HEAD");
      assertThat(b.cachePolicyId()).hasValue(CACHE_POLICY);
      assertThat(b.originRequestPolicyId()).isEmpty();
      assertThat(b.compress()).isFalse();
      assertThat(b.smoothStreaming()).isEqualTo(b.pathPattern().equals("*.ism/*"));
    });
    assertThat(CHANNEL_ORIGIN_ID).isEqualTo("EMP-" + HOST.substring(0, HOST.indexOf('.')));
  }

  @Test
  void changesFor_whenAllFourFormats_routesEveryEndpointUrlToItsFormatsBehaviour() {
    DistributionConfig after = laidOut(allFormats());

    assertThat(servingBehavior(after, "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8").pathPattern())
        .isEqualTo("*.m3u8");
    assertThat(servingBehavior(after, "/out/v1/247cff871f2845d3805129be22f2c0a2/index.mpd").pathPattern())
        .isEqualTo("*.mpd");
    assertThat(servingBehavior(after, "/out/v1/247cff871f2845d3805129be22f2c0a2/index_video_1_0_42.mp4").pathPattern())
        .isEqualTo("*.mp4");
    assertThat(servingBehavior(after, "/out/v1/0f1e2d3c4b5a69788796a5b4c3d2e1f0/index.ism/Manifest").pathPattern())
        .isEqualTo("*.ism/*");
  }

  @Test
  void changesFor_whenEndpointsExist_addsOneHttpsOnlyTls12ChannelOriginOnTheEgressHost() {
    ChangeSet changes = changesFor(placeholderDistribution(), allFormats());
    DistributionConfig after = changes.applyTo(placeholderDistribution());

    assertThat(changes.changes()).filteredOn(DistributionChange.AddOrigin.class::isInstance).hasSize(1);
    assertThat(after.origins()).singleElement().satisfies(origin -> {
      assertThat(origin.id()).isEqualTo(CHANNEL_ORIGIN_ID);
      assertThat(origin.domainName()).isEqualTo(HOST);
      assertThat(origin.originPath()).isEmpty();
      assertThat(origin.protocolPolicy()).hasValue(ProtocolPolicy.HTTPS_ONLY);
      assertThat(origin.sslProtocols()).containsExactly("TLSv1.2");
      assertThat(origin.customHeaders()).isEmpty();
    });
    assertThat(after.defaultBehavior().targetOriginId()).isEqualTo(CHANNEL_ORIGIN_ID);
  }

  @Test
  void channelOriginId_whenEgressHost_isEmpAndTheFirstLabel() {
    assertThat(DistributionLayout.channelOriginId(HOST)).isEqualTo("EMP-8343f7014c0ea438");
    assertThat(DistributionLayout.channelOriginId("localhost")).isEqualTo("EMP-localhost");
  }

  // ---------------------------------------------------------------- the distribution created at channel save

  @Test
  void newDistribution_whenChannelIsSaved_hasThePlaceholderOriginAndDefaultBehaviour() {
    DistributionConfig config = DistributionLayout.newDistribution(CHANNEL_ID, "ref-0", CdnSettings.defaults(),
        SETTINGS);

    assertThat(config.callerReference()).isEqualTo("ref-0");
    assertThat(config.enabled()).isTrue();
    assertThat(config.origins()).singleElement().satisfies(origin -> {
      assertThat(origin.id()).isEqualTo("TEMP_ORIGIN_ID/channel");
      assertThat(origin.domainName()).isEqualTo("mediapackage.amazonaws.com");
      assertThat(origin.protocolPolicy()).hasValue(ProtocolPolicy.HTTPS_ONLY);
    });
    CacheBehavior defaultBehavior = config.defaultBehavior();
    assertThat(defaultBehavior.pathPattern()).isEqualTo("*");
    assertThat(defaultBehavior.targetOriginId()).isEqualTo("TEMP_ORIGIN_ID/channel");
    assertThat(defaultBehavior.viewerProtocolPolicy()).isEqualTo(ProtocolPolicy.REDIRECT_TO_HTTPS);
    assertThat(defaultBehavior.allowedMethods()).containsExactly("GET", "HEAD", "OPTIONS");
    assertThat(defaultBehavior.cachePolicyId()).hasValue(CACHE_POLICY);
    assertThat(defaultBehavior.compress()).isFalse();
    assertThat(config.cacheBehaviors()).isEmpty();
    assertThat(config.comment()).isEqualTo("MediaPackage live channel live-news");
  }

  @Test
  void newDistribution_whenCreated_cachesEveryErrorCodeFor1SecondOnly4xxAnd5xx() {
    Map<Integer, Long> errorCaching = placeholderDistribution().errorCachingMinTtl();

    assertThat(errorCaching).containsOnlyKeys(400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504);
    assertThat(errorCaching.values()).containsOnly(1L);
  }

  @Test
  void newDistribution_whenChannelIdHas256Characters_cutsTheCommentTo128() {
    ChannelId longId = ChannelId.of("c".repeat(256));

    String comment = DistributionLayout.newDistribution(longId, "ref-0", CdnSettings.defaults(), SETTINGS).comment();

    assertThat(comment).hasSizeLessThanOrEqualTo(128).startsWith("MediaPackage live channel ccc");
  }

  @Test
  void newDistribution_whenCommentIsGiven_usesIt() {
    DistributionConfig config =
        DistributionLayout.newDistribution(CHANNEL_ID, "ref-0", "News, Europe", CdnSettings.defaults(), SETTINGS);

    assertThat(config.comment()).isEqualTo("News, Europe");
  }

  @Test
  void newDistribution_whenSettingsChangeDefaults_followsThem() {
    CdnSettings settings = CdnSettings.builder()
        .priceClass("PriceClass_100")
        .httpVersion("http2and3")
        .ipv6Enabled(false)
        .originSslProtocols(List.of("TLSv1.1", "TLSv1.2"))
        .build();

    DistributionConfig config = DistributionLayout.newDistribution(CHANNEL_ID, "ref-0", settings, SETTINGS);

    assertThat(config.priceClass()).isEqualTo("PriceClass_100");
    assertThat(config.httpVersion()).isEqualTo("http2and3");
    assertThat(config.ipv6Enabled()).isFalse();
    assertThat(config.origins().get(0).sslProtocols()).containsExactly("TLSv1.1", "TLSv1.2");
  }

  @Test
  void tags_whenChannelIsLinked_carryTheChannelArnUnderTheLinkKey() {
    Map<String, String> tags = DistributionLayout.tags(CHANNEL, Map.of("team", "news"), CdnSettings.defaults());

    assertThat(tags).containsExactlyInAnyOrderEntriesOf(Map.of(
        "mediapackage:cloudfront_assoc", CHANNEL_ARN.value(),
        "team", "news"));
  }

  @Test
  void tags_whenExtraTagsReuseTheLinkKey_keepTheChannelArn() {
    Map<String, String> tags =
        DistributionLayout.tags(CHANNEL, Map.of("mediapackage:cloudfront_assoc", "someone-else"),
            CdnSettings.defaults());

    assertThat(tags).containsExactly(Map.entry("mediapackage:cloudfront_assoc", CHANNEL_ARN.value()));
  }

  @Test
  void callerReference_whenSameArnAndGeneration_isTheSame() {
    assertThat(DistributionLayout.callerReference(CHANNEL_ARN, 0))
        .isEqualTo(DistributionLayout.callerReference(ChannelArn.of(CHANNEL_ARN.value()), 0))
        .startsWith("mediapackage-cdn-")
        .endsWith("-0")
        .hasSizeLessThanOrEqualTo(128);
  }

  @Test
  void callerReference_whenGenerationOrArnDiffers_differs() {
    ChannelArn other =
        ChannelArn.of("arn:aws:mediapackage:us-west-2:123456789012:channels/d7e447ed3ca54f8aaa12b592dcb1c41e");

    assertThat(List.of(
            DistributionLayout.callerReference(CHANNEL_ARN, 0),
            DistributionLayout.callerReference(CHANNEL_ARN, 1),
            DistributionLayout.callerReference(other, 0),
            DistributionLayout.callerReference(other, 1)))
        .doesNotHaveDuplicates();
  }

  // ---------------------------------------------------------------- idempotency

  static Stream<List<OriginEndpoint>> endpointSets() {
    return Stream.of(List.of(hls()), List.of(dash()), List.of(cmaf("main", "low")), List.of(mss("drama")), allFormats());
  }

  @ParameterizedTest
  @MethodSource("endpointSets")
  void changesFor_whenAppliedChangesAreComputedAgain_isEmpty(List<OriginEndpoint> endpoints) {
    DistributionConfig placeholder = placeholderDistribution();
    ChangeSet first = changesFor(placeholder, endpoints);
    DistributionConfig after = first.applyTo(placeholder);

    assertThat(first.isEmpty()).isFalse();
    assertThat(changesFor(after, endpoints).changes()).isEmpty();
    assertThat(first.applyTo(after)).isEqualTo(after);
  }

  @Test
  void changesFor_whenEndpointsAreAddedOneByOne_endsWhereAllAtOnceEnds() {
    DistributionConfig config = placeholderDistribution();
    List<OriginEndpoint> saved = new ArrayList<>();
    for (OriginEndpoint endpoint : allFormats()) {
      saved.add(endpoint);
      config = changesFor(config, saved).applyTo(config);
    }

    assertThat(config).isEqualTo(laidOut(allFormats()));
  }

  // ---------------------------------------------------------------- behaviour layout

  private static final LiveCdnSettings ALL_LIVE_FORMATS =
      LiveCdnSettings.builder().behaviorLayout(LiveCdnSettings.BehaviorLayout.ALL_LIVE_FORMATS).build();

  private static ChangeSet allFormatsChangesFor(DistributionConfig config, List<OriginEndpoint> endpoints) {
    return DistributionLayout.changesFor(config, endpoints, CdnSettings.defaults(), ALL_LIVE_FORMATS, NO_IDENTIFIERS);
  }

  @Test
  void behaviorLayout_byDefault_isTheConsolesPerEndpointFormat() {
    assertThat(SETTINGS.behaviorLayout()).isEqualTo(LiveCdnSettings.BehaviorLayout.PER_ENDPOINT_FORMAT);
    assertThat(patterns(laidOut(List.of(hls())))).containsExactly("*.m3u8", "*.ts");
  }

  @Test
  void changesFor_withAllLiveFormats_laysOutEveryFormatsBehaviourWithTheFirstEndpoint() {
    DistributionConfig placeholder = placeholderDistribution();

    DistributionConfig after = allFormatsChangesFor(placeholder, List.of(hls())).applyTo(placeholder);

    assertThat(patterns(after)).containsExactly("*.m3u8", "*.ts", "*.mpd", "*.mp4", "*.ism/*");
    assertThat(after.cacheBehaviors()).allSatisfy(b -> assertThat(b.targetOriginId()).isEqualTo(CHANNEL_ORIGIN_ID));
    assertThat(after.behavior("*.ism/*").orElseThrow().smoothStreaming()).isTrue();
    // every format's patterns, and nothing the library does not know
    assertThat(Stream.of(Packaging.values()).flatMap(p -> p.pathPatterns().stream()).distinct())
        .containsExactlyInAnyOrderElementsOf(patterns(after));
  }

  @Test
  void changesFor_withAllLiveFormats_needsNothingForTheEndpointsSavedAfterTheFirst() {
    DistributionConfig placeholder = placeholderDistribution();
    DistributionConfig after = allFormatsChangesFor(placeholder, List.of(mss("index"))).applyTo(placeholder);

    assertThat(allFormatsChangesFor(after, List.of(mss("index"), dash()))).isEqualTo(ChangeSet.empty());
    assertThat(allFormatsChangesFor(after, allFormats())).isEqualTo(ChangeSet.empty());
    assertThat(allFormatsChangesFor(after, List.of(cmaf("a")))).isEqualTo(ChangeSet.empty());
    // the default layout agrees: nothing any endpoint needs is missing
    assertThat(changesFor(after, allFormats())).isEqualTo(ChangeSet.empty());
  }

  @Test
  void changesFor_withAllLiveFormats_keepsAUsersBehaviourForOneOfThePatternsAndAddsTheRest() {
    CacheBehavior usersMpd = userBehavior("*.mpd", "my-ads");
    DistributionConfig config = DistributionConfig.builder().from(placeholderDistribution()).addOrigins(USER_ORIGIN)
        .addCacheBehaviors(usersMpd).build();

    DistributionConfig after = allFormatsChangesFor(config, List.of(hls())).applyTo(config);

    assertThat(after.cacheBehaviors().get(0)).isEqualTo(usersMpd);
    assertThat(patterns(after)).containsExactly("*.mpd", "*.m3u8", "*.ts", "*.mp4", "*.ism/*");
    assertThat(after.origin("my-ads")).contains(USER_ORIGIN);
    assertThat(allFormatsChangesFor(after, allFormats())).isEqualTo(ChangeSet.empty());
  }

  @Test
  void changesFor_withAllLiveFormats_needsNothingWhileNoEndpointHasAUrl() {
    OriginEndpoint withoutUrl = cmaf();

    assertThat(allFormatsChangesFor(placeholderDistribution(), List.of()).isEmpty()).isTrue();
    assertThat(patterns(allFormatsChangesFor(placeholderDistribution(), List.of(withoutUrl))
        .applyTo(placeholderDistribution()))).isEmpty();
  }

  // ---------------------------------------------------------------- user edits are never touched

  @Test
  void changesFor_whenUserEditedTheDistribution_leavesEveryEditAsItWas() {
    CacheBehavior ads = userBehavior("/ads/*", "my-ads");
    CacheBehavior usersM3u8 = userBehavior("*.m3u8", "my-ads");
    DistributionConfig edited = DistributionConfig.builder()
        .from(placeholderDistribution())
        .addOrigins(USER_ORIGIN)
        .addCacheBehaviors(ads, usersM3u8)
        .addAliases("live.example.com")
        .webAclId("arn:aws:wafv2:us-east-1:123456789012:global/webacl/live/473e64fd-f30b-4765-81a0-62ad96dd167a")
        .priceClass("PriceClass_100")
        .build();

    DistributionConfig after = changesFor(edited, allFormats()).applyTo(edited);

    assertThat(after.origin("my-ads")).hasValue(USER_ORIGIN);
    assertThat(after.cacheBehaviors().subList(0, 2)).containsExactly(ads, usersM3u8);
    assertThat(patterns(after)).containsExactly("/ads/*", "*.m3u8", "*.ts", "*.mpd", "*.mp4", "*.ism/*");
    assertThat(after.cacheBehaviors().subList(2, 6))
        .allSatisfy(b -> assertThat(b.targetOriginId()).isEqualTo(CHANNEL_ORIGIN_ID));
    assertThat(after.aliases()).isEqualTo(edited.aliases());
    assertThat(after.webAclId()).isEqualTo(edited.webAclId());
    assertThat(after.priceClass()).isEqualTo("PriceClass_100");
    assertThat(after.comment()).isEqualTo(edited.comment());
    assertThat(after.callerReference()).isEqualTo(edited.callerReference());
    assertThat(after.errorCachingMinTtl()).isEqualTo(edited.errorCachingMinTtl());
    assertThat(changesFor(after, allFormats()).isEmpty()).isTrue();
  }

  @Test
  void changesFor_whenUserPointedTheDefaultAtTheirOrigin_neitherRetargetsItNorRemovesATargetedPlaceholder() {
    DistributionConfig edited = DistributionConfig.builder()
        .from(placeholderDistribution())
        .addOrigins(USER_ORIGIN)
        .defaultBehavior(userBehavior("*", "my-ads"))
        .addCacheBehaviors(userBehavior("/legacy/*", PLACEHOLDER_ID))
        .build();

    ChangeSet changes = changesFor(edited, List.of(hls()));
    DistributionConfig after = changes.applyTo(edited);

    assertThat(changes.changes())
        .noneMatch(DistributionChange.RetargetDefaultBehavior.class::isInstance)
        .noneMatch(DistributionChange.RemoveOrigin.class::isInstance);
    assertThat(after.defaultBehavior()).isEqualTo(edited.defaultBehavior());
    assertThat(after.origin(PLACEHOLDER_ID)).isPresent();
  }

  @Test
  void changesFor_whenUserPointedTheDefaultAtTheirOriginAndNothingTargetsThePlaceholder_removesOnlyThePlaceholder() {
    DistributionConfig edited = DistributionConfig.builder()
        .from(placeholderDistribution())
        .addOrigins(USER_ORIGIN)
        .defaultBehavior(userBehavior("*", "my-ads"))
        .build();

    DistributionConfig after = changesFor(edited, List.of(hls())).applyTo(edited);

    assertThat(after.defaultBehavior()).isEqualTo(edited.defaultBehavior());
    assertThat(after.origins()).extracting(Origin::id).containsExactly("my-ads", CHANNEL_ORIGIN_ID);
  }

  @Test
  void changesFor_whenDefaultTargetsThePlaceholder_retargetsItThenRemovesThePlaceholder() {
    ChangeSet changes = changesFor(placeholderDistribution(), List.of(hls()));

    assertThat(changes.changes()).map(c -> c.getClass().getSimpleName()).containsExactly(
        "AddOrigin", "AddCacheBehavior", "AddCacheBehavior", "RetargetDefaultBehavior", "RemoveOrigin");
    assertThat(changes.changes().get(3))
        .isEqualTo(new DistributionChange.RetargetDefaultBehavior(PLACEHOLDER_ID, CHANNEL_ORIGIN_ID));
    assertThat(changes.changes().get(4)).isEqualTo(new DistributionChange.RemoveOrigin(PLACEHOLDER_ID));

    DistributionConfig after = changes.applyTo(placeholderDistribution());
    assertThat(after.defaultBehavior().targetOriginId()).isEqualTo(CHANNEL_ORIGIN_ID);
    assertThat(after.origin(PLACEHOLDER_ID)).isEmpty();
  }

  @Test
  void changesFor_whenAnOriginAlreadyUsesTheEgressHostUnderAnotherId_reusesIt() {
    Origin usersOrigin = Origin.builder()
        .id("my-mediapackage")
        .domainName(HOST)
        .protocolPolicy(ProtocolPolicy.MATCH_VIEWER)
        .build();
    DistributionConfig config = DistributionConfig.builder().from(placeholderDistribution()).addOrigins(usersOrigin).build();

    ChangeSet changes = changesFor(config, List.of(hls()));
    DistributionConfig after = changes.applyTo(config);

    assertThat(changes.changes()).noneMatch(DistributionChange.AddOrigin.class::isInstance);
    assertThat(after.origins()).containsExactly(usersOrigin);
    assertThat(after.cacheBehaviors()).allSatisfy(b -> assertThat(b.targetOriginId()).isEqualTo("my-mediapackage"));
    assertThat(after.defaultBehavior().targetOriginId()).isEqualTo("my-mediapackage");
  }

  @Test
  void changesFor_whenEndpointsUseTwoEgressHosts_throwsInvalidRequestException() {
    OriginEndpoint elsewhere = Fixtures.endpoint(
        "live-news-dash", Packaging.DASH, OTHER_HOST, "/out/v1/247cff871f2845d3805129be22f2c0a2/index.mpd");

    assertThatThrownBy(() -> changesFor(placeholderDistribution(), List.of(hls(), elsewhere)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(HOST)
        .hasMessageContaining(OTHER_HOST);
  }

  // ---------------------------------------------------------------- CDN authorization

  @Test
  void changesFor_whenEndpointUsesCdnAuthorizationAndIdentifierIsKnown_addsTheIdentifierHeader() {
    OriginEndpoint secured = withAuthorization(hls());

    ChangeSet changes = DistributionLayout.changesFor(
        placeholderDistribution(), List.of(secured), CdnSettings.defaults(), SETTINGS,
            e -> Optional.of(CdnIdentifier.of(SECRET)));
    DistributionConfig after = changes.applyTo(placeholderDistribution());

    assertThat(changes.changes()).contains(new DistributionChange.AddOriginHeader(CHANNEL_ORIGIN_ID, CDN_HEADER, SECRET));
    assertThat(after.origin(CHANNEL_ORIGIN_ID).orElseThrow().customHeaders())
        .containsExactly(Map.entry("X-MediaPackage-CDNIdentifier", SECRET));
    assertThat(changes.toString()).doesNotContain(SECRET);
    assertThat(changes.changes()).allSatisfy(c -> assertThat(c.toString()).doesNotContain(SECRET));
  }

  @Test
  void changesFor_whenEndpointUsesCdnAuthorizationAndIdentifierIsUnknown_throwsValidationException() {
    OriginEndpoint secured = withAuthorization(hls());

    assertThatThrownBy(() -> changesFor(placeholderDistribution(), List.of(secured)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("live-news-hls")
        .hasMessageContaining("CDN authorization");
  }

  @Test
  void changesFor_whenOriginAlreadySendsTheHeader_neverChangesItAndNeedsNoIdentifier() {
    Origin withHeader = Origin.builder()
        .id(CHANNEL_ORIGIN_ID)
        .domainName(HOST)
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .addSslProtocols("TLSv1.2")
        .putCustomHeaders("x-mediapackage-cdnidentifier", "set-by-the-user")
        .build();
    DistributionConfig config =
        DistributionConfig.builder().from(laidOut(List.of(hls()))).origins(List.of(withHeader)).build();
    AtomicInteger asked = new AtomicInteger();

    ChangeSet changes = DistributionLayout.changesFor(config, List.of(withAuthorization(hls())),
        CdnSettings.defaults(), SETTINGS, e -> {
      asked.incrementAndGet();
      return Optional.empty();
    });

    assertThat(changes.isEmpty()).isTrue();
    assertThat(asked).hasValue(1); // asked, to compare with what the origin sends; unknown is no problem
  }

  @Test
  void changesFor_whenEndpointsNeedDifferentIdentifiers_throwsValidationException() {
    OriginEndpoint securedHls = withAuthorization(hls());
    OriginEndpoint securedDash = withAuthorization(dash());

    assertThatThrownBy(() -> DistributionLayout.changesFor(placeholderDistribution(), List.of(securedHls,
        securedDash), CdnSettings.defaults(),
            SETTINGS, e -> Optional.of(CdnIdentifier.of(e.id().value() + "-identifier"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("different CDN identifiers");
  }

  @Test
  void changesFor_whenIdentifierWasAddedOnce_isIdempotent() {
    List<OriginEndpoint> endpoints = List.of(withAuthorization(hls()));
    Function<OriginEndpoint, Optional<CdnIdentifier>> known = e -> Optional.of(CdnIdentifier.of(SECRET));
    DistributionConfig after = DistributionLayout.changesFor(placeholderDistribution(), endpoints,
        CdnSettings.defaults(), SETTINGS, known)
        .applyTo(placeholderDistribution());

    assertThat(DistributionLayout.changesFor(after, endpoints, CdnSettings.defaults(), SETTINGS,
        known).isEmpty()).isTrue();
  }

  /**
   * The seed's manual path: one origin per endpoint, each with the endpoint's host and, as the CloudFront console
   * fills it, the endpoint's path as origin path; the first one even holds the library's own origin id.
   */
  private static DistributionConfig manualDistribution() {
    List<Origin> origins = new ArrayList<>();
    for (OriginEndpoint endpoint : List.of(hls(), dash())) {
      String path = URI.create(endpoint.urls().get(0).value()).getPath();
      origins.add(Origin.builder()
          .id(origins.isEmpty() ? CHANNEL_ORIGIN_ID : "dash-origin")
          .domainName(HOST)
          .originPath(path.substring(0, path.lastIndexOf('/')))
          .protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
          .addSslProtocols("TLSv1.2")
          .build());
    }
    return DistributionConfig.builder().from(placeholderDistribution())
        .origins(origins)
        .defaultBehavior(CacheBehavior.builder().from(placeholderDistribution().defaultBehavior())
            .targetOriginId(CHANNEL_ORIGIN_ID).build())
        .build();
  }

  @Test
  void changesFor_onTheSeedsManualDistribution_addsAChannelOriginWithoutPathUnderAFreeIdAndKeepsTheUsersOrigins() {
    DistributionConfig manual = manualDistribution();
    List<OriginEndpoint> endpoints = List.of(hls(), dash());

    DistributionConfig after = changesFor(manual, endpoints).applyTo(manual);

    Origin added = after.origin(CHANNEL_ORIGIN_ID + "-2").orElseThrow();
    assertThat(added.domainName()).isEqualTo(HOST);
    assertThat(added.originPath()).isEmpty();
    assertThat(after.origins()).containsAll(manual.origins()).hasSize(manual.origins().size() + 1);
    assertThat(after.defaultBehavior()).isEqualTo(manual.defaultBehavior());
    assertThat(after.cacheBehaviors()).extracting(CacheBehavior::targetOriginId).containsOnly(added.id());
    assertThat(DistributionLayout.channelOrigin(after, HOST)).contains(added);
    for (OriginEndpoint endpoint : endpoints) {
      assertThat(CdnUrls.whyNotServed(endpoint, manual)).as("before").isPresent();
      assertThat(CdnUrls.whyNotServed(endpoint, after)).as("after").isEmpty();
    }
    assertThat(changesFor(after, endpoints).isEmpty()).isTrue();
  }

  @Test
  void channelOrigin_isAnOriginOnTheHostWithoutOriginPath_theLibrarysIdFirst() {
    Origin usersOnHost = Origin.builder().id("users-emp").domainName(HOST.toUpperCase(java.util.Locale.ROOT)).build();
    Origin librarys = Origin.builder().id(CHANNEL_ORIGIN_ID).domainName(HOST).build();
    Origin withPath = Origin.builder().id("with-path").domainName(HOST).originPath("/out/v1").build();
    DistributionConfig config = placeholderDistribution();

    assertThat(DistributionLayout.channelOrigin(
        DistributionConfig.builder().from(config).origins(List.of(withPath)).build(), HOST)).isEmpty();
    assertThat(DistributionLayout.channelOrigin(
        DistributionConfig.builder().from(config).origins(List.of(withPath, usersOnHost)).build(), HOST))
        .contains(usersOnHost);
    assertThat(DistributionLayout.channelOrigin(
        DistributionConfig.builder().from(config).origins(List.of(usersOnHost, librarys)).build(), HOST))
        .contains(librarys);
  }

  @Test
  void changesFor_whenTheChannelOriginSendsAnotherIdentifier_throwsTheMismatchNamingNoValue() {
    DistributionConfig sendsOther = laidOutWith(List.of(withAuthorization(hls())), "a-value-rotated-by-hand");

    ResourceConflictException e = catchThrowableOfType(ResourceConflictException.class,
        () -> DistributionLayout.changesFor(sendsOther, List.of(withAuthorization(hls()), withAuthorization(dash())),
            CdnSettings.defaults(),
            SETTINGS, endpoint -> Optional.of(CdnIdentifier.of(SECRET))));

    assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.CDN_IDENTIFIER_MISMATCH);
    assertThat(e.resourceId()).contains(CHANNEL_ORIGIN_ID);
    assertThat(e.getMessage()).contains("live-news-hls", "live-news-dash", CDN_HEADER)
        .doesNotContain(SECRET, "a-value-rotated-by-hand");
  }

  @Test
  void changesFor_whenTheChannelOriginSendsTheSameIdentifier_changesNothing() {
    DistributionConfig sendsSame = laidOutWith(List.of(withAuthorization(hls())), SECRET);

    assertThat(DistributionLayout.changesFor(sendsSame, List.of(withAuthorization(hls())), CdnSettings.defaults(),
        SETTINGS,
        endpoint -> Optional.of(CdnIdentifier.of(SECRET))).isEmpty()).isTrue();
  }

  @Test
  void refuseOtherIdentifier_comparesWithTheChannelOriginOnly() {
    DistributionConfig sendsSecret = laidOutWith(List.of(withAuthorization(hls())), SECRET);
    CdnIdentifier other = CdnIdentifier.of("another-identifier-0001");

    assertThatThrownBy(() -> DistributionLayout.refuseOtherIdentifier(sendsSecret, HOST, other, List.of("e1")))
        .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.reason())
            .isEqualTo(ResourceConflictException.Reason.CDN_IDENTIFIER_MISMATCH));
    DistributionLayout.refuseOtherIdentifier(sendsSecret, HOST, CdnIdentifier.of(SECRET), List.of("e1"));
    DistributionLayout.refuseOtherIdentifier(sendsSecret, OTHER_HOST, other, List.of("e1"));
  }

  /** The laid-out distribution whose channel origin sends {@code headerValue}. */
  private static DistributionConfig laidOutWith(List<OriginEndpoint> endpoints, String headerValue) {
    DistributionConfig placeholder = placeholderDistribution();
    return DistributionLayout.changesFor(placeholder, endpoints, CdnSettings.defaults(), SETTINGS,
        e -> Optional.of(CdnIdentifier.of(headerValue))).applyTo(placeholder);
  }
}
