package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.mediapackagecdn.testkit.V2Specs.NEWS;
import static io.github.mediapackagecdn.testkit.V2Specs.news;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.v2.model.CachePolicy;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache keys AWS recommends for v2, and a fleet made by an earlier layout converging on the next save: the
 * library's behaviours still on its earlier cache policies move to the current ones, compressed; a user's behaviour
 * and a user's cache policy are left as they are, and the earlier policies are not deleted.
 */
class CacheKeyConvergenceOnFakesTest {

  private static final String USERS_PATTERN = "/vod/*";

  private final FakeAws aws = FakeAws.create();

  /** The policies the earlier layout created, by their fixed names: v1's {@code m}, time-shift keys always. */
  private CachePolicy earlierManifests;
  private CachePolicy earlierSegments;

  private static List<V2EndpointSpec> endpoints() {
    return List.of(
        V2EndpointSpec.builder().id(NEWS.endpoint("hls")).containerType(ContainerType.TS)
            .addManifests(Manifest.of(ManifestType.HLS, "index")).build(),
        V2EndpointSpec.builder().id(NEWS.endpoint("cmaf")).containerType(ContainerType.CMAF)
            .addManifests(Manifest.of(ManifestType.LOW_LATENCY_HLS, "index"), Manifest.of(ManifestType.DASH, "index"))
            .build());
  }

  private Distribution distribution() {
    return Specs.onlyDistribution(aws);
  }

  private Map<String, String> policyNames() {
    return aws.cloudFrontPolicies().allCachePolicies().stream()
        .collect(Collectors.toMap(CachePolicy::id, p -> p.config().name()));
  }

  /** A channel saved as the earlier layout left it, and a behaviour of the user's beside the library's. */
  @BeforeEach
  void savedByTheEarlierLayout() {
    earlierManifests = aws.cloudFrontPolicies().createCachePolicy(new CachePolicyConfig(
        ChannelCdnV2.MANIFEST_CACHE_POLICY_NAME, "earlier", 0, 1, 31_536_000, List.of("aws.manifestfilter",
        "aws.manifestsettings", "_HLS_msn", "_HLS_part", "start", "end", "time_delay")));
    earlierSegments = aws.cloudFrontPolicies().createCachePolicy(new CachePolicyConfig(
        ChannelCdnV2.SEGMENT_CACHE_POLICY_NAME, "earlier", 0, 86_400, 31_536_000, List.of("m")));
    ChannelCdnV2 cdn = aws.channelCdnV2();
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(news());
    cdn.saveEndpoints(endpoints());
    aws.distributions().edit(distribution().id(), c -> DistributionConfig.builder().from(c)
        .defaultBehavior(earlier(c.defaultBehavior()))
        .cacheBehaviors(c.cacheBehaviors().stream().map(this::earlier).toList())
        .addCacheBehaviors(CacheBehavior.builder().from(c.cacheBehaviors().get(0)).pathPattern(USERS_PATTERN)
            .cachePolicyId(earlierManifests.id()).targetOriginId("EMP2-live").compress(false).build())
        .build());
    aws.clock().advance(aws.propagationTime());
    aws.clearCalls();
  }

  /** The behaviour as the earlier layout made it: its policy by kind, no compression. */
  private CacheBehavior earlier(CacheBehavior b) {
    boolean manifest = b.pathPattern().endsWith(".m3u8") || b.pathPattern().endsWith(".mpd");
    return CacheBehavior.builder().from(b).cachePolicyId(manifest ? earlierManifests.id() : earlierSegments.id())
        .compress(false).build();
  }

  @Test
  void theNextSave_movesTheLibrarysBehavioursToTheCurrentPolicies_compressed_andKeepsTheUsers() {
    V2CdnSettings settings = V2CdnSettings.defaults();

    CdnOutcome outcome = aws.channelCdnV2().saveChannel(news()).cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    assertThat(aws.calls(Operation.CREATE_CACHE_POLICY)).isEmpty();
    Map<String, String> names = policyNames();
    DistributionConfig config = distribution().config();
    for (CacheBehavior b : config.cacheBehaviors()) {
      if (b.pathPattern().equals(USERS_PATTERN)) {
        assertThat(b.cachePolicyId()).as("the user's behaviour").contains(earlierManifests.id());
        assertThat(b.compress()).isFalse();
        continue;
      }
      boolean manifest = b.pathPattern().endsWith(".m3u8") || b.pathPattern().endsWith(".mpd");
      assertThat(names.get(b.cachePolicyId().orElseThrow())).as(b.pathPattern())
          .isEqualTo(manifest ? settings.manifestCachePolicyName() : settings.segmentCachePolicyName());
      assertThat(b.compress()).as(b.pathPattern()).isTrue();
    }
    assertThat(names.get(config.defaultBehavior().cachePolicyId().orElseThrow()))
        .isEqualTo(settings.segmentCachePolicyName());
    assertThat(names).containsValues(ChannelCdnV2.MANIFEST_CACHE_POLICY_NAME, ChannelCdnV2.SEGMENT_CACHE_POLICY_NAME)
        .as("the earlier policies are left, never deleted").hasSize(4);
    aws.clock().advance(aws.propagationTime());
    for (var manifest : aws.channelCdnV2().details(NEWS).manifests()) {
      assertThat(aws.playerRequests(manifest.cdnUrl().orElseThrow()))
          .allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
    }
    aws.clearCalls();
    aws.channelCdnV2().saveChannel(news());
    aws.channelCdnV2().saveEndpoints(endpoints());
    assertThat(aws.writes()).as("converged: the saves after write nothing").isEmpty();
  }

