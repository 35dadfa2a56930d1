package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings.DistributionScope;
import io.github.mediapackagecdn.examples.benchmark.CallsPerUseCase.Calls;
import io.github.mediapackagecdn.testkit.FakeAws;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS calls of MediaPackage v2's use cases in each distribution scope, on a running fake account
 * ({@link V2Fixtures#running}): the use cases run in order on one account, as a service makes them.
 */
final class V2CallsPerUseCase {

  private static final V2ChannelId NEWS = V2ChannelId.of(V2Fixtures.GROUP, "news");
  private static final V2ChannelId SPORTS = V2ChannelId.of(V2Fixtures.GROUP, "sports");

  /** The use cases, in the order they run on one account. */
  enum UseCase {
    /** saveChannel of {@code live/news} with createDistribution. */
    NEW_CHANNEL("new channel"),
    /** saveEndpoint of its HLS endpoint, the channel's first. */
    NEW_ENDPOINT("new endpoint"),
    /** saveEndpoints of the three endpoints of {@code live/sports}, a channel saved just before (not counted). */
    BATCH_OF_3("batch of 3 new endpoints"),
    /** saveEndpoint of {@code live/news}'s HLS endpoint again, nothing changed. */
    UNCHANGED_ENDPOINT("unchanged endpoint re-saved"),
    /** details of {@code live/news}. */
    DETAILS("details"),
    /** plan of {@code live/news}: what a reconcile would change (nothing). */
    PLAN("plan"),
    /** teardown of {@code live/sports} with deleteDistribution: its endpoints, its distribution if its own, it. */
    TEARDOWN("teardown (deleteDistribution)");

    private final String label;

    UseCase(String label) {
      this.label = label;
    }

    /** How the README's table names it. */
    String label() {
      return label;
    }
  }

  private V2CallsPerUseCase() {}

  /** Runs the use cases in order on a fresh running account in {@code scope}; answers the calls of each. */
  static Map<UseCase, Calls> measure(DistributionScope scope) {
    FakeAws aws = FakeAws.create();
    ChannelCdnV2 cdn = V2Fixtures.running(aws, scope);
    List<V2EndpointSpec> news = V2Fixtures.threeEndpoints(NEWS);
    Map<UseCase, Calls> calls = new EnumMap<>(UseCase.class);
    calls.put(UseCase.NEW_CHANNEL, Calls.of(aws, () -> cdn.saveChannel(V2Fixtures.channel(NEWS))));
    calls.put(UseCase.NEW_ENDPOINT, Calls.of(aws, () -> cdn.saveEndpoint(news.get(0))));
    cdn.saveChannel(V2Fixtures.channel(SPORTS));
    calls.put(UseCase.BATCH_OF_3, Calls.of(aws, () -> cdn.saveEndpoints(V2Fixtures.threeEndpoints(SPORTS))));
    calls.put(UseCase.UNCHANGED_ENDPOINT, Calls.of(aws, () -> cdn.saveEndpoint(news.get(0))));
    calls.put(UseCase.DETAILS, Calls.of(aws, () -> cdn.details(NEWS)));
    calls.put(UseCase.PLAN, Calls.of(aws, () -> cdn.plan(NEWS)));
    calls.put(UseCase.TEARDOWN, Calls.of(aws,
        () -> cdn.teardown(SPORTS, TeardownOptions.builder().deleteDistribution(true).build())));
    return calls;
  }

  /** The table of both scopes: calls (writes, CloudFront writes), and the calls of each use case by name below. */
  static String report() {
    Map<UseCase, Calls> channel = measure(DistributionScope.CHANNEL);
    Map<UseCase, Calls> group = measure(DistributionScope.CHANNEL_GROUP);
    Table table = new Table("MediaPackage v2: AWS calls per use case (writes, of which CloudFront), on the fakes",
        "use case", "CHANNEL scope", "CHANNEL_GROUP scope");
    for (UseCase useCase : UseCase.values()) {
      table.row(useCase.label(), cell(channel.get(useCase)), cell(group.get(useCase)));
    }
    StringBuilder s = new StringBuilder(table.toString()).append('\n');
    for (DistributionScope scope : DistributionScope.values()) {
      Map<UseCase, Calls> calls = scope == DistributionScope.CHANNEL ? channel : group;
      s.append("The calls in ").append(scope).append(" scope:\n");
      for (UseCase useCase : UseCase.values()) {
        s.append("- ").append(useCase.label()).append(": ").append(calls.get(useCase)).append('\n');
      }
      s.append('\n');
    }
    return s.toString();
  }

  /** {@code calls (writes, CloudFront writes)}. */
  static String cell(Calls calls) {
    return calls.total() + " (" + calls.writes() + ", " + calls.cloudFrontWrites() + ")";
  }
}
