package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChannelCdnOnFakesTest {

  private static final ChannelId CHANNEL = ChannelId.of(Specs.CHANNEL);

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdn cdn = aws.channelCdn();

  private Distribution onlyDistribution() {
    return Specs.onlyDistribution(aws);
  }

  @Test
  void saveChannel_thenFourEndpoints_isDeployedWithACdnUrlPerEndpoint() {
    cdn.saveChannel(Specs.channelWithDistribution());
    List<CdnOutcome.Action> actions = new java.util.ArrayList<>();
    for (EndpointSpec spec : List.of(Specs.endpoint(Packaging.HLS), Specs.endpoint(Packaging.DASH),
        EndpointSpec.builder().from(Specs.endpoint(Packaging.CMAF)).hlsManifestIds(List.of("sports", "sports_low"))
            .build(),
        EndpointSpec.builder().from(Specs.endpoint(Packaging.MSS)).manifestName("drama").build())) {
      actions.add(cdn.saveEndpoint(spec).cdn().action());
    }
    // CMAF needs *.m3u8 and *.mp4, which HLS and DASH added already
    assertThat(actions).containsExactly(CdnOutcome.Action.UPDATED, CdnOutcome.Action.UPDATED,
        CdnOutcome.Action.UNCHANGED, CdnOutcome.Action.UPDATED);

    ChannelDetails details = cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(20));

    assertThat(details.deployed()).isTrue();
    String domain = details.distribution().orElseThrow().domainName();
    assertThat(domain).matches("d[a-z0-9]{13}\\.cloudfront\\.net");
    assertThat(details.endpoints()).extracting(e -> e.cdnUrls().size()).containsExactly(1, 1, 2, 1);
    assertThat(details.endpoints().stream().flatMap(e -> e.cdnUrls().stream()))
        .allMatch(url -> url.startsWith("https://" + domain + "/out/v1/"))
        .anyMatch(url -> url.endsWith("/sports/index.m3u8"))
        .anyMatch(url -> url.endsWith("/sports_low/index.m3u8"))
        .anyMatch(url -> url.endsWith("/drama.ism/Manifest"))
        .anyMatch(url -> url.endsWith("/index.mpd"));
  }

  @Test
  void saveAgain_whenEverythingIsInPlace_changesNothingAndSendsNoUpdate() {
    cdn.saveChannel(Specs.channelWithDistribution());
    cdn.saveEndpoints(Specs.allFormats());
    Distribution before = onlyDistribution();
    aws.clearCalls();

    assertThat(cdn.saveEndpoints(Specs.allFormats()).cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(cdn.saveChannel(Specs.channelWithDistribution()).cdn().action())
        .isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(cdn.attachDistribution(CHANNEL).action()).isEqualTo(CdnOutcome.Action.UNCHANGED);

    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).isEmpty();
    assertThat(onlyDistribution().etag()).isEqualTo(before.etag());
  }

  @Test
  void saveEndpoints_updatesTheDistributionOnceForManyEndpoints() {
    cdn.saveChannel(Specs.channelWithDistribution());
    aws.clearCalls();

    cdn.saveEndpoints(Specs.allFormats());

    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    assertThat(aws.calls(Operation.CREATE_ORIGIN_ENDPOINT)).hasSize(4);
  }

  @Test
  void attachDistribution_toAChannelCreatedElsewhereWithEndpoints_addsTheOrigin() {
    aws.channels().create(Specs.channelWithoutDistribution());
    Specs.allFormats().forEach(aws.channels()::createEndpoint);

    CdnOutcome outcome = cdn.attachDistribution(CHANNEL);

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.CREATED);
    DistributionConfig config = onlyDistribution().config();
    assertThat(config.origins()).singleElement().satisfies(o -> assertThat(o.id()).startsWith("EMP-"));
    assertThat(config.cacheBehaviors()).hasSize(5);
  }

  @Test
  void attachDistribution_whenTheChannelDoesNotExist_isNotFound() {
    assertThatThrownBy(() -> cdn.attachDistribution(CHANNEL)).isInstanceOf(ResourceNotFoundException.class);
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void userBehavioursAndOriginsAddedInCloudFront_areUntouchedByLaterSaves() {
    cdn.saveChannel(Specs.channelWithDistribution());
    Distribution created = onlyDistribution();
    aws.distributions().edit(created.id(), config -> DistributionConfig.builder().from(config)
        .addOrigins(io.github.mediapackagecdn.core.model.Origin.builder().id("ads").domainName("ads.example.com")
            .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build())
        .addCacheBehaviors(Specs.userBehavior("/ads/*", "ads"), Specs.userBehavior("*.m3u8", "ads"))
        .build());

    cdn.saveEndpoints(Specs.allFormats());

    DistributionConfig config = onlyDistribution().config();
    assertThat(config.cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsExactly("/ads/*", "*.m3u8", "*.ts", "*.mpd", "*.mp4", "*.ism/*");
    assertThat(config.behavior("*.m3u8").orElseThrow().targetOriginId()).isEqualTo("ads");
    assertThat(config.origin("ads")).isPresent();
  }

  @Test
  void defaultBehaviour_pointedByAUserAtTheirOrigin_isNotMoved() {
    cdn.saveChannel(Specs.channelWithDistribution());
    Distribution created = onlyDistribution();
    aws.distributions().edit(created.id(), config -> DistributionConfig.builder().from(config)
        .addOrigins(io.github.mediapackagecdn.core.model.Origin.builder().id("site").domainName("www.example.com")
            .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build())
        .defaultBehavior(CacheBehavior.builder().from(config.defaultBehavior()).targetOriginId("site").build())
        .build());

    cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));

    DistributionConfig config = onlyDistribution().config();
    assertThat(config.defaultBehavior().targetOriginId()).isEqualTo("site");
    assertThat(config.origin("TEMP_ORIGIN_ID/channel")).isEmpty(); // nothing targets it any more
  }

  @Test
  void cdnAuthorization_putsTheIdentifierHeaderOnTheChannelOrigin() {
    CdnIdentifier identifier = CdnIdentifier.of("5d1c0b38-4f6e-4d0e-9e63-0f7e3b8a2c11");
    cdn.saveChannel(Specs.channelWithDistribution());

    cdn.saveEndpoint(EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS))
        .authorization(CdnAuthorization.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id-AbCdEf",
            "arn:aws:iam::123456789012:role/MediaPackageSecrets"))
        .cdnIdentifier(identifier)
        .build());

    assertThat(onlyDistribution().config().origins()).singleElement().satisfies(origin -> {
      assertThat(origin.customHeaders()).containsEntry(LiveCdnSettings.CDN_IDENTIFIER_HEADER, identifier.reveal());
      assertThat(origin.toString()).doesNotContain(identifier.reveal());
    });
  }

  @Nested
  class Faults {

    @Test
    void updateKeepsLosingRaces_failsWithStaleVersion_andSavingAgainRecovers() {
      cdn.saveChannel(Specs.channelWithDistribution());
      Distribution created = onlyDistribution();
      for (int i = 0; i < CdnSettings.defaults().maxUpdateAttempts(); i++) {
        aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> aws.distributions().edit(created.id(), c -> c));
      }

      CdnOutcome failed = cdn.saveEndpoints(Specs.allFormats()).cdn();

      assertThat(failed.failure()).get().isInstanceOfSatisfying(ResourceConflictException.class,
          e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION));
      assertThat(failed.distributionId()).contains(created.id());
      assertThat(aws.channels().allEndpoints()).hasSize(4); // the endpoints are saved all the same
      assertThat(cdn.saveEndpoints(Specs.allFormats()).cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
      assertThat(onlyDistribution().config().cacheBehaviors()).hasSize(5);
    }

    @Test
    void twoDistributionsTaggedForOneChannel_isAClearErrorNotAGuess() {
      var channel = cdn.saveChannel(Specs.channelWithDistribution()).channel();
      DistributionConfig second = SampleDistributions.newChannelDistribution(CHANNEL, "made-by-hand");
      aws.distributions().create(second, Map.of(CdnSettings.LINK_TAG_KEY, channel.arn().value()));
      aws.clearCalls();

      CdnOutcome outcome = cdn.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn();

      assertThat(outcome.failure()).get().isInstanceOfSatisfying(ResourceConflictException.class,
          e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.AMBIGUOUS_LINK));
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
      assertThatThrownBy(() -> cdn.details(CHANNEL)).isInstanceOf(ResourceConflictException.class)
          .hasMessageContaining(aws.distributions().all().get(0).id().value())
          .hasMessageContaining(aws.distributions().all().get(1).id().value());
    }

    @Test
    void concurrentInstances_savingTheSameChannelAndEndpoints_makeOneDistributionWithEverything() throws Exception {
      cdn.saveChannel(Specs.channelWithoutDistribution());
      List<ChannelCdn> instances = List.of(aws.channelCdn(), aws.channelCdn(), aws.channelCdn());
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Callable<CdnOutcome>> work = instances.stream().<Callable<CdnOutcome>>map(instance -> () -> {
          instance.saveChannel(Specs.channelWithDistribution());
          return instance.saveEndpoints(Specs.allFormats()).cdn();
        }).toList();
        for (Future<CdnOutcome> result : pool.invokeAll(work)) {
          assertThat(result.get().failed()).isFalse();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(onlyDistribution().config().cacheBehaviors()).hasSize(5);
    }
  }

  @Nested
  class BadInput {

    @Test
    void invalidIds_areRefusedWhenTheSpecIsBuilt() {
      assertThatThrownBy(() -> ChannelSpec.builder().id("live news").build())
          .isInstanceOf(ValidationException.class).hasMessageContaining("no spaces");
      assertThatThrownBy(() -> ChannelSpec.builder().id("x".repeat(257)).build())
          .isInstanceOf(ValidationException.class).hasMessageContaining("257");
      assertThatThrownBy(() -> EndpointSpec.builder().id("hls/1").channelId("live").packaging(Packaging.HLS).build())
          .isInstanceOf(ValidationException.class);
    }

    @Test
    void oversizedDescriptionAndComment_areReportedTogether() {
      assertThatThrownBy(() -> ChannelSpec.builder().id("live").description("d".repeat(1025))
          .distributionComment("c".repeat(129)).build())
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void ingestUrlWhereAnEgressUrlBelongs_isRefused() {
      assertThatThrownBy(() -> EndpointUrl.of("https://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com"
          + "/in/v2/6ad9d7c8b5f54fc7a9e5a47d2ba5d8e6/6ad9d7c8b5f54fc7a9e5a47d2ba5d8e6/channel"))
          .isInstanceOf(ValidationException.class).hasMessageContaining("ingest");
    }

    @Test
    void duplicateEndpointIds_areRefusedWithNoCallToAnyPort() {
      cdn.saveChannel(Specs.channelWithDistribution());
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveEndpoints(List.of(Specs.endpoint(Packaging.HLS), Specs.endpoint(Packaging.HLS))))
          .isInstanceOf(ValidationException.class).hasMessageContaining("more than once");
      assertThat(aws.calls()).isEmpty();
    }

    @Test
    void nullSpecs_areATypedErrorWithNoCall() {
      assertThatThrownBy(() -> cdn.saveChannel(null)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> cdn.saveEndpoint(null)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> cdn.details(null)).isInstanceOf(ValidationException.class);
      assertThat(aws.calls()).isEmpty();
    }

    @Test
    void anEndpointOfAnotherChannel_isRefusedBeforeAnyWrite() {
      cdn.saveChannel(Specs.channelWithDistribution());
      cdn.saveChannel(ChannelSpec.builder().id("other").build());
      cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveEndpoint(EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS))
          .channelId("other").build()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("belongs to channel live-news");
      assertThat(aws.writes()).isEmpty();
    }

    @Test
    void cdnAuthorizationWithoutAnIdentifier_savesTheEndpointAndReportsWhatIsMissing() {
      cdn.saveChannel(Specs.channelWithDistribution());

      CdnOutcome outcome = cdn.saveEndpoint(EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS))
          .authorization(CdnAuthorization.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id-AbCdEf",
              "arn:aws:iam::123456789012:role/MediaPackageSecrets"))
          .build()).cdn();

      assertThat(outcome.failure()).get().isInstanceOf(ValidationException.class)
          .extracting(Throwable::getMessage).asString().contains("CDN identifier");
      assertThat(aws.channels().allEndpoints()).hasSize(1);
      assertThat(onlyDistribution().status()).isEqualTo(DistributionStatus.IN_PROGRESS);
    }
  }
}
