package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.cdn.FleetAuditing;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionSummary;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The use case "audit the fleet", v1's side of the engine's {@link FleetAuditing}: every channel and endpoint of the
 * region read in two listings (ListChannels, ListOriginEndpoints, each in pages; never one call per channel), then the
 * engine's GetResources and ListDistributions, and each linked channel judged with v1's rules:
 * {@link DistributionLayout#changesFor} (an empty change set means served) and {@link CdnUrls} (an endpoint's CDN
 * URL). Read-only: it writes nothing.
 *
 * <p>A distribution is judged by the formats its channel's endpoints use, whichever
 * {@link LiveCdnSettings#behaviorLayout()} is set: a behaviour of a format no endpoint uses is never missing. Only
 * link values that are v1 channel ARNs of the audited region are judged as orphans: a distribution tagged for a
 * channel in another region belongs to that region's audit.
 */
final class AuditingFleet implements FleetAuditing.Side<Channel> {

  private final Channels channels;
  private final CdnSettings settings;
  private final Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers;
  /** The settings a distribution is judged with: what its endpoints' formats need, whatever the layout set. */
  private final LiveCdnSettings servingRules;
  /** The endpoints of the last read, by channel; read and judged on one thread, one audit at a time. */
  private Map<ChannelId, List<OriginEndpoint>> endpoints = Map.of();

  AuditingFleet(Channels channels, CdnSettings settings, LiveCdnSettings layout,
      Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers) {
    this.channels = channels;
    this.identifiers = identifiers;
    this.settings = settings;
    this.servingRules = LiveCdnSettings.builder().from(layout)
        .behaviorLayout(LiveCdnSettings.BehaviorLayout.PER_ENDPOINT_FORMAT).build();
  }

  @Override
  public List<Channel> channels(FleetAuditing.Reads reads) {
    List<Channel> fleet = reads.read("ListChannels", channels::everyChannel, List::size);
    endpoints = reads.read("ListOriginEndpoints", channels::everyEndpoint, List::size).stream()
        .collect(Collectors.groupingBy(OriginEndpoint::channelId, LinkedHashMap::new, Collectors.toList()));
    return fleet;
  }

  @Override
  public int endpointCount() {
    return endpoints.values().stream().mapToInt(List::size).sum();
  }

  @Override
  public void forget() {
    endpoints = Map.of();
  }

  @Override
  public LinkedChannel judge(Channel channel, DistributionSummary summary, FleetAuditing.Reads reads,
      Consumer<AuditFinding> findings) {
    List<OriginEndpoint> served = endpoints.getOrDefault(channel.id(), List.of());
    LinkedChannel.Builder linked = LinkedChannel.builder()
        .channel(channel.id().ref()).distribution(summary.id()).endpoints(served.size()).missing(ChangeSet.empty());
    Optional<DistributionConfig> routing = FleetAuditing.routing(summary);
    if (routing.isEmpty()) {
      return linked.unknown("the listing of distribution " + summary.id() + " has no default behaviour").build();
    }
    try {
      linked.missing(DistributionLayout.changesFor(routing.get(), served, settings, servingRules, identifiers));
    } catch (ProvisioningException e) {
      linked.unknown(e.getMessage());
    }
    withoutCdnUrl(channel.id(), summary.id(), served, routing.get()).forEach(findings);
    return linked.build();
  }

  @Override
  public Optional<String> channelRegion(String linkValue) {
    try {
      return Optional.of(ChannelArn.of(linkValue).region());
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }

  /** An {@code ENDPOINT_WITHOUT_CDN_URL} finding for each endpoint the configuration does not route to it. */
  static List<AuditFinding> withoutCdnUrl(ChannelId channel, DistributionId id, List<OriginEndpoint> endpoints,
      DistributionConfig config) {
    List<AuditFinding> findings = new ArrayList<>();
    for (OriginEndpoint endpoint : endpoints) {
      CdnUrls.whyNotServed(endpoint, config).ifPresent(why -> findings.add(AuditFinding.builder()
          .kind(AuditFinding.Kind.ENDPOINT_WITHOUT_CDN_URL).channel(channel.ref()).addDistributions(id)
          .endpoint(endpoint.id()).detail(why).build()));
    }
    return findings;
  }
}
