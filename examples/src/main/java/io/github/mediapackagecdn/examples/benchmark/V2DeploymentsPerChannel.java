package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings.DistributionScope;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * MediaPackage v2: the CloudFront deployments of a new channel saved with three endpoints (HLS, low-latency HLS,
 * DASH) on a running account ({@link V2Fixtures#running}), and the fake clock's time from the channel's save until
 * {@code awaitDeployed} answers it ready for players (the fake deploys {@link FakeAws#propagationTime()} after a
 * write; the wait reads once a minute). One row per scope and way of saving.
 */
final class V2DeploymentsPerChannel {

  private static final V2ChannelId NEWS = V2ChannelId.of(V2Fixtures.GROUP, "news");

  /** A scope, and whether the three endpoints are saved in one batch. */
  record Scenario(DistributionScope scope, boolean batch) {

    /** How the table names the way of saving. */
    String saving() {
      return batch ? "one batch (saveEndpoints)" : "one by one";
    }
  }

  /** What one scenario cost: CloudFront's deployments, its writes in all, and the time until ready for players. */
  record Deployments(int creates, int updates, int cloudFrontWrites, Duration toReady) {

    /** Every deployment: the creates and the updates. */
    int total() {
      return creates + updates;
    }
  }

  /** The rows: each scope (the default first), one by one and then in one batch. */
  static final List<Scenario> SCENARIOS = Stream.of(DistributionScope.CHANNEL, DistributionScope.CHANNEL_GROUP)
      .flatMap(scope -> Stream.of(new Scenario(scope, false), new Scenario(scope, true)))
      .toList();

  private V2DeploymentsPerChannel() {}

  /** Saves the channel and its three endpoints as {@code scenario} says, then waits until ready for players. */
  static Deployments measure(Scenario scenario) {
    FakeAws aws = FakeAws.create();
    ChannelCdnV2 cdn = V2Fixtures.running(aws, scenario.scope());
    Instant saved = aws.clock().instant();
    cdn.saveChannel(V2Fixtures.channel(NEWS));
    List<V2EndpointSpec> endpoints = V2Fixtures.threeEndpoints(NEWS);
    if (scenario.batch()) {
      cdn.saveEndpoints(endpoints);
    } else {
      endpoints.forEach(cdn::saveEndpoint);
    }
    int cloudFrontWrites = (int) aws.writes().stream().filter(c -> c.operation().service().equals("cloudfront"))
        .count();
    if (!cdn.awaitDeployed(NEWS, Duration.ofMinutes(30)).readyForPlayers()) {
      throw new IllegalStateException("not ready for players after the wait");
    }
    return new Deployments(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS).size(),
        aws.calls(Operation.UPDATE_DISTRIBUTION).size(), cloudFrontWrites,
        Duration.between(saved, aws.clock().instant()));
  }

  /** The table, one row per scenario. */
  static String report() {
    Table table = new Table("MediaPackage v2: deployments per new channel with HLS, LL-HLS and DASH endpoints, "
        + "on a running account", "scope", "saving the endpoints", "CreateDistribution", "UpdateDistribution",
        "CloudFront writes", "deployments", "save to ready for players (fake clock)");
    for (Scenario scenario : SCENARIOS) {
      Deployments deployments = measure(scenario);
      table.row(scenario.scope() + (scenario.scope() == DistributionScope.CHANNEL ? " (default)" : ""),
          scenario.saving(), deployments.creates(), deployments.updates(), deployments.cloudFrontWrites(),
          deployments.total(), minutes(deployments.toReady()));
    }
    return table.toString();
  }

  /** {@code 6 min}, {@code 0 s}, {@code 90 s}. */
  static String minutes(Duration duration) {
    return duration.toSecondsPart() == 0 && !duration.isZero() ? duration.toMinutes() + " min"
        : duration.toSeconds() + " s";
  }
}
