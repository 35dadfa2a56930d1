package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.error.UnknownOutcomeException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.Packaging;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The fakes' AWS semantics, on their own. */
class InMemoryFakesTest {

  private final FakeAws aws = FakeAws.create();

  private Distribution newDistribution(String callerReference) {
    return aws.distributions().create(SampleDistributions.newChannelDistribution(ChannelId.of("live"), callerReference),
        Map.of("team", "video"));
  }

  @Nested
  class MediaPackage {

    @Test
    void create_givesRealisticArnsHostsAndUrls() {
      Channel channel = aws.channels().create(ChannelSpec.builder().id("live").build());
      OriginEndpoint hls = aws.channels().createEndpoint(
          EndpointSpec.builder().id("live-hls").channelId("live").packaging(Packaging.HLS).build());
      OriginEndpoint cmaf = aws.channels().createEndpoint(EndpointSpec.builder().id("live-cmaf").channelId("live")
          .packaging(Packaging.CMAF).hlsManifestIds(List.of("cmaf_sports_endpoint")).build());
      OriginEndpoint mss = aws.channels().createEndpoint(EndpointSpec.builder().id("live-mss").channelId("live")
          .packaging(Packaging.MSS).manifestName("drama").build());

      assertThat(channel.arn().value()).matches("arn:aws:mediapackage:us-west-2:123456789012:channels/[0-9a-f]{32}");
      assertThat(hls.urls().get(0).value()).matches(
          "https://[0-9a-f]{16}\\.mediapackage\\.us-west-2\\.amazonaws\\.com/out/v1/[0-9a-f]{32}/index\\.m3u8");
      assertThat(cmaf.urls().get(0).value()).matches(
          "https://[0-9a-f]{16}\\.mediapackage\\.us-west-2\\.amazonaws\\.com/out/v1/[0-9a-f]{32}"
              + "/cmaf_sports_endpoint/index\\.m3u8");
      assertThat(mss.urls().get(0).value()).endsWith("/drama.ism/Manifest");
      assertThat(List.of(hls.host(), cmaf.host(), mss.host())).containsOnly(hls.host());
      assertThat(hls.arn().orElseThrow()).endsWith(hls.urls().get(0).value().split("/")[5]);
    }

    @Test
    void create_withATakenId_isAConflict() {
      aws.channels().create(ChannelSpec.builder().id("live").build());
      assertThatThrownBy(() -> aws.channels().create(ChannelSpec.builder().id("live").build()))
          .isInstanceOfSatisfying(ResourceConflictException.class,
              e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS));
      aws.channels().createEndpoint(EndpointSpec.builder().id("e").channelId("live").packaging(Packaging.HLS).build());
      assertThatThrownBy(() -> aws.channels().createEndpoint(
          EndpointSpec.builder().id("e").channelId("live").packaging(Packaging.DASH).build()))
          .isInstanceOf(ResourceConflictException.class);
    }

