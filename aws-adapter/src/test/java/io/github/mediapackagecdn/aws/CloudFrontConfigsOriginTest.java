package io.github.mediapackagecdn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.OriginShield;
import software.amazon.awssdk.services.cloudfront.model.Origins;

/** The origin's timeouts and Origin Shield, mapped both ways between the core model and the SDK. */
class CloudFrontConfigsOriginTest {

  private static io.github.mediapackagecdn.core.model.Origin.Builder origin(String id) {
    return io.github.mediapackagecdn.core.model.Origin.builder().id(id).domainName(id + ".example.com")
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2");
  }

  private static DistributionConfig withOrigins(Origin... origins) {
    return DistributionConfig.builder().callerReference("ref").comment("").enabled(true)
        .origins(Origins.builder().quantity(origins.length).items(origins).build())
        .defaultCacheBehavior(DefaultCacheBehavior.builder().targetOriginId(origins[0].id())
            .viewerProtocolPolicy("redirect-to-https").build())
        .build();
  }

  @Test
  void toSdk_sendsTheTimeoutsAndOriginShield_whenSet() {
    Origin sdk = CloudFrontConfigs.toSdk(origin("EMP2-live").connectionTimeoutSeconds(3).connectionAttempts(2)
        .readTimeoutSeconds(3).keepAliveTimeoutSeconds(7).responseCompletionTimeoutSeconds(12)
        .originShieldRegion("us-west-2").build());

    assertThat(sdk.connectionTimeout()).isEqualTo(3);
    assertThat(sdk.connectionAttempts()).isEqualTo(2);
    assertThat(sdk.responseCompletionTimeout()).isEqualTo(12);
    assertThat(sdk.customOriginConfig().originReadTimeout()).isEqualTo(3);
    assertThat(sdk.customOriginConfig().originKeepaliveTimeout()).isEqualTo(7);
    assertThat(sdk.originShield()).isEqualTo(OriginShield.builder().enabled(true).originShieldRegion("us-west-2")
        .build());
  }

  @Test
  void toSdk_unset_sendsWhatItSentBefore() {
    Origin sdk = CloudFrontConfigs.toSdk(origin("EMP2-live").build());

    assertThat(sdk.connectionTimeout()).isNull();
    assertThat(sdk.connectionAttempts()).isNull();
    assertThat(sdk.responseCompletionTimeout()).isNull();
    assertThat(sdk.originShield()).isNull();
    assertThat(sdk.customOriginConfig().originReadTimeout()).isEqualTo(30);
    assertThat(sdk.customOriginConfig().originKeepaliveTimeout()).isEqualTo(5);
  }

  @Test
  void toCore_readsThemBack() {
    Origin sdk = CloudFrontConfigs.toSdk(origin("EMP2-live").connectionTimeoutSeconds(3).connectionAttempts(2)
        .readTimeoutSeconds(3).keepAliveTimeoutSeconds(7).responseCompletionTimeoutSeconds(12)
        .originShieldRegion("us-west-2").build());

    var core = CloudFrontConfigs.toCore(withOrigins(sdk)).origins().get(0);

    assertThat(core.connectionTimeoutSeconds()).contains(3);
    assertThat(core.connectionAttempts()).contains(2);
    assertThat(core.readTimeoutSeconds()).contains(3);
    assertThat(core.keepAliveTimeoutSeconds()).contains(7);
    assertThat(core.responseCompletionTimeoutSeconds()).contains(12);
    assertThat(core.originShieldRegion()).contains("us-west-2");
  }

  @Test
  void toCore_aDisabledOriginShield_isNone() {
    Origin sdk = CloudFrontConfigs.toSdk(origin("EMP2-live").build()).toBuilder()
        .originShield(OriginShield.builder().enabled(false).originShieldRegion("us-west-2").build()).build();

    assertThat(CloudFrontConfigs.toCore(withOrigins(sdk)).origins().get(0).originShieldRegion()).isEmpty();
  }

