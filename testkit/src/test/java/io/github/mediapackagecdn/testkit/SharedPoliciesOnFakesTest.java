package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static io.github.mediapackagecdn.testkit.V2Specs.hls;
import static io.github.mediapackagecdn.testkit.V2Specs.news;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.provisioning.V2EndpointSaveResult;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The origin access control and the cache policies every v2 distribution of the account shares are found by name:
 * what is found is checked, and one that is not what the library would create is refused, with the settings that
 * differ named, before any write.
 */
class SharedPoliciesOnFakesTest {

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdnV2 cdn = aws.channelCdnV2();

  private ResourceConflictException refusedChannelSave() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    aws.clearCalls();
    ResourceConflictException refused = catchThrowableOfType(ResourceConflictException.class,
        () -> cdn.saveChannel(news()));
    assertThat(refused.reason()).isEqualTo(ResourceConflictException.Reason.SHARED_POLICY_MISMATCH);
    assertThat(aws.writes()).as("refused before any write, the channel's too").isEmpty();
    assertThat(aws.channelGroups().allEndpoints()).isEmpty();
    return refused;
  }

  @Test
  void anOriginAccessControlOfTheNameForS3_isRefused_beforeAnyWrite() {
    aws.cloudFrontPolicies().createOriginAccessControl(new OriginAccessControlConfig(
        ChannelCdnV2.ORIGIN_ACCESS_CONTROL_NAME, "the buckets'", "s3", "always", "sigv4"));

    assertThat(refusedChannelSave()).hasMessageContaining("origin access control named mediapackage-cdn-v2")
        .hasMessageContaining("OriginAccessControlOriginType: s3 (mediapackagev2 wanted)")
        .hasMessageNotContaining("SigningBehavior");
  }

  @Test
  void anOriginAccessControlThatDoesNotAlwaysSign_isRefused() {
    aws.cloudFrontPolicies().createOriginAccessControl(new OriginAccessControlConfig(
        ChannelCdnV2.ORIGIN_ACCESS_CONTROL_NAME, "", "mediapackagev2", "no-override", "sigv4"));

    assertThat(refusedChannelSave()).hasMessageContaining("SigningBehavior: no-override (always wanted)");
  }

  @Test
  void aCachePolicyOfTheNameWithAnotherCacheKey_isRefused_namingEachDifference() {
    String name = V2CdnSettings.defaults().segmentCachePolicyName();
    aws.cloudFrontPolicies().createCachePolicy(new CachePolicyConfig(name, "mine", 0, 86_400, 31_536_000,
        List.of("m"), "whitelist", "whitelist", List.of("Origin"), "none", List.of(), true, false));

    assertThat(refusedChannelSave()).hasMessageContaining("cache policy named " + name)
        .hasMessageContaining("QueryStringBehavior: whitelist (none wanted)", "QueryStrings: [m] ([] wanted)",
            "HeaderBehavior: whitelist (none wanted)", "Headers: [Origin] ([] wanted)",
            "EnableAcceptEncodingBrotli: false (true wanted)")
        .hasMessageNotContaining("EnableAcceptEncodingGzip");
  }

  @Test
  void aPolicyTheUserChangedSinceItWasCreated_isRefused_andNothingIsServedWithIt() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(news());
    cdn.saveEndpoint(hls("hls"));
    aws.cloudFrontPolicies().editCachePolicy(V2CdnSettings.defaults().manifestCachePolicyName(),
        c -> new CachePolicyConfig(c.name(), c.comment(), c.minTtl(), c.defaultTtl(), 60, c.queryStrings())
            .withCompression(true));
    aws.clearCalls();

    V2EndpointSaveResult saved = aws.channelCdnV2().saveEndpoint(hls("dash"));

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.FAILED);
    assertThat(saved.cdn().failure()).hasValueSatisfying(e -> assertThat(e)
        .isInstanceOfSatisfying(ResourceConflictException.class, conflict -> assertThat(conflict.reason())
            .isEqualTo(ResourceConflictException.Reason.SHARED_POLICY_MISMATCH))
        .hasMessageContaining("MaxTTL: 60 (31536000 wanted)"));
    assertThat(aws.writes()).extracting(RecordedCall::operation)
        .as("the endpoint is saved; no policy and no distribution is written with the changed policy")
        .containsExactly(Operation.V2_CREATE_ORIGIN_ENDPOINT);
  }

  @Test
  void aPolicyAnotherWriterCreatesMeanwhile_isCheckedToo() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    aws.beforeNext(Operation.CREATE_ORIGIN_ACCESS_CONTROL, () -> aws.cloudFrontPolicies().createOriginAccessControl(
        new OriginAccessControlConfig(ChannelCdnV2.ORIGIN_ACCESS_CONTROL_NAME, "", "mediastore", "always", "sigv4")));

    CdnOutcome outcome = cdn.saveChannel(news()).cdn();

    assertThat(outcome.failure()).hasValueSatisfying(e -> assertThat(e)
        .hasMessageContaining("OriginAccessControlOriginType: mediastore (mediapackagev2 wanted)"));
    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).isEmpty();
  }

  @Test
  void whatTheLibraryCreated_isFoundAndUsed_byAnotherInstance() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(news());
    aws.clearCalls();

    aws.channelCdnV2().saveChannel(V2ChannelSpec.builder().id(V2ChannelId.of("live", "sport"))
        .createDistribution(true).build());

    assertThat(aws.calls(Operation.CREATE_ORIGIN_ACCESS_CONTROL)).isEmpty();
    assertThat(aws.calls(Operation.CREATE_CACHE_POLICY)).isEmpty();
    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(1);
  }
}
