package io.github.mediapackagecdn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2ManifestUrl;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickStartV2Test {

  /**
   * Every AWS call of the quick start on the fakes: 57 to save the group, channel and 3 endpoints and read the details
   * (one TagResource records the distribution on the channel; each lookup of it reads the channel tag's distribution's
   * link tag and the tag index; one ListCachePolicies finds both shared cache policies; each endpoint save reads its
   * distribution once, for its checks and its update; the details read the policy of each of the 3 endpoints the
   * distribution routes, to say whether it lets the distribution read them), 14 to wait (its first read of the
   * distribution, then the same 3 policies, once for the whole wait).
   */
  private static final int CALLS = 71;

  @Test
  void run_onTheFakes_endsDeployedWithACdnUrlPerManifest() {
    FakeAws aws = FakeAws.create();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Instant start = aws.clock().instant();

    V2ChannelDetails details = new QuickStartV2(aws.channelCdnV2(), new PrintStream(bytes, true,
        StandardCharsets.UTF_8)).run("live-news", Duration.ofMinutes(30));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(details.readyForPlayers()).isTrue();
    assertThat(details.status()).contains(DistributionStatus.DEPLOYED);
    assertThat(details.manifests()).extracting(m -> m.endpoint().endpoint() + " " + m.manifest().type())
        .containsExactly("hls HLS", "llhls LOW_LATENCY_HLS", "dash DASH");
    String distribution = details.distributionId().orElseThrow().value();
    assertThat(out).contains("1. Save channel group 'live'", "channelGroup/live\n",
        "2. Save channel 'live/live-news'", "channelGroup/live/channel/live-news\n",
        "created distribution " + distribution + ", its origin the channel group's egress domain",
        "   Distribution ID  " + distribution);
    for (String endpoint : List.of("hls      HLS            ", "llhls    LOW_LATENCY_HLS", "dash     DASH           ")) {
      assertThat(out).contains("   " + endpoint + " CloudFront: updated the distribution with the cache behaviours");
    }
    String before = out.substring(out.indexOf("4. Channel details"), out.indexOf("5. Waiting"));
    String after = out.substring(out.indexOf("5. Waiting"));
    assertThat(before).contains("Status           InProgress").doesNotContain("Deployed");
    assertThat(after).contains("Status           Deployed").doesNotContain("InProgress");
    for (V2ManifestUrl manifest : details.manifests()) {
      String url = manifest.cdnUrl().orElseThrow();
      assertThat(url).startsWith("https://" + details.domainName().orElseThrow() + "/out/v1/live/live-news/"
          + manifest.endpoint().endpoint() + "/index" + manifest.manifest().type().suffix());
      assertThat(before).contains(url);
      assertThat(after).contains(url);
    }
    assertThat(details.manifests()).extracting(m -> m.manifest().type()).contains(ManifestType.DASH);
    assertThat(out).contains("every endpoint served: you can start");
    assertThat(aws.calls()).hasSize(CALLS);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(3);
    assertThat(Duration.between(start, aws.clock().instant())).isEqualTo(aws.propagationTime());
  }

  /**
   * Run again unchanged by the same instance: 51 calls (the details and the wait each read the 3 endpoint policies),
   * no write, as many as over the wire
   * ({@code V2CallsPerSaveWireTest} in aws-adapter; no update there either), the wait reading the deployed
   * distribution twice. A new instance adds 2: it finds the shared access control and cache policies again.
   */
  @Test
  void runAgain_unchanged_writesNothing() {
    FakeAws aws = FakeAws.create();
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    QuickStartV2 quickStart = new QuickStartV2(aws.channelCdnV2(), out);
    quickStart.run("live-news", Duration.ofMinutes(30));
    aws.clearCalls();

    assertThat(quickStart.run("live-news", Duration.ofMinutes(30)).readyForPlayers()).isTrue();

    assertThat(aws.writes()).isEmpty();
    assertThat(aws.calls()).hasSize(51);
  }

  /**
   * The quick start in the distribution scope {@code CHANNEL_GROUP}: the group's save makes the one distribution (its
   * 4 CloudFront writes: the origin access control, the two cache policies, the distribution); the channel and its 3
   * endpoints then write nothing to CloudFront, so nothing is updated and the one deployment is the group's.
   */
  @Test
  void run_inGroupScope_writesToCloudFrontOnlyWhenTheGroupIsSaved() {
    FakeAws aws = FakeAws.create();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Instant start = aws.clock().instant();

    V2ChannelDetails details = new QuickStartV2(aws.channelCdnV2(b -> b.v2Settings(QuickStartV2.GROUP_SCOPE_SETTINGS)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8), true).run("live-news", Duration.ofMinutes(30));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(details.readyForPlayers()).isTrue();
    String distribution = details.distributionId().orElseThrow().value();
    assertThat(out).contains("1. Save channel group 'live' with a distribution for the whole group",
        "CloudFront     nothing to add, the distribution " + distribution + " already serves this");
    for (String endpoint : List.of("hls      HLS            ", "llhls    LOW_LATENCY_HLS", "dash     DASH           ")) {
      assertThat(out).contains("   " + endpoint + " CloudFront: nothing to add, the distribution " + distribution);
    }
    for (V2ManifestUrl manifest : details.manifests()) {
      assertThat(manifest.cdnUrl().orElseThrow()).startsWith("https://" + details.domainName().orElseThrow()
          + "/out/v1/live/live-news/" + manifest.endpoint().endpoint() + "/index");
    }
    assertThat(aws.writes()).filteredOn(c -> c.operation().service().equals("cloudfront"))
        .extracting(c -> c.operation()).containsExactly(Operation.CREATE_ORIGIN_ACCESS_CONTROL,
            Operation.CREATE_CACHE_POLICY, Operation.CREATE_CACHE_POLICY, Operation.CREATE_DISTRIBUTION_WITH_TAGS);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
    assertThat(aws.calls()).hasSize(GROUP_SCOPE_CALLS);
    assertThat(aws.writes()).extracting(c -> c.operation()).containsExactly(Operation.V2_CREATE_CHANNEL_GROUP,
        Operation.CREATE_ORIGIN_ACCESS_CONTROL, Operation.CREATE_CACHE_POLICY, Operation.CREATE_CACHE_POLICY,
        Operation.V2_TAG_RESOURCE, Operation.CREATE_DISTRIBUTION_WITH_TAGS, Operation.V2_TAG_RESOURCE,
        Operation.V2_CREATE_CHANNEL, Operation.V2_CREATE_ORIGIN_ENDPOINT, Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY,
        Operation.V2_CREATE_ORIGIN_ENDPOINT, Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY,
        Operation.V2_CREATE_ORIGIN_ENDPOINT, Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY);
    assertThat(Duration.between(start, aws.clock().instant())).isEqualTo(aws.propagationTime());
  }

  /**
   * Every AWS call of the quick start in group scope on the fakes: 9 more than in the channel scope (each channel and
   * endpoint save looks for a distribution of the channel's own first, then the group's), 14 writes instead of 16;
   * the details and the wait read the 3 endpoint policies each, as in the channel scope.
   */
  private static final int GROUP_SCOPE_CALLS = 80;

  @Test
  void main_withGroupScope_runsOnTheEmbeddedDefault() {
    assertThat(QuickStartTest.printedBy(() -> QuickStartV2.main(new String[] {QuickStartV2.GROUP_SCOPE})))
        .contains("with a distribution for the whole group", "Status           Deployed",
            "every endpoint served: you can start");
  }

  @Test
  void main_runsOnTheEmbeddedDefault() {
    assertThat(QuickStartTest.printedBy(() -> QuickStartV2.main(new String[0]))).contains(
        "QuickStartV2, on the embedded default", "Status           InProgress", "Status           Deployed",
        "every endpoint served: you can start");
  }
}
