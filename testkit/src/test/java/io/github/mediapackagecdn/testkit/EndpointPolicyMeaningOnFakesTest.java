package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.mediapackagecdn.testkit.V2Specs.NEWS;
import static io.github.mediapackagecdn.testkit.V2Specs.news;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2ManifestUrl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Endpoint policies are compared by what they mean: a policy MediaPackage gives back in another text is not written
 * again, and another writer's statement (a harvest job's) survives every save.
 */
class EndpointPolicyMeaningOnFakesTest {

  private static final CdnAuthConfiguration AUTH = new CdnAuthConfiguration(
      List.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id",
          "arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id-next"),
      "arn:aws:iam::123456789012:role/mediapackage-secrets");
  private static final CdnIdentifier IDENTIFIER = CdnIdentifier.of("7b3c51f0-2f5d-4a8c-9d3e-1f2a3b4c5d6e");

  private final FakeAws aws = FakeAws.create();
  private final ChannelCdnV2 cdn = aws.channelCdnV2();

  private static List<V2EndpointSpec> endpoints() {
    return List.of(
        V2EndpointSpec.builder().id(NEWS.endpoint("hls")).containerType(ContainerType.TS)
            .addManifests(Manifest.of(ManifestType.HLS, "index")).build(),
        V2EndpointSpec.builder().id(NEWS.endpoint("llhls")).containerType(ContainerType.CMAF)
            .addManifests(Manifest.of(ManifestType.LOW_LATENCY_HLS, "index")).build(),
        V2EndpointSpec.builder().id(NEWS.endpoint("dash")).containerType(ContainerType.CMAF)
            .addManifests(Manifest.of(ManifestType.DASH, "index")).build());
  }

  /** The harvest job's statement of the v2 user guide (endpoint-auth), for the endpoint. */
  private String harvest(V2EndpointId endpoint) {
    String arn = aws.channelGroups().allEndpoints().stream().filter(e -> e.id().equals(endpoint)).findFirst()
        .orElseThrow().arn();
    return "{\"Sid\":\"AllowMediaPackageHarvestObjectAccess\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
        + "\"mediapackagev2.amazonaws.com\"},\"Condition\":{\"StringEquals\":{\"AWS:SourceAccount\":\""
        + aws.accountId() + "\"}},\"Action\":[\"mediapackagev2:HarvestObject\",\"mediapackagev2:GetObject\"],"
        + "\"Resource\":\"" + arn + "\"}";
  }

  private String document(V2EndpointId endpoint) {
    return aws.channelGroups().policy(endpoint).orElseThrow().document();
  }

  @BeforeEach
  void saved() {
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(news());
    assertThat(cdn.saveEndpoints(endpoints()).policiesWritten()).isEqualTo(3);
  }

  @Test
  void policiesGivenBackInAnotherText_areNotWrittenAgain_byAnyUnchangedSave() {
    aws.channelGroups().reserializeStoredPolicies();
    String reserialized = document(NEWS.endpoint("hls"));
    aws.clearCalls();

    assertThat(cdn.saveEndpoints(endpoints()).policiesWritten()).isZero();
    assertThat(cdn.saveEndpoint(endpoints().get(0)).policiesWritten()).isZero();
    assertThat(cdn.saveChannel(news()).cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    ChannelCdnV2 another = aws.channelCdnV2();
    another.saveEndpoints(endpoints());
    another.saveChannel(news());

    assertThat(aws.calls(Operation.V2_GET_ORIGIN_ENDPOINT_POLICY)).hasSize(13);
    assertThat(aws.calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY)).hasSize(0);
    assertThat(aws.writes()).isEmpty();
    assertThat(document(NEWS.endpoint("hls"))).isEqualTo(reserialized).startsWith("{\n  \"Statement\" : {");
    aws.clock().advance(aws.propagationTime());
    for (V2ManifestUrl manifest : cdn.awaitDeployed(NEWS, Duration.ofMinutes(30)).manifests()) {
      assertThat(aws.playerRequests(manifest.cdnUrl().orElseThrow()))
          .allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
    }
  }

  @Test
  void aHarvestJobsStatement_survivesEverySave() {
    V2EndpointId hls = NEWS.endpoint("hls");
    String harvest = harvest(hls);
    String withHarvest = document(hls).replace("\"Statement\":[", "\"Statement\":[" + harvest + ",");
    aws.channelGroups().seedPolicy(hls, EndpointPolicy.of(withHarvest)); // the harvest job's writer adds it
    aws.clearCalls();

    cdn.saveEndpoints(endpoints());
    cdn.saveChannel(news());
    assertThat(aws.calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY)).isEmpty();
    assertThat(document(hls)).isEqualTo(withHarvest);

    V2EndpointSpec secured = V2EndpointSpec.builder().from(endpoints().get(0)).cdnAuthorization(AUTH)
        .cdnIdentifier(IDENTIFIER).build();
    assertThat(cdn.saveEndpoint(secured).policiesWritten()).isEqualTo(1);
    assertThat(document(hls)).contains("\"Statement\":[" + harvest + ",", "MediaPackageCdnAllowCdnAuthorizedRequests");

    aws.channelGroups().reserializeStoredPolicies();
    aws.clearCalls();
    cdn.saveEndpoint(secured);
    cdn.saveChannel(news());
    assertThat(aws.calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY)).isEmpty();
    assertThat(document(hls)).contains("\"AllowMediaPackageHarvestObjectAccess\"", "\"mediapackagev2:HarvestObject\"");
  }
}
