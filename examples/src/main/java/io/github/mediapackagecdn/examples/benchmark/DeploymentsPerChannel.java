package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CloudFront deployments of one channel saved with its four formats (HLS, DASH, CMAF, MSS): the
 * CreateDistributionWithTags of the channel save and each UpdateDistribution after it, each of which CloudFront
 * deploys for minutes. One row per way of saving and {@link LiveCdnSettings#behaviorLayout() behaviour layout}.
 */
final class DeploymentsPerChannel {

  private static final String CHANNEL = "live-news";

  /** A way of saving the four endpoints, with the behaviour layout of the {@link ChannelCdn} that saves them. */
  record Scenario(boolean batch, LiveCdnSettings.BehaviorLayout layout) {

    /** How the table names the way of saving. */
    String saving() {
      return batch ? "one batch (saveEndpoints)" : "endpoint by endpoint";
    }
  }

  /** The deployments one scenario made. */
  record Deployments(int creates, int updates) {

    /** Every deployment: the create and the updates. */
    int total() {
      return creates + updates;
    }
  }

  /** The rows: each behaviour layout (the default first), endpoint by endpoint and then in one batch. */
  static final List<Scenario> SCENARIOS = Stream.of(LiveCdnSettings.BehaviorLayout.values())
      .sorted(Comparator.comparing(layout -> layout != LiveCdnSettings.defaults().behaviorLayout()))
      .flatMap(layout -> Stream.of(new Scenario(false, layout), new Scenario(true, layout)))
      .toList();

  private DeploymentsPerChannel() {}

  /** Saves the channel and its four endpoints as {@code scenario} says, on a fresh account; counts deployments. */
  static Deployments measure(Scenario scenario) {
    FakeAws aws = FakeAws.create();
    ChannelCdn cdn = Fixtures.channelCdn(aws, LinkLookup.TAGGING_API, builder -> builder.layoutSettings(
        LiveCdnSettings.builder().behaviorLayout(scenario.layout()).build()));
    cdn.saveChannel(Fixtures.channel(CHANNEL));
    List<EndpointSpec> endpoints = Fixtures.everyFormat(CHANNEL);
    if (scenario.batch()) {
      cdn.saveEndpoints(endpoints);
    } else {
      endpoints.forEach(cdn::saveEndpoint);
    }
    return new Deployments(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS).size(),
        aws.calls(Operation.UPDATE_DISTRIBUTION).size());
  }

  /** The table, one row per scenario. */
  static String report() {
    Table table = new Table("Deployments per channel: a channel saved with HLS, DASH, CMAF and MSS endpoints",
        "saving the endpoints", "behaviorLayout", "CreateDistribution", "UpdateDistribution", "deployments");
    for (Scenario scenario : SCENARIOS) {
      Deployments deployments = measure(scenario);
      String layout = scenario.layout() + (scenario.layout() == LiveCdnSettings.defaults().behaviorLayout()
          ? " (default, as the console)" : "");
      table.row(scenario.saving(), layout, deployments.creates(), deployments.updates(),
          deployments.total());
    }
    return table.toString();
  }
}
