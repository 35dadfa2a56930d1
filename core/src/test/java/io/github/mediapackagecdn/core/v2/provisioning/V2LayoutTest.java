package io.github.mediapackagecdn.core.v2.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class V2LayoutTest {

  static final CdnSettings SETTINGS = CdnSettings.defaults();
  static final Optional<ChannelGroup> ONE_REGION = Optional.empty();
  static final ChannelGroup GROUP = ChannelGroup.builder().name("live")
      .arn("arn:aws:mediapackagev2:us-west-2:123456789012:channelGroup/live")
      .egressDomain("abc123.egress.def456.mediapackagev2.us-west-2.amazonaws.com").build();
  static final V2Layout.Policies POLICIES = new V2Layout.Policies("E2OAC", "manifest-id", "segment-id");
  static final String ARN = "arn:aws:mediapackagev2:us-west-2:123456789012:channelGroup/live/channel/news";

  static DistributionConfig created() {
    return created(POLICIES);
  }

  private static DistributionConfig created(V2Layout.Policies policies) {
    return V2Layout.newDistribution(GROUP, V2Layout.callerReference(ARN), "comment", policies, SETTINGS);
  }

  /** An endpoint of channel live/news, each manifest with its URL on the group's egress domain. */
  static V2Endpoint endpoint(String name, ContainerType container, Manifest... manifests) {
    V2EndpointId id = V2EndpointId.of("live", "news", name);
    return V2Endpoint.builder().id(id).arn(ARN + "/originEndpoint/" + name).containerType(container)
        .addAllManifests(Arrays.stream(manifests)
            .map(m -> m.withUrl("https://" + GROUP.egressDomain() + id.pathPrefix() + m.fileName())).toList())
        .build();
  }

  private static final V2CdnSettings ORIGIN_SETTINGS = V2CdnSettings.builder().segmentDurationSeconds(6)
      .responseCompletionTimeoutSeconds(12).originShieldRegion("us-west-2").build();

  @Test
  void origin_byDefault_sendsNoTimeoutAndNoOriginShield() {
    Origin origin = V2Layout.origin(GROUP, "E2OAC", SETTINGS, V2CdnSettings.defaults());

    assertThat(origin.connectionTimeoutSeconds()).isEmpty();
    assertThat(origin.connectionAttempts()).isEmpty();
    assertThat(origin.readTimeoutSeconds()).isEmpty();
    assertThat(origin.keepAliveTimeoutSeconds()).isEmpty();
    assertThat(origin.responseCompletionTimeoutSeconds()).isEmpty();
    assertThat(origin.originShieldRegion()).isEmpty();
  }

  @Test
  void newDistribution_origin_hasTheSettingsTimeoutsAndOriginShield() {
    Origin origin = V2Layout.newDistribution(GROUP, V2Layout.callerReference(ARN), "comment", POLICIES, SETTINGS,
        ORIGIN_SETTINGS).origins().get(0);

    assertThat(origin.connectionTimeoutSeconds()).contains(3);
    assertThat(origin.readTimeoutSeconds()).contains(3);
    assertThat(origin.keepAliveTimeoutSeconds()).contains(7);
    assertThat(origin.responseCompletionTimeoutSeconds()).contains(12);
    assertThat(origin.originShieldRegion()).contains("us-west-2");
  }

  @Test
  void changesFor_addsTheSecondaryOriginWithTheSettings_andGivesThemToTheExistingOrigin_everythingElseKept() {
    V2Endpoint hls = endpoint("hls", ContainerType.TS, Manifest.of(ManifestType.HLS, "index"));
    ChangeSet changes = V2Layout.changesFor(created(), GROUP, Optional.of(SECONDARY), List.of(hls), POLICIES,
        Optional.empty(), SETTINGS, ORIGIN_SETTINGS);

    List<Origin> added = changes.changes().stream().filter(DistributionChange.AddOrigin.class::isInstance)
        .map(c -> ((DistributionChange.AddOrigin) c).origin()).toList();
    assertThat(added).extracting(Origin::id).containsExactly("EMP2-live-eu-west-1");
    assertThat(added.get(0).readTimeoutSeconds()).contains(3);
    assertThat(added.get(0).originShieldRegion()).contains("us-west-2");
    assertThat(changes.changes()).filteredOn(DistributionChange.UseOriginSettings.class::isInstance)
        .extracting(c -> ((DistributionChange.UseOriginSettings) c).originId()).containsExactly("EMP2-live");
    Origin before = created().origin("EMP2-live").orElseThrow();
    DistributionConfig after = changes.applyTo(created());
    assertThat(after.origin("EMP2-live")).contains(Origin.builder().from(before).connectionTimeoutSeconds(3)
        .readTimeoutSeconds(3).keepAliveTimeoutSeconds(7).responseCompletionTimeoutSeconds(12)
        .originShieldRegion("us-west-2").build());
    assertThat(V2Layout.changesFor(created(), GROUP, Optional.empty(), List.of(), POLICIES, Optional.empty(),
        SETTINGS, V2CdnSettings.defaults()).changes()).as("settings unset: the origin untouched")
        .noneMatch(DistributionChange.UseOriginSettings.class::isInstance);
  }

  @Test
  void changesFor_refusesAResponseCompletionTimeoutBelowTheReadTimeoutAnExistingOriginKeeps() {
    DistributionConfig config = created();
    DistributionConfig tuned = DistributionConfig.builder().from(config).origins(List.of(Origin.builder()
        .from(config.origin("EMP2-live").orElseThrow()).readTimeoutSeconds(60).build())).build();
    V2CdnSettings completion = V2CdnSettings.builder().responseCompletionTimeoutSeconds(40).build();

    assertThatThrownBy(() -> V2Layout.changesFor(tuned, GROUP, Optional.empty(), List.of(), POLICIES,
        Optional.empty(), SETTINGS, completion)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("read timeout of 60 s");
    assertThat(V2Layout.changesFor(config, GROUP, Optional.empty(), List.of(), POLICIES, Optional.empty(), SETTINGS,
        completion).changes()).as("CloudFront's default read timeout, 30 s, is below it")
        .containsExactly(new DistributionChange.UseOriginSettings("EMP2-live", new DistributionChange.OriginSettings(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(40), Optional.empty())));
  }

  @Test
  void origin_isTheEgressDomain_httpsOnly_tls12_signedByTheOac() {
    Origin origin = V2Layout.origin(GROUP, "E2OAC", SETTINGS);

    assertThat(origin.id()).isEqualTo("EMP2-live");
    assertThat(origin.domainName()).isEqualTo(GROUP.egressDomain());
    assertThat(origin.originPath()).isEmpty();
    assertThat(origin.protocolPolicy()).contains(ProtocolPolicy.HTTPS_ONLY);
    assertThat(origin.sslProtocols()).containsExactly("TLSv1.2");
    assertThat(origin.originAccessControlId()).contains("E2OAC");
    assertThat(origin.customHeaders()).isEmpty();
  }

  @Test
  void newDistribution_defaultBehaviourTargetsTheGroupOrigin_noPlaceholder() {
    DistributionConfig config = created();

    assertThat(config.origins()).extracting(Origin::id).containsExactly("EMP2-live");
    assertThat(config.defaultBehavior().targetOriginId()).isEqualTo("EMP2-live");
    assertThat(config.defaultBehavior().cachePolicyId()).contains("segment-id");
    assertThat(config.defaultBehavior().viewerProtocolPolicy()).isEqualTo(ProtocolPolicy.REDIRECT_TO_HTTPS);
    assertThat(config.cacheBehaviors()).isEmpty();
    assertThat(config.priceClass()).isEqualTo("PriceClass_All");
    assertThat(config.errorCachingMinTtl()).isNotEmpty();
  }

  private static final ChannelGroup SECONDARY = ChannelGroup.builder().name("live")
      .arn("arn:aws:mediapackagev2:eu-west-1:123456789012:channelGroup/live")
      .egressDomain("xyz789.egress.uvw012.mediapackagev2.eu-west-1.amazonaws.com").build();

  @Test
  void changesFor_withASecondaryRegion_addsItsOrigin_aMediaQualityBasedGroup_andBehavioursOnTheGroup() {
    V2Endpoint hls = endpoint("hls", ContainerType.TS, Manifest.of(ManifestType.HLS, "index"));
    CdnIdentifier id = CdnIdentifier.of("0123456789abcdef");

    ChangeSet changes = V2Layout.changesFor(created(), GROUP, Optional.of(SECONDARY), List.of(hls), POLICIES,
        Optional.of(id), SETTINGS);
    DistributionConfig after = changes.applyTo(created());

    Origin second = after.origin("EMP2-live-eu-west-1").orElseThrow();
    assertThat(second.domainName()).isEqualTo(SECONDARY.egressDomain());
    assertThat(second.originAccessControlId()).contains("E2OAC");
    assertThat(second.protocolPolicy()).contains(ProtocolPolicy.HTTPS_ONLY);
    assertThat(after.origins()).allSatisfy(o -> assertThat(o.customHeaders())
        .containsExactly(entry("X-MediaPackageV2-CDNIdentifier", "0123456789abcdef")));
    assertThat(after.originGroups()).singleElement().satisfies(g -> {
      assertThat(g.id()).isEqualTo("EMP2-live-mqar");
      assertThat(g.memberOriginIds()).containsExactly("EMP2-live", "EMP2-live-eu-west-1");
      assertThat(g.selectionCriteria()).isEqualTo(OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED);
      assertThat(g.failoverStatusCodes()).containsExactly(404, 500, 502, 503, 504);
    });
    assertThat(after.cacheBehaviors()).extracting(CacheBehavior::targetOriginId).containsOnly("EMP2-live-mqar");
    assertThat(after.defaultBehavior().targetOriginId()).as("the default stays on the group's origin")
        .isEqualTo("EMP2-live");
    assertThat(V2Layout.whyNotServed(after, hls)).isEmpty();
    assertThat(V2Layout.changesFor(after, GROUP, Optional.of(SECONDARY), List.of(hls), POLICIES, Optional.of(id),
        SETTINGS).isEmpty()).isTrue();
  }

  @Test
  void changesFor_aSecondaryRegionAddedLater_movesTheLibrarysBehaviours_butNotAUsersOne() {
    V2Endpoint hls = endpoint("hls", ContainerType.TS, Manifest.of(ManifestType.HLS, "index"));
    V2Endpoint dash = endpoint("dash", ContainerType.CMAF, Manifest.of(ManifestType.DASH, "index"));
    DistributionConfig oneRegion = V2Layout.changesFor(created(), GROUP, ONE_REGION, List.of(hls, dash), POLICIES,
        Optional.empty(), SETTINGS).applyTo(created());
    String usersPattern = "/out/v1/live/news/dash/*.mpd";
    DistributionConfig edited = DistributionConfig.builder().from(oneRegion)
        .addOrigins(Origin.builder().id("mine").domainName("example.com").protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
            .addSslProtocols("TLSv1.2").build())
        .cacheBehaviors(oneRegion.cacheBehaviors().stream().map(b -> b.pathPattern().equals(usersPattern)
            ? CacheBehavior.builder().from(b).targetOriginId("mine").build() : b).toList())
        .build();

    DistributionConfig after = V2Layout.changesFor(edited, GROUP, Optional.of(SECONDARY), List.of(hls, dash),
        POLICIES, Optional.empty(), SETTINGS).applyTo(edited);

    assertThat(after.cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsExactlyElementsOf(edited.cacheBehaviors().stream().map(CacheBehavior::pathPattern).toList());
    assertThat(after.cacheBehaviors()).filteredOn(b -> !b.pathPattern().equals(usersPattern))
        .extracting(CacheBehavior::targetOriginId).containsOnly("EMP2-live-mqar");
    assertThat(after.behavior(usersPattern).orElseThrow().targetOriginId()).isEqualTo("mine");
    assertThat(V2Layout.whyNotServed(after, hls)).isEmpty();
    assertThat(V2Layout.whyNotServed(after, dash)).hasValueSatisfying(r -> assertThat(r).contains("mine"));
  }

  @Test
  void callerReference_isDerivedFromTheArn_asV1() {
    assertThat(V2Layout.callerReference(ARN)).isEqualTo(V2Layout.callerReference(ARN))
        .matches("mediapackage-cdn-[0-9a-f]{32}-0")
        .isNotEqualTo(V2Layout.callerReference(ARN + "x"));
  }

  @Test
  void tags_holdTheLinkTag_andTheUsersOnes() {
    assertThat(V2Layout.tags(ARN, java.util.Map.of("team", "video"), SETTINGS))
        .containsEntry("mediapackage:cloudfront_assoc", ARN).containsEntry("team", "video").hasSize(2);
  }

  @Test
  void comment_namesGroupAndChannel_cutTo128() {
    assertThat(V2Layout.defaultComment(V2ChannelId.of("live", "news"), SETTINGS))
        .isEqualTo("MediaPackage live channel live/news");
    assertThat(V2Layout.defaultComment(V2ChannelId.of("live", "n".repeat(200)), SETTINGS)).hasSize(128);
  }

  @Test
  void behaviours_perContainer_manifestsFirstThenSegments() {
    assertThat(V2Layout.behaviors(endpoint("ts", ContainerType.TS, Manifest.of(ManifestType.HLS, "index")),
        "EMP2-live", POLICIES)).extracting(CacheBehavior::pathPattern, b -> b.cachePolicyId().orElseThrow())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/out/v1/live/news/ts/*.m3u8", "manifest-id"),
            org.assertj.core.groups.Tuple.tuple("/out/v1/live/news/ts/*", "segment-id"));
    assertThat(V2Layout.behaviors(endpoint("cmaf", ContainerType.CMAF, Manifest.of(ManifestType.DASH, "d")),
        "EMP2-live", POLICIES)).extracting(CacheBehavior::pathPattern).containsExactly(
            "/out/v1/live/news/cmaf/*.m3u8", "/out/v1/live/news/cmaf/*.mpd", "/out/v1/live/news/cmaf/*");
    List<CacheBehavior> mss = V2Layout.behaviors(endpoint("mss", ContainerType.ISM,
        Manifest.of(ManifestType.MSS, "s")), "EMP2-live", POLICIES);
    assertThat(mss).extracting(CacheBehavior::pathPattern)
        .containsExactly("/out/v1/live/news/mss/*.ism/Manifest", "/out/v1/live/news/mss/*");
    assertThat(mss).allSatisfy(b -> assertThat(b.smoothStreaming()).isTrue());
    assertThat(mss).allSatisfy(b -> {
      assertThat(b.viewerProtocolPolicy()).isEqualTo(ProtocolPolicy.REDIRECT_TO_HTTPS);
      assertThat(b.allowedMethods()).containsExactly("GET", "HEAD", "OPTIONS");
      assertThat(b.cachedMethods()).containsExactly("GET", "HEAD");
    });
  }

  @Test
  void cachePolicies_keyManifestsOnTheGuidesQueryStrings_segmentsOnNone_compressed_honouringCacheControl() {
    CachePolicyConfig manifests = V2Layout.manifestPolicy(V2CdnSettings.defaults());
    CachePolicyConfig segments = V2Layout.segmentPolicy(V2CdnSettings.defaults());

    assertThat(manifests.queryStrings()).containsExactly("aws.manifestfilter", "aws.manifestsettings", "_HLS_msn",
        "_HLS_part");
    assertThat(manifests.queryStringBehavior()).isEqualTo("whitelist");
    assertThat(segments.queryStrings()).isEmpty();
    assertThat(segments.queryStringBehavior()).isEqualTo("none");
    for (CachePolicyConfig policy : List.of(manifests, segments)) {
      assertThat(policy.gzip()).isTrue();
      assertThat(policy.brotli()).isTrue();
      assertThat(policy.headerBehavior()).isEqualTo("none");
      assertThat(policy.cookieBehavior()).isEqualTo("none");
      assertThat(policy.minTtl()).isZero();
      assertThat(policy.maxTtl()).isEqualTo(31_536_000L);
    }
    assertThat(manifests.name()).matches("mediapackage-cdn-v2-manifests-[0-9a-f]{8}")
        .isEqualTo(V2Layout.manifestPolicy(V2CdnSettings.defaults()).name());
    assertThat(segments.name()).matches("mediapackage-cdn-v2-segments-[0-9a-f]{8}");
    assertThat(V2Layout.behaviors(endpoint("hls", ContainerType.TS, Manifest.of(ManifestType.HLS, "index")),
        "EMP2-live", POLICIES)).allSatisfy(b -> assertThat(b.compress()).isTrue());
    assertThat(created().defaultBehavior().compress()).isTrue();
  }

  @Test
  void responseHeadersPolicy_onEveryBehaviourTheLibraryCreates_whenSet_noneOtherwise() {
    V2CdnSettings cors = V2CdnSettings.builder()
        .responseHeadersPolicyId(V2CdnSettings.MANAGED_CORS_AND_SECURITY_HEADERS_POLICY_ID).build();
    V2Endpoint cmaf = endpoint("cmaf", ContainerType.CMAF, Manifest.of(ManifestType.DASH, "index"));

    assertThat(V2Layout.behaviors(cmaf, "EMP2-live", POLICIES, cors)).hasSize(3).allSatisfy(b ->
        assertThat(b.responseHeadersPolicyId()).contains("e61eb60c-9c35-4d20-a928-2b84e02af89c"));
    assertThat(V2Layout.newDistribution(GROUP, V2Layout.callerReference(ARN), "comment", POLICIES, SETTINGS, cors)
        .defaultBehavior().responseHeadersPolicyId()).contains(V2CdnSettings.MANAGED_CORS_AND_SECURITY_HEADERS_POLICY_ID);
    assertThat(V2Layout.changesFor(created(), GROUP, Optional.empty(), List.of(cmaf), POLICIES, Optional.empty(),
        SETTINGS, cors).changes()).filteredOn(DistributionChange.AddCacheBehavior.class::isInstance).hasSize(3)
        .allSatisfy(c -> assertThat(((DistributionChange.AddCacheBehavior) c).behavior().responseHeadersPolicyId())
            .contains(V2CdnSettings.MANAGED_CORS_AND_SECURITY_HEADERS_POLICY_ID));
    assertThat(V2Layout.behaviors(cmaf, "EMP2-live", POLICIES)).allSatisfy(b ->
        assertThat(b.responseHeadersPolicyId()).isEmpty());
    assertThat(created().defaultBehavior().responseHeadersPolicyId()).isEmpty();
  }

  @Test
  void cachePolicies_carryTheSettingsTtls() {
    V2CdnSettings settings = V2CdnSettings.builder().manifestMinTtlSeconds(1).manifestDefaultTtlSeconds(2)
        .manifestMaxTtlSeconds(60).segmentMinTtlSeconds(3).segmentDefaultTtlSeconds(4)
        .segmentMaxTtlSeconds(1_209_600).build();

    CachePolicyConfig manifests = V2Layout.manifestPolicy(settings);
    CachePolicyConfig segments = V2Layout.segmentPolicy(settings);

    assertThat(List.of(manifests.minTtl(), manifests.defaultTtl(), manifests.maxTtl())).containsExactly(1L, 2L, 60L);
    assertThat(List.of(segments.minTtl(), segments.defaultTtl(), segments.maxTtl()))
        .containsExactly(3L, 4L, 1_209_600L);
    assertThat(manifests.name()).isEqualTo(settings.manifestCachePolicyName());
    assertThat(segments.name()).isEqualTo(settings.segmentCachePolicyName());
  }

  @Test
  void timeShiftQueryStrings_onlyWhenAsked_makeAnotherPolicyByAnotherName() {
    CachePolicyConfig timeShift =
        V2Layout.manifestPolicy(V2CdnSettings.builder().timeShiftQueryStrings(true).build());

    assertThat(timeShift.queryStrings()).containsExactly("aws.manifestfilter", "aws.manifestsettings", "_HLS_msn",
        "_HLS_part", "start", "end", "time_delay");
    assertThat(timeShift.name()).startsWith("mediapackage-cdn-v2-manifests-")
        .isNotEqualTo(V2Layout.manifestPolicy(V2CdnSettings.defaults()).name());
  }

  @Test
  void manifestQueryStrings_beyondCloudFrontsTenPerCachePolicy_areRefusedWhenTheSettingsAreBuilt() {
    V2CdnSettings ten = V2CdnSettings.builder().timeShiftQueryStrings(true)
        .addExtraManifestQueryStrings("_HLS_skip", "aws.manifestfilter", "ads", "session").build();
    assertThat(ten.manifestQueryStrings()).hasSize(10); // a repeated one counts once

    assertThatThrownBy(() -> V2CdnSettings.builder().timeShiftQueryStrings(true)
        .addExtraManifestQueryStrings("_HLS_skip", "ads", "session", "one-more").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("would key on 11 query strings; CloudFront allows 10 per cache policy");
    assertThatThrownBy(() -> V2CdnSettings.builder().addExtraManifestQueryStrings("q".repeat(129), "").build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void changesFor_movesTheBehavioursTheLibraryMadeOnEarlierPolicies_andKeepsEveryOtherOne() {
    V2Endpoint hls = endpoint("hls", ContainerType.TS, Manifest.of(ManifestType.HLS, "index"));
    V2Endpoint dash = endpoint("dash", ContainerType.CMAF, Manifest.of(ManifestType.DASH, "index"));
    V2Layout.Policies before = new V2Layout.Policies("E2OAC", "old-manifests", "old-segments");
    DistributionConfig earlier = V2Layout.changesFor(created(before), GROUP, ONE_REGION, List.of(hls, dash), before,
        Optional.empty(), SETTINGS).applyTo(created(before));
    String dashManifests = "/out/v1/live/news/dash/*.mpd";
    String dashSegments = "/out/v1/live/news/dash/*";
    DistributionConfig edited = DistributionConfig.builder().from(earlier).cacheBehaviors(earlier.cacheBehaviors()
        .stream().map(b -> {
          CacheBehavior.Builder old = CacheBehavior.builder().from(b).compress(false);
          if (b.pathPattern().equals(dashManifests)) {
            return old.cachePolicyId("users-policy").build(); // the user chose another policy: theirs
          }
          if (b.pathPattern().equals(dashSegments)) {
            return old.targetOriginId("users-origin").build(); // the user sent it elsewhere: theirs
          }
          return old.viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY).build(); // a user's setting on ours
        }).toList()).build();
    V2Layout.Policies now = new V2Layout.Policies("E2OAC", "manifest-id", "segment-id",
        java.util.Set.of("old-manifests", "old-segments"));

    ChangeSet changes = V2Layout.changesFor(edited, GROUP, ONE_REGION, List.of(hls, dash), now, Optional.empty(),
        SETTINGS);
    DistributionConfig after = changes.applyTo(edited);

    assertThat(after.behavior("/out/v1/live/news/hls/*.m3u8").orElseThrow()).satisfies(b -> {
      assertThat(b.cachePolicyId()).contains("manifest-id");
      assertThat(b.compress()).isTrue();
      assertThat(b.viewerProtocolPolicy()).as("the user's setting kept").isEqualTo(ProtocolPolicy.HTTPS_ONLY);
    });
    assertThat(after.behavior("/out/v1/live/news/hls/*").orElseThrow().cachePolicyId()).contains("segment-id");
    assertThat(after.behavior("/out/v1/live/news/dash/*.m3u8").orElseThrow().cachePolicyId()).contains("manifest-id");
    assertThat(after.behavior(dashManifests)).isEqualTo(edited.behavior(dashManifests));
    assertThat(after.behavior(dashSegments)).isEqualTo(edited.behavior(dashSegments));
    assertThat(after.defaultBehavior().cachePolicyId()).contains("segment-id");
    assertThat(after.defaultBehavior().compress()).isTrue();
    assertThat(changes.changes()).hasSize(4);
    assertThat(V2Layout.changesFor(after, GROUP, ONE_REGION, List.of(hls, dash), now, Optional.empty(), SETTINGS)
        .isEmpty()).as("converged: nothing the next time").isTrue();
  }

  @Test
  void changesFor_aNewDistribution_addsOnlyTheBehaviours_andNothingTheSecondTime() {
    V2Endpoint hls = endpoint("hls", ContainerType.TS, Manifest.of(ManifestType.HLS, "index"));
    ChangeSet changes =
        V2Layout.changesFor(created(), GROUP, ONE_REGION, List.of(hls), POLICIES, Optional.empty(), SETTINGS);

    assertThat(changes.changes()).hasSize(2).allMatch(c -> c instanceof DistributionChange.AddCacheBehavior);
    DistributionConfig after = changes.applyTo(created());
    assertThat(V2Layout.changesFor(after, GROUP, ONE_REGION, List.of(hls), POLICIES, Optional.empty(), SETTINGS)
        .isEmpty()).isTrue();
    assertThat(V2Layout.whyNotServed(after, hls)).isEmpty();
    // before its behaviours, the default behaviour brings the endpoint's paths to the group's origin, signed
    assertThat(V2Layout.whyNotServed(created(), hls)).isEmpty();
  }

  @Test
  void changesFor_aDistributionWithoutTheOrigin_addsIt_andTheCdnIdentifierHeader() {
    DistributionConfig foreign = DistributionConfig.builder().from(created()).origins(List.of(
        Origin.builder().id("other").domainName("example.com").protocolPolicy(ProtocolPolicy.HTTPS_ONLY).build()))
        .build();
    CdnIdentifier id = CdnIdentifier.of("0123456789abcdef");

    ChangeSet changes =
        V2Layout.changesFor(foreign, GROUP, ONE_REGION, List.of(), POLICIES, Optional.of(id), SETTINGS);

    assertThat(changes.changes()).hasSize(2);
    assertThat(changes.changes().get(0)).isInstanceOf(DistributionChange.AddOrigin.class);
    assertThat(changes.changes().get(1)).isEqualTo(new DistributionChange.AddOriginHeader("EMP2-live",
        "X-MediaPackageV2-CDNIdentifier", "0123456789abcdef"));
    DistributionConfig after = changes.applyTo(foreign);
    assertThat(after.origin("EMP2-live").orElseThrow().customHeaders())
        .containsEntry("X-MediaPackageV2-CDNIdentifier", "0123456789abcdef");
    assertThatThrownBy(() -> V2Layout.changesFor(after, GROUP, ONE_REGION, List.of(), POLICIES,
        Optional.of(CdnIdentifier.of("another-identifier")), SETTINGS))
        .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.reason())
            .isEqualTo(ResourceConflictException.Reason.CDN_IDENTIFIER_MISMATCH));
  }

  @Test
  void refuseUnservedAuthorization_refusesAnotherIdentifier_andNoneKnownWhereNoneIsSent() {
    V2Endpoint hls = endpoint("hls", ContainerType.TS, Manifest.of(ManifestType.HLS, "index"));
    CdnIdentifier id = CdnIdentifier.of("0123456789abcdef");
    DistributionConfig sending = V2Layout.changesFor(created(), GROUP, ONE_REGION, List.of(hls), POLICIES,
        Optional.of(id), SETTINGS).applyTo(created());
    List<String> primary = V2Layout.originIds(GROUP, ONE_REGION);
    List<String> both = V2Layout.originIds(GROUP, Optional.of(SECONDARY));
    assertThat(both).containsExactly("EMP2-live", "EMP2-live-eu-west-1");

    assertThatThrownBy(() -> V2Layout.refuseUnservedAuthorization(sending, primary,
        Optional.of(CdnIdentifier.of("another-identifier")), List.of("hls")))
        .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
          assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.CDN_IDENTIFIER_MISMATCH);
          assertThat(e.getMessage()).contains("EMP2-live", "[hls]", "X-MediaPackageV2-CDNIdentifier")
              .doesNotContain("another-identifier", id.reveal());
        });
    assertThatThrownBy(() -> V2Layout.refuseUnservedAuthorization(created(), primary, Optional.empty(),
        List.of("hls"))).isInstanceOf(ValidationException.class).hasMessageContaining("[EMP2-live] send no");
    assertThatThrownBy(() -> V2Layout.refuseUnservedAuthorization(sending, both, Optional.empty(), List.of("hls")))
        .as("the secondary Region's origin does not exist yet: it would send none")
        .isInstanceOf(ValidationException.class).hasMessageContaining("[EMP2-live-eu-west-1] send no");
    V2Layout.refuseUnservedAuthorization(sending, primary, Optional.of(id), List.of("hls"));
    V2Layout.refuseUnservedAuthorization(sending, primary, Optional.empty(), List.of("hls")); // sent: trusted
    V2Layout.refuseUnservedAuthorization(created(), both, Optional.empty(), List.of()); // no CDN authorization
    V2Layout.refuseUnservedAuthorization(created(), both, Optional.of(id), List.of("hls")); // the header is added
  }

  @Test
  void changesFor_neverTouchesABehaviourTheUserMadeForThePath() {
    V2Endpoint hls = endpoint("hls", ContainerType.TS, Manifest.of(ManifestType.HLS, "index"));
    CacheBehavior users = CacheBehavior.builder().pathPattern("/out/v1/live/news/hls/*.m3u8").targetOriginId("mine")
        .viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY).build();
    DistributionConfig config = DistributionConfig.builder().from(created()).addCacheBehaviors(users).build();

    DistributionConfig after = V2Layout.changesFor(config, GROUP, ONE_REGION, List.of(hls), POLICIES,
        Optional.empty(), SETTINGS).applyTo(config);

    assertThat(after.behavior("/out/v1/live/news/hls/*.m3u8")).contains(users);
    assertThat(V2Layout.whyNotServed(after, hls)).hasValueSatisfying(r ->
        assertThat(r).contains("cache behaviour '/out/v1/live/news/hls/*.m3u8' sends /out/v1/live/news/hls/index.m3u8")
            .contains("'mine', which is not an origin of the distribution"));
  }

  @Test
  void cdnUrl_keepsPathAndQuery_onTheDistributionsDomain() {
    assertThat(V2Describer.cdnUrl("https://" + GROUP.egressDomain() + "/out/v1/live/news/hls/index.m3u8?a=1",
        "d111.cloudfront.net")).isEqualTo("https://d111.cloudfront.net/out/v1/live/news/hls/index.m3u8?a=1");
  }

  private static DistributionConfig laidOut(V2Endpoint endpoint) {
    return V2Layout.changesFor(created(), GROUP, ONE_REGION, List.of(endpoint), POLICIES, Optional.empty(), SETTINGS)
        .applyTo(created());
  }

  @Test
  void whyNotServed_checksTheSegments_notOnlyTheManifests() {
    V2Endpoint hls = endpoint("hls", ContainerType.TS, Manifest.of(ManifestType.HLS, "index"));
    DistributionConfig served = laidOut(hls);
    Origin bucket = Origin.builder().id("vod").domainName("vod.example.com").protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .addSslProtocols("TLSv1.2").build();
    CacheBehavior segments = CacheBehavior.builder().pathPattern("*.ts").targetOriginId("vod")
        .viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY).build();
    List<CacheBehavior> usersFirst = new java.util.ArrayList<>(List.of(segments));
    usersFirst.addAll(served.cacheBehaviors());
    DistributionConfig taken = DistributionConfig.builder().from(served).addOrigins(bucket)
        .cacheBehaviors(usersFirst).build();

    assertThat(V2Layout.whyNotServed(served, hls)).isEmpty();
    assertThat(V2Layout.whyNotServed(taken, hls)).hasValueSatisfying(r -> assertThat(r)
        .contains("cache behaviour '*.ts' sends /out/v1/live/news/hls/segment_1.ts to origin 'vod'"));
  }

  @Test
  void whyNotServed_anOriginWithoutOriginAccessControl_isNotServed() {
    V2Endpoint hls = endpoint("hls", ContainerType.TS, Manifest.of(ManifestType.HLS, "index"));
    DistributionConfig served = laidOut(hls);
    DistributionConfig unsigned = DistributionConfig.builder().from(served).origins(served.origins().stream()
        .map(o -> Origin.builder().from(o).originAccessControlId(Optional.empty()).build()).toList()).build();

    assertThat(V2Layout.whyNotServed(unsigned, hls)).hasValueSatisfying(r -> assertThat(r)
        .contains("has no origin access control").contains("403"));
  }

  @Test
  void whyNotServed_aManifestWithoutItsUrl_isNotServed_withTheReason() {
    V2Endpoint hls = endpoint("hls", ContainerType.TS, Manifest.of(ManifestType.HLS, "index"));
    V2Endpoint noUrl = V2Endpoint.builder().from(hls).manifests(List.of(Manifest.of(ManifestType.HLS, "index")))
        .build();

    assertThat(V2Layout.whyNotServed(laidOut(hls), noUrl)).hasValueSatisfying(r -> assertThat(r)
        .contains("a manifest whose URL MediaPackage did not give"));
    assertThat(V2Layout.playerUrls(hls)).containsExactly(
        "https://" + GROUP.egressDomain() + "/out/v1/live/news/hls/index.m3u8",
        "https://" + GROUP.egressDomain() + "/out/v1/live/news/hls/segment_1.ts");
  }
}
