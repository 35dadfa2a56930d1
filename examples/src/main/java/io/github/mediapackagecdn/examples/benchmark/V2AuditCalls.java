package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings.DistributionScope;
import io.github.mediapackagecdn.testkit.FakeAws;

/**
 * The calls of {@code ChannelCdnV2.audit()} on a fleet of v2 channels in groups of 10 (v2's default quota a group),
 * each with an HLS and a DASH endpoint, saved through the library in either scope: a distribution per channel, or
 * one per group. The audit reads in pages; per channel it reads the channel (GetChannel) and lists its endpoints, and
 * per endpoint of a linked channel its policy.
 */
final class V2AuditCalls {

  /** Channels a group. */
  static final int CHANNELS_PER_GROUP = 10;

  /** One audit's calls and writes, and whether it found the fleet clean. */
  record Audit(int channels, DistributionScope scope, int calls, int writes, int distributions, boolean clean) {}

  private V2AuditCalls() {}

  /** Saves {@code channels} channels (groups {@code g000} on, channels {@code ch0} to {@code ch9}), then audits. */
  static Audit measure(int channels, DistributionScope scope) {
    int groups = (channels + CHANNELS_PER_GROUP - 1) / CHANNELS_PER_GROUP;
    FakeAws aws = FakeAws.builder().quotas(new FakeAws.Quotas(30, 10, channels + 100, CloudFrontQuotas.defaults(),
        new FakeAws.Quotas.V2(groups, CHANNELS_PER_GROUP, 10, 25, 20, 100))).build();
    ChannelCdnV2 cdn = V2Fixtures.channelCdnV2(aws, scope);
    for (int i = 0; i < channels; i++) {
      V2ChannelId channel = V2ChannelId.of(String.format("g%03d", i / CHANNELS_PER_GROUP),
          "ch" + i % CHANNELS_PER_GROUP);
      if (i % CHANNELS_PER_GROUP == 0) { // the facade knows v2's default of 3 groups; the fake holds the fleet's
        aws.channelGroups().createGroup(ChannelGroupSpec.builder().name(channel.group()).build());
      }
      cdn.saveChannel(V2Fixtures.channel(channel));
      cdn.saveEndpoints(V2Fixtures.threeEndpoints(channel).stream()
          .filter(e -> !e.id().endpoint().equals("llhls")).toList());
      if (i % 100 == 99) {
        aws.clearCalls(); // the log of the seeding is not needed, and would only grow
      }
    }
    aws.clearCalls();
    FleetAudit audit = cdn.audit();
    return new Audit(channels, scope, aws.calls().size(), aws.writes().size(), audit.distributionCount(),
        audit.clean());
  }

  /** The table: one row per fleet size (of {@code fleets}), both scopes. */
  static String report(java.util.List<Integer> fleets) {
    Table table = new Table("MediaPackage v2: audit calls for a fleet in groups of 10 channels, 2 endpoints a "
        + "channel", "channels", "CHANNEL scope", "CHANNEL_GROUP scope", "writes", "clean");
    for (int channels : fleets) {
      Audit perChannel = measure(channels, DistributionScope.CHANNEL);
      Audit perGroup = measure(channels, DistributionScope.CHANNEL_GROUP);
      table.row(String.format("%,d", channels), String.format("%,d", perChannel.calls()),
          String.format("%,d", perGroup.calls()), perChannel.writes() + perGroup.writes(),
          perChannel.clean() && perGroup.clean() ? "yes" : "no");
    }
    return table.toString();
  }
}
