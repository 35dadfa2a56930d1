package io.github.mediapackagecdn.testkit;

import static io.github.mediapackagecdn.testkit.Operation.DESCRIBE_CHANNEL;
import static io.github.mediapackagecdn.testkit.Operation.DESCRIBE_ORIGIN_ENDPOINT;
import static io.github.mediapackagecdn.testkit.Operation.GET_DISTRIBUTION;
import static io.github.mediapackagecdn.testkit.Operation.GET_RESOURCES;
import static io.github.mediapackagecdn.testkit.Operation.LIST_ORIGIN_ENDPOINTS;
import static io.github.mediapackagecdn.testkit.Operation.LIST_TAGS_FOR_RESOURCE;
import static io.github.mediapackagecdn.testkit.Operation.V2_GET_CHANNEL;
import static io.github.mediapackagecdn.testkit.Operation.V2_GET_CHANNEL_GROUP;
import static io.github.mediapackagecdn.testkit.Operation.V2_LIST_ORIGIN_ENDPOINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2EndpointSaveResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every CloudFront quota a save can exceed is checked before its first write, in v1 and v2 alike, with the account's
 * figures ({@code CdnSettings.cloudFrontQuotas}, which the fake account gives the facades it builds): cache
 * behaviours, origins, tags a distribution, query strings a cache policy. A refused save writes nothing, in
 * MediaPackage or CloudFront.
 */
class QuotasBeforeWritingOnFakesTest {

  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");

  /** A fake account whose CloudFront quotas are {@code quotas}, the others the defaults. */
  private static FakeAws account(CloudFrontQuotas quotas) {
    return FakeAws.builder().quotas(FakeAws.Quotas.defaults().withCloudFront(quotas)).build();
  }

  private static V2EndpointSpec cmaf(int i) {
    return V2EndpointSpec.builder().id(NEWS.endpoint("cmaf-" + i)).containerType(ContainerType.CMAF)
        .addManifests(Manifest.of(ManifestType.HLS, "index"), Manifest.of(ManifestType.DASH, "dash")).build();
  }

  /** CMAF endpoints 1 to {@code count}: three cache behaviours each ({@code *.m3u8}, {@code *.mpd}, segments). */
  private static List<V2EndpointSpec> cmafEndpoints(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(QuotasBeforeWritingOnFakesTest::cmaf).toList();
  }

  private static V2ChannelSpec.Builder news() {
    return V2ChannelSpec.builder().id(NEWS).createDistribution(true);
  }

  private static List<Operation> operations(FakeAws aws) {
    return aws.calls().stream().map(RecordedCall::operation).toList();
  }

  /** The distribution with {@code count} cache behaviours of a user's, on its default behaviour's origin. */
  private static void addUsersBehaviors(FakeAws aws, DistributionId id, int count) {
    aws.distributions().edit(id, config -> {
      List<CacheBehavior> behaviors = new ArrayList<>(config.cacheBehaviors());
      for (int i = 0; i < count; i++) {
        behaviors.add(CacheBehavior.builder().from(config.defaultBehavior()).pathPattern("/users/" + i + "/*")
            .build());
      }
      return DistributionConfig.builder().from(config).cacheBehaviors(behaviors).build();
    });
  }

  @Nested
  class V2Endpoints {

    @Test
    void nineCmafEndpoints_overAQuotaOf25Behaviours_areRefusedBeforeAnyWrite() {
      FakeAws aws = account(CloudFrontQuotas.defaults().withCacheBehaviorsPerDistribution(25));
      ChannelCdnV2 cdn = aws.channelCdnV2();
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdn.saveChannel(news().build());
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveEndpoints(cmafEndpoints(9)))
          .isInstanceOf(QuotaExceededException.class)
          .hasMessageStartingWith("distribution " + Specs.onlyDistribution(aws).id() + " would have 27 cache"
              + " behaviours (0 now, 27 more for this save); CloudFront allows 25 a distribution (quota \"Cache"
              + " behaviors per distribution\")");
      assertThat(aws.writes()).isEmpty();
      // the channel tag's distribution, confirmed by its link tag, and the tag index asked too (v1's link rule)
      assertThat(operations(aws)).containsExactly(V2_GET_CHANNEL_GROUP, V2_GET_CHANNEL, V2_LIST_ORIGIN_ENDPOINTS,
          GET_RESOURCES, LIST_TAGS_FOR_RESOURCE, GET_DISTRIBUTION);
      assertThat(aws.channelGroups().endpointsOf(NEWS)).isEmpty();

