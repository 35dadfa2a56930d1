package io.github.mediapackagecdn.examples;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.ChannelSaveResult;
import io.github.mediapackagecdn.core.provisioning.EndpointDetails;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import io.github.mediapackagecdn.testkit.FakeAws;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The console's flow, end to end: save a channel with "Create a CloudFront distribution", save an HLS, a DASH, a CMAF
 * and an MSS endpoint, then show what the channel details page shows, before and after the distribution is deployed.
 *
 * <p>Runs on the embedded default: the testkit's in-memory MediaPackage and CloudFront on a simulated clock, so it
 * needs no AWS account and waits for nothing.
 */
public final class QuickStart {

  private final ChannelCdn cdn;
  private final PrintStream out;

  public QuickStart(ChannelCdn cdn, PrintStream out) {
    this.cdn = cdn;
    this.out = out;
  }

  public static void main(String[] args) {
    FakeAws aws = FakeAws.create();
    PrintStream out = System.out;
    out.println("mediapackage-cdn QuickStart, on the embedded default: in-memory MediaPackage and CloudFront");
    out.println("(simulated clock; a distribution takes " + aws.propagationTime().toMinutes() + " minutes to deploy)");
    new QuickStart(aws.channelCdn(), out).run("live-news", Duration.ofMinutes(30));
  }

  /** Runs the flow for a channel id; answers the details once deployed. */
  public ChannelDetails run(String channelId, Duration deployTimeout) {
    out.println();
    out.println("1. Save channel '" + channelId + "' with \"Create a CloudFront distribution\"");
    ChannelSaveResult channel = cdn.saveChannel(ChannelSpec.builder()
        .id(channelId)
        .description("QuickStart channel")
        .createDistribution(true)
        .build());
    out.println("   channel ARN    " + channel.channel().arn());
    out.println("   CloudFront     " + describe(channel.cdn()));

    out.println();
    out.println("2. Save one endpoint of each format; each save adds what the distribution lacks");
    for (Packaging packaging : List.of(Packaging.HLS, Packaging.DASH, Packaging.CMAF, Packaging.MSS)) {
      EndpointSaveResult saved = cdn.saveEndpoint(EndpointSpec.builder()
          .id(channelId + "-" + packaging.name().toLowerCase(Locale.ROOT))
          .channelId(channelId)
          .packaging(packaging)
          .startoverWindowSeconds(3600)
          .build());
      out.printf("   %-20s %-5s CloudFront: %s%n", saved.endpoint().id(), packaging, describe(saved.cdn()));
    }

    out.println();
    out.println("3. Channel details, right after saving");
    print(cdn.details(ChannelId.of(channelId)));

    out.println();
    out.println("4. Waiting until the distribution is Deployed (at most " + deployTimeout.toMinutes() + " minutes)");
    ChannelDetails deployed = cdn.awaitDeployed(ChannelId.of(channelId), deployTimeout);
    print(deployed);
    out.println();
    out.println("Deployed: you can start using the distribution. Give the CDN URLs above to downstream players.");
    return deployed;
  }

  private static String describe(CdnOutcome outcome) {
    String id = outcome.distributionId().map(Object::toString).orElse("");
    return switch (outcome.action()) {
      case NOT_REQUESTED -> "no distribution requested";
      case NO_DISTRIBUTION -> "the channel has no distribution";
      case CREATED -> "created distribution " + id + " (placeholder origin until the first endpoint)";
      case ADOPTED -> "found distribution " + id + ", created for this channel before";
      case UPDATED -> "updated the distribution with the origin and cache behaviours this endpoint needs";
      case UNCHANGED -> "nothing to add, the distribution already serves this";
      case FAILED -> "FAILED: " + outcome.failure().map(Throwable::getMessage).orElse("") + " (save again to retry)";
    };
  }

  private void print(ChannelDetails details) {
    details.distribution().ifPresentOrElse(d -> {
      out.println("   Distribution ID  " + d.id() + "   " + d.consoleUrl());
      out.println("   Description      " + d.description());
      out.println("   Status           " + d.status());
    }, () -> out.println("   Distribution     none"));
    for (EndpointDetails endpoint : details.endpoints()) {
      List<String> urls = endpoint.cdnUrls().isEmpty() ? List.of("(no CDN URL yet)") : endpoint.cdnUrls();
      for (String url : urls) {
        out.printf("   %-20s %-5s %s%n", endpoint.endpoint().id(), endpoint.endpoint().packaging(), url);
      }
    }
  }
}
