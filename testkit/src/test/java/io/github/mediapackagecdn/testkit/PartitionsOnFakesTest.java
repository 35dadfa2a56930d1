package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2ManifestUrl;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every ARN the library writes (the endpoint policy's {@code Resource} and {@code aws:SourceArn}, the link tag) is in
 * the account's partition: it comes from an ARN the library read, never from {@code arn:aws:} written by hand.
 */
class PartitionsOnFakesTest {

  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");

  @ParameterizedTest
  @CsvSource({"cn-north-1, aws-cn", "cn-northwest-1, aws-cn", "us-gov-west-1, aws-us-gov", "us-west-2, aws",
      "eu-central-1, aws"})
  void theFakesGiveTheRegionsPartition(String region, String partition) {
    FakeAws aws = FakeAws.builder().region(region).build();

    assertThat(aws.partition()).isEqualTo(partition);
    assertThat(aws.dnsSuffix()).isEqualTo(partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com");
  }

  @Test
  void v2_inAnAwsCnAccount_writesOnlyAwsCnArns_andPlayersGet200() {
    FakeAws aws = FakeAws.builder().region("cn-north-1").accountId("210987654321").build();
    ChannelCdnV2 cdn = aws.channelCdnV2();
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());
    cdn.saveEndpoint(V2EndpointSpec.builder().id(NEWS.endpoint("hls")).containerType(ContainerType.TS)
        .addManifests(Manifest.of(ManifestType.HLS, "index")).build());

    Distribution distribution = Specs.onlyDistribution(aws);
    String channelArn = "arn:aws-cn:mediapackagev2:cn-north-1:210987654321:channelGroup/live/channel/news";
    assertThat(distribution.arn()).startsWith("arn:aws-cn:cloudfront::210987654321:distribution/");
    assertThat(aws.distributions().tags(distribution.id()))
        .containsEntry(CdnSettings.defaults().linkTagKey(), channelArn);
    String policy = aws.channelGroups().policy(NEWS.endpoint("hls")).orElseThrow().document();
    assertThat(policy).contains("\"Resource\":\"" + channelArn + "/originEndpoint/hls\"",
        "\"aws:SourceArn\":\"" + distribution.arn() + "\"");
    assertThat(aws.writes()).allSatisfy(call -> assertThat(call.arguments().toString()).doesNotContain("arn:aws:"));

    String url = cdn.awaitDeployed(NEWS, Duration.ofMinutes(30)).manifests().stream()
        .map(V2ManifestUrl::cdnUrl).flatMap(java.util.Optional::stream).findFirst().orElseThrow();
    assertThat(aws.playerRequests(url)).allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
  }

  @Test
  void v1_inAnAwsCnAccount_tagsTheDistributionWithTheChannelsArn() {
    FakeAws aws = FakeAws.builder().region("cn-northwest-1").build();
    ChannelCdn cdn = aws.channelCdn();
    cdn.saveChannel(Specs.channelWithDistribution());
    cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));

    Distribution distribution = Specs.onlyDistribution(aws);
    assertThat(distribution.arn()).startsWith("arn:aws-cn:cloudfront::");
    assertThat(aws.distributions().tags(distribution.id()).values())
        .anySatisfy(value -> assertThat(value).startsWith("arn:aws-cn:mediapackage:cn-northwest-1:"));
    assertThat(aws.writes()).allSatisfy(call -> assertThat(call.arguments().toString()).doesNotContain("arn:aws:"));
  }
}
