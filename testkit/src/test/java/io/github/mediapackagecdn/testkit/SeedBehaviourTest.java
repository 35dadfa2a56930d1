package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.ChannelSaveResult;
import io.github.mediapackagecdn.core.provisioning.EndpointDetails;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test for each sentence of the two seed documents (MediaPackage user guide, "Creating a Distribution from AWS
 * Elemental MediaPackage" and "Using AWS Elemental MediaPackage with Amazon CloudFront") that describes behaviour,
 * named after it, on the in-memory fakes.
 */
class SeedBehaviourTest {

  private static final ChannelId CHANNEL = ChannelId.of(Specs.CHANNEL);

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdn cdn = aws.channelCdn();

  private Distribution onlyDistribution() {
    return Specs.onlyDistribution(aws);
  }

  @Test
  void mediaPackageCreatesADistributionInCloudFrontWhenYouSaveTheChannel() {
    ChannelSaveResult result = cdn.saveChannel(Specs.channelWithDistribution());

    Distribution distribution = onlyDistribution();
    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(result.cdn().distributionId()).contains(distribution.id());
    assertThat(aws.distributions().tags(distribution.id()))
        .containsEntry(CdnSettings.LINK_TAG_KEY, result.channel().arn().value());
  }

  @Test
  void thenAddsAnOriginAndUpdatesCacheBehaviorsWhenYouSaveAnEndpoint() {
    cdn.saveChannel(Specs.channelWithDistribution());

    EndpointSaveResult saved = cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));

    DistributionConfig config = onlyDistribution().config();
    String host = saved.endpoint().host().orElseThrow();
    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(config.origins()).extracting(Origin::domainName).containsExactly(host);
    assertThat(config.cacheBehaviors()).extracting(CacheBehavior::pathPattern).containsExactly("*.m3u8", "*.ts");
  }

  @Test
  void becauseTheCreationProcessIsAutomatedThereIsNoAdditionalActionRequiredFromYou() {
    cdn.saveChannel(Specs.channelWithDistribution());
    cdn.saveEndpoint(Specs.endpoint(Packaging.DASH));

    ChannelDetails details = cdn.details(CHANNEL);
    assertThat(details.endpoints()).singleElement()
        .satisfies(e -> assertThat(e.cdnUrls()).singleElement().asString().endsWith("/index.mpd"));
  }

  @Test
  void youCanCreateADistributionFromTheMediaPackageConsoleWhenYouAreWorkingWithLiveContentOnly() {
    assertThatThrownBy(() -> EndpointUrl.of(
        "https://abcd.egress.mediapackage-vod.us-west-2.amazonaws.com/out/v1/a1/b2/c3/index.m3u8"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("VOD");
  }

  @Test
  void youCanAlsoEditAnExistingChannelToAddADistribution() {
    ChannelSaveResult first = cdn.saveChannel(Specs.channelWithoutDistribution());
    assertThat(first.cdn().action()).isEqualTo(CdnOutcome.Action.NOT_REQUESTED);
    assertThat(aws.distributions().all()).isEmpty();

    ChannelSaveResult edited = cdn.saveChannel(Specs.channelWithDistribution());

    assertThat(edited.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(aws.channels().all()).hasSize(1);
    onlyDistribution();
  }

  @Test
  void cloudFrontUsesPlaceholderValuesForSettingsThatRequireInformationFromTheEndpoint() {
    cdn.saveChannel(Specs.channelWithDistribution());

    DistributionConfig config = onlyDistribution().config();
    assertThat(config.origins()).singleElement().satisfies(origin -> {
      assertThat(origin.id()).isEqualTo("TEMP_ORIGIN_ID/channel");
      assertThat(origin.domainName()).isEqualTo("mediapackage.amazonaws.com");
    });
    assertThat(config.defaultBehavior().targetOriginId()).isEqualTo("TEMP_ORIGIN_ID/channel");
    assertThat(config.cacheBehaviors()).isEmpty();
  }

  @Test
  void ifCloudFrontCouldNotCreateTheDistributionSaveTheChannelAgainToRestartTheCreationProcess() {
    aws.failNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS, Faults.throttled(Operation.CREATE_DISTRIBUTION_WITH_TAGS).get());

    ChannelSaveResult failed = cdn.saveChannel(Specs.channelWithDistribution());
    assertThat(failed.cdn().failed()).isTrue();
    assertThat(failed.channel().id()).isEqualTo(CHANNEL);
    assertThat(aws.distributions().all()).isEmpty();

    ChannelSaveResult again = cdn.saveChannel(Specs.channelWithDistribution());

    assertThat(again.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    onlyDistribution();
  }

  @Test
  void whenTheDistributionIsFirstCreatedItIsNotFullyFunctionalUntilItHasAnOrigin() {
    cdn.saveChannel(Specs.channelWithDistribution());
    aws.channels().createEndpoint(Specs.endpoint(Packaging.HLS)); // saved behind the library's back: no origin yet

    ChannelDetails details = cdn.details(CHANNEL);

    assertThat(details.distribution()).isPresent();
    assertThat(details.endpoints()).singleElement().satisfies(e -> assertThat(e.cdnUrls()).isEmpty());
  }

  @Test
  void mediaPackageConfiguresTheDistributionWithSettingsThatOptimizeLiveVideoStreaming() {
    cdn.saveChannel(Specs.channelWithDistribution());
    cdn.saveEndpoints(Specs.allFormats());

    DistributionConfig config = onlyDistribution().config();
    assertThat(config.cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsExactly("*.m3u8", "*.ts", "*.mpd", "*.mp4", "*.ism/*");
    for (CacheBehavior behavior : config.cacheBehaviors()) {
      assertThat(behavior.cachePolicyId()).contains(LiveCdnSettings.ELEMENTAL_MEDIAPACKAGE_CACHE_POLICY_ID);
      assertThat(behavior.viewerProtocolPolicy()).isEqualTo(ProtocolPolicy.REDIRECT_TO_HTTPS);
      assertThat(behavior.compress()).isFalse();
      assertThat(behavior.smoothStreaming()).isEqualTo(behavior.pathPattern().equals("*.ism/*"));
    }
    assertThat(config.origins()).singleElement().satisfies(origin -> {
      assertThat(origin.protocolPolicy()).contains(ProtocolPolicy.HTTPS_ONLY);
      assertThat(origin.sslProtocols()).containsExactly("TLSv1.2");
    });
    assertThat(config.errorCachingMinTtl()).containsEntry(404, 1L).containsEntry(503, 1L);
  }

  @Test
  void ifYouAreAddingADistributionToAnExistingChannelWithEndpointsTheOriginIsAddedAutomatically() {
    cdn.saveChannel(Specs.channelWithoutDistribution());
    cdn.saveEndpoints(Specs.allFormats());
    assertThat(aws.distributions().all()).isEmpty();

    ChannelSaveResult result = cdn.saveChannel(Specs.channelWithDistribution());

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    DistributionConfig config = onlyDistribution().config();
    assertThat(config.origins()).singleElement()
        .satisfies(origin -> assertThat(origin.id()).startsWith("EMP-"));
    assertThat(config.defaultBehavior().targetOriginId()).isEqualTo(config.origins().get(0).id());
  }

  @Test
  void whenTheStatusSaysDeployedYouCanStartUsingTheDistribution() {
    cdn.saveChannel(Specs.channelWithDistribution());
    cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
    ChannelDetails before = cdn.details(CHANNEL);
    assertThat(before.distribution().orElseThrow().status()).isEqualTo(DistributionStatus.IN_PROGRESS);
    assertThat(before.deployed()).isFalse();

    ChannelDetails after = cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(30));

    assertThat(after.distribution().orElseThrow().status()).isEqualTo(DistributionStatus.DEPLOYED);
    assertThat(after.deployed()).isTrue();
    assertThat(aws.clock().instant()).isAfterOrEqualTo(
        onlyDistribution().lastModified().orElseThrow().plus(aws.propagationTime()));
  }

  @Test
  void fromTheDetailsPageNoteTheCloudFrontCdnUrlAndProvideItForDownstreamDevices() {
    cdn.saveChannel(Specs.channelWithDistribution());
    cdn.saveEndpoints(Specs.allFormats());

    ChannelDetails details = cdn.details(CHANNEL);

    String domain = details.distribution().orElseThrow().domainName();
    assertThat(details.endpoints()).hasSize(4).allSatisfy(endpoint -> {
      assertThat(endpoint.cdnUrls()).hasSameSizeAs(endpoint.endpoint().urls()).isNotEmpty();
      for (int i = 0; i < endpoint.cdnUrls().size(); i++) {
        String origin = endpoint.endpoint().urls().get(i).value();
        assertThat(endpoint.cdnUrls().get(i))
            .isEqualTo(origin.replace(endpoint.endpoint().host().orElseThrow(), domain));
      }
    });
  }

  @Test
  void mediaPackageAddsOnlyOneOriginAndAllEndpointsOfTheChannelAreServedByTheSameOrigin() {
    cdn.saveChannel(Specs.channelWithDistribution());
    for (var spec : Specs.allFormats()) {
      cdn.saveEndpoint(spec);
    }

    DistributionConfig config = onlyDistribution().config();
    assertThat(config.origins()).hasSize(1);
    String origin = config.origins().get(0).id();
    assertThat(config.cacheBehaviors()).allSatisfy(b -> assertThat(b.targetOriginId()).isEqualTo(origin));
    assertThat(config.defaultBehavior().targetOriginId()).isEqualTo(origin);
  }

  @Test
  void youCanViewTheDistributionIdAndDescriptionAndTheIdLinksToTheCloudFrontConsole() {
    cdn.saveChannel(Specs.channelWithDistribution());

    var distribution = cdn.details(CHANNEL).distribution().orElseThrow();

    Distribution stored = onlyDistribution();
    assertThat(distribution.id()).isEqualTo(stored.id());
    assertThat(distribution.description()).isEqualTo("MediaPackage live channel live-news");
    assertThat(distribution.consoleUrl()).startsWith("https://console.aws.amazon.com/cloudfront/")
        .endsWith("/distributions/" + stored.id());
  }

  @Test
  void theOnlyEditMediaPackageMakesToAnOriginIsToCreateItWhenYouAddAnEndpoint() {
    cdn.saveChannel(Specs.channelWithDistribution());
    cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
    Distribution distribution = onlyDistribution();
    String originId = distribution.config().origins().get(0).id();
    aws.distributions().edit(distribution.id(), config -> DistributionConfig.builder().from(config)
        .origins(List.of(Origin.builder().from(config.origins().get(0)).originPath("/custom")
            .sslProtocols(List.of("TLSv1.1", "TLSv1.2")).build()))
        .build());
    Origin edited = onlyDistribution().config().origin(originId).orElseThrow();

    cdn.saveEndpoint(Specs.endpoint(Packaging.DASH));
    cdn.saveChannel(Specs.channelWithDistribution());

    assertThat(onlyDistribution().config().origin(originId)).contains(edited);
  }

  @Test
  void youCannotEditADistributionFromMediaPackageSoEverySettingAUserMadeInCloudFrontStays() {
    cdn.saveChannel(Specs.channelWithDistribution());
    Distribution created = onlyDistribution();
    aws.distributions().edit(created.id(), config -> DistributionConfig.builder().from(config)
        .comment("edited in CloudFront")
        .priceClass("PriceClass_100")
        .addAliases("live.example.com")
        .webAclId("arn:aws:wafv2:us-east-1:123456789012:global/webacl/live/0d1e")
        .build());
    DistributionConfig edited = onlyDistribution().config();

    cdn.saveEndpoints(Specs.allFormats());
    cdn.saveChannel(Specs.channelWithDistribution());

    DistributionConfig after = onlyDistribution().config();
    assertThat(after.comment()).isEqualTo(edited.comment());
    assertThat(after.priceClass()).isEqualTo("PriceClass_100");
    assertThat(after.aliases()).containsExactly("live.example.com");
    assertThat(after.webAclId()).isEqualTo(edited.webAclId());
  }

  @Test
  void ifTheLinkTagIsModifiedYouCanNoLongerViewOrManageTheDistributionFromMediaPackage() {
    cdn.saveChannel(Specs.channelWithDistribution());
    Distribution distribution = onlyDistribution();
    aws.distributions().tag(distribution.id(), CdnSettings.LINK_TAG_KEY, "changed-by-a-user");

    EndpointSaveResult saved = cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
    assertThat(cdn.details(CHANNEL).distribution()).isEmpty();
    assertThat(onlyDistribution().config()).isEqualTo(distribution.config());
  }

  @Test
  void youCannotDeleteADistributionFromMediaPackage() {
    assertThat(Arrays.stream(ChannelCdn.class.getMethods()).map(Method::getName))
        .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("delete"));
    cdn.saveChannel(Specs.channelWithDistribution());
    cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));

    aws.channels().deleteEndpoint(Specs.endpoint(Packaging.HLS).endpointId());
    aws.channels().delete(CHANNEL);

    assertThat(aws.distributions().all()).hasSize(1);
  }

  @Test
  void noteTheUrlsForEachOfTheEndpoints() {
    cdn.saveChannel(Specs.channelWithoutDistribution());
    cdn.saveEndpoints(Specs.allFormats());

    List<EndpointDetails> endpoints = cdn.details(CHANNEL).endpoints();

    assertThat(endpoints).hasSize(4).allSatisfy(e -> assertThat(e.endpoint().urls()).isNotEmpty());
  }

  @Test
  void youNeedAdditionalPermissionsToCreateDistributionsInCloudFront() {
    aws.failNext(Operation.CREATE_DISTRIBUTION_WITH_TAGS, new AccessDeniedException(
        "User is not authorized to perform: cloudfront:CreateDistribution", "cloudfront:CreateDistribution"));

    ChannelSaveResult result = cdn.saveChannel(Specs.channelWithDistribution());

    assertThat(result.channel().id()).isEqualTo(CHANNEL);
    assertThat(result.cdn().failure()).get().isInstanceOfSatisfying(AccessDeniedException.class,
        denied -> assertThat(denied.action()).contains("cloudfront:CreateDistribution"));
  }
}
