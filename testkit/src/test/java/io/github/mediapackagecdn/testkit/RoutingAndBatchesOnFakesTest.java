package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.EndpointDetails;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Input refused before anything is written, batches MediaPackage stops partway, and CDN URLs reported only when the
 * distribution routes them: on the fakes, with distributions built through the fake's CloudFront API as a user would.
 */
class RoutingAndBatchesOnFakesTest {

  private static final ChannelId CHANNEL = ChannelId.of(Specs.CHANNEL);
  private static final String LINK_TAG = CdnSettings.defaults().linkTagKey();
  private static final CdnAuthorization AUTHORIZATION = CdnAuthorization.of(
      "arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id-AbCdEf",
      "arn:aws:iam::123456789012:role/MediaPackageSecrets");
  private static final CdnIdentifier FIRST = CdnIdentifier.of("5d1c0b38-4f6e-4d0e-9e63-0f7e3b8a2c11");
  private static final CdnIdentifier SECOND = CdnIdentifier.of("0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d");

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdn cdn = aws.channelCdn();

  private static EndpointSpec secured(Packaging packaging, CdnIdentifier identifier) {
    return EndpointSpec.builder().from(Specs.endpoint(packaging))
        .authorization(AUTHORIZATION).cdnIdentifier(identifier).build();
  }

  @Nested
  class CdnIdentifiers {

    @Test
    void twoIdentifiersInOneBatch_areRefusedBeforeAnyCall() {
      cdn.saveChannel(Specs.channelWithDistribution());
      aws.clearCalls();

      ValidationException e = catchThrowableOfType(ValidationException.class, () -> cdn.saveEndpoints(
          List.of(secured(Packaging.HLS, FIRST), secured(Packaging.DASH, SECOND))));

      assertThat(e.problems()).singleElement().asString()
          .contains("live-news-hls", "live-news-dash", "2 different CDN identifiers")
          .doesNotContain(FIRST.reveal(), SECOND.reveal());
      assertThat(aws.calls()).isEmpty();
      assertThat(aws.channels().allEndpoints()).isEmpty();
    }

    @Test
    void anIdentifierOtherThanTheOriginSends_isRefusedBeforeMediaPackageIsWritten() {
      cdn.saveChannel(Specs.channelWithDistribution());
      cdn.saveEndpoint(secured(Packaging.HLS, FIRST));
      aws.clearCalls();

      ResourceConflictException updating = catchThrowableOfType(ResourceConflictException.class,
          () -> cdn.saveEndpoint(secured(Packaging.HLS, SECOND)));
      ResourceConflictException adding = catchThrowableOfType(ResourceConflictException.class,
          () -> cdn.saveEndpoint(secured(Packaging.DASH, SECOND)));

      for (ResourceConflictException e : List.of(updating, adding)) {
        assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.CDN_IDENTIFIER_MISMATCH);
        assertThat(e.getMessage()).contains(LiveCdnSettings.CDN_IDENTIFIER_HEADER)
            .doesNotContain(FIRST.reveal(), SECOND.reveal());
      }
      assertThat(aws.writes()).isEmpty();
      assertThat(aws.channels().allEndpoints()).extracting(OriginEndpoint::id)
          .containsExactly(OriginEndpointId.of("live-news-hls"));
      assertThat(Specs.onlyDistribution(aws).config().origins()).singleElement().satisfies(origin -> assertThat(
          origin.customHeaders()).containsEntry(LiveCdnSettings.CDN_IDENTIFIER_HEADER, FIRST.reveal()));
    }