    @Test
    void delete_aChannelWithEndpoints_isRefusedUntilTheyAreGone() {
      aws.channels().create(ChannelSpec.builder().id("live").build());
      EndpointSpec endpoint = EndpointSpec.builder().id("e").channelId("live").packaging(Packaging.HLS).build();
      aws.channels().createEndpoint(endpoint);

      assertThatThrownBy(() -> aws.channels().delete(ChannelId.of("live")))
          .isInstanceOfSatisfying(ResourceConflictException.class,
              e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.IN_USE));
      aws.channels().deleteEndpoint(endpoint.endpointId());
      aws.channels().delete(ChannelId.of("live"));
      assertThat(aws.channels().find(ChannelId.of("live"))).isEmpty();
    }

    @Test
    void endpointsOf_listsOnlyThatChannelsEndpoints() {
      aws.channels().create(ChannelSpec.builder().id("a").build());
      aws.channels().create(ChannelSpec.builder().id("b").build());
      aws.channels().createEndpoint(EndpointSpec.builder().id("a1").channelId("a").packaging(Packaging.HLS).build());
      aws.channels().createEndpoint(EndpointSpec.builder().id("b1").channelId("b").packaging(Packaging.HLS).build());
      aws.channels().createEndpoint(EndpointSpec.builder().id("a2").channelId("a").packaging(Packaging.DASH).build());

      assertThat(aws.channels().endpointsOf(ChannelId.of("a"))).extracting(e -> e.id().value())
          .containsExactly("a1", "a2");
    }

    @Test
    void createEndpoint_onAMissingChannel_isNotFound() {
      assertThatThrownBy(() -> aws.channels().createEndpoint(
          EndpointSpec.builder().id("e").channelId("nope").packaging(Packaging.HLS).build()))
          .isInstanceOfSatisfying(ResourceNotFoundException.class,
              e -> assertThat(e.errorCode()).contains("NotFoundException"));
    }

    @Test
    void createEndpoint_pastTheQuota_isRefused() {
      FakeAws small = FakeAws.builder().quotas(new FakeAws.Quotas(30, 1, 200, 25, 25)).build();
      small.channels().create(ChannelSpec.builder().id("live").build());
      small.channels().createEndpoint(EndpointSpec.builder().id("e1").channelId("live").packaging(Packaging.HLS).build());
      assertThatThrownBy(() -> small.channels().createEndpoint(
          EndpointSpec.builder().id("e2").channelId("live").packaging(Packaging.HLS).build()))
          .isInstanceOf(QuotaExceededException.class);
    }
  }

  @Nested
  class CloudFront {

    /** Creates, disables, deploys and deletes a distribution, then creates one again with its CallerReference. */
    private Distribution createdAgainAfterDeletion(FakeAws account) {
      DistributionConfig config = SampleDistributions.newChannelDistribution(ChannelId.of("live"), "ref-deleted");
      Distribution first = account.distributions().create(config, Map.of());
      account.distributions().edit(first.id(), c -> DistributionConfig.builder().from(c).enabled(false).build());
      account.clock().advance(account.propagationTime());
      account.distributions().delete(first.id());
      return account.distributions().create(config, Map.of());
    }

    @Test
    void create_withTheReferenceOfADeletedDistribution_isRefusedUnlessTheAccountFreesIt() {
      assertThat(aws.deletedCallerReferencesStayTaken()).isTrue();
      assertThatThrownBy(() -> createdAgainAfterDeletion(aws)).isInstanceOfSatisfying(ResourceConflictException.class,
          e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS));

      FakeAws freeing = FakeAws.builder().deletedCallerReferencesStayTaken(false).build();
      assertThat(createdAgainAfterDeletion(freeing).config().callerReference()).isEqualTo("ref-deleted");
    }

    @Test
    void create_givesRealisticIdsDomainsAndArns() {
      Distribution d = newDistribution("ref-1");

      assertThat(d.id().value()).matches("E[A-Z0-9]{13}");
      assertThat(d.domainName()).matches("d[a-z0-9]{13}\\.cloudfront\\.net");
      assertThat(d.arn()).isEqualTo("arn:aws:cloudfront::123456789012:distribution/" + d.id());
      assertThat(d.status()).isEqualTo(DistributionStatus.IN_PROGRESS);
      assertThat(aws.distributions().tags(d.id())).containsEntry("team", "video");
    }

    @Test
    void create_withAUsedCallerReference_isDistributionAlreadyExistsEvenAfterDelete() {
      Distribution d = newDistribution("ref-1");
      assertThatThrownBy(() -> newDistribution("ref-1"))
          .isInstanceOfSatisfying(ResourceConflictException.class,
              e -> assertThat(e.errorCode()).contains("DistributionAlreadyExists"));

      aws.distributions().edit(d.id(), c -> DistributionConfig.builder().from(c).enabled(false).build());
      aws.clock().advance(aws.propagationTime());
      aws.distributions().delete(d.id());
      assertThatThrownBy(() -> newDistribution("ref-1")).isInstanceOf(ResourceConflictException.class);
    }

    @Test
    void delete_anEnabledDistribution_isDistributionNotDisabled() {
      Distribution d = newDistribution("ref-1");
      assertThatThrownBy(() -> aws.distributions().delete(d.id()))
          .isInstanceOfSatisfying(ResourceConflictException.class,
              e -> assertThat(e.errorCode()).contains("DistributionNotDisabled"));
    }

    @Test
    void update_rotatesTheEtagAndRefusesStaleMissingAndCallerReferenceChanges() {
      Distribution d = newDistribution("ref-1");
      ChangeSet nothing = ChangeSet.of(List.of(new DistributionChange.RemoveOrigin("absent")));
      ChangeSet addOrigin = ChangeSet.of(List.of(new DistributionChange.AddOrigin(
          io.github.mediapackagecdn.core.model.Origin.builder().id("extra").domainName("extra.example.com")
              .protocolPolicy(io.github.mediapackagecdn.core.model.ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2")
              .build())));

      // A change set that changes nothing is not written (DistributionsContract): the ETag stays.
      assertThat(aws.distributions().update(d.id(), d.etag(), nothing).etag()).isEqualTo(d.etag());
      Distribution updated = aws.distributions().update(d.id(), d.etag(), addOrigin);

      assertThat(updated.etag()).isNotEqualTo(d.etag());
      assertThatThrownBy(() -> aws.distributions().update(d.id(), d.etag(), nothing))
          .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
            assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION);
            assertThat(e.errorCode()).contains("PreconditionFailed");
          });
      assertThatThrownBy(() -> aws.distributions().update(d.id(), "", nothing))
          .isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.errorCode()).contains("InvalidIfMatchVersion"));
      assertThatThrownBy(() -> aws.distributions().replaceConfig(d.id(), updated.etag(),
          DistributionConfig.builder().from(updated.config()).callerReference("other").build()))
          .isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.errorCode()).contains("IllegalUpdate"));
    }

    @Test
    void update_ofAMissingDistribution_isNoSuchDistribution() {
      assertThatThrownBy(() -> aws.distributions().update(
          io.github.mediapackagecdn.core.model.DistributionId.of("E000000000000"), "E1", ChangeSet.empty()))
          .isInstanceOfSatisfying(ResourceNotFoundException.class,
              e -> assertThat(e.errorCode()).contains("NoSuchDistribution"));
    }

    @Test
    void create_withAnInvalidConfig_getsCloudFrontsErrorCodes() {
      DistributionConfig valid = SampleDistributions.newChannelDistribution(ChannelId.of("live"), "ref");

      assertThatThrownBy(() -> aws.distributions().create(
          DistributionConfig.builder().from(valid).comment("c".repeat(129)).build(), Map.of()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errorCode()).contains("InvalidArgument"));
      assertThatThrownBy(() -> aws.distributions().create(DistributionConfig.builder().from(valid)
          .defaultBehavior(io.github.mediapackagecdn.core.model.CacheBehavior.builder().from(valid.defaultBehavior())
              .targetOriginId("missing").build()).build(), Map.of()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errorCode()).contains("NoSuchOrigin"));
      assertThatThrownBy(() -> aws.distributions().create(valid, Map.of("bad#key", "v")))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errorCode()).contains("InvalidTagging"));
      assertThat(aws.distributions().all()).isEmpty();
    }

    @Test
    void aResponseHeadersPolicy_managedOrGiven_isAccepted_anyOtherIsNoSuchResponseHeadersPolicy_onCreateAndUpdate() {
      DistributionConfig valid = SampleDistributions.newChannelDistribution(ChannelId.of("live"), "ref");
      java.util.function.BiFunction<DistributionConfig, String, DistributionConfig> with = (config, id) ->
          DistributionConfig.builder().from(config).callerReference(config == valid ? id : config.callerReference())
              .defaultBehavior(io.github.mediapackagecdn.core.model.CacheBehavior.builder()
                  .from(config.defaultBehavior()).responseHeadersPolicyId(id).build()).build();
      java.util.function.Function<String, DistributionConfig> withPolicy = id -> with.apply(valid, id);

      assertThatThrownBy(() -> aws.distributions().create(withPolicy.apply("0a1b2c3d-none"), Map.of()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.errorCode()).contains("NoSuchResponseHeadersPolicy");
            assertThat(e).hasMessageContaining("0a1b2c3d-none");
          });
      assertThat(aws.distributions().all()).isEmpty();
      for (String managed : InMemoryCloudFrontPolicies.MANAGED_RESPONSE_HEADERS_POLICY_IDS) {
        aws.distributions().create(withPolicy.apply(managed), Map.of());
      }
      assertThat(aws.distributions().all()).hasSize(5);

      Distribution d = aws.distributions().all().get(0);
      assertThatThrownBy(() -> aws.distributions().replaceConfig(d.id(), d.etag(), with.apply(d.config(), "custom-1")))
          .isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.errorCode()).contains("NoSuchResponseHeadersPolicy"));
      aws.cloudFrontPolicies().givenResponseHeadersPolicy("custom-1");
      Distribution updated = aws.distributions().replaceConfig(d.id(), d.etag(), with.apply(d.config(), "custom-1"));
      assertThat(updated.config().defaultBehavior().responseHeadersPolicyId()).contains("custom-1");
    }

    @Test
    void status_isInProgressUntilThePropagationTimeHasPassedOnTheClock() {
      Distribution d = newDistribution("ref-1");
      aws.clock().advance(aws.propagationTime().minusSeconds(1));
      assertThat(aws.distributions().peek(d.id()).orElseThrow().status()).isEqualTo(DistributionStatus.IN_PROGRESS);
      aws.clock().advance(Duration.ofSeconds(1));
      assertThat(aws.distributions().peek(d.id()).orElseThrow().status()).isEqualTo(DistributionStatus.DEPLOYED);
    }

    @Test
    void awaitDeployed_pollsOnTheFakeClock_andTimesOutWhenPropagationIsLonger() {
      Distribution d = newDistribution("ref-1");
      assertThatThrownBy(() -> aws.distributions().awaitDeployed(d.id(), Duration.ofMinutes(2)))
          .isInstanceOf(DeploymentTimeoutException.class);

      Distribution deployed = aws.distributions().awaitDeployed(d.id(), Duration.ofMinutes(10));

      assertThat(deployed.status()).isEqualTo(DistributionStatus.DEPLOYED);
      assertThat(aws.calls(Operation.GET_DISTRIBUTION)).hasSizeGreaterThan(2);
    }

    @Test
    void links_findOnlyExactTagValues() {
      Distribution d = newDistribution("ref-1");
      aws.distributions().tag(d.id(), CdnSettings.LINK_TAG_KEY, "arn:aws:mediapackage:us-west-2:1:channels/ab");

      assertThat(aws.links().find(CdnSettings.LINK_TAG_KEY, "arn:aws:mediapackage:us-west-2:1:channels/ab"))
          .containsExactly(d.id());
      assertThat(aws.links().find(CdnSettings.LINK_TAG_KEY, "arn:aws:mediapackage:us-west-2:1:channels/a"))
          .isEmpty();
      assertThat(aws.links().all(CdnSettings.LINK_TAG_KEY))
          .containsEntry("arn:aws:mediapackage:us-west-2:1:channels/ab", List.of(d.id()));
    }
  }

  @Nested
  class RecordingAndFaults {

    @Test
    void everyCallIsRecordedWithItsArguments() {
      ChannelSpec spec = ChannelSpec.builder().id("live").build();
      aws.channels().create(spec);
      aws.channels().find(ChannelId.of("live"));

      assertThat(aws.calls()).extracting(RecordedCall::operation)
          .containsExactly(Operation.CREATE_CHANNEL, Operation.DESCRIBE_CHANNEL);
      assertThat(aws.calls().get(0).arguments()).containsExactly(spec);
      assertThat(aws.writes()).hasSize(1);
    }

    @Test
    void failNext_failsTheGivenNumberOfCallsWithoutActing() {
      aws.failNext(Operation.CREATE_CHANNEL, 2, Faults.throttled(Operation.CREATE_CHANNEL));
      ChannelSpec spec = ChannelSpec.builder().id("live").build();

      assertThatThrownBy(() -> aws.channels().create(spec)).isInstanceOfSatisfying(ThrottledException.class,
          e -> assertThat(e.errorCode()).contains("TooManyRequestsException"));
      assertThatThrownBy(() -> aws.channels().create(spec)).isInstanceOf(ThrottledException.class);
      assertThat(aws.channels().all()).isEmpty();
      assertThat(aws.channels().create(spec).id().value()).isEqualTo("live");
    }

    @Test
    void loseNextResponse_actsThenReportsAnUnknownOutcome() {
      aws.loseNextResponse(Operation.CREATE_CHANNEL);

      assertThatThrownBy(() -> aws.channels().create(ChannelSpec.builder().id("live").build()))
          .isInstanceOf(UnknownOutcomeException.class);
      assertThat(aws.channels().all()).hasSize(1);
    }

    @Test
    void sameSeed_sameIds() {
      FakeAws a = FakeAws.builder().seed(42).build();
      FakeAws b = FakeAws.builder().seed(42).build();
      assertThat(a.channels().create(ChannelSpec.builder().id("x").build()).arn())
          .isEqualTo(b.channels().create(ChannelSpec.builder().id("x").build()).arn());
    }

    @Test
    void concurrentCalls_areSafe() throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Channel>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          String id = "ch-" + i;
          futures.add(pool.submit(() -> aws.channels().create(ChannelSpec.builder().id(id).build())));
        }
        for (Future<Channel> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(aws.channels().all()).hasSize(20);
      assertThat(aws.channels().all().stream().map(c -> c.arn().value()).distinct()).hasSize(20);
      assertThat(aws.calls(Operation.CREATE_CHANNEL)).hasSize(20);
    }

    @Test
    void faultsAreTypedProvisioningExceptions() {
      for (Operation operation : Operation.values()) {
        assertThat(Faults.throttled(operation).get()).isInstanceOf(ProvisioningException.class);
        assertThat(Faults.serviceUnavailable(operation).get().getMessage()).contains(operation.apiName());
      }
    }
  }
}
