package io.github.mediapackagecdn.testkit.assertions;

import static io.github.mediapackagecdn.testkit.assertions.CdnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2ManifestUrl;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each assertion passes on what the library made, and fails with a message that says what is wrong. */
class CdnAssertionsTest {

  private static final ChannelId LIVE = ChannelId.of("live");

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdn cdn = aws.channelCdn();

  private void saveChannelWithHlsEndpoint() {
    cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true).build());
    cdn.saveEndpoint(EndpointSpec.builder().id("hls").channelId("live").packaging(Packaging.HLS).build());
  }

  private static List<String> names(List<io.github.mediapackagecdn.testkit.RecordedCall> calls) {
    return calls.stream().map(c -> c.operation().apiName()).toList();
  }

  private OriginEndpoint hls() {
    return aws.channels().endpointsOf(LIVE).get(0);
  }

  private Distribution distribution() {
    return aws.distributions().all().get(0);
  }

  /** A user's behaviour for {@code pattern}, to an origin of theirs, in front of every other behaviour. */
  private void sendElsewhere(String pattern) {
    Origin packager = Origin.builder().id("my-packager").domainName("packager.example.com")
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
    CacheBehavior behavior = CacheBehavior.builder().pathPattern(pattern).targetOriginId("my-packager")
        .viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY).allowedMethods(List.of("GET", "HEAD"))
        .cachedMethods(List.of("GET", "HEAD")).cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build();
    aws.distributions().edit(distribution().id(), c -> {
      List<CacheBehavior> behaviors = new ArrayList<>(c.cacheBehaviors());
      behaviors.add(0, behavior);
      return DistributionConfig.builder().from(c).addOrigins(packager).cacheBehaviors(behaviors).build();
    });
  }

  @Nested
  class V2ChannelDetailsAssertions {

    private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");

    private final ChannelCdnV2 cdnV2 = aws.channelCdnV2();

    private void saveChannel() {
      cdnV2.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdnV2.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());
    }

    private void saveHls() {
      cdnV2.saveEndpoint(V2EndpointSpec.builder().id(NEWS.endpoint("hls")).containerType(ContainerType.TS)
          .addManifests(Manifest.of(ManifestType.HLS, "index"), Manifest.of(ManifestType.LOW_LATENCY_HLS, "ll"))
          .build());
    }

    private String cdnUrl(V2ChannelDetails details, String manifest) {
      return details.manifests().stream().filter(m -> m.manifest().name().equals(manifest)).findFirst()
          .flatMap(V2ManifestUrl::cdnUrl).orElseThrow();
    }

    @Test
    void aDeployedChannelWithServedEndpoints_isReadyForPlayers() {
      saveChannel();
      saveHls();
      aws.clock().advance(Duration.ofMinutes(5));
      V2ChannelDetails details = cdnV2.details(NEWS);

      assertThat(details).hasDistribution().hasDistribution(distribution().id()).isDeployed().isReadyForPlayers()
          .servesEndpoint("hls").servesManifest("hls", "index").servesManifest("hls", "ll")
          .servesEndpoint("hls", cdnUrl(details, "ll"));
      assertThat(aws).servesToPlayers(details);
    }

    @Test
    void inProgress_isNotDeployed_norReady() {
      saveChannel();
      saveHls();
      V2ChannelDetails details = cdnV2.details(NEWS);
      String id = distribution().id().value();

      assertThatThrownBy(() -> assertThat(details).isDeployed()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected the distribution of channel <live/news> to be Deployed, but <" + id
              + "> is InProgress");
      assertThatThrownBy(() -> assertThat(details).isReadyForPlayers()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live/news> to be ready for players, but [distribution " + id
              + " is InProgress, not Deployed]");
    }

    @Test
    void aUsersBehaviourInTheWay_isNotReady_andSaysWhyTheEndpointIsNotServed() {
      saveChannel();
      saveHls();
      sendElsewhere("*.m3u8");
      aws.clock().advance(Duration.ofMinutes(5));
      V2ChannelDetails details = cdnV2.details(NEWS);
      String reason = details.notServed().get("hls");

      assertThat(details).isDeployed().doesNotServeEndpoint("hls").doesNotServeEndpoint("hls", "'*.m3u8'");
      assertThatThrownBy(() -> assertThat(details).isReadyForPlayers()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live/news> to be ready for players, but [" + reason + "]");
      assertThatThrownBy(() -> assertThat(details).servesEndpoint("hls")).isInstanceOf(AssertionError.class)
          .hasMessage("Expected endpoint <hls> of channel <live/news> to be served, but it is not: " + reason);
      assertThatThrownBy(() -> assertThat(details).servesManifest("hls", "index")).isInstanceOf(AssertionError.class)
          .hasMessage("Expected manifest <index> of endpoint <hls> of channel <live/news> to have a CDN URL, but it "
              + "has none: " + reason);
      assertThatThrownBy(() -> assertThat(details).doesNotServeEndpoint("hls", "*.mpd"))
          .isInstanceOf(AssertionError.class)
          .hasMessage("Expected the reason endpoint <hls> of channel <live/news> is not served to contain <*.mpd>, "
              + "but it is <" + reason + ">");
    }

    @Test
    void aServedEndpoint_failsDoesNotServeEndpoint() {
      saveChannel();
      saveHls();
      V2ChannelDetails details = cdnV2.details(NEWS);

      assertThatThrownBy(() -> assertThat(details).doesNotServeEndpoint("hls")).isInstanceOf(AssertionError.class)
          .hasMessage("Expected endpoint <hls> of channel <live/news> not to be served, but it has the CDN URLs ["
              + cdnUrl(details, "index") + ", " + cdnUrl(details, "ll") + "]");
    }

    @Test
    void aDisabledDistribution_isNotReady() {
      saveChannel();
      saveHls();
      aws.distributions().edit(distribution().id(), c -> DistributionConfig.builder().from(c).enabled(false).build());
      aws.clock().advance(Duration.ofMinutes(5));
      V2ChannelDetails details = cdnV2.details(NEWS);

      assertThat(details).isDeployed();
      assertThatThrownBy(() -> assertThat(details).isReadyForPlayers()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live/news> to be ready for players, but [distribution " + distribution().id()
              + " is disabled: CloudFront accepts no viewer request for it; enable it in CloudFront]");
    }

    @Test
    void withoutADistribution() {
      cdnV2.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdnV2.saveChannel(V2ChannelSpec.builder().id(NEWS).build());
      saveHls();
      V2ChannelDetails details = cdnV2.details(NEWS);

      assertThat(details).hasNoDistribution().doesNotServeEndpoint("hls");
      assertThatThrownBy(() -> assertThat(details).hasDistribution()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live/news> to have a distribution, but none is linked to it");
      assertThatThrownBy(() -> assertThat(details).isDeployed()).isInstanceOf(AssertionError.class)
          .hasMessageContaining("none is linked");
      assertThatThrownBy(() -> assertThat(details).isReadyForPlayers()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live/news> to be ready for players, but [channel live/news has no "
              + "distribution]");
      assertThatThrownBy(() -> assertThat(details).servesEndpoint("hls")).isInstanceOf(AssertionError.class)
          .hasMessage("Expected endpoint <hls> of channel <live/news> to have a CDN URL for each manifest, but "
              + "[index, ll] have none (the channel has no distribution)");
      assertThatThrownBy(() -> assertThat(details).doesNotServeEndpoint("hls", "behaviour"))
          .isInstanceOf(AssertionError.class).hasMessage("Expected endpoint <hls> of channel <live/news> not to be "
              + "served because of <behaviour>, but the details give no reason (the channel has no distribution)");
    }

    @Test
    void withADistribution_failsHasNoDistribution_andAnotherId() {
      saveChannel();
      V2ChannelDetails details = cdnV2.details(NEWS);
      String id = distribution().id().value();

      assertThatThrownBy(() -> assertThat(details).hasNoDistribution()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live/news> to have no distribution, but distribution <" + id
              + "> is linked to it");
      assertThatThrownBy(() -> assertThat(details).hasDistribution(DistributionId.of("E0THER")))
          .isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live/news> to have distribution <E0THER>, but it has <" + id + ">");
      aws.clock().advance(Duration.ofMinutes(5));
      assertThatThrownBy(() -> assertThat(cdnV2.details(NEWS)).isReadyForPlayers()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live/news> to be ready for players, but [channel live/news has no manifest]");
    }

    @Test
    void anUnknownEndpoint_manifest_orUrl_fails() {
      saveChannel();
      saveHls();
      aws.clock().advance(Duration.ofMinutes(5));
      V2ChannelDetails details = cdnV2.details(NEWS);

      assertThatThrownBy(() -> assertThat(details).servesEndpoint("dash")).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live/news> to have endpoint <dash>, but its endpoints are [hls]");
      assertThatThrownBy(() -> assertThat(details).servesManifest("hls", "main")).isInstanceOf(AssertionError.class)
          .hasMessage("Expected endpoint <hls> of channel <live/news> to have the manifest <main>, but its manifests "
              + "are [index, ll]");
      assertThatThrownBy(() -> assertThat(details).servesEndpoint("hls", "https://example.com/x.m3u8"))
          .isInstanceOf(AssertionError.class)
          .hasMessage("Expected endpoint <hls> of channel <live/news> to have the CDN URL <https://example.com/x.m3u8>,"
              + " but its CDN URLs are [" + cdnUrl(details, "index") + ", " + cdnUrl(details, "ll") + "]");
    }
  }

  @Nested
  class ChannelDetailsAssertions {

    @Test
    void aDeployedChannelWithServedEndpoints_isReadyForPlayers() {
      saveChannelWithHlsEndpoint();
      aws.clock().advance(Duration.ofMinutes(5));
      ChannelDetails details = cdn.details(LIVE);

      assertThat(details).hasDistribution().hasDistribution(distribution().id()).isDeployed().isReadyForPlayers()
          .servesEndpoint("hls").servesEndpoint("hls", details.endpoints().get(0).cdnUrls().get(0));
      assertThat(aws).servesToPlayers(details);
    }

    @Test
    void inProgress_isNotDeployed_norReady() {
      saveChannelWithHlsEndpoint();
      ChannelDetails details = cdn.details(LIVE);
      String id = distribution().id().value();

      assertThatThrownBy(() -> assertThat(details).isDeployed()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected the distribution of channel <live> to be Deployed, but <" + id + "> is InProgress");
      assertThatThrownBy(() -> assertThat(details).isReadyForPlayers()).isInstanceOf(AssertionError.class)
          .hasMessageContaining("to be ready for players").hasMessageContaining("is InProgress, not Deployed");
    }

    @Test
    void deployedAfterAFailedUpdate_isNotReady_andNamesTheUnservedEndpoint() {
      cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true).build());
      aws.failNext(Operation.UPDATE_DISTRIBUTION).withServiceUnavailable();
      cdn.saveEndpoint(EndpointSpec.builder().id("hls").channelId("live").packaging(Packaging.HLS).build());
      aws.clock().advance(Duration.ofMinutes(5));
      ChannelDetails details = cdn.details(LIVE);

      assertThat(details).isDeployed();
      assertThatThrownBy(() -> assertThat(details).isReadyForPlayers()).isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expected channel <live> to be ready for players, but [")
          .hasMessageContaining("hls");
      assertThatThrownBy(() -> assertThat(details).servesEndpoint("hls")).isInstanceOf(AssertionError.class)
          .hasMessage("Expected endpoint <hls> of channel <live> to have a CDN URL, but it has none");
      String reason = details.endpoints().get(0).notServedReason().orElseThrow();
      assertThat(details).doesNotServeEndpoint("hls").doesNotServeEndpoint("hls", "TEMP_ORIGIN_ID/channel");
      assertThatThrownBy(() -> assertThat(details).doesNotServeEndpoint("hls", "*.mpd"))
          .isInstanceOf(AssertionError.class)
          .hasMessage("Expected the reason endpoint <hls> of channel <live> is not served to contain <*.mpd>, but it "
              + "is <" + reason + ">");
    }

    @Test
    void withoutADistribution() {
      cdn.saveChannel(ChannelSpec.builder().id("live").build());
      ChannelDetails details = cdn.details(LIVE);

      assertThat(details).hasNoDistribution();
      assertThatThrownBy(() -> assertThat(details).hasDistribution()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live> to have a distribution, but none is linked to it");
      assertThatThrownBy(() -> assertThat(details).isDeployed()).isInstanceOf(AssertionError.class)
          .hasMessageContaining("none is linked");
    }

    @Test
    void withADistribution_failsHasNoDistribution_andAnotherId() {
      saveChannelWithHlsEndpoint();
      ChannelDetails details = cdn.details(LIVE);
      String id = distribution().id().value();

      assertThatThrownBy(() -> assertThat(details).hasNoDistribution()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live> to have no distribution, but distribution <" + id + "> is linked to it");
      assertThatThrownBy(() -> assertThat(details).hasDistribution(DistributionId.of("E0THER")))
          .isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live> to have distribution <E0THER>, but it has <" + id + ">");
    }

    @Test
    void anUnknownEndpoint_orAnotherUrl_fails() {
      saveChannelWithHlsEndpoint();
      aws.clock().advance(Duration.ofMinutes(5));
      ChannelDetails details = cdn.details(LIVE);

      assertThatThrownBy(() -> assertThat(details).servesEndpoint("dash")).isInstanceOf(AssertionError.class)
          .hasMessage("Expected channel <live> to have endpoint <dash>, but its endpoints are [hls]");
      assertThatThrownBy(() -> assertThat(details).doesNotServeEndpoint("hls")).isInstanceOf(AssertionError.class)
          .hasMessage("Expected endpoint <hls> of channel <live> not to be served, but it has the CDN URLs "
              + details.endpoints().get(0).cdnUrls());
      assertThatThrownBy(() -> assertThat(details).servesEndpoint("hls", "https://example.com/x.m3u8"))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expected endpoint <hls> of channel <live> to have the CDN URL "
              + "<https://example.com/x.m3u8>, but its CDN URLs are [https://");
    }
  }

  @Nested
  class DistributionAssertions {

    @Test
    void theLibrarysLayout_passes() {
      saveChannelWithHlsEndpoint();

      assertThat(distribution()).isInProgress().hasChannelOriginFor(hls()).hasCacheBehaviorsFor(hls())
          .hasCacheBehaviorsInOrder("*.m3u8", "*.ts").hasNoPlaceholderOrigin();
      aws.clock().advance(Duration.ofMinutes(5));
      assertThat(distribution()).isDeployed();
    }

    @Test
    void aNewDistribution_hasNoChannelOrigin_andStillThePlaceholder() {
      cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true).build());
      aws.channels().createEndpoint(EndpointSpec.builder().id("hls").channelId("live").packaging(Packaging.HLS).build());
      String id = distribution().id().value();

      assertThatThrownBy(() -> assertThat(distribution()).hasChannelOriginFor(hls()))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expected distribution <" + id + "> to have an origin for <" + hls().host().get()
              + "> (endpoint <hls>), but its origins are [");
      assertThatThrownBy(() -> assertThat(distribution()).hasNoPlaceholderOrigin()).isInstanceOf(AssertionError.class)
          .hasMessageEndingWith("but it has; a cache behaviour still sends requests to it");
      assertThatThrownBy(() -> assertThat(distribution()).isDeployed()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected distribution <" + id + "> to be Deployed, but it is InProgress");
    }

    @Test
    void behavioursOutOfOrder_orMissing_fail() {
      saveChannelWithHlsEndpoint();
      String id = distribution().id().value();

      assertThatThrownBy(() -> assertThat(distribution()).hasCacheBehaviorsInOrder("*.ts", "*.m3u8"))
          .isInstanceOf(AssertionError.class)
          .hasMessage("Expected distribution <" + id + "> to have the cache behaviours [*.ts, *.m3u8] in this order, "
              + "but <*.m3u8> comes too early; its cache behaviours are [*.m3u8, *.ts]");
      assertThatThrownBy(() -> assertThat(distribution()).hasCacheBehaviorsInOrder("*.mpd"))
          .isInstanceOf(AssertionError.class).hasMessageContaining("<*.mpd> is missing");
    }

    @Test
    void aBehaviourSentElsewhere_orReordered_failsHasCacheBehaviorsFor() {
      saveChannelWithHlsEndpoint();
      Distribution made = distribution();
      List<CacheBehavior> reversed = new ArrayList<>(made.config().cacheBehaviors());
      java.util.Collections.reverse(reversed);
      Distribution reordered = Distribution.builder().from(made)
          .config(io.github.mediapackagecdn.core.model.DistributionConfig.builder().from(made.config())
              .cacheBehaviors(reversed).build())
          .build();
      List<CacheBehavior> elsewhere = new ArrayList<>(made.config().cacheBehaviors());
      elsewhere.set(1, CacheBehavior.builder().from(elsewhere.get(1)).targetOriginId("my-s3-origin").build());
      Distribution retargeted = Distribution.builder().from(made)
          .config(io.github.mediapackagecdn.core.model.DistributionConfig.builder().from(made.config())
              .cacheBehaviors(elsewhere).build())
          .build();

      assertThatThrownBy(() -> assertThat(reordered).hasCacheBehaviorsFor(hls())).isInstanceOf(AssertionError.class)
          .hasMessageContaining("<*.ts> comes too early");
      assertThatThrownBy(() -> assertThat(retargeted).hasCacheBehaviorsFor(hls())).isInstanceOf(AssertionError.class)
          .hasMessageContaining("cache behaviour <*.ts>").hasMessageEndingWith("but it sends them to <my-s3-origin>");
    }
  }

  @Nested
  class RecordedCallsAssertions {

    @Test
    void countsNoneWritesAndOrder_pass() {
      saveChannelWithHlsEndpoint();

      assertThat(aws.calls()).hasExactly(1, Operation.CREATE_DISTRIBUTION_WITH_TAGS)
          .hasExactly(1, Operation.UPDATE_DISTRIBUTION).hasNone(Operation.DELETE_CHANNEL)
          .hasInOrder(Operation.CREATE_CHANNEL, Operation.CREATE_DISTRIBUTION_WITH_TAGS,
              Operation.CREATE_ORIGIN_ENDPOINT, Operation.UPDATE_DISTRIBUTION);
      aws.clearCalls();
      cdn.details(LIVE);
      assertThat(aws.calls()).hasNoWrites();
    }

    @Test
    void wrongCount_writes_andOrder_fail() {
      saveChannelWithHlsEndpoint();

      assertThatThrownBy(() -> assertThat(aws.calls()).hasExactly(2, Operation.UPDATE_DISTRIBUTION))
          .isInstanceOf(AssertionError.class)
          .hasMessage("Expected exactly 2 UpdateDistribution call(s) but there were 1 among " + names(aws.calls()));
      assertThatThrownBy(() -> assertThat(aws.calls()).hasNone(Operation.CREATE_CHANNEL))
          .isInstanceOf(AssertionError.class).hasMessageStartingWith("Expected exactly 0 CreateChannel call(s) but there were 1");
      assertThatThrownBy(() -> assertThat(aws.calls()).hasNoWrites()).isInstanceOf(AssertionError.class)
          .hasMessage("Expected no write calls but there were " + names(aws.writes()))
          .hasMessageContaining("CreateChannel, ").hasMessageContaining("UpdateDistribution");
      assertThatThrownBy(() -> assertThat(aws.calls())
          .hasInOrder(Operation.UPDATE_DISTRIBUTION, Operation.CREATE_DISTRIBUTION_WITH_TAGS))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expected the calls [UpdateDistribution, CreateDistributionWithTags] in this order, "
              + "but after the first 1 of them there was no CreateDistributionWithTags");
    }
  }

  @Nested
  class FakeAwsAssertions {

    @Test
    void aServedChannel_servesToPlayers() {
      saveChannelWithHlsEndpoint();
      aws.clock().advance(Duration.ofMinutes(5));

      assertThat(aws).servesToPlayers(cdn.details(LIVE).endpoints().get(0).cdnUrls().get(0));
    }

    @Test
    void aServedChannelsDetails_serveToPlayers_andAnUnservedEndpointIsNamed() {
      saveChannelWithHlsEndpoint();
      aws.clock().advance(Duration.ofMinutes(5));
      assertThat(aws).servesToPlayers(cdn.details(LIVE));

      sendElsewhere("*.mpd");
      cdn.saveEndpoint(EndpointSpec.builder().id("dash").channelId("live").packaging(Packaging.DASH).build());
      aws.clock().advance(Duration.ofMinutes(5));
      ChannelDetails details = cdn.details(LIVE);
      String reason = details.endpoints().get(1).notServedReason().orElseThrow();

      assertThatThrownBy(() -> assertThat(aws).servesToPlayers(details)).isInstanceOf(AssertionError.class)
          .hasMessage(String.format("Expected players to get 200 for every CDN URL of channel live (1 URLs), but:%n"
              + "  endpoint dash has no CDN URL: %s", reason));
    }

    @Test
    void aChannelWithoutCdnUrls_doesNotServeToPlayers() {
      cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true).build());

      assertThatThrownBy(() -> assertThat(aws).servesToPlayers(cdn.details(LIVE))).isInstanceOf(AssertionError.class)
          .hasMessage("Expected players to get 200 for every CDN URL of channel live, but it has no CDN URL");
    }

    @Test
    void v2Details_serveToPlayers_withCdnAuthorization_onlyOnceSecretsManagerHoldsTheIdentifier() {
      V2ChannelId news = V2ChannelId.of("live", "news");
      String secret = "arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-v2-AbCdEf";
      CdnIdentifier identifier = CdnIdentifier.of("7b3c51f0-2f5d-4a8c-9d3e-1f2a3b4c5d6e");
      ChannelCdnV2 cdnV2 = aws.channelCdnV2();
      cdnV2.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdnV2.saveChannel(V2ChannelSpec.builder().id(news).createDistribution(true).build());
      cdnV2.saveEndpoint(V2EndpointSpec.builder().id(news.endpoint("hls")).containerType(ContainerType.TS)
          .addManifests(Manifest.of(ManifestType.HLS, "index"))
          .cdnAuthorization(new CdnAuthConfiguration(List.of(secret), "arn:aws:iam::123456789012:role/secrets"))
          .cdnIdentifier(identifier).build());
      cdnV2.saveEndpoint(V2EndpointSpec.builder().id(news.endpoint("cmaf")).containerType(ContainerType.CMAF)
          .addManifests(Manifest.of(ManifestType.DASH, "dash")).build());
      aws.clock().advance(Duration.ofMinutes(5));
      V2ChannelDetails details = cdnV2.details(news);
      assertThat(details).isReadyForPlayers();

      assertThatThrownBy(() -> assertThat(aws).servesToPlayers(details)).isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expected players to get 200 for every CDN URL of channel live/news (2 URLs), but:")
          .hasMessageContaining("/out/v1/live/news/hls/index.m3u8 -> 403")
          .hasMessageContaining(secret).hasMessageContaining("putV2CdnIdentifier")
          .hasMessageNotContaining("/cmaf/").hasMessageNotContaining(identifier.reveal());
      aws.secrets().putV2CdnIdentifier(secret, identifier.reveal());
      assertThat(aws).servesToPlayers(details);
    }

    @Test
    void v2Details_withAnUnservedEndpoint_orNoDistribution_doNotServeToPlayers() {
      V2ChannelId news = V2ChannelId.of("live", "news");
      ChannelCdnV2 cdnV2 = aws.channelCdnV2();
      cdnV2.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdnV2.saveChannel(V2ChannelSpec.builder().id(news).build());
      cdnV2.saveEndpoint(V2EndpointSpec.builder().id(news.endpoint("hls")).containerType(ContainerType.TS)
          .addManifests(Manifest.of(ManifestType.HLS, "index")).build());

      assertThatThrownBy(() -> assertThat(aws).servesToPlayers(cdnV2.details(news))).isInstanceOf(AssertionError.class)
          .hasMessage(String.format("Expected players to get 200 for every CDN URL of channel live/news (0 URLs), "
              + "but:%n  manifest index of endpoint hls has no CDN URL: the channel has no distribution"));
      cdnV2.saveChannel(V2ChannelSpec.builder().id(news).createDistribution(true).build());
      sendElsewhere("*.mpd");
      cdnV2.saveEndpoint(V2EndpointSpec.builder().id(news.endpoint("dash")).containerType(ContainerType.CMAF)
          .addManifests(Manifest.of(ManifestType.DASH, "dash")).build());
      aws.clock().advance(Duration.ofMinutes(5));
      V2ChannelDetails details = cdnV2.details(news);

      assertThat(details).servesEndpoint("hls").doesNotServeEndpoint("dash");
      assertThatThrownBy(() -> assertThat(aws).servesToPlayers(details)).isInstanceOf(AssertionError.class)
          .hasMessage(String.format("Expected players to get 200 for every CDN URL of channel live/news (1 URLs), "
              + "but:%n  manifest dash of endpoint dash has no CDN URL: %s", details.notServed().get("dash")));
    }

    @Test
    void aRefusedRequest_failsWithEachRefusedPathAndItsReason() {
      saveChannelWithHlsEndpoint();
      aws.clock().advance(Duration.ofMinutes(5));
      String url = cdn.details(LIVE).endpoints().get(0).cdnUrls().get(0);
      aws.distributions().edit(distribution().id(), c -> DistributionConfig.builder().from(c)
          .enabled(false).build());

      assertThatThrownBy(() -> assertThat(aws).servesToPlayers(url)).isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expected players to get 200 for every request of <" + url + ">, but 3 did not:")
          .hasMessageContaining("GET " + url + " -> 403: distribution " + distribution().id() + " is disabled")
          .hasMessageContaining("index_1_1.ts -> 403");
    }
  }
}
