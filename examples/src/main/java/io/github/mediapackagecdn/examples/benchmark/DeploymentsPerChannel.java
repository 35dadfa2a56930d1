package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.util.List;
import java.util.function.Consumer;

/**
 * The CloudFront deployments of one channel saved with its four formats (HLS, DASH, CMAF, MSS): the
 * CreateDistributionWithTags of the channel save and each UpdateDistribution after it, each of which CloudFront
 * deploys for minutes. One row per way of saving and layout setting.
 */
final class DeploymentsPerChannel {

  private static final String CHANNEL = "live-news";

  /** A way of saving the four endpoints, with the settings of the {@link ChannelCdn} that saves them. */
  record Scenario(String saving, String layout, boolean batch, Consumer<ChannelCdn.Builder> settings) {}

  /** The deployments one scenario made. */
  record Deployments(int creates, int updates) {

    /** Every deployment: the create and the updates. */
    int total() {
      return creates + updates;
    }
  }

  /** The rows: the four formats endpoint by endpoint and in one batch, with the default layout. */
  static final List<Scenario> SCENARIOS = List.of(
      new Scenario("endpoint by endpoint", "default (as the console)", false, builder -> {}),
      new Scenario("one batch (saveEndpoints)", "default (as the console)", true, builder -> {}));

  private DeploymentsPerChannel() {}

  /** Saves the channel and its four endpoints as {@code scenario} says, on a fresh account; counts deployments. */
  static Deployments measure(Scenario scenario) {
    FakeAws aws = FakeAws.create();
    ChannelCdn cdn = Fixtures.channelCdn(aws, LinkLookup.TAGGING_API, scenario.settings());
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
        "saving the endpoints", "layout", "CreateDistribution", "UpdateDistribution", "deployments");
    for (Scenario scenario : SCENARIOS) {
      Deployments deployments = measure(scenario);
      table.row(scenario.saving(), scenario.layout(), deployments.creates(), deployments.updates(),
          deployments.total());
    }
    return table.toString();
  }
}