      V2EndpointSaveResult eight = cdn.saveEndpoints(cmafEndpoints(8));
      assertThat(eight.cdn().action()).as("24 behaviours fit").isEqualTo(CdnOutcome.Action.UPDATED);
    }

    @Test
    void nineCmafEndpoints_fitTheDefaultQuotaOf75() {
      FakeAws aws = FakeAws.create();
      ChannelCdnV2 cdn = aws.channelCdnV2();
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdn.saveChannel(news().build());

      V2EndpointSaveResult saved = cdn.saveEndpoints(cmafEndpoints(9));

      assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
      assertThat(Specs.onlyDistribution(aws).config().cacheBehaviors()).hasSize(27);
    }

    @Test
    void aDistributionNearTheDefaultQuota_refusesTheEndpointBeforeAnyWrite() {
      FakeAws aws = FakeAws.create();
      ChannelCdnV2 cdn = aws.channelCdnV2();
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdn.saveChannel(news().build());
      addUsersBehaviors(aws, Specs.onlyDistribution(aws).id(), 73);
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveEndpoint(cmaf(1))).isInstanceOf(QuotaExceededException.class)
          .hasMessageContaining("would have 76 cache behaviours (73 now, 3 more for this save); CloudFront allows 75");
      assertThat(aws.writes()).isEmpty();
    }

    @Test
    void theSecondRegionsOrigin_overTheOriginQuota_isRefusedBeforeAnyWriteInEitherRegion() {
      FakeAws aws = account(CloudFrontQuotas.defaults().withOriginsPerDistribution(1));
      FakeAws secondary = FakeAws.builder().region("eu-west-1").accountId(aws.accountId()).clock(aws.clock()).build();
      ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.secondaryRegion(secondary.channelGroups()));
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdn.saveChannel(news().inputType(InputType.CMAF).publishMediaQualityScore(true).build());
      aws.clearCalls();
      secondary.clearCalls();

      assertThatThrownBy(() -> cdn.saveEndpoint(cmaf(1))).isInstanceOf(QuotaExceededException.class)
          .hasMessageContaining("would have 2 origins (1 now, 1 more for this save); CloudFront allows 1 a"
              + " distribution (quota \"Origins per distribution\")");
      assertThat(aws.writes()).isEmpty();
      assertThat(secondary.writes()).isEmpty();
    }
  }

  @Nested
  class V2Channels {

    @Test
    void fiftyDistributionTags_andTheLinkTag_areRefusedBeforeAnyWrite() {
      FakeAws aws = FakeAws.create();
      ChannelCdnV2 cdn = aws.channelCdnV2();
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      Map<String, String> tags = new LinkedHashMap<>();
      IntStream.range(0, 50).forEach(i -> tags.put("team-" + i, "video"));
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveChannel(news().distributionTags(tags).build()))
          .isInstanceOf(QuotaExceededException.class)
          .hasMessageStartingWith("the distribution of channel live/news would have 51 tags, the link tag included;"
              + " CloudFront allows 50 a distribution");
      assertThat(aws.writes()).isEmpty();
      assertThat(operations(aws)).containsExactly(V2_GET_CHANNEL_GROUP, V2_GET_CHANNEL);
    }

    @Test
    void aChannelWithEndpoints_whoseNewDistributionCouldNotServeThem_isRefusedBeforeAnyWrite() {
      FakeAws aws = account(CloudFrontQuotas.defaults().withCacheBehaviorsPerDistribution(25));
      ChannelCdnV2 cdn = aws.channelCdnV2();
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdn.saveChannel(news().createDistribution(false).build());
      assertThat(cdn.saveEndpoints(cmafEndpoints(9)).cdn().action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveChannel(news().description("with a distribution").build()))
          .isInstanceOf(QuotaExceededException.class)
          .hasMessageStartingWith("the distribution of channel live/news would have 27 cache behaviours");
      assertThat(aws.writes()).as("neither UpdateChannel nor CreateDistributionWithTags").isEmpty();
    }

    @Test
    void cachePolicies_overTheQueryStringQuota_areRefusedBeforeAnyWrite() {
      // the library's manifest policy keys on 4 query strings by default
      FakeAws aws = account(CloudFrontQuotas.defaults().withQueryStringsPerCachePolicy(3));
      ChannelCdnV2 cdn = aws.channelCdnV2();
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveChannel(news().build())).isInstanceOf(QuotaExceededException.class)
          .hasMessageStartingWith("cache policy mediapackage-cdn-v2-manifests-")
          .hasMessageContaining(" keys on 4 query strings");
      assertThat(aws.writes()).isEmpty();
      assertThat(operations(aws)).containsExactly(V2_GET_CHANNEL_GROUP, V2_GET_CHANNEL);
    }

    @Test
    void theFakeCloudFront_refusesACachePolicyOverTheQuery_stringQuota_too() {
      FakeAws aws = account(CloudFrontQuotas.defaults().withQueryStringsPerCachePolicy(3));
      // a library told a higher quota than the account has: CloudFront, here the fake, has the last word
      ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.settings(CdnSettings.defaults()));
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());

      assertThat(cdn.saveChannel(news().build()).cdn().failure()).get()
          .isInstanceOfSatisfying(QuotaExceededException.class,
              e -> assertThat(e.errorCode()).contains("TooManyQueryStringsInCachePolicy"));
    }
  }

  @Nested
  class V1 {

    @Test
    void anEndpointOverTheBehaviourQuota_isRefusedBeforeMediaPackageIsWritten() {
      FakeAws aws = FakeAws.create();
      ChannelCdn cdn = aws.channelCdn();
      cdn.saveChannel(Specs.channelWithDistribution());
      addUsersBehaviors(aws, Specs.onlyDistribution(aws).id(), 74);
      aws.clearCalls();

      // HLS needs *.m3u8 and *.ts: 76 behaviours
      assertThatThrownBy(() -> cdn.saveEndpoint(Specs.endpoint(Packaging.HLS)))
          .isInstanceOf(QuotaExceededException.class)
          .hasMessageContaining("would have 76 cache behaviours (74 now, 2 more for this save); CloudFront allows 75");
      assertThat(aws.writes()).isEmpty();
      assertThat(operations(aws)).containsExactly(DESCRIBE_CHANNEL, DESCRIBE_ORIGIN_ENDPOINT, GET_RESOURCES,
          LIST_TAGS_FOR_RESOURCE, LIST_ORIGIN_ENDPOINTS, GET_DISTRIBUTION);
    }

    @Test
    void fiftyDistributionTags_andTheLinkTag_areRefusedBeforeAnyCall() {
      FakeAws aws = FakeAws.create();
      Map<String, String> tags = new LinkedHashMap<>();
      IntStream.range(0, 50).forEach(i -> tags.put("team-" + i, "video"));
      ChannelSpec spec = ChannelSpec.builder().from(Specs.channelWithDistribution()).distributionTags(tags).build();

      assertThatThrownBy(() -> aws.channelCdn().saveChannel(spec)).isInstanceOf(QuotaExceededException.class)
          .hasMessageStartingWith("the distribution of channel live-news would have 51 tags");
      assertThat(aws.calls()).isEmpty();
      assertThatThrownBy(() -> aws.channelCdn().planSave(spec)).as("the dry run refuses it the same way")
          .isInstanceOf(QuotaExceededException.class);
    }

    @Test
    void aRaisedTagQuota_letsMoreTagsThrough() {
      FakeAws aws = account(CloudFrontQuotas.defaults().withTagsPerDistribution(60));
      Map<String, String> tags = new LinkedHashMap<>();
      IntStream.range(0, 59).forEach(i -> tags.put("team-" + i, "video"));

      CdnOutcome outcome = aws.channelCdn().saveChannel(ChannelSpec.builder().from(Specs.channelWithDistribution())
          .distributionTags(tags).build()).cdn();

      assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.CREATED);
      assertThat(aws.distributions().tags(outcome.distributionId().orElseThrow())).hasSize(60);
    }

    @Test
    void aReconcileOverTheQuota_sendsNoUpdate_andSaysWhichQuota() {
      FakeAws aws = FakeAws.create();
      ChannelCdn cdn = aws.channelCdn();
      cdn.saveChannel(Specs.channelWithDistribution());
      cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
      DistributionId id = Specs.onlyDistribution(aws).id();
      aws.distributions().edit(id, config -> DistributionConfig.builder().from(config)
          .cacheBehaviors(config.cacheBehaviors().stream().filter(b -> !b.pathPattern().equals("*.ts")).toList())
          .build());
      addUsersBehaviors(aws, id, 74); // *.m3u8 and 74 of the user's: putting *.ts back makes 76
      aws.clearCalls();

      CdnOutcome outcome = cdn.reconcile(io.github.mediapackagecdn.core.model.ChannelId.of(Specs.CHANNEL));

      assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.FAILED);
      assertThat(outcome.failure()).get().isInstanceOf(QuotaExceededException.class).asString()
          .contains("would have 76 cache behaviours");
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    }
  }
}
