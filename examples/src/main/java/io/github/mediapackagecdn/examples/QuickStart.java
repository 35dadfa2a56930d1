package io.github.mediapackagecdn.examples;

import io.github.mediapackagecdn.aws.AwsChannelCdn;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.ChannelSaveResult;
import io.github.mediapackagecdn.core.provisioning.EndpointDetails;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import io.github.mediapackagecdn.testkit.FakeAws;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The console's flow, end to end: save a channel with "Create a CloudFront distribution", save an HLS, a DASH, a CMAF
 * and an MSS endpoint, then show what the channel details page shows, before and after the distribution is deployed.
 *
 * <p>Runs on the embedded default unless told otherwise: the testkit's in-memory MediaPackage and CloudFront on a
 * simulated clock, so it needs no AWS account and waits for nothing. {@code --aws} runs it on AWS, {@code
 * --endpoint-url URL} on any AWS-compatible endpoint.
 */
public final class QuickStart {

  private final ChannelCdn cdn;
  private final PrintStream out;

  /** A quick start saving through {@code cdn} and printing to {@code out}. */
  public QuickStart(ChannelCdn cdn, PrintStream out) {
    this.cdn = cdn;
    this.out = out;
  }

  /**
   * Runs the flow. No argument: on the embedded default. {@code --aws}: on AWS with the default credential chain and
   * region. {@code --endpoint-url URL}: on an AWS-compatible endpoint. {@code --channel ID} names the channel,
   * {@code --cloudfront-tags} finds distributions through CloudFront's tags instead of the tagging API.
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    ChannelCdn cdn;
    if (options.target() == Options.Target.EMBEDDED) {
      FakeAws aws = FakeAws.create();
      out.println("mediapackage-cdn QuickStart, on the embedded default: in-memory MediaPackage and CloudFront");
      out.println("(simulated clock; a distribution takes " + aws.propagationTime().toMinutes() + " minutes to deploy)");
      cdn = aws.channelCdn();
    } else {
      Region region = region(options);
      AwsChannelCdn.Builder builder = AwsChannelCdn.builder()
          .mediaPackageRegion(region)
          .linkLookup(options.cloudFrontTags() ? AwsChannelCdn.LinkLookup.CLOUDFRONT_TAGS
              : AwsChannelCdn.LinkLookup.TAGGING_API);
      options.endpointUrl().ifPresent(endpoint -> builder.endpointOverride(endpoint)
          .credentialsProvider(emulatorCredentials()));
      out.println("mediapackage-cdn QuickStart, on " + options.endpointUrl().map(URI::toString)
          .orElse("AWS (MediaPackage in " + region + ", CloudFront in us-east-1)"));
      out.println("This creates a real channel, endpoints and a distribution, which keep costing until you delete "
          + "them (saving never deletes anything; ChannelCdn.teardown removes them when you ask).");
      cdn = builder.build();
    }
    try (cdn) { // closes the SDK clients the builder created
      new QuickStart(cdn, out).run(options.channelId(), Duration.ofMinutes(30));
    } catch (ProvisioningException e) {
      System.err.println("QuickStart stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(1);
    }
  }

  /** Emulators take any key: the environment's, else {@code test}; never instance credentials for one. */
  static AwsCredentialsProvider emulatorCredentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(
        System.getenv().getOrDefault("AWS_ACCESS_KEY_ID", "test"),
        System.getenv().getOrDefault("AWS_SECRET_ACCESS_KEY", "test")));
  }

  /** The region of the default chain (AWS_REGION, profile, instance); us-east-1 for an endpoint that has none. */
  static Region region(Options options) {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      if (options.endpointUrl().isPresent()) {
        return Region.US_EAST_1;
      }
      System.err.println("No AWS region is configured: set AWS_REGION or a profile's region. (" + e.getMessage() + ")");
      System.exit(2);
      throw e;
    }
  }

  /** The command line of {@link #main}. */
  record Options(Target target, Optional<URI> endpointUrl, String channelId, boolean cloudFrontTags) {

    static final String USAGE = "usage: QuickStart [--aws | --endpoint-url URL] [--channel ID] [--cloudfront-tags]";

    enum Target {
      EMBEDDED,
      AWS
    }

    static Options parse(String[] args) {
      Target target = Target.EMBEDDED;
      Optional<URI> endpoint = Optional.empty();
      String channel = "live-news";
      boolean cloudFrontTags = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--aws" -> target = Target.AWS;
          case "--endpoint-url" -> {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("--endpoint-url needs a URL");
            }
            URI uri = URI.create(args[++i]);
            if (!uri.isAbsolute()) {
              throw new IllegalArgumentException("--endpoint-url needs an absolute URL, not " + uri);
            }
            endpoint = Optional.of(uri);
            target = Target.AWS;
          }
          case "--channel" -> {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("--channel needs an id");
            }
            channel = args[++i];
          }
          case "--cloudfront-tags" -> cloudFrontTags = true;
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
      return new Options(target, endpoint, channel, cloudFrontTags);
    }
  }

  /**
   * Runs the flow for a channel id; answers the details once {@link ChannelDetails#readyForPlayers() ready for
   * players}. Throws the typed error when it cannot get there (a failed update, a user's behaviour in the way).
   */
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
    out.println("4. Waiting until the channel is ready for players: distribution Deployed, every endpoint served (at "
        + "most " + deployTimeout.toMinutes() + " minutes)");
    ChannelDetails ready = cdn.awaitDeployed(ChannelId.of(channelId), deployTimeout, progress -> out.printf(
        "   read %d: distribution %s after %s%s%n", progress.poll(), progress.status(), progress.elapsed(),
        progress.readyForPlayers() ? ", ready for players" : ""));
    print(ready);
    out.println();
    out.println("Deployed and every endpoint served: you can start using the distribution. Give the CDN URLs above to "
        + "downstream players.");
    return ready;
  }

  private static String describe(CdnOutcome outcome) {
    String id = outcome.distributionId().map(Object::toString).orElse("");
    return switch (outcome.action()) {
      case NOT_REQUESTED -> "no distribution requested";
      case NO_DISTRIBUTION -> "the channel has no distribution";
      case REQUESTED_BUT_MISSING, NOT_VISIBLE_YET -> outcome.advice().orElse(outcome.action().toString());
      case CREATED -> "created distribution " + id + " (placeholder origin until the first endpoint)";
      case ADOPTED -> "found distribution " + id + ", created for this channel before";
      case UPDATED -> "updated the distribution with the origin and cache behaviours this endpoint needs";
      case UNCHANGED -> "nothing to add, the distribution already serves this";
      case FAILED -> "FAILED: " + outcome.failure().map(Throwable::getMessage).orElse("") + " (save again to retry)";
      case NOT_SERVED -> "NOT SERVED: " + String.join("; ", outcome.notServed().values());
    };
  }

  private void print(ChannelDetails details) {
    details.distribution().ifPresentOrElse(d -> {
      out.println("   Distribution ID  " + d.id() + "   " + d.consoleUrl());
      out.println("   Description      " + d.description());
      out.println("   Status           " + d.status());
    }, () -> out.println("   Distribution     none"));
    for (EndpointDetails endpoint : details.endpoints()) {
      List<String> urls = endpoint.served()
          ? endpoint.cdnUrls()
          : List.of("(not served: " + endpoint.notServedReason().orElseThrow() + ")");
      for (String url : urls) {
        out.printf("   %-20s %-5s %s%n", endpoint.endpoint().id(), endpoint.endpoint().packaging(), url);
      }
    }
  }
}