  @Test
  void theCacheKeys_areTheGuidesForManifests_noneForSegments_whateverTheChannelsFormats() {
    aws.channelCdnV2().saveChannel(news());

    Map<String, CachePolicyConfig> used = aws.cloudFrontPolicies().allCachePolicies().stream()
        .collect(Collectors.toMap(CachePolicy::id, CachePolicy::config));
    DistributionConfig config = distribution().config();
    CachePolicyConfig manifests = used.get(config.behavior("/out/v1/live/news/hls/*.m3u8").orElseThrow()
        .cachePolicyId().orElseThrow());
    CachePolicyConfig segments = used.get(config.behavior("/out/v1/live/news/hls/*").orElseThrow()
        .cachePolicyId().orElseThrow());
    assertThat(manifests.queryStrings()).containsExactly("aws.manifestfilter", "aws.manifestsettings", "_HLS_msn",
        "_HLS_part");
    assertThat(segments.queryStrings()).isEmpty();
    assertThat(List.of(manifests, segments)).allSatisfy(p -> {
      assertThat(p.gzip()).isTrue();
      assertThat(p.brotli()).isTrue();
      assertThat(p.headerBehavior()).isEqualTo("none");
    });
  }

  @Test
  void aChangedSetting_movesTheLibrarysBehaviours_toThePolicyOfTheNewSettings_andBack() {
    V2CdnSettings timeShift = V2CdnSettings.builder().timeShiftQueryStrings(true).build();
    aws.channelCdnV2().saveChannel(news());

    aws.channelCdnV2(b -> b.v2Settings(timeShift)).saveChannel(news());

    Map<String, String> names = policyNames();
    String hlsManifests = "/out/v1/live/news/hls/*.m3u8";
    assertThat(names.get(distribution().config().behavior(hlsManifests).orElseThrow().cachePolicyId().orElseThrow()))
        .isEqualTo(timeShift.manifestCachePolicyName());
    assertThat(aws.cloudFrontPolicies().allCachePolicies()).filteredOn(p -> p.config().name()
        .equals(timeShift.manifestCachePolicyName())).singleElement()
        .satisfies(p -> assertThat(p.config().queryStrings()).contains("start", "end", "time_delay").hasSize(7));

    aws.channelCdnV2().saveChannel(news());

    assertThat(names = policyNames()).hasSize(5);
    assertThat(names.get(distribution().config().behavior(hlsManifests).orElseThrow().cachePolicyId().orElseThrow()))
        .isEqualTo(V2CdnSettings.defaults().manifestCachePolicyName());
  }

  @Test
  void aChangedTtl_movesTheLibrarysBehaviours_toAPolicyWithThatTtl_andLeavesTheUsers() {
    V2CdnSettings shorter = V2CdnSettings.builder().segmentMaxTtlSeconds(1_209_600).build();
    aws.channelCdnV2().saveChannel(news());
    aws.clearCalls();

    aws.channelCdnV2(b -> b.v2Settings(shorter)).saveChannel(news());

    assertThat(aws.calls(Operation.CREATE_CACHE_POLICY)).hasSize(1);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    Map<String, CachePolicyConfig> used = aws.cloudFrontPolicies().allCachePolicies().stream()
        .collect(Collectors.toMap(CachePolicy::id, CachePolicy::config));
    DistributionConfig config = distribution().config();
    CachePolicyConfig segments = used.get(config.behavior("/out/v1/live/news/hls/*").orElseThrow()
        .cachePolicyId().orElseThrow());
    assertThat(segments.name()).isEqualTo(shorter.segmentCachePolicyName());
    assertThat(segments.maxTtl()).isEqualTo(1_209_600L);
    assertThat(used.get(config.defaultBehavior().cachePolicyId().orElseThrow()).name())
        .isEqualTo(shorter.segmentCachePolicyName());
    assertThat(used.get(config.behavior("/out/v1/live/news/hls/*.m3u8").orElseThrow().cachePolicyId()
        .orElseThrow()).name()).isEqualTo(V2CdnSettings.defaults().manifestCachePolicyName());
    assertThat(config.behavior(USERS_PATTERN).orElseThrow().cachePolicyId()).contains(earlierManifests.id());
  }
}
