package io.github.mediapackagecdn.examples;

import io.github.mediapackagecdn.aws.AwsChannelCdn;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelSaveResult;
import io.github.mediapackagecdn.core.v2.provisioning.V2EndpointSaveResult;
import io.github.mediapackagecdn.core.v2.provisioning.V2ManifestUrl;
import io.github.mediapackagecdn.testkit.FakeAws;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.regions.Region;

/**
 * {@link QuickStart} for MediaPackage v2: save a channel group, a channel with a CloudFront distribution, an HLS, a
 * low-latency HLS and a DASH endpoint, then show the channel's distribution and the CDN URL of every manifest, before
 * and after the distribution is deployed.
 *
 * <p>Runs on the embedded default unless told otherwise: the testkit's in-memory MediaPackage v2 and CloudFront on a
 * simulated clock, so it needs no AWS account and waits for nothing. {@code --aws} runs it on AWS, {@code
 * --endpoint-url URL} on any AWS-compatible endpoint. {@code --group-scope} runs it in the distribution scope
 * {@code CHANNEL_GROUP}: the group gets the distribution, and the channel and its endpoints write nothing to
 * CloudFront.
 */
public final class QuickStartV2 {

  /** The channel group the quick start saves its channel in. */
  public static final String GROUP = "live";

  /** The argument that runs the quick start in the distribution scope {@code CHANNEL_GROUP}. */
  public static final String GROUP_SCOPE = "--group-scope";

  /** The v2 settings of the distribution scope {@code CHANNEL_GROUP}. */
  public static final V2CdnSettings GROUP_SCOPE_SETTINGS =
      V2CdnSettings.builder().distributionScope(V2CdnSettings.DistributionScope.CHANNEL_GROUP).build();

  private final ChannelCdnV2 cdn;
  private final PrintStream out;
  private final boolean groupScope;

  /** A quick start saving through {@code cdn} (in the channel scope) and printing to {@code out}. */
  public QuickStartV2(ChannelCdnV2 cdn, PrintStream out) {
    this(cdn, out, false);
  }

  /**
   * A quick start saving through {@code cdn} and printing to {@code out}; with {@code groupScope}, {@code cdn} must
   * have {@link #GROUP_SCOPE_SETTINGS}, and the group is saved with its distribution.
   */
  public QuickStartV2(ChannelCdnV2 cdn, PrintStream out, boolean groupScope) {
    this.cdn = cdn;
    this.out = out;
    this.groupScope = groupScope;
  }

