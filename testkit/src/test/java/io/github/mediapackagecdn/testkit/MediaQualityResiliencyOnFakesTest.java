package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.github.mediapackagecdn.testkit.V2Specs.NEWS;
import static io.github.mediapackagecdn.testkit.V2Specs.dash;
import static io.github.mediapackagecdn.testkit.V2Specs.newsWithMediaQualityScore;

import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2EndpointSaveResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CloudFront's media quality-aware resiliency on the fakes: a facade with a secondary Region saves every group,
 * channel and endpoint in both, and the distribution serves the endpoints from a media-quality-based origin group of
 * the two Regions' egress domains.
 */
class MediaQualityResiliencyOnFakesTest {

  private final FakeAws aws = FakeAws.create();
  private final FakeAws secondary = FakeAws.builder().region("eu-west-1").accountId(aws.accountId())
      .clock(aws.clock()).build();
  private final ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.secondaryRegion(secondary.channelGroups()));

  private static V2EndpointSpec hls() {
    return V2EndpointSpec.builder().id(NEWS.endpoint("hls")).containerType(ContainerType.TS)
        .addManifests(Manifest.of(ManifestType.HLS, "index"), Manifest.of(ManifestType.LOW_LATENCY_HLS, "ll"))
        .build();
  }

  private void saveChannel(ChannelCdnV2 facade) {
    facade.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    assertThat(facade.saveChannel(newsWithMediaQualityScore()).cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
  }

  private Distribution onlyDistribution() {
    assertThat(aws.distributions().all()).hasSize(1);
    return aws.distributions().all().get(0);
  }

  @Test
  void oneSave_servesTheEndpointsOfBothRegions_fromAMediaQualityBasedOriginGroup() {
    saveChannel(cdn);
    aws.clearCalls();
    secondary.clearCalls();

    V2EndpointSaveResult saved = cdn.saveEndpoints(List.of(hls(), dash("dash")));

    assertThat(aws.calls()).as("primary Region and CloudFront").hasSize(15);
    assertThat(aws.writes()).hasSize(5);
    assertThat(secondary.calls()).as("secondary Region").hasSize(10);
    assertThat(secondary.writes()).hasSize(4);
    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(saved.policiesWritten()).as("both endpoints' policies in both Regions").isEqualTo(4);
    assertThat(secondary.channelGroups().allEndpoints()).extracting(e -> e.id().endpoint())
        .containsExactlyInAnyOrder("hls", "dash");
    DistributionConfig config = onlyDistribution().config();
    String egressDomain = secondary.channelGroups().findGroup("live").orElseThrow().egressDomain();
    assertThat(config.origin("EMP2-live-eu-west-1")).hasValueSatisfying(o -> {
      assertThat(o.domainName()).isEqualTo(egressDomain);
      assertThat(o.originAccessControlId()).isEqualTo(config.origin("EMP2-live").orElseThrow().originAccessControlId());
    });
    assertThat(config.originGroups()).singleElement().satisfies(g -> {
      assertThat(g.id()).isEqualTo("EMP2-live-mqar");
      assertThat(g.memberOriginIds()).containsExactly("EMP2-live", "EMP2-live-eu-west-1");
      assertThat(g.selectionCriteria()).isEqualTo(OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED);
    });
    assertThat(config.cacheBehaviors()).hasSize(5).extracting(CacheBehavior::targetOriginId)
        .containsOnly("EMP2-live-mqar");
    String arn = onlyDistribution().arn();
    for (InMemoryChannelGroups region : List.of(aws.channelGroups(), secondary.channelGroups())) {
      for (String endpoint : List.of("hls", "dash")) {
        assertThat(region.policy(NEWS.endpoint(endpoint)).orElseThrow().document())
            .contains("\"aws:SourceArn\":\"" + arn + "\"");
      }
    }
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    assertThat(secondary.calls(Operation.V2_CREATE_ORIGIN_ENDPOINT)).hasSize(2);
    assertThat(secondary.calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY)).hasSize(2);
    aws.clearCalls();
    secondary.clearCalls();
    assertThat(cdn.saveEndpoints(List.of(hls(), dash("dash"))).cdn().action()).as("saved again")
        .isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(aws.calls()).hasSize(10);
    assertThat(secondary.calls()).hasSize(6);
    assertThat(aws.writes()).isEmpty();
    assertThat(secondary.writes()).isEmpty();
    aws.clock().advance(aws.propagationTime());
    assertThat(cdn.details(NEWS).readyForPlayers()).isTrue();
  }

  @Test
  void withCdnAuthorization_bothOriginsSendV2sHeader_andTheEndpointsPoliciesInBothRegionsAllowMatchingRequests() {
    saveChannel(cdn);
    CdnAuthConfiguration auth = new CdnAuthConfiguration(
        List.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id"),
        "arn:aws:iam::123456789012:role/mediapackage-secrets");
    CdnIdentifier identifier = CdnIdentifier.of("7b3c51f0-2f5d-4a8c-9d3e-1f2a3b4c5d6e");

    V2EndpointSaveResult saved = cdn.saveEndpoint(V2EndpointSpec.builder().from(hls()).cdnAuthorization(auth)
        .cdnIdentifier(identifier).build());

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    DistributionConfig config = onlyDistribution().config();
    for (String origin : List.of("EMP2-live", "EMP2-live-eu-west-1")) {
      assertThat(config.origin(origin).orElseThrow().customHeaders())
          .containsExactly(Map.entry("X-MediaPackageV2-CDNIdentifier", identifier.reveal()));
    }
    for (InMemoryChannelGroups region : List.of(aws.channelGroups(), secondary.channelGroups())) {
      assertThat(region.policy(NEWS.endpoint("hls")).orElseThrow()).satisfies(policy -> {
        assertThat(policy.cdnAuthorization()).contains(auth);
        assertThat(policy.document())
            .contains("\"Bool\":{\"mediapackagev2:RequestHasMatchingCdnAuthHeader\":\"true\"}");
      });
    }
  }

  @Test
  void withCdnAuthorizationButNoIdentifierKnown_neitherRegionIsWritten() {
    saveChannel(cdn);
    aws.clearCalls();
    secondary.clearCalls();
    CdnAuthConfiguration auth = new CdnAuthConfiguration(
        List.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id"),
        "arn:aws:iam::123456789012:role/mediapackage-secrets");

    assertThatThrownBy(() -> cdn.saveEndpoint(V2EndpointSpec.builder().from(hls()).cdnAuthorization(auth).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("EMP2-live");
    assertThat(aws.writes()).isEmpty();
    assertThat(secondary.writes()).isEmpty();
  }

  @Test
  void theGroupAndTheChannel_areSavedInBothRegions_withOneDistribution() {
    saveChannel(cdn);

    assertThat(secondary.calls()).as("GetChannelGroup, ListChannelGroups, CreateChannelGroup, GetChannelGroup,"
        + " GetChannel, ListChannels, CreateChannel").hasSize(7);
    assertThat(secondary.writes()).hasSize(2);
    assertThat(secondary.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).isEmpty();
    assertThat(secondary.channelGroups().findGroup("live")).isPresent();
    assertThat(secondary.channelGroups().findChannel(NEWS)).hasValueSatisfying(c -> {
      assertThat(c.inputType()).isEqualTo(InputType.CMAF);
      assertThat(c.publishMediaQualityScore()).isTrue();
    });
    assertThat(aws.channelGroups().findChannel(NEWS).orElseThrow().publishMediaQualityScore()).isTrue();
    assertThat(onlyDistribution().config().originGroups()).as("until an endpoint is saved").isEmpty();
  }

  @Test
  void aSecondaryRegionAddedLater_movesTheLibrarysBehaviours_andKeepsTheUsersSettings() {
    ChannelCdnV2 oneRegion = aws.channelCdnV2();
    saveChannel(oneRegion);
    oneRegion.saveEndpoints(List.of(hls(), dash("dash")));
    aws.distributions().edit(onlyDistribution().id(), c -> DistributionConfig.builder().from(c)
        .comment("edited by the user").addAliases("live.example.com").build());
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(newsWithMediaQualityScore());
    aws.clearCalls();

    V2EndpointSaveResult saved = cdn.saveEndpoints(List.of(hls(), dash("dash")));

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    DistributionConfig config = onlyDistribution().config();
    assertThat(config.cacheBehaviors()).hasSize(5).extracting(CacheBehavior::targetOriginId)
        .containsOnly("EMP2-live-mqar");
    assertThat(config.comment()).isEqualTo("edited by the user");
    assertThat(config.aliases()).containsExactly("live.example.com");
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    assertThat(cdn.saveEndpoints(List.of(hls(), dash("dash"))).cdn().action()).as("saved again")
        .isEqualTo(CdnOutcome.Action.UNCHANGED);
  }

  @Test
  void aChannelWithoutCmafIngestOrTheScore_isRefusedBeforeAnyCall() {
    V2ChannelSpec hls = V2ChannelSpec.builder().id(NEWS).createDistribution(true).build();
    V2ChannelSpec unpublished = V2ChannelSpec.builder().from(hls).inputType(InputType.CMAF).build();

    assertThatThrownBy(() -> cdn.saveChannel(hls)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("input type CMAF and publishMediaQualityScore(true)");
    assertThatThrownBy(() -> cdn.saveChannel(unpublished)).isInstanceOf(ValidationException.class);
    assertThat(aws.calls()).isEmpty();
    assertThat(secondary.calls()).isEmpty();
  }

  @Test
  void anHlsChannelSavedBefore_isNeverSilentlyKept_itsInputTypeCannotChange() {
    ChannelCdnV2 oneRegion = aws.channelCdnV2();
    oneRegion.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    oneRegion.saveChannel(V2ChannelSpec.builder().id(NEWS).build());
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());

    assertThatThrownBy(() -> cdn.saveChannel(newsWithMediaQualityScore()))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.IMMUTABLE_SETTING));
    assertThat(aws.writes()).noneMatch(c -> c.operation() == Operation.V2_UPDATE_CHANNEL);
  }

  @Test
  void aChannelMissingInTheSecondaryRegion_failsTheCdnOutcome_besideTheSavedEndpoints() {
    ChannelCdnV2 oneRegion = aws.channelCdnV2();
    saveChannel(oneRegion);
    secondary.channelGroups().createGroup(ChannelGroupSpec.builder().name("live").build());
    aws.clearCalls();

    V2EndpointSaveResult saved = cdn.saveEndpoint(hls());

    assertThat(saved.endpoints()).extracting(e -> e.id().endpoint()).containsExactly("hls");
    assertThat(aws.channelGroups().findEndpoint(NEWS.endpoint("hls"))).isPresent();
    assertThat(saved.cdn().failed()).isTrue();
    assertThat(saved.cdn().failure()).containsInstanceOf(ResourceNotFoundException.class)
        .hasValueSatisfying(e -> assertThat(e).hasMessageContaining("secondary Region"));
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    assertThat(secondary.calls(Operation.V2_CREATE_ORIGIN_ENDPOINT)).isEmpty();
  }

  @Test
  void theFake_refusesAMediaQualityBasedGroup_ofOriginsThatAreNotMediaPackageV2() {
    Origin a = Origin.builder().id("a").domainName("a.example.com").protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .addSslProtocols("TLSv1.2").build();
    Origin b = Origin.builder().from(a).id("b").domainName("b.example.com").build();
    OriginGroup group = OriginGroup.builder().id("ab").primaryOriginId("a").secondaryOriginId("b")
        .addFailoverStatusCodes(404).selectionCriteria(OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED).build();
    DistributionConfig config = DistributionConfig.builder().callerReference("ref").comment("")
        .addOrigins(a, b).addOriginGroups(group)
        .defaultBehavior(CacheBehavior.builder().pathPattern("*").targetOriginId("ab")
            .viewerProtocolPolicy(ProtocolPolicy.REDIRECT_TO_HTTPS).addAllowedMethods("GET", "HEAD")
            .addCachedMethods("GET", "HEAD").cachePolicyId("p").build())
        .build();

    assertThatThrownBy(() -> aws.distributions().create(config, Map.of()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not a MediaPackage v2 origin");
    OriginGroup byDefault = OriginGroup.builder().from(group)
        .selectionCriteria(OriginGroup.SelectionCriteria.DEFAULT).build();
    assertThat(aws.distributions().create(DistributionConfig.builder().from(config).originGroups(List.of(byDefault))
        .build(), Map.of()).config().originGroups()).containsExactly(byDefault);
    OriginGroup badCodes = OriginGroup.builder().from(byDefault).failoverStatusCodes(List.of(429)).build();
    assertThatThrownBy(() -> aws.distributions().create(DistributionConfig.builder().from(config)
        .callerReference("ref2").originGroups(List.of(badCodes)).build(), Map.of()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("429");
  }
}