  @Test
  void anEdit_addsTheNewOriginWithItsSettings_andLeavesTheUsersOriginAsItWas() {
    Origin users = CloudFrontConfigs.toSdk(origin("mine").build()).toBuilder().connectionTimeout(9)
        .originShield(OriginShield.builder().enabled(true).originShieldRegion("eu-west-1").build()).build();

    DistributionConfig after = CloudFrontConfigs.apply(withOrigins(users), ChangeSet.of(List.of(
        new DistributionChange.AddOrigin(origin("EMP2-live").readTimeoutSeconds(3).originShieldRegion("us-west-2")
            .build()))));

    assertThat(after.origins().items().get(0)).isEqualTo(users);
    Origin added = after.origins().items().get(1);
    assertThat(added.customOriginConfig().originReadTimeout()).isEqualTo(3);
    assertThat(added.originShield().originShieldRegion()).isEqualTo("us-west-2");
  }

  @Test
  void responseHeadersPolicy_mappedBothWays_onBehavioursAndTheDefault_noneWhenUnset() {
    io.github.mediapackagecdn.core.model.CacheBehavior cors = io.github.mediapackagecdn.core.model.CacheBehavior
        .builder().pathPattern("/out/*").targetOriginId("EMP2-live").viewerProtocolPolicy(ProtocolPolicy.REDIRECT_TO_HTTPS)
        .addAllowedMethods("GET", "HEAD").addCachedMethods("GET", "HEAD").cachePolicyId("cp")
        .responseHeadersPolicyId("rhp").build();
    io.github.mediapackagecdn.core.model.CacheBehavior none = io.github.mediapackagecdn.core.model.CacheBehavior
        .builder().from(cors).responseHeadersPolicyId(java.util.Optional.empty()).build();

    assertThat(CloudFrontConfigs.toSdk(cors).responseHeadersPolicyId()).isEqualTo("rhp");
    assertThat(CloudFrontConfigs.toSdkDefault(cors).responseHeadersPolicyId()).isEqualTo("rhp");
    assertThat(CloudFrontConfigs.toSdk(none).responseHeadersPolicyId()).isNull();
    DistributionConfig sdk = withOrigins(CloudFrontConfigs.toSdk(origin("EMP2-live").build())).toBuilder()
        .defaultCacheBehavior(CloudFrontConfigs.toSdkDefault(cors)).build();
    assertThat(CloudFrontConfigs.toCore(sdk).defaultBehavior().responseHeadersPolicyId()).contains("rhp");
    DistributionConfig withoutIt = sdk.toBuilder().defaultCacheBehavior(CloudFrontConfigs.toSdkDefault(none)).build();
    assertThat(CloudFrontConfigs.toCore(withoutIt).defaultBehavior().responseHeadersPolicyId()).isEmpty();
  }

  @Test
  void apply_useResponseHeadersPolicy_setsItOnTheLibrarysBehaviourAndTheDefault_keepingEveryOtherField_andAUsersOwn() {
    io.github.mediapackagecdn.core.model.CacheBehavior library = io.github.mediapackagecdn.core.model.CacheBehavior
        .builder().pathPattern("/out/*").targetOriginId("EMP2-live").viewerProtocolPolicy(ProtocolPolicy.REDIRECT_TO_HTTPS)
        .addAllowedMethods("GET", "HEAD").addCachedMethods("GET", "HEAD").cachePolicyId("cp").build();
    software.amazon.awssdk.services.cloudfront.model.CacheBehavior withFunction = CloudFrontConfigs.toSdk(library)
        .toBuilder().realtimeLogConfigArn("arn:aws:cloudfront::123456789012:realtime-log-config/mine").build();
    software.amazon.awssdk.services.cloudfront.model.CacheBehavior users = CloudFrontConfigs.toSdk(library)
        .toBuilder().pathPattern("/mine/*").cachePolicyId("users-cache-policy").responseHeadersPolicyId("users")
        .build();
    DistributionConfig sdk = withOrigins(CloudFrontConfigs.toSdk(origin("EMP2-live").build())).toBuilder()
        .defaultCacheBehavior(CloudFrontConfigs.toSdkDefault(library).toBuilder().responseHeadersPolicyId("").build())
        .cacheBehaviors(software.amazon.awssdk.services.cloudfront.model.CacheBehaviors.builder().quantity(2)
            .items(withFunction, users).build())
        .build();

    DistributionConfig applied = CloudFrontConfigs.apply(sdk, ChangeSet.of(List.of(
        new DistributionChange.UseResponseHeadersPolicy("/out/*", "EMP2-live", java.util.Set.of("cp"), "cors"),
        new DistributionChange.UseResponseHeadersPolicy("/mine/*", "EMP2-live", java.util.Set.of("cp"), "cors"),
        new DistributionChange.UseDefaultResponseHeadersPolicy("EMP2-live", java.util.Set.of("cp"), "cors"))));

    assertThat(applied.cacheBehaviors().items().get(0).responseHeadersPolicyId()).isEqualTo("cors");
    assertThat(applied.cacheBehaviors().items().get(0).realtimeLogConfigArn()).isEqualTo(
        withFunction.realtimeLogConfigArn());
    assertThat(applied.cacheBehaviors().items().get(1)).isEqualTo(users);
    assertThat(applied.defaultCacheBehavior().responseHeadersPolicyId()).as("a blank id is none").isEqualTo("cors");
  }

