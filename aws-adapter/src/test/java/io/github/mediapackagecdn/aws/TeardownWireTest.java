package io.github.mediapackagecdn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.mediapackagecdn.aws.fixtures.Answers;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontWorld;
import io.github.mediapackagecdn.aws.fixtures.MediaPackageWorld;
import io.github.mediapackagecdn.aws.fixtures.TaggingWorld;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Teardown end to end over the wire, on the AWS-built {@link ChannelCdn}: MediaPackage, CloudFront and the tagging
 * API answering from one state, saved through the library first. Every request, in order.
 */
class TeardownWireTest {

  private static final Answers answers = new Answers();

  @RegisterExtension
  static WireMockExtension wm = Wire.extension(answers);

  private static final ChannelId CHANNEL = ChannelId.of("live-news");

  private MediaPackageWorld mediaPackage;
  private CloudFrontWorld cloudFront;
  private ChannelCdn cdn;

  @BeforeEach
  void worlds() {
    answers.clear();
    mediaPackage = new MediaPackageWorld(wm, answers);
    cloudFront = new CloudFrontWorld(wm, answers);
    mediaPackage.install();
    cloudFront.install();
    new TaggingWorld(wm, answers, cloudFront).install();
    cloudFront.deployAfterReadsFollowingEachWrite(2);
    cdn = Wire.v1Builder(wm).deploymentPollInterval(Duration.ZERO).build();
  }

  /** Method and path of every request served since the last reset, in the order they arrived. */
  private static List<String> requests() {
    List<String> sent = new ArrayList<>();
    for (ServeEvent event : wm.getAllServeEvents()) {
      String target = event.getRequest().containsHeader("X-Amz-Target")
          ? " " + event.getRequest().getHeader("X-Amz-Target").replaceFirst(".*\\.", "")
          : "";
      sent.add(event.getRequest().getMethod() + " " + event.getRequest().getUrl().split("\\?")[0] + target);
    }
    Collections.reverse(sent);
    return sent;
  }

  @Test
  void teardown_withDistribution_deletesEverythingTheSaveMadeInOrderWithIfMatch() {
    cdn.saveChannel(ChannelSpec.builder().id(CHANNEL.value()).createDistribution(true).build());
    cdn.saveEndpoint(EndpointSpec.builder().id("live-news-hls").channelId(CHANNEL.value()).packaging(Packaging.HLS)
        .build());
    String id = cloudFront.all().get(0).id;
    String distribution = "/2020-05-31/distribution/" + id;
    wm.resetRequests();

    TeardownResult result = cdn.teardown(CHANNEL, TeardownOptions.builder().deleteDistribution(true).build());

    assertThat(result.channel()).isEqualTo(TeardownResult.Removal.DELETED);
    assertThat(result.distribution()).isEqualTo(TeardownResult.DistributionRemoval.DELETED);
    assertThat(result.deletedDistribution()).get().hasToString(id);
    assertThat(result.deletedEndpoints()).extracting(e -> e.value()).containsExactly("live-news-hls");
    assertThat(cloudFront.all()).isEmpty();
    assertThat(requests()).containsExactly(
        "GET /channels/live-news",
        "POST / GetResources",
        "GET /2020-05-31/tagging", // the link tag, as CloudFront itself shows it, on the ARN GetResources showed
        "GET /origin_endpoints",
        "DELETE /origin_endpoints/live-news-hls",
        "GET " + distribution, // the ETag the disabling sends, read before the tag
        "GET /2020-05-31/tagging", // still linked before the disabling
        "GET " + distribution + "/config", "PUT " + distribution + "/config", // disable
        "GET " + distribution, "GET " + distribution, "GET " + distribution, // the waiter, until Deployed
        "GET /2020-05-31/tagging", // still linked after the wait, before the delete
        "DELETE " + distribution,
        "GET /origin_endpoints", "DELETE /channels/live-news");
    List<ServeEvent> events = wm.getAllServeEvents();
    String disableIfMatch = events.stream().filter(e -> e.getRequest().getMethod().getName().equals("PUT"))
        .findFirst().orElseThrow().getRequest().getHeader("If-Match");
    String deleteIfMatch = events.stream().filter(e -> e.getRequest().getUrl().equals(distribution)
        && e.getRequest().getMethod().getName().equals("DELETE")).findFirst().orElseThrow().getRequest()
        .getHeader("If-Match");
    String disabledEtag = events.stream().filter(e -> e.getRequest().getMethod().getName().equals("PUT"))
        .findFirst().orElseThrow().getResponse().getHeaders().getHeader("ETag").firstValue();
    assertThat(deleteIfMatch).isEqualTo(disabledEtag).isNotEqualTo(disableIfMatch);
  }

  @Test
  void teardown_whenRunAgain_readsTheChannelOnceAndSaysItIsGone() {
    cdn.saveChannel(ChannelSpec.builder().id(CHANNEL.value()).createDistribution(true).build());
    cdn.teardown(CHANNEL, TeardownOptions.builder().deleteDistribution(true).build());
    wm.resetRequests();

    TeardownResult again = cdn.teardown(CHANNEL, TeardownOptions.builder().deleteDistribution(true).build());

    assertThat(again.alreadyGone()).isTrue();
    assertThat(requests()).containsExactly("GET /channels/live-news");
  }
}