  /**
   * Runs the flow, with {@link QuickStart}'s options. No argument: on the embedded default. {@code --aws}: on AWS with
   * the default credential chain and region. {@code --endpoint-url URL}: on an AWS-compatible endpoint.
   * {@code --channel NAME} names the channel in group {@value #GROUP}, {@code --cloudfront-tags} finds distributions
   * through CloudFront's tags instead of the tagging API, {@value #GROUP_SCOPE} (or the system property
   * {@code mpcdn.groupScope=true}) runs it in the distribution scope {@code CHANNEL_GROUP}.
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    QuickStart.Options options;
    boolean groupScope = Boolean.getBoolean("mpcdn.groupScope") || List.of(args).contains(GROUP_SCOPE);
    try {
      options = QuickStart.Options.parse(List.of(args).stream().filter(a -> !a.equals(GROUP_SCOPE))
          .toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(QuickStart.Options.USAGE.replace("QuickStart", "QuickStartV2") + " [" + GROUP_SCOPE + "]");
      System.exit(2);
      return;
    }
    ChannelCdnV2 cdn;
    if (options.target() == QuickStart.Options.Target.EMBEDDED) {
      FakeAws aws = FakeAws.create();
      out.println("mediapackage-cdn QuickStartV2, on the embedded default: in-memory MediaPackage v2 and CloudFront");
      out.println("(simulated clock; a distribution takes " + aws.propagationTime().toMinutes() + " minutes to deploy)");
      cdn = aws.channelCdnV2(b -> b.v2Settings(groupScope ? GROUP_SCOPE_SETTINGS : V2CdnSettings.defaults()));
    } else {
      Region region = QuickStart.region(options);
      AwsChannelCdn.V2Builder builder = AwsChannelCdn.v2Builder()
          .mediaPackageRegion(region)
          .v2Settings(groupScope ? GROUP_SCOPE_SETTINGS : V2CdnSettings.defaults())
          .linkLookup(options.cloudFrontTags() ? AwsChannelCdn.LinkLookup.CLOUDFRONT_TAGS
              : AwsChannelCdn.LinkLookup.TAGGING_API);
      options.endpointUrl().ifPresent(endpoint -> builder.endpointOverride(endpoint)
          .credentialsProvider(QuickStart.emulatorCredentials()));
      out.println("mediapackage-cdn QuickStartV2, on " + options.endpointUrl().map(URI::toString)
          .orElse("AWS (MediaPackage v2 in " + region + ", CloudFront in us-east-1)"));
      out.println("This creates a real channel group, channel, endpoints and a distribution, which keep costing until "
          + "you delete them (saving never deletes anything).");
      cdn = builder.build();
    }
    try (cdn) { // closes the SDK clients the builder created
      new QuickStartV2(cdn, out, groupScope).run(options.channelId(), Duration.ofMinutes(30));
    } catch (ProvisioningException e) {
      System.err.println("QuickStartV2 stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Runs the flow for a channel of group {@value #GROUP}; answers the details once
   * {@link V2ChannelDetails#readyForPlayers() ready for players}. Throws the typed error when it cannot get there.
   */
  public V2ChannelDetails run(String channelName, Duration deployTimeout) {
    V2ChannelId id = V2ChannelId.of(GROUP, channelName);
    out.println();
    out.println("1. Save channel group '" + GROUP + "'" + (groupScope ? " with a distribution for the whole group"
        : ""));
    ChannelGroup group = cdn.saveChannelGroup(ChannelGroupSpec.builder().name(GROUP).createDistribution(groupScope)
        .build());
    out.println("   group ARN      " + group.arn());
    out.println("   egress domain  " + group.egressDomain());

    out.println();
    out.println("2. Save channel '" + id + "' with \"Create a CloudFront distribution\"");
    V2ChannelSaveResult channel = cdn.saveChannel(V2ChannelSpec.builder()
        .id(id)
        .description("QuickStartV2 channel")
        .createDistribution(true)
        .build());
    out.println("   channel ARN    " + channel.channel().arn());
    out.println("   CloudFront     " + describe(channel.cdn()));

    out.println();
    out.println("3. Save an HLS, a low-latency HLS and a DASH endpoint; " + (groupScope
        ? "the group's distribution serves them already: each save writes only its endpoint and its policy"
        : "each save adds what the distribution lacks"));
    List<V2EndpointSpec> endpoints = List.of(
        endpoint(id, "hls", ContainerType.TS, ManifestType.HLS),
        endpoint(id, "llhls", ContainerType.CMAF, ManifestType.LOW_LATENCY_HLS),
        endpoint(id, "dash", ContainerType.CMAF, ManifestType.DASH));
    for (V2EndpointSpec spec : endpoints) {
      V2EndpointSaveResult saved = cdn.saveEndpoint(spec);
      out.printf("   %-8s %-15s CloudFront: %s%n", spec.id().endpoint(), spec.manifests().get(0).type(),
          describe(saved.cdn()));
    }

    out.println();
    out.println("4. Channel details, right after saving");
    print(cdn.details(id));

    out.println();
    out.println("5. Waiting until the channel is ready for players: distribution Deployed, every endpoint served (at "
        + "most " + deployTimeout.toMinutes() + " minutes)");
    V2ChannelDetails ready = cdn.awaitDeployed(id, deployTimeout);
    print(ready);
    out.println();
    out.println("Deployed and every endpoint served: you can start using the distribution. Give the CDN URLs above to "
        + "downstream players.");
    return ready;
  }

  private static V2EndpointSpec endpoint(V2ChannelId channel, String name, ContainerType container,
      ManifestType manifest) {
    return V2EndpointSpec.builder()
        .id(channel.endpoint(name))
        .containerType(container)
        .addManifests(Manifest.of(manifest, "index"))
        .startoverWindowSeconds(3600)
        .build();
  }

  private static String describe(CdnOutcome outcome) {
    String id = outcome.distributionId().map(Object::toString).orElse("");
    return switch (outcome.action()) {
      case CREATED -> "created distribution " + id + ", its origin the channel group's egress domain";
      case ADOPTED -> "found distribution " + id + ", created for this channel before";
      case UPDATED -> "updated the distribution with the cache behaviours this endpoint needs";
      case UNCHANGED -> "nothing to add, the distribution " + id + " already serves this";
      case FAILED -> "FAILED: " + outcome.failure().map(Throwable::getMessage).orElse("") + " (save again to retry)";
      default -> outcome.action().toString();
    };
  }

  private void print(V2ChannelDetails details) {
    details.distributionId().ifPresentOrElse(d -> {
      out.println("   Distribution ID  " + d + "   " + details.consoleUrl().orElse(""));
      out.println("   Domain           " + details.domainName().orElse(""));
      out.println("   Status           " + details.status().map(Object::toString).orElse(""));
    }, () -> out.println("   Distribution     none"));
    for (V2ManifestUrl manifest : details.manifests()) {
      String endpoint = manifest.endpoint().endpoint();
      String url = details.notServed().containsKey(endpoint)
          ? "(not served: " + details.notServed().get(endpoint) + ")"
          : manifest.cdnUrl().orElse("(no distribution)");
      out.printf("   %-8s %-15s %s%n", endpoint, manifest.manifest().type(), url);
    }
  }
}
