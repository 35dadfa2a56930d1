package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.testkit.assertions.CdnAssertions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeAwsExtensionTest {

  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");

  private static V2EndpointSpec hls(String name, Manifest... manifests) {
    return V2EndpointSpec.builder().id(NEWS.endpoint(name)).containerType(ContainerType.TS).addManifests(manifests)
        .build();
  }

  @Nested
  @ExtendWith(FakeAwsExtension.class)
  class Declared {

    private FakeAws beforeEach;
    private ChannelCdnV2 beforeEachV2;

    @BeforeEach
    void setUp(FakeAws aws, ChannelCdnV2 cdn) {
      this.beforeEach = aws;
      this.beforeEachV2 = cdn;
    }

    @Test
    void v2Parameters_shareTheTestsFakeAccountAndFacade_withTheBeforeEachMethod(FakeAws aws, ChannelCdnV2 cdn,
        InMemoryChannelGroups groups, ChannelCdn v1, InMemoryDistributions distributions) {
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());
      cdn.saveEndpoint(hls("hls", Manifest.of(ManifestType.HLS, "index")));
      v1.saveChannel(ChannelSpec.builder().id("live").build());

      assertThat(beforeEach).isSameAs(aws);
      assertThat(beforeEachV2).isSameAs(cdn);
      assertThat(groups).isSameAs(aws.channelGroups());
      assertThat(groups.allEndpoints()).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo(NEWS.endpoint("hls")));
      assertThat(distributions.all()).singleElement().satisfies(d -> assertThat(d.config().comment()).contains("news"));
      assertThat(aws.channels().all()).hasSize(1);
      aws.clock().advance(aws.propagationTime());
      CdnAssertions.assertThat(cdn.details(NEWS)).isReadyForPlayers().servesManifest("hls", "index");
      CdnAssertions.assertThat(aws).servesToPlayers(cdn.details(NEWS));
    }

    @Test
    void parameters_ofOneTest_shareOneFakeAccount_withTheBeforeEachMethod(
        FakeAws aws, ChannelCdn cdn, FakeClock clock, InMemoryDistributions distributions) {
      cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true).build());

      assertThat(beforeEach).isSameAs(aws);
      assertThat(distributions.all()).hasSize(1);
      assertThat(aws.distributions()).isSameAs(distributions);
      clock.advance(Duration.ofMinutes(1));
      assertThat(aws.clock().instant()).isEqualTo(clock.instant());
    }

    @RepeatedTest(2)
    void eachTest_getsAFreshAccount(FakeAws aws, ChannelCdn cdn, ChannelCdnV2 cdnV2) {
      assertThat(aws.channels().all()).isEmpty();
      assertThat(aws.channelGroups().allGroups()).isEmpty();
      assertThat(aws.calls()).isEmpty();
      cdn.saveChannel(ChannelSpec.builder().id("live").build());
      cdnV2.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      assertThat(aws.channels().all()).hasSize(1);
      assertThat(aws.channelGroups().allGroups()).hasSize(1);
    }

    @Test
    void withoutConfiguration_theFakeHasFakeAwsCreatesSettings(FakeAws aws) {
      FakeAws plain = FakeAws.create();
      assertThat(aws.region()).isEqualTo(plain.region());
      assertThat(aws.accountId()).isEqualTo(plain.accountId());
      assertThat(aws.propagationTime()).isEqualTo(plain.propagationTime());
      assertThat(aws.quotas()).isEqualTo(plain.quotas());
      assertThat(aws.quotas().v2()).isEqualTo(plain.quotas().v2()).isEqualTo(new FakeAws.Quotas.V2(3, 10, 10, 25, 20, 100));
      assertThat(aws.channels().create(ChannelSpec.builder().id("x").build()).arn())
          .isEqualTo(plain.channels().create(ChannelSpec.builder().id("x").build()).arn());
    }
  }

  @Nested
  @ExtendWith(FakeAwsExtension.class)
  @FakeAwsConfig(region = "eu-west-1", propagationSeconds = 60, maxChannels = 1)
  class Annotated {

    @Test
    void theClassAnnotation_configuresTheFake(FakeAws aws, ChannelCdn cdn) {
      assertThat(aws.region()).isEqualTo("eu-west-1");
      assertThat(aws.propagationTime()).isEqualTo(Duration.ofSeconds(60));
      assertThat(aws.quotas().channels()).isEqualTo(1);
      assertThat(aws.quotas().distributions()).isEqualTo(FakeAws.Quotas.defaults().distributions());

      cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true).build());
      assertThat(aws.channels().all().get(0).arn().value()).startsWith("arn:aws:mediapackage:eu-west-1:");
      assertThat(aws.distributions().all().get(0).status().wireName()).isEqualTo("InProgress");
      aws.clock().advance(Duration.ofSeconds(60));
      assertThat(aws.distributions().all().get(0).status().wireName()).isEqualTo("Deployed");
      assertThatThrownBy(() -> aws.channels().create(ChannelSpec.builder().id("second").build()))
          .isInstanceOf(QuotaExceededException.class);
    }

    @Test
    @FakeAwsConfig(region = "ap-south-1", accountId = "210987654321")
    void aMethodAnnotation_overridesWhatItGives_andKeepsTheRest(FakeAws aws) {
      assertThat(aws.region()).isEqualTo("ap-south-1");
      assertThat(aws.accountId()).isEqualTo("210987654321");
      assertThat(aws.propagationTime()).isEqualTo(Duration.ofSeconds(60));
      assertThat(aws.quotas().channels()).isEqualTo(1);
    }

    @Nested
    @FakeAwsConfig(maxChannels = 2)
    class Inner {
      @Test
      void aNestedClass_overridesItsEnclosingClass(FakeAws aws) {
        assertThat(aws.quotas().channels()).isEqualTo(2);
        assertThat(aws.region()).isEqualTo("eu-west-1");
      }
    }
  }

  @Nested
  @ExtendWith(FakeAwsExtension.class)
  class Quotas {

    @Test
    @FakeAwsConfig(maxCacheBehaviorsPerDistribution = 25, maxOriginGroupsPerDistribution = 2,
        maxTagsPerDistribution = 40, maxQueryStringsPerCachePolicy = 8, maxChannelGroups = 1, maxChannelsPerGroup = 2,
        maxV2EndpointsPerChannel = 3, maxManifestsPerEndpoint = 4, maxCachePolicies = 5, maxOriginAccessControls = 6)
    void theAnnotation_givesTheCloudFrontAndV2Quotas_andTheFacadesCheckTheCloudFrontOnes(FakeAws aws) {
      assertThat(aws.quotas().cloudFront()).isEqualTo(new CloudFrontQuotas(25, 25, 2, 40, 8));
      assertThat(aws.quotas().v2()).isEqualTo(new FakeAws.Quotas.V2(1, 2, 3, 4, 5, 6));
      assertThat(aws.settings().cloudFrontQuotas()).isEqualTo(aws.quotas().cloudFront());

      ChannelCdnV2 cdn = aws.channelCdnV2();
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      assertThatThrownBy(() -> cdn.saveChannelGroup(ChannelGroupSpec.builder().name("other").build()))
          .isInstanceOf(QuotaExceededException.class).hasMessageContaining("at most 1 channel groups");
    }

    @Test
    void withoutTheAnnotation_theQuotasAreTheDefaults(FakeAws aws) {
      assertThat(aws.quotas().cloudFront()).isEqualTo(CloudFrontQuotas.defaults());
      assertThat(aws.quotas().cloudFront().cacheBehaviorsPerDistribution()).isEqualTo(75);
      assertThat(aws.quotas().v2()).isEqualTo(new FakeAws.Quotas.V2(3, 10, 10, 25, 20, 100));
    }
  }

  @Nested
  @ExtendWith(FakeAwsExtension.class)
  @FakeAwsConfig(maxChannelGroups = 1)
  class V2Quotas {

    @Test
    void theClassAnnotation_limitsChannelGroups_andKeepsTheOtherV2Quotas(FakeAws aws, ChannelCdnV2 cdn) {
      assertThat(aws.quotas().v2()).isEqualTo(new FakeAws.Quotas.V2(1, 10, 10, 25, 20, 100));
      assertThat(aws.quotas().cloudFront()).isEqualTo(CloudFrontQuotas.defaults());
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      aws.clearCalls();

      assertThatThrownBy(() -> cdn.saveChannelGroup(ChannelGroupSpec.builder().name("sports").build()))
          .isInstanceOf(QuotaExceededException.class).hasMessageContaining("at most 1 channel groups");
      assertThat(aws.calls(Operation.V2_CREATE_CHANNEL_GROUP)).hasSize(1); // refused by the fake, not the library
    }

    @Test
    @FakeAwsConfig(maxChannelsPerGroup = 1, maxV2EndpointsPerChannel = 1, maxManifestsPerEndpoint = 1)
    void aMethodAnnotation_limitsChannelsEndpointsAndManifests(FakeAws aws, ChannelCdnV2 cdn) {
      assertThat(aws.quotas().v2()).isEqualTo(new FakeAws.Quotas.V2(1, 1, 1, 1, 20, 100));
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).build());
      Manifest index = Manifest.of(ManifestType.HLS, "index");
      Manifest dash = Manifest.of(ManifestType.DASH, "dash");

      assertThatThrownBy(() -> cdn.saveChannel(V2ChannelSpec.builder().id(V2ChannelId.of("live", "sports")).build()))
          .isInstanceOf(QuotaExceededException.class).hasMessageContaining("at most 1 channels per channel group");
      assertThatThrownBy(() -> cdn.saveEndpoint(V2EndpointSpec.builder().id(NEWS.endpoint("cmaf"))
          .containerType(ContainerType.CMAF).addManifests(index, dash).build()))
          .isInstanceOf(QuotaExceededException.class).hasMessageContaining("at most 1 manifests per origin endpoint");
      cdn.saveEndpoint(hls("hls", index));
      assertThatThrownBy(() -> cdn.saveEndpoint(hls("hls2", index)))
          .isInstanceOf(QuotaExceededException.class).hasMessageContaining("at most 1 origin endpoints per channel");
      assertThat(aws.channelGroups().allEndpoints()).hasSize(1);
    }
  }

  @Nested
  class Registered {

    @RegisterExtension
    final FakeAwsExtension extension = FakeAwsExtension.builder()
        .region("sa-east-1")
        .seed(7)
        .propagationTime(Duration.ofSeconds(30))
        .quotas(new FakeAws.Quotas(5, 2, 3, 25, 25))
        .build();

    @Test
    void theBuilder_configuresEveryTestsFake(FakeAws aws) {
      assertThat(aws.region()).isEqualTo("sa-east-1");
      assertThat(aws.propagationTime()).isEqualTo(Duration.ofSeconds(30));
      assertThat(aws.quotas()).isEqualTo(new FakeAws.Quotas(5, 2, 3, 25, 25));
      assertThat(aws.channels().create(ChannelSpec.builder().id("x").build()).arn())
          .isEqualTo(FakeAws.builder().region("sa-east-1").seed(7).build()
              .channels().create(ChannelSpec.builder().id("x").build()).arn());
    }

    @Test
    @FakeAwsConfig(seed = 8, maxDistributions = 9, maxManifestsPerEndpoint = 3)
    void anAnnotation_adjustsTheRegisteredExtension(FakeAws aws) {
      assertThat(aws.region()).isEqualTo("sa-east-1");
      assertThat(aws.quotas().cloudFront()).isEqualTo(new FakeAws.Quotas(5, 2, 9, 25, 25).cloudFront());
      assertThat(aws.quotas().distributions()).isEqualTo(9);
      assertThat(aws.quotas().v2().manifestsPerEndpoint()).isEqualTo(3);
      assertThat(aws.channels().create(ChannelSpec.builder().id("x").build()).arn())
          .isEqualTo(FakeAws.builder().region("sa-east-1").seed(8).build()
              .channels().create(ChannelSpec.builder().id("x").build()).arn());
    }
  }

  @Test
  void theBuilder_refusesBadValues_whenTheyAreSet() {
    assertThatThrownBy(() -> FakeAwsExtension.builder().accountId("1234"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 digits");
    assertThatThrownBy(() -> FakeAwsExtension.builder().propagationTime(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeAwsExtension.builder().region(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FakeAws.Quotas(-1, 10, 200, 25, 25)).isInstanceOf(IllegalArgumentException.class);
  }
}