  @Test
  void apply_useOriginSettings_setsOnlyTheGivenFieldsOfThatOrigin_keepingEveryOtherField_andAUsersOrigin() {
    Origin library = CloudFrontConfigs.toSdk(origin("EMP2-live").connectionAttempts(2)
        .responseCompletionTimeoutSeconds(45).putCustomHeaders("X-MediaPackage-CDNIdentifier", "secret").build());
    library = library.toBuilder().originShield(OriginShield.builder().enabled(false).originShieldRegion("eu-west-1")
        .build()).customOriginConfig(library.customOriginConfig().toBuilder().httpsPort(8443).build()).build();
    Origin users = CloudFrontConfigs.toSdk(origin("my-ads").connectionTimeoutSeconds(9).build());
    DistributionConfig sdk = withOrigins(library, users);
    DistributionChange.OriginSettings given = new DistributionChange.OriginSettings(java.util.Optional.of(3),
        java.util.Optional.of(3), java.util.Optional.of(7), java.util.Optional.empty(),
        java.util.Optional.of("us-west-2"));

    DistributionConfig applied = CloudFrontConfigs.apply(sdk, ChangeSet.of(List.of(
        new DistributionChange.UseOriginSettings("EMP2-live", given))));

    Origin expected = library.toBuilder().connectionTimeout(3)
        .originShield(OriginShield.builder().enabled(true).originShieldRegion("us-west-2").build())
        .customOriginConfig(library.customOriginConfig().toBuilder().originReadTimeout(3).originKeepaliveTimeout(7)
            .build()).build();
    assertThat(applied.origins().items()).containsExactly(expected, users);
    assertThat(CloudFrontConfigs.apply(applied, ChangeSet.of(List.of(
        new DistributionChange.UseOriginSettings("EMP2-live", given))))).as("held: nothing").isSameAs(applied);
  }

  @Test
  void apply_addCacheBehaviorBeforeAPattern_insertsItThere_keepingTheOthersAsTheyWere() {
    io.github.mediapackagecdn.core.model.CacheBehavior catchAll = io.github.mediapackagecdn.core.model.CacheBehavior
        .builder().pathPattern("/out/v1/live/*").targetOriginId("EMP2-live")
        .viewerProtocolPolicy(ProtocolPolicy.REDIRECT_TO_HTTPS).addAllowedMethods("GET", "HEAD")
        .addCachedMethods("GET", "HEAD").cachePolicyId("cp").build();
    software.amazon.awssdk.services.cloudfront.model.CacheBehavior withFunction = CloudFrontConfigs.toSdk(catchAll)
        .toBuilder().realtimeLogConfigArn("arn:aws:cloudfront::123456789012:realtime-log-config/mine").build();
    DistributionConfig sdk = withOrigins(CloudFrontConfigs.toSdk(origin("EMP2-live").build())).toBuilder()
        .defaultCacheBehavior(CloudFrontConfigs.toSdkDefault(catchAll))
        .cacheBehaviors(software.amazon.awssdk.services.cloudfront.model.CacheBehaviors.builder().quantity(1)
            .items(withFunction).build())
        .build();

    DistributionConfig applied = CloudFrontConfigs.apply(sdk, ChangeSet.of(List.of(new DistributionChange
        .AddCacheBehavior(io.github.mediapackagecdn.core.model.CacheBehavior.builder().from(catchAll)
            .pathPattern("/out/v1/live/*.m3u8").build(), java.util.Optional.of("/out/v1/live/*")))));

    assertThat(applied.cacheBehaviors().quantity()).isEqualTo(2);
    assertThat(applied.cacheBehaviors().items().get(0).pathPattern()).isEqualTo("/out/v1/live/*.m3u8");
    assertThat(applied.cacheBehaviors().items().get(1)).isEqualTo(withFunction);
  }
}