    @Test
    void anIdentifierFromTheSourceOtherThanTheOriginSends_isAFailedOutcomeNeverASuccess() {
      cdn.saveChannel(Specs.channelWithDistribution());
      cdn.saveEndpoint(secured(Packaging.HLS, FIRST));
      ChannelCdn rotatedSecret = aws.channelCdn(b -> b.cdnIdentifiers(arn -> Optional.of(SECOND)));
      aws.clearCalls();

      EndpointSaveResult result = rotatedSecret.saveEndpoint(EndpointSpec.builder()
          .from(Specs.endpoint(Packaging.DASH)).authorization(AUTHORIZATION).build());

      assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.FAILED);
      assertThat(result.cdn().failure()).get().isInstanceOfSatisfying(ResourceConflictException.class, e -> {
        assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.CDN_IDENTIFIER_MISMATCH);
        assertThat(e.getMessage()).contains("live-news-dash").doesNotContain(FIRST.reveal(), SECOND.reveal());
      });
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
      assertThat(result.complete()).isFalse();
    }
  }

  @Nested
  class Batches {

    private List<EndpointSpec> elevenHlsEndpoints() {
      return IntStream.rangeClosed(1, 11).mapToObj(i -> EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS))
          .id(Specs.CHANNEL + "-hls-" + i).build()).toList();
    }

    @Test
    void aBatchPastTheEndpointQuota_givesTheSavedOnesTheirBehavioursAndNamesTheRest() {
      cdn.saveChannel(Specs.channelWithDistribution());
      aws.clearCalls();

      EndpointSaveResult result = cdn.saveEndpoints(elevenHlsEndpoints());

      assertThat(result.endpoints()).hasSize(10);
      assertThat(result.unsaved()).containsExactly(OriginEndpointId.of("live-news-hls-11"));
      assertThat(result.stoppedBy()).get().isInstanceOf(QuotaExceededException.class);
      assertThat(result.complete()).isFalse();
      assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
      assertThat(aws.calls(Operation.CREATE_ORIGIN_ENDPOINT)).hasSize(11);
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
      assertThat(Specs.onlyDistribution(aws).config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
          .containsExactly("*.m3u8", "*.ts");
      aws.clock().advance(aws.propagationTime());
      assertThat(cdn.details(CHANNEL).readyForPlayers()).isTrue();
    }

    @Test
    void theSameBatchSavedAgain_reportsTheSameRestAndWritesNothingToCloudFront() {
      cdn.saveChannel(Specs.channelWithDistribution());
      cdn.saveEndpoints(elevenHlsEndpoints());
      aws.clearCalls();

      EndpointSaveResult again = cdn.saveEndpoints(elevenHlsEndpoints());

      assertThat(again.endpoints()).hasSize(10);
      assertThat(again.unsaved()).containsExactly(OriginEndpointId.of("live-news-hls-11"));
      assertThat(again.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    }

    @Test
    void aBatchWhoseFirstEndpointIsRefused_throwsAndSavesNothing() {
      cdn.saveChannel(Specs.channelWithDistribution());
      cdn.saveEndpoints(elevenHlsEndpoints().subList(0, 10));
      aws.clearCalls();

      catchThrowableOfType(QuotaExceededException.class, () -> cdn.saveEndpoints(elevenHlsEndpoints().subList(10, 11)));

      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
      assertThat(aws.channels().allEndpoints()).hasSize(10);
    }
  }

  @Nested
  class Routing {

    /**
     * The seed's manual path: "one origin for each endpoint", each with the endpoint's host and, as the CloudFront
     * console fills it, the endpoint's path as origin path; tagged for the channel afterwards.
     */
    @Test
    void theSeedsManualDistribution_getsAChannelOriginWithoutPath_andEveryReportedUrlRoutesToItsEndpoint() {
      Channel channel = cdn.saveChannel(Specs.channelWithoutDistribution()).channel();
      List<OriginEndpoint> endpoints = cdn.saveEndpoints(List.of(Specs.endpoint(Packaging.HLS),
          Specs.endpoint(Packaging.DASH), Specs.endpoint(Packaging.CMAF))).endpoints();
      List<Origin> origins = new ArrayList<>();
      for (OriginEndpoint endpoint : endpoints) {
        URI url = URI.create(endpoint.urls().get(0).value());
        origins.add(Origin.builder().id("origin-" + endpoint.id()).domainName(url.getHost())
            .originPath(url.getPath().substring(0, url.getPath().indexOf('/', "/out/v1/".length())))
            .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build());
      }
      DistributionConfig manual = DistributionConfig.builder()
          .callerReference("made-in-the-console").comment("made by hand")
          .origins(origins)
          .defaultBehavior(Specs.userBehavior("*", origins.get(0).id()))
          .build();
      Distribution made = aws.distributions().create(manual, Map.of(LINK_TAG, channel.arn().value()));
      aws.clock().advance(aws.propagationTime());
      assertThat(cdn.details(CHANNEL).endpoints()).noneMatch(EndpointDetails::served);

      EndpointSaveResult result = cdn.saveEndpoint(Specs.endpoint(Packaging.MSS));

      assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
      assertThat(result.complete()).isTrue();
      DistributionConfig after = aws.distributions().peek(made.id()).orElseThrow().config();
      assertThat(after.origins()).containsAll(origins).hasSize(origins.size() + 1);
      Origin added = after.origins().get(origins.size());
      assertThat(added.originPath()).isEmpty();
      assertThat(added.id()).doesNotStartWith("origin-");
      assertThat(after.defaultBehavior()).isEqualTo(manual.defaultBehavior());
      aws.clock().advance(aws.propagationTime());
      ChannelDetails details = cdn.details(CHANNEL);
      assertThat(details.readyForPlayers()).isTrue();
      assertThat(details.endpoints()).hasSize(4).allSatisfy(e -> assertThat(e.cdnUrls()).isNotEmpty());
    }

    @Test
    void aUsersOwnManifestBehaviourToAnotherOrigin_isKept_andTheEndpointIsReportedNotServed() {
      cdn.saveChannel(Specs.channelWithDistribution());
      Distribution created = Specs.onlyDistribution(aws);
      Origin packager = Origin.builder().id("my-packager").domainName("packager.example.com")
          .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
      aws.distributions().edit(created.id(), config -> DistributionConfig.builder().from(config)
          .addOrigins(packager).addCacheBehaviors(Specs.userBehavior("*.m3u8", "my-packager")).build());

      EndpointSaveResult hls = cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
      EndpointSaveResult dash = cdn.saveEndpoint(Specs.endpoint(Packaging.DASH));

      assertThat(hls.cdn().action()).isEqualTo(CdnOutcome.Action.NOT_SERVED);
      assertThat(hls.cdn().notServed()).containsOnlyKeys(OriginEndpointId.of("live-news-hls"));
      assertThat(hls.cdn().notServed().values()).singleElement().asString()
          .contains("cache behaviour '*.m3u8'", "origin 'my-packager'");
      assertThat(hls.complete()).isFalse();
      assertThat(dash.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
      DistributionConfig after = Specs.onlyDistribution(aws).config();
      assertThat(after.cacheBehaviors().get(0)).isEqualTo(Specs.userBehavior("*.m3u8", "my-packager"));

      aws.clock().advance(aws.propagationTime());
      ChannelDetails details = cdn.details(CHANNEL);
      assertThat(details.deployed()).isTrue();
      assertThat(details.readyForPlayers()).isFalse();
      EndpointDetails hlsDetails = details.endpoints().stream()
          .filter(e -> e.endpoint().packaging() == Packaging.HLS).findFirst().orElseThrow();
      assertThat(hlsDetails.cdnUrls()).isEmpty();
      assertThat(hlsDetails.notServedReason()).get().asString().contains("'*.m3u8'", "my-packager");
      assertThat(details.endpoints()).filteredOn(e -> e.endpoint().packaging() == Packaging.DASH)
          .singleElement().satisfies(e -> assertThat(e.cdnUrls()).isNotEmpty());
      ResourceConflictException notReady = catchThrowableOfType(ResourceConflictException.class,
          () -> cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(30)));
      assertThat(notReady.reason()).isEqualTo(ResourceConflictException.Reason.NOT_SERVED);
      assertThat(notReady.getMessage()).contains("'*.m3u8'");
    }

    @Test
    void afterAFailedUpdate_theDistributionIsDeployedButNotReady_andAwaitDeployedSaysWhy() {
      cdn.saveChannel(Specs.channelWithDistribution());
      aws.failNext(Operation.UPDATE_DISTRIBUTION).withThrottling();
      assertThat(cdn.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn().failed()).isTrue();
      aws.clock().advance(aws.propagationTime());
      aws.clearCalls();

      ChannelDetails details = cdn.details(CHANNEL);
      ResourceConflictException notReady = catchThrowableOfType(ResourceConflictException.class,
          () -> cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(30)));

      assertThat(details.deployed()).isTrue();
      assertThat(details.readyForPlayers()).isFalse();
      assertThat(details.notReadyReasons()).singleElement().asString().contains("live-news-hls");
      assertThat(notReady.reason()).isEqualTo(ResourceConflictException.Reason.NOT_SERVED);
      assertThat(aws.writes()).isEmpty();
      assertThat(cdn.saveEndpoint(Specs.endpoint(Packaging.HLS)).complete()).isTrue();
      assertThat(cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(30)).readyForPlayers()).isTrue();
    }
  }
}
