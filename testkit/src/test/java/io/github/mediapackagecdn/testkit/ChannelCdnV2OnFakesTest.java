package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static io.github.mediapackagecdn.testkit.V2Specs.NEWS;
import static io.github.mediapackagecdn.testkit.V2Specs.dash;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.error.UnknownOutcomeException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelSaveResult;
import io.github.mediapackagecdn.core.v2.provisioning.V2EndpointSaveResult;
import io.github.mediapackagecdn.core.v2.provisioning.V2ManifestUrl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChannelCdnV2OnFakesTest {

  private final FakeAws aws = FakeAws.create();
  private final RecordingListener listener = new RecordingListener();
  private final ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.listener(listener));

  private static V2ChannelSpec news() {
    return V2ChannelSpec.builder().id(NEWS).description("news").createDistribution(true).build();
  }

  private static V2EndpointSpec hls(String name) {
    return V2EndpointSpec.builder().id(NEWS.endpoint(name)).containerType(ContainerType.TS)
        .addManifests(Manifest.of(ManifestType.HLS, "index"), Manifest.of(ManifestType.LOW_LATENCY_HLS, "ll"))
        .build();
  }

  private ChannelGroup group() {
    return cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
  }

  /** The group, then channel live/news with its distribution. */
  private void newsWithItsDistribution() {
    group();
    cdn.saveChannel(news());
  }

  private int calls(Operation operation) {
    return aws.calls(operation).size();
  }

  private Distribution onlyDistribution() {
    assertThat(aws.distributions().all()).hasSize(1);
    return aws.distributions().all().get(0);
  }

  @Nested
  class SavingTheGroup {

    @Test
    void aMissingGroup_isCreated_anExistingOneAnswered() {
      ChannelGroup created = group();
      ChannelGroup again = group();

      assertThat(again.egressDomain()).isEqualTo(created.egressDomain());
      assertThat(calls(Operation.V2_CREATE_CHANNEL_GROUP)).isEqualTo(1);
      assertThat(calls(Operation.V2_GET_CHANNEL_GROUP)).isEqualTo(2);
      assertThat(calls(Operation.V2_LIST_CHANNEL_GROUPS)).isEqualTo(1);
    }

    @Test
    void aFourthGroup_isRefusedBeforeTheCreate() {
      for (String name : List.of("a", "b", "c")) {
        cdn.saveChannelGroup(ChannelGroupSpec.builder().name(name).build());
      }
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveChannelGroup(ChannelGroupSpec.builder().name("d").build()))
          .isInstanceOf(QuotaExceededException.class).hasMessageContaining("3 channel groups");
      assertThat(calls(Operation.V2_CREATE_CHANNEL_GROUP)).isZero();
    }
  }

  @Nested
  class SavingTheChannel {

    @Test
    void createsTheChannel_theSharedPolicies_andOneTaggedDistribution() {
      ChannelGroup group = group();
      aws.clearCalls();

      V2ChannelSaveResult saved = cdn.saveChannel(news());

      assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
      Distribution distribution = onlyDistribution();
      assertThat(saved.cdn().distributionId()).contains(distribution.id());
      assertThat(aws.distributions().tags(distribution.id()))
          .containsEntry("mediapackage:cloudfront_assoc", saved.channel().arn());
      assertThat(saved.channel().arn())
          .isEqualTo("arn:aws:mediapackagev2:us-west-2:123456789012:channelGroup/live/channel/news");
      Origin origin = distribution.config().origins().get(0);
      assertThat(distribution.config().origins()).hasSize(1);
      assertThat(origin.domainName()).isEqualTo(group.egressDomain());
      assertThat(origin.originAccessControlId())
          .contains(aws.cloudFrontPolicies().allOriginAccessControls().get(0).id());
      assertThat(distribution.config().defaultBehavior().targetOriginId()).isEqualTo(origin.id());
      assertThat(distribution.config().callerReference()).matches("mediapackage-cdn-[0-9a-f]{32}-0");
      assertThat(aws.cloudFrontPolicies().allCachePolicies()).extracting(p -> p.config().name())
          .containsExactly(V2CdnSettings.defaults().manifestCachePolicyName(),
              V2CdnSettings.defaults().segmentCachePolicyName());
      assertThat(calls(Operation.V2_GET_CHANNEL_GROUP)).isEqualTo(1);
      assertThat(calls(Operation.V2_GET_CHANNEL)).isEqualTo(1);
      assertThat(calls(Operation.V2_LIST_CHANNELS)).isEqualTo(1);
      assertThat(calls(Operation.V2_CREATE_CHANNEL)).isEqualTo(1);
      assertThat(calls(Operation.GET_RESOURCES)).isEqualTo(1);
      assertThat(calls(Operation.LIST_ORIGIN_ACCESS_CONTROLS)).isEqualTo(1);
      assertThat(calls(Operation.CREATE_ORIGIN_ACCESS_CONTROL)).isEqualTo(1);
      assertThat(calls(Operation.LIST_CACHE_POLICIES)).isEqualTo(1); // one listing for both
      assertThat(calls(Operation.CREATE_CACHE_POLICY)).isEqualTo(2);
      assertThat(calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).isEqualTo(1);
      assertThat(calls(Operation.V2_LIST_ORIGIN_ENDPOINTS)).isEqualTo(1);
      // CreateChannel carried the channel tag with the "requested" marker; TagResource records the id, as in v1
      assertThat(calls(Operation.V2_TAG_RESOURCE)).isEqualTo(1);
      assertThat(aws.calls()).hasSize(13); // 14 before one ListCachePolicies found both policies
      assertThat(aws.calls(Operation.V2_CREATE_CHANNEL).get(0).arguments().get(0)).isInstanceOfSatisfying(
          V2ChannelSpec.class, created -> assertThat(created.tags())
              .containsEntry(CdnSettings.CHANNEL_TAG_KEY, CdnSettings.CHANNEL_TAG_REQUESTED));
      assertThat(aws.channelGroups().findChannel(NEWS).orElseThrow().tags())
          .containsExactly(Map.entry(CdnSettings.CHANNEL_TAG_KEY, distribution.id().value()));
      assertThat(listener.steps()).containsExactly(ProvisioningEvent.Step.CHANNEL_SAVED,
          ProvisioningEvent.Step.DISTRIBUTION_CREATED);
      assertThat(listener.events().get(0).operation()).isEqualTo("CreateChannel");
    }

    @Test
    void twoChannelsOfOneName_inTwoGroups_areNamedApartInEvents() {
      group();
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("sports").build());
      V2ChannelId sports = V2ChannelId.of("sports", "news");
      cdn.saveChannel(news());
      cdn.saveChannel(V2ChannelSpec.builder().id(sports).createDistribution(true).build());

      assertThat(listener.events(ProvisioningEvent.Step.CHANNEL_SAVED))
          .extracting(e -> e.channel().orElseThrow().toString()).containsExactly("live/news", "sports/news");
      assertThat(listener.events(ProvisioningEvent.Step.DISTRIBUTION_CREATED))
          .extracting(e -> e.channel().orElseThrow()).containsExactly(NEWS.ref(), sports.ref());
    }

    @Test
    void savedAgain_isUnchanged_noSecondDistribution_noWrite() {
      newsWithItsDistribution();
      aws.clearCalls();

      V2ChannelSaveResult again = cdn.saveChannel(news());

      assertThat(again.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
      assertThat(aws.writes()).isEmpty();
      assertThat(aws.distributions().all()).hasSize(1);
      assertThat(calls(Operation.V2_GET_CHANNEL_GROUP)).isEqualTo(1);
      assertThat(calls(Operation.V2_GET_CHANNEL)).isEqualTo(1);
      // the channel tag's distribution confirmed by its link tag, and the tag index asked too, as v1 does
      assertThat(calls(Operation.LIST_TAGS_FOR_RESOURCE)).isEqualTo(1);
      assertThat(calls(Operation.GET_RESOURCES)).isEqualTo(1);
      assertThat(calls(Operation.V2_LIST_ORIGIN_ENDPOINTS)).isEqualTo(1); // none to serve
      assertThat(aws.calls()).hasSize(5);
    }

    @Test
    void aSpecTaggingTheLibrarysOwnKey_isRefusedBeforeAnyCall() {
      V2ChannelSpec mine = V2ChannelSpec.builder().from(news())
          .putTags(CdnSettings.CHANNEL_TAG_KEY, "E1U5RQF7T870K0").build();

      assertThatThrownBy(() -> cdn.saveChannel(mine)).isInstanceOf(ValidationException.class)
          .hasMessageContaining(CdnSettings.CHANNEL_TAG_KEY);
      assertThat(aws.calls()).isEmpty();
    }

    @Test
    void theUsersChannelTags_areKept_besideTheLibrarysOne() {
      group();
      V2ChannelSpec tagged = V2ChannelSpec.builder().from(news()).putTags("team", "news").build();

      cdn.saveChannel(tagged);
      cdn.saveChannel(tagged);

      assertThat(aws.channelGroups().findChannel(NEWS).orElseThrow().tags()).containsOnly(Map.entry("team", "news"),
          Map.entry(CdnSettings.CHANNEL_TAG_KEY, onlyDistribution().id().value()));
    }

    @Test
    void aChangedDescription_isUpdatedWithTheEtag_andAStaleOneReapplied() {
      newsWithItsDistribution();
      aws.beforeNext(Operation.V2_UPDATE_CHANNEL, () -> aws.channelGroups().touchChannel(NEWS, d -> d + "!"));
      aws.clearCalls();

      V2ChannelSaveResult saved = cdn.saveChannel(V2ChannelSpec.builder().from(news()).description("new").build());

      assertThat(saved.channel().description()).isEqualTo("new");
      assertThat(calls(Operation.V2_UPDATE_CHANNEL)).isEqualTo(2);
      assertThat(calls(Operation.V2_GET_CHANNEL)).isEqualTo(2);
      assertThat(listener.events(ProvisioningEvent.Step.CHANNEL_SAVED)).last()
          .satisfies(e -> assertThat(e.operation()).isEqualTo("UpdateChannel"));
    }

    @Test
    void endpointsSavedBeforeTheDistribution_areServedWhenItIsCreated() {
      group();
      cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).build());
      cdn.saveEndpoints(List.of(hls("hls"), dash("dash")));

      V2ChannelSaveResult saved = cdn.saveChannel(news());

      assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
      assertThat(onlyDistribution().config().cacheBehaviors()).hasSize(5);
      assertThat(aws.channelGroups().policy(NEWS.endpoint("dash"))).isPresent();
      assertThat(calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY)).isEqualTo(2);
      assertThat(calls(Operation.UPDATE_DISTRIBUTION)).isEqualTo(1);
      assertThat(cdn.details(NEWS).notServed()).isEmpty();
    }

    @Test
    void aThrottledCreateChannel_isTyped_withV2sCode() {
      group();
      aws.failNext(Operation.V2_CREATE_CHANNEL).withThrottling();

      assertThatThrownBy(() -> cdn.saveChannel(news())).isInstanceOfSatisfying(ThrottledException.class,
          e -> assertThat(e.errorCode()).contains("ThrottlingException"));
      assertThat(aws.distributions().all()).isEmpty();
    }

    @Test
    void aLostCreateChannelResponse_thenSavingAgain_findsTheChannel_andCreatesOneDistribution() {
      group();
      aws.loseNextResponse(Operation.V2_CREATE_CHANNEL);

      assertThatThrownBy(() -> cdn.saveChannel(news())).isInstanceOf(UnknownOutcomeException.class);
      V2ChannelSaveResult again = cdn.saveChannel(news());

      assertThat(again.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
      assertThat(calls(Operation.V2_CREATE_CHANNEL)).isEqualTo(1);
      assertThat(calls(Operation.V2_UPDATE_CHANNEL)).isZero();
      assertThat(aws.distributions().all()).hasSize(1);
    }

    @Test
    void withoutDistribution_isNotRequested() {
      group();
      V2ChannelSaveResult saved = cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).build());

      assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.NOT_REQUESTED);
      assertThat(aws.distributions().all()).isEmpty();
      assertThat(aws.cloudFrontPolicies().allOriginAccessControls()).isEmpty();
    }

    @Test
    void inAMissingGroup_isNotFound_beforeAnyWrite() {
      assertThatThrownBy(() -> cdn.saveChannel(news())).isInstanceOf(ResourceNotFoundException.class);
      assertThat(aws.writes()).isEmpty();
    }

    @Test
    void anEleventhChannel_isRefusedBeforeTheCreate() {
      group();
      for (int i = 0; i < 10; i++) {
        cdn.saveChannel(V2ChannelSpec.builder().id(V2ChannelId.of("live", "c" + i)).build());
      }
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveChannel(news())).isInstanceOf(QuotaExceededException.class);
      assertThat(aws.writes()).isEmpty();
    }
  }

  @Nested
  class SavingEndpoints {

    @Test
    void ofAChannelThatNeverShows_failsAfterTheVisibilityTimeout_beforeAnyWrite() {
      group();
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveEndpoint(hls("hls"))).isInstanceOf(ResourceNotFoundException.class)
          .hasMessageContaining("save it first");
      assertThat(aws.writes()).isEmpty();
    }

    @Test
    void anEndpoint_getsItsPolicyStatement_andItsBehaviours_inOneUpdate() {
      newsWithItsDistribution();
      aws.clearCalls();
      listener.clear();

      V2EndpointSaveResult saved = cdn.saveEndpoint(hls("hls"));

      assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
      assertThat(saved.policiesWritten()).isEqualTo(1);
      Distribution distribution = onlyDistribution();
      assertThat(distribution.config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
          .containsExactly("/out/v1/live/news/hls/*.m3u8", "/out/v1/live/news/hls/*");
      String policy = aws.channelGroups().policy(NEWS.endpoint("hls")).orElseThrow().document();
      assertThat(policy).contains("\"aws:SourceArn\":\"" + distribution.arn() + "\"")
          .contains("mediapackagev2:GetHeadObject").contains("cloudfront.amazonaws.com");
      assertThat(calls(Operation.V2_GET_CHANNEL_GROUP)).isEqualTo(1);
      assertThat(calls(Operation.V2_GET_CHANNEL)).isEqualTo(1);
      assertThat(calls(Operation.V2_LIST_ORIGIN_ENDPOINTS)).isEqualTo(1);
      assertThat(calls(Operation.V2_GET_ORIGIN_ENDPOINT)).isEqualTo(1);
      assertThat(calls(Operation.V2_CREATE_ORIGIN_ENDPOINT)).isEqualTo(1);
      assertThat(calls(Operation.LIST_TAGS_FOR_RESOURCE)).isEqualTo(1);
      assertThat(calls(Operation.GET_RESOURCES)).isEqualTo(1);
      // one read before the first write serves the checks and the update (was a second read by the updater)
      assertThat(calls(Operation.GET_DISTRIBUTION)).isEqualTo(1);
      assertThat(calls(Operation.V2_GET_ORIGIN_ENDPOINT_POLICY)).isEqualTo(1);
      assertThat(calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY)).isEqualTo(1);
      assertThat(calls(Operation.UPDATE_DISTRIBUTION)).isEqualTo(1);
      assertThat(aws.calls()).hasSize(11);
      assertThat(listener.steps()).containsExactly(ProvisioningEvent.Step.CHANGE_PLANNED,
          ProvisioningEvent.Step.UPDATE_SENT);
    }

    @Test
    void savedAgain_writesNothing() {
      newsWithItsDistribution();
      cdn.saveEndpoint(hls("hls"));
      aws.clearCalls();

      V2EndpointSaveResult again = cdn.saveEndpoint(hls("hls"));

      assertThat(again.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
      assertThat(again.policiesWritten()).isZero();
      assertThat(aws.writes()).isEmpty();
      assertThat(aws.calls()).hasSize(8);
    }

    @Test
    void theUsersPolicyStatements_areKept() {
      newsWithItsDistribution();
      cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).build());
      cdn.saveEndpoint(hls("hls"));
      String users = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Partner\",\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::210987654321:root\"},\"Action\":\"mediapackagev2:GetObject\","
          + "\"Resource\":\"*\"}]}";
      aws.channelGroups().seedPolicy(NEWS.endpoint("hls"), EndpointPolicy.of(users));

      assertThat(cdn.saveEndpoint(hls("hls")).policiesWritten()).isEqualTo(1);

      String policy = aws.channelGroups().policy(NEWS.endpoint("hls")).orElseThrow().document();
      assertThat(policy).contains("\"Sid\":\"Partner\"").contains("MediaPackageCdnAllowCloudFront");
    }

    @Test
    void aPublicPolicy_isNeverWritten_theOutcomeFails() {
      newsWithItsDistribution();
      cdn.saveEndpoint(hls("hls"));
      aws.channelGroups().seedPolicy(NEWS.endpoint("hls"), EndpointPolicy.of("{\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":\"*\",\"Action\":\"mediapackagev2:GetObject\",\"Resource\":\"*\"}]}"));
      aws.clearCalls();

      V2EndpointSaveResult saved = cdn.saveEndpoint(hls("hls"));

      assertThat(saved.cdn().failure()).containsInstanceOf(ValidationException.class);
      assertThat(calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY)).isZero();
    }

    @Test
    void aStaleEtagOnTheEndpoint_isReadAgainAndReapplied() {
      newsWithItsDistribution();
      cdn.saveEndpoint(hls("hls"));
      aws.beforeNext(Operation.V2_UPDATE_ORIGIN_ENDPOINT,
          () -> aws.channelGroups().touchEndpoint(NEWS.endpoint("hls")));
      aws.clearCalls();

      cdn.saveEndpoint(V2EndpointSpec.builder().from(hls("hls")).description("changed").build());

      assertThat(calls(Operation.V2_UPDATE_ORIGIN_ENDPOINT)).isEqualTo(2);
      assertThat(aws.channelGroups().allEndpoints()).singleElement()
          .satisfies(e -> assertThat(e.description()).isEqualTo("changed"));
    }

    @Test
    void badBatches_areRefusedBeforeAnyCall() {
      group();
      aws.clearCalls();
      V2EndpointSpec ofSports = V2EndpointSpec.builder().id(V2EndpointId.of("live", "sports", "hls"))
          .containerType(ContainerType.TS).addManifests(Manifest.of(ManifestType.HLS, "index")).build();

      assertThatThrownBy(() -> cdn.saveEndpoints(List.of(hls("hls"), ofSports)))
          .isInstanceOf(ValidationException.class).hasMessageContaining("belongs to channel live/sports");
      assertThatThrownBy(() -> cdn.saveEndpoints(List.of(hls("hls"), hls("hls"))))
          .isInstanceOf(ValidationException.class).hasMessageContaining("more than once");
      assertThatThrownBy(() -> cdn.saveEndpoints(List.of())).isInstanceOf(ValidationException.class);
      V2EndpointSpec longest = V2EndpointSpec.builder().id(V2EndpointId.of("live", "news", "e".repeat(231)))
          .containerType(ContainerType.ISM).addManifests(Manifest.of(ManifestType.MSS, "index")).build();
      assertThatThrownBy(() -> cdn.saveEndpoint(longest)).isInstanceOf(ValidationException.class)
          .hasMessageContaining("of 264 characters; CloudFront allows 255");
      V2EndpointSpec fits =
          V2EndpointSpec.builder().from(longest).id(V2EndpointId.of("live", "news", "e".repeat(222))).build();
      assertThatThrownBy(() -> cdn.saveEndpoint(fits)).as("255 characters pass the check (no channel yet)")
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(aws.calls()).as("only the GetChannelGroup of the last save, and its GetChannel read again until the"
          + " 30 s visibility timeout: pauses of 0.5, 1, 2, 4, 5, 5, 5, 5 and 2.5 s, 10 reads")
          .extracting(RecordedCall::operation)
          .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of(Operation.V2_GET_CHANNEL_GROUP),
              java.util.Collections.nCopies(10, Operation.V2_GET_CHANNEL).stream()).toList());
    }

    @Test
    void anEleventhEndpoint_isRefusedBeforeAnyWrite() {
      newsWithItsDistribution();
      for (int i = 0; i < 10; i++) {
        cdn.saveEndpoint(hls("e" + i));
      }
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveEndpoint(hls("one-more"))).isInstanceOf(QuotaExceededException.class);
      assertThat(aws.writes()).isEmpty();
      assertThat(onlyDistribution().config().cacheBehaviors()).hasSize(20);
    }

    @Test
    void withoutDistribution_theEndpointIsSaved_andNothingElse() {
      group();
      cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).build());

      V2EndpointSaveResult saved = cdn.saveEndpoint(hls("hls"));

      assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
      assertThat(aws.channelGroups().policy(NEWS.endpoint("hls"))).isEmpty();
    }

  }

  /**
   * CDN authorization on v2 as the MediaPackage user guide gives it (cdn-auth, cdn-auth-setup): the origin sends
   * {@code X-MediaPackageV2-CDNIdentifier}, and the endpoint's policy allows requests whose header matches
   * ({@code Bool mediapackagev2:RequestHasMatchingCdnAuthHeader}); what the distribution cannot serve is refused
   * before anything is written.
   */
  @Nested
  class CdnAuthorization {

    private static final String V2_HEADER = "X-MediaPackageV2-CDNIdentifier";
    private static final String V1_HEADER = "X-MediaPackage-CDNIdentifier";
    private static final String GATE = "\"Condition\":{\"Bool\":{\"mediapackagev2:RequestHasMatchingCdnAuthHeader\""
        + ":\"true\"}}";
    private static final CdnAuthConfiguration AUTH = new CdnAuthConfiguration(
        List.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id"),
        "arn:aws:iam::123456789012:role/mediapackage-secrets");
    private static final CdnAuthConfiguration OTHER_AUTH = new CdnAuthConfiguration(
        List.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id-2"),
        "arn:aws:iam::123456789012:role/mediapackage-secrets");
    private static final CdnIdentifier FIRST = CdnIdentifier.of("7b3c51f0-2f5d-4a8c-9d3e-1f2a3b4c5d6e");
    private static final CdnIdentifier SECOND = CdnIdentifier.of("0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d");

    private V2EndpointSpec secured(V2EndpointSpec spec, CdnAuthConfiguration auth, Optional<CdnIdentifier> id) {
      return V2EndpointSpec.builder().from(spec).cdnAuthorization(auth).cdnIdentifier(id).build();
    }

    private String policy(String endpoint) {
      return aws.channelGroups().policy(NEWS.endpoint(endpoint)).orElseThrow().document();
    }

    private Map<String, String> headers() {
      return onlyDistribution().config().origin("EMP2-live").orElseThrow().customHeaders();
    }

    @Test
    void theOriginSendsV2sHeader_notV1s_andThePolicyAllowsRequestsWithAMatchingOne() {
      newsWithItsDistribution();

      V2EndpointSaveResult saved = cdn.saveEndpoint(secured(hls("hls"), AUTH, Optional.of(FIRST)));

      assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
      assertThat(headers()).containsEntry(V2_HEADER, FIRST.reveal()).doesNotContainKey(V1_HEADER);
      assertThat(aws.channelGroups().policy(NEWS.endpoint("hls")).orElseThrow().cdnAuthorization()).contains(AUTH);
      String arn = aws.channelGroups().allEndpoints().get(0).arn();
      assertThat(policy("hls")).contains("MediaPackageCdnAllowCloudFront")
          .contains("{\"Sid\":\"MediaPackageCdnAllowCdnAuthorizedRequests\",\"Effect\":\"Allow\",\"Principal\":\"*\","
              + "\"Action\":\"mediapackagev2:GetObject\",\"Resource\":\"" + arn + "\"," + GATE + "}");
      aws.clearCalls();
      assertThat(cdn.saveEndpoint(secured(hls("hls"), AUTH, Optional.of(FIRST))).policiesWritten())
          .as("saved again: nothing to write").isZero();
      assertThat(aws.writes()).isEmpty();
    }

    @Test
    void theHeaderTakenOffTheOriginByHand_detailsSayNotServed_withTheHeader_asPlayersGet403() {
      newsWithItsDistribution();
      aws.secrets().putV2CdnIdentifier(AUTH.secretArns().get(0), FIRST.reveal());
      cdn.saveEndpoint(secured(hls("hls"), AUTH, Optional.of(FIRST)));
      aws.clock().advance(aws.propagationTime());
      V2ChannelDetails served = cdn.details(NEWS);
      assertThat(served.readyForPlayers()).isTrue();
      String url = served.endpoints().get(0).cdnUrls().get(0);
      assertThat(aws.playerRequests(url)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));

      aws.distributions().edit(onlyDistribution().id(), c -> DistributionConfig.builder().from(c)
          .origins(c.origins().stream().map(o -> Origin.builder().from(o).customHeaders(Map.of()).build()).toList())
          .build());
      aws.clock().advance(aws.propagationTime());

      V2ChannelDetails details = cdn.details(NEWS);
      assertThat(details.readyForPlayers()).isFalse();
      assertThat(details.endpoints().get(0).cdnUrls()).isEmpty();
      assertThat(details.endpoints().get(0).notServedReason()).hasValueSatisfying(why -> assertThat(why)
          .contains(V2_HEADER));
      assertThat(aws.playerRequests(url)).anySatisfy(r -> assertThat(r.status()).isEqualTo(403));
    }

    @Test
    void anIdentifierOf256Characters_isV2s() {
      newsWithItsDistribution();
      CdnIdentifier longest = CdnIdentifier.of("v".repeat(256));

      cdn.saveEndpoint(secured(hls("hls"), AUTH, Optional.of(longest)));

      assertThat(headers()).containsEntry(V2_HEADER, longest.reveal());
    }

    @Test
    void withoutAnIdentifierKnown_theSaveIsRefusedBeforeAnyWrite_andNothingIsReady() {
      newsWithItsDistribution();
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveEndpoint(secured(hls("hls"), AUTH, Optional.empty())))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("[hls] use CDN authorization, but no CDN identifier is known")
          .hasMessageContaining(V2_HEADER).hasMessageContaining("MediaPackageV2CDNIdentifier");
      assertThat(aws.writes()).isEmpty();
      assertThat(aws.channelGroups().allEndpoints()).isEmpty();
      aws.clock().advance(aws.propagationTime());
      assertThat(cdn.details(NEWS).readyForPlayers()).isFalse();
    }

    @Test
    void withoutAnIdentifierKnown_butTheOriginSendsOne_theSaveGoesOn() {
      newsWithItsDistribution();
      cdn.saveEndpoint(secured(hls("hls"), AUTH, Optional.of(FIRST)));

      V2EndpointSaveResult second = cdn.saveEndpoint(secured(hls("hls-2"), AUTH, Optional.empty()));

      assertThat(second.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
      assertThat(policy("hls-2")).contains(GATE);
      assertThat(headers()).containsEntry(V2_HEADER, FIRST.reveal());
    }

    @Test
    void aPolicyGivenCdnAuthorizationElsewhere_withoutAnIdentifierKnown_failsBeforeAnyPolicyOrDistributionWrite() {
      newsWithItsDistribution();
      cdn.saveEndpoint(hls("hls"));
      aws.channelGroups().seedPolicy(NEWS.endpoint("hls"), EndpointPolicy.of(policy("hls"), AUTH));
      aws.clearCalls();

      V2EndpointSaveResult saved = cdn.saveEndpoint(hls("hls"));

      assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.FAILED);
      assertThat(saved.cdn().failure()).get().isInstanceOf(ValidationException.class).extracting(Throwable::getMessage)
          .asString().contains("[hls] use CDN authorization", V2_HEADER);
      assertThat(calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY)).isZero();
      assertThat(calls(Operation.UPDATE_DISTRIBUTION)).isZero();
    }

    @Test
    void anotherIdentifier_isRefusedBeforeAnyWrite_andTheServedEndpointKeepsItsSecret() {
      newsWithItsDistribution();
      cdn.saveEndpoint(secured(hls("hls"), AUTH, Optional.of(FIRST)));
      ChannelCdnV2 rotated = aws.channelCdnV2(b -> b.cdnIdentifiers(arn -> Optional.of(SECOND)));
      aws.clearCalls();

      ResourceConflictException given = catchThrowableOfType(ResourceConflictException.class,
          () -> cdn.saveEndpoint(secured(hls("hls"), OTHER_AUTH, Optional.of(SECOND))));
      ResourceConflictException fromTheSource = catchThrowableOfType(ResourceConflictException.class,
          () -> rotated.saveEndpoint(secured(dash("dash"), OTHER_AUTH, Optional.empty())));

      for (ResourceConflictException e : List.of(given, fromTheSource)) {
        assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.CDN_IDENTIFIER_MISMATCH);
        assertThat(e.getMessage()).contains("EMP2-live", V2_HEADER).doesNotContain(FIRST.reveal(), SECOND.reveal());
      }
      assertThat(aws.writes()).isEmpty();
      assertThat(aws.channelGroups().policy(NEWS.endpoint("hls")).orElseThrow().cdnAuthorization()).contains(AUTH);
      assertThat(headers()).containsEntry(V2_HEADER, FIRST.reveal());
    }

    @Test
    void cdnAuthorizationTakenOffThePolicy_takesOnlyTheLibrarysStatementAway() {
      newsWithItsDistribution();
      cdn.saveEndpoint(secured(hls("hls"), AUTH, Optional.of(FIRST)));
      String users = "{\"Sid\":\"PartnerCdn\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
          + "\"mediapackagev2:GetObject\",\"Resource\":\"*\"," + GATE + "}";
      String withUsers = policy("hls").replace("\"Statement\":[", "\"Statement\":[" + users + ",");
      aws.channelGroups().seedPolicy(NEWS.endpoint("hls"), EndpointPolicy.of(withUsers)); // authorization off

      assertThat(cdn.saveEndpoint(hls("hls")).policiesWritten()).isEqualTo(1);

      assertThat(policy("hls")).contains(users).contains("MediaPackageCdnAllowCloudFront")
          .doesNotContain("MediaPackageCdnAllowCdnAuthorizedRequests");
      assertThat(aws.channelGroups().policy(NEWS.endpoint("hls")).orElseThrow().cdnAuthorization()).isEmpty();
    }
  }

  @Nested
  class Details {

    @Test
    void everyManifest_hasItsCdnUrl_andTheChannelIsReadyOnceDeployed() {
      newsWithItsDistribution();
      cdn.saveEndpoints(List.of(hls("hls"), dash("dash")));

      V2ChannelDetails before = cdn.details(NEWS);
      Distribution distribution = onlyDistribution();
      assertThat(before.distributionId()).contains(distribution.id());
      assertThat(before.status()).contains(DistributionStatus.IN_PROGRESS);
      assertThat(before.readyForPlayers()).isFalse();
      assertThat(before.notServed()).isEmpty();
      assertThat(before.consoleUrl()).hasValueSatisfying(u -> assertThat(u).endsWith(distribution.id().value()));
      assertThat(before.manifests()).extracting(V2ManifestUrl::cdnUrl).containsExactly(
          Optional.of("https://" + distribution.domainName() + "/out/v1/live/news/hls/index.m3u8"),
          Optional.of("https://" + distribution.domainName() + "/out/v1/live/news/hls/ll.m3u8"),
          Optional.of("https://" + distribution.domainName() + "/out/v1/live/news/dash/index.mpd"));

      aws.clock().advance(aws.propagationTime());

      assertThat(cdn.details(NEWS).readyForPlayers()).isTrue();
    }

    @Test
    void withoutDistribution_theManifestsHaveNoCdnUrl() {
      group();
      cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).build());
      cdn.saveEndpoint(hls("hls"));

      V2ChannelDetails details = cdn.details(NEWS);

      assertThat(details.distributionId()).isEmpty();
      assertThat(details.manifests()).allSatisfy(m -> assertThat(m.cdnUrl()).isEmpty());
      assertThat(details.readyForPlayers()).isFalse();
      assertThat(details.endpoints()).singleElement().satisfies(e -> {
        assertThat(e.endpoint()).isEqualTo(NEWS.endpoint("hls"));
        assertThat(e.served()).isFalse();
        assertThat(e.cdnUrls()).isEmpty();
        assertThat(e.notServedReason()).get().asString().isEqualTo("channel live/news has no distribution");
      });
    }
  }
}
