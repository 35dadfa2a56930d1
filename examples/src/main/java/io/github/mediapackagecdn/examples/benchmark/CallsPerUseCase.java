package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import io.github.mediapackagecdn.testkit.RecordedCall;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The AWS calls of each use case of the table, for both link lookups, on a fresh fake account: a new channel
 * with a distribution, the first endpoint of that channel, a re-save of that endpoint unchanged, and the channel's
 * details.
 */
final class CallsPerUseCase {

  private static final String CHANNEL = "live-news";

  /** The use cases, in the order they run on one account, with the minimum of calls. */
  enum UseCase {
    /** saveChannel with "Create a CloudFront distribution" on an account without the channel. */
    NEW_CHANNEL("new channel with a distribution", 2),
    /** saveEndpoint of an HLS endpoint, the channel's first. */
    FIRST_ENDPOINT("first endpoint of a channel", 5),
    /** saveEndpoint of the same HLS endpoint again, nothing changed. */
    UNCHANGED_ENDPOINT("re-save of an unchanged endpoint", 3),
    /** details of the channel. */
    CHANNEL_DETAILS("channel details", 4);

    private final String label;
    private final int minimum;

    UseCase(String label, int minimum) {
      this.label = label;
      this.minimum = minimum;
    }

    /** How the README's table names it. */
    String label() {
      return label;
    }

    /** The fewest calls the issue says it can take. */
    int minimum() {
      return minimum;
    }
  }

  /** The calls one use case made, in order. */
  record Calls(List<Operation> operations) {

    /** The calls {@code useCase} makes on {@code aws}, counted from a cleared log. */
    static Calls of(FakeAws aws, Runnable useCase) {
      aws.clearCalls();
      useCase.run();
      return new Calls(aws.calls().stream().map(RecordedCall::operation).toList());
    }

    /** How many calls. */
    int total() {
      return operations.size();
    }

    /** How many of them change something. */
    int writes() {
      return (int) operations.stream().filter(Operation::isWrite).count();
    }

    /** How many of the writes go to CloudFront (each CreateDistribution or UpdateDistribution is a deployment). */
    int cloudFrontWrites() {
      return (int) operations.stream().filter(o -> o.isWrite() && o.service().equals("cloudfront")).count();
    }

    /** The calls by their API names, such as {@code DescribeChannel, GetResources}. */
    @Override
    public String toString() {
      return operations.stream().map(Operation::apiName).collect(Collectors.joining(", "));
    }
  }

  private CallsPerUseCase() {}

  /** Runs the four use cases in order on a fresh account, with {@code lookup}; answers the calls of each. */
  static Map<UseCase, Calls> measure(LinkLookup lookup) {
    FakeAws aws = FakeAws.create();
    ChannelCdn cdn = Fixtures.channelCdn(aws, lookup);
    Map<UseCase, Calls> calls = new EnumMap<>(UseCase.class);
    calls.put(UseCase.NEW_CHANNEL, Calls.of(aws, () -> cdn.saveChannel(Fixtures.channel(CHANNEL))));
    calls.put(UseCase.FIRST_ENDPOINT,
        Calls.of(aws, () -> cdn.saveEndpoint(Fixtures.endpoint(CHANNEL, Packaging.HLS))));
    calls.put(UseCase.UNCHANGED_ENDPOINT,
        Calls.of(aws, () -> cdn.saveEndpoint(Fixtures.endpoint(CHANNEL, Packaging.HLS))));
    calls.put(UseCase.CHANNEL_DETAILS, Calls.of(aws, () -> cdn.details(ChannelId.of(CHANNEL))));
    return calls;
  }

  /** The table of both lookups, and the calls of each use case by name below it. */
  static String report() {
    Map<UseCase, Calls> taggingApi = measure(LinkLookup.TAGGING_API);
    Map<UseCase, Calls> cloudFrontTags = measure(LinkLookup.CLOUDFRONT_TAGS);
    Table table = new Table("AWS calls per use case (writes in brackets), on the fakes",
        "use case", "TAGGING_API", "CLOUDFRONT_TAGS", "issue's minimum");
    for (UseCase useCase : UseCase.values()) {
      table.row(useCase.label(), cell(taggingApi.get(useCase)), cell(cloudFrontTags.get(useCase)),
          useCase.minimum());
    }
    StringBuilder s = new StringBuilder(table.toString()).append('\n');
    for (LinkLookup lookup : LinkLookup.values()) {
      Map<UseCase, Calls> calls = lookup == LinkLookup.TAGGING_API ? taggingApi : cloudFrontTags;
      s.append("The calls with ").append(lookup).append(":\n");
      for (UseCase useCase : UseCase.values()) {
        s.append("- ").append(useCase.label()).append(": ").append(calls.get(useCase)).append('\n');
      }
      s.append('\n');
    }
    return s.toString();
  }

  private static String cell(Calls calls) {
    return calls.total() + " (" + calls.writes() + ")";
  }
}
