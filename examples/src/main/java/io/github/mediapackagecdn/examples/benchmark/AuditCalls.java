package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import io.github.mediapackagecdn.testkit.SampleDistributions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The calls of {@code ChannelCdn.audit()} on a fleet of channels with four endpoints each (HLS, DASH, CMAF, MSS) and
 * a distribution each, seeded on a fake account whose quotas hold them. The audit reads in pages,
 * never per channel; with the CLOUDFRONT_TAGS lookup, the link tags cost one ListTagsForResource per distribution.
 */
final class AuditCalls {

  /** The operations an audit makes, in the table's column order. */
  static final List<Operation> READS = List.of(Operation.LIST_CHANNELS, Operation.LIST_ORIGIN_ENDPOINTS,
      Operation.GET_RESOURCES, Operation.LIST_DISTRIBUTIONS, Operation.LIST_TAGS_FOR_RESOURCE);

  /** The fleet sizes of the program; the tests run the first three, {@code --quick} only those. */
  static final List<Integer> FLEETS = List.of(10, 100, 1_000, 10_000);

  /** One audit's calls, by operation, and whether it found the fleet clean. */
  record Audit(int channels, LinkLookup lookup, Map<Operation, Integer> calls, int writes, boolean clean) {

    /** Every call of the audit. */
    int total() {
      return calls.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** A seeded fleet: the account, and how many channels it holds. */
  record Fleet(FakeAws aws, int channels) {}

  private AuditCalls() {}

  /**
   * {@code channels} channels named {@code live-00000} on, each with four endpoints and a distribution serving them,
   * written through the fakes' own API as the library writes them ({@link SampleDistributions}): seeding through the
   * library itself, as the audit's tests do for 1,000 channels, would make every save's tag lookup scan the
   * account's distributions.
   */
  static Fleet seed(int channels) {
    FakeAws aws = Fixtures.accountFor(channels);
    for (int i = 0; i < channels; i++) {
      String id = String.format("live-%05d", i);
      Channel channel = aws.channels().create(Fixtures.channel(id));
      DistributionConfig config = SampleDistributions.newChannelDistribution(channel.id(), "seed-" + id);
      for (EndpointSpec endpoint : Fixtures.everyFormat(id)) {
        config = SampleDistributions.endpointChanges(config, aws.channels().createEndpoint(endpoint)).applyTo(config);
      }
      Distribution distribution = aws.distributions().create(config,
          Map.of(CdnSettings.LINK_TAG_KEY, channel.arn().value()));
      aws.channels().tag(channel.arn(), Map.of(CdnSettings.CHANNEL_TAG_KEY, distribution.id().value()));
      if (i % 100 == 99) {
        aws.clearCalls(); // the log of the seeding is not needed, and would only grow
      }
    }
    aws.clearCalls();
    return new Fleet(aws, channels);
  }

  /** Audits the fleet with {@code lookup}; answers the calls it made. */
  static Audit measure(Fleet fleet, LinkLookup lookup) {
    FakeAws aws = fleet.aws();
    ChannelCdn cdn = Fixtures.channelCdn(aws, lookup);
    aws.clearCalls();
    FleetAudit audit = cdn.audit();
    Map<Operation, Integer> calls = new EnumMap<>(Operation.class);
    aws.calls().forEach(call -> calls.merge(call.operation(), 1, Integer::sum));
    int writes = aws.writes().size();
    aws.clearCalls();
    return new Audit(fleet.channels(), lookup, calls, writes, audit.clean());
  }

  /** The table, one row per fleet size (of {@code fleets}) and lookup. */
  static String report(List<Integer> fleets) {
    Table table = new Table("Audit calls for a fleet of channels with 4 endpoints and a distribution each",
        "channels", "endpoints", "lookup", "ListChannels", "ListOriginEndpoints", "GetResources",
        "ListDistributions", "ListTagsForResource", "calls", "writes", "clean");
    for (int channels : fleets) {
      Fleet fleet = seed(channels);
      for (LinkLookup lookup : LinkLookup.values()) {
        Audit audit = measure(fleet, lookup);
        table.row(String.format("%,d", channels), String.format("%,d", channels * 4), lookup,
            count(audit, Operation.LIST_CHANNELS), count(audit, Operation.LIST_ORIGIN_ENDPOINTS),
            count(audit, Operation.GET_RESOURCES), count(audit, Operation.LIST_DISTRIBUTIONS),
            count(audit, Operation.LIST_TAGS_FOR_RESOURCE), String.format("%,d", audit.total()), audit.writes(),
            audit.clean() ? "yes" : "no");
      }
    }
    return table.toString();
  }

  private static String count(Audit audit, Operation operation) {
    return String.format("%,d", audit.calls().getOrDefault(operation, 0));
  }
}
