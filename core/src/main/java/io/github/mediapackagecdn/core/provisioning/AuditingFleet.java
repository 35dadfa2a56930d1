package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.cdn.Listeners;
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
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The use case "audit the fleet": every channel, endpoint, link tag and distribution of the account read in pages
 * (ListChannels, ListOriginEndpoints, GetResources, ListDistributions; never one call per channel), then judged with
 * the rules defined once: {@link LinkTags} (the channel tag, the link value), {@link DistributionLayout#changesFor}
 * (an empty change set means served) and {@link CdnUrls} (an endpoint's CDN URL). Read-only: it writes nothing.
 *
 * <p>The link tags come from the tag index, as far as the library can tell: a distribution created within the
 * visibility timeout may not be indexed yet, and then shows as {@code LINK_TAG_CHANGED} or
 * {@code REQUESTED_BUT_MISSING} until it is. Only link values that are channel ARNs of the audited region are judged
 * as orphans: a distribution tagged for a channel in another region belongs to that region's audit.
 *
 * <p>A distribution is judged by the formats its channel's endpoints use, whichever
 * {@link LiveCdnSettings#behaviorLayout()} is set: a behaviour of a format no endpoint uses is never missing. The
 * listeners hear of each listing read ({@code AUDIT_READ}: operation, time, items) and of the audit's end
 * ({@code AUDIT_COMPLETED}: time, listings read, findings).
 */
final class AuditingFleet {

  /** The listings an audit reads: channels, endpoints, link tags, distributions. */
  static final int READS = 4;

  private final Channels channels;
  private final Distributions distributions;
  private final DistributionLinks links;
  private final LinkTags<Channel> linkTags;
  private final CdnSettings settings;
  private final Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers;
  /** The settings a distribution is judged with: what its endpoints' formats need, whatever the layout set. */
  private final LiveCdnSettings servingRules;
  private final Listeners listeners;

  AuditingFleet(Channels channels, Distributions distributions, DistributionLinks links, LinkTags<Channel> linkTags,
      CdnSettings settings, LiveCdnSettings layout, Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers,
      Listeners listeners) {
    this.channels = channels;
    this.distributions = distributions;
    this.links = links;
    this.linkTags = linkTags;
    this.settings = settings;
    this.identifiers = identifiers;
    this.servingRules = LiveCdnSettings.builder().from(layout)
        .behaviorLayout(LiveCdnSettings.BehaviorLayout.PER_ENDPOINT_FORMAT).build();
    this.listeners = listeners;
  }

  /** The audit of the whole account: four paged reads, each told to the listeners, then the rules. */
  FleetAudit audit() {
    Instant start = listeners.now();
    List<Channel> fleet = read("ListChannels", channels::everyChannel, List::size);
    Map<ChannelId, List<OriginEndpoint>> endpoints = read("ListOriginEndpoints", channels::everyEndpoint, List::size)
        .stream()
        .collect(Collectors.groupingBy(OriginEndpoint::channelId, LinkedHashMap::new, Collectors.toList()));
    Map<String, List<DistributionId>> tagged = read("GetResources", () -> links.all(settings.linkTagKey()),
        t -> t.values().stream().mapToInt(List::size).sum());
    Map<DistributionId, DistributionSummary> listed = new LinkedHashMap<>();
    read("ListDistributions", distributions::list, List::size).forEach(s -> listed.put(s.id(), s));

    Map<DistributionId, String> linkValues = new HashMap<>();
    tagged.forEach((value, ids) -> ids.forEach(id -> linkValues.put(id, value)));
    FleetAudit.Builder audit = FleetAudit.builder()
        .channelCount(fleet.size())
        .endpointCount(endpoints.values().stream().mapToInt(List::size).sum())
        .distributionCount(listed.size());
    for (Channel channel : fleet) {
      List<DistributionId> linked = tagged.getOrDefault(channel.arn().value(), List.of()).stream()
          .filter(listed::containsKey)
          .toList();
      audit(channel, endpoints.getOrDefault(channel.id(), List.of()), linked, listed, linkValues, audit);
    }
    orphans(fleet, tagged, listed, audit);
    FleetAudit done = audit.build();
    listeners.emit(Listeners.fleetEvent(ProvisioningEvent.Step.AUDIT_COMPLETED).count(READS)
        .duration(listeners.since(start)).detail(done.channelCount() + " channels, " + done.distributionCount()
            + " distributions, " + done.findings().size() + " findings"));
    return done;
  }

  /** One paged read of the fleet, timed and told to the listeners with the number of items it held. */
  private <T> T read(String operation, Supplier<T> listing, ToIntFunction<T> items) {
    Instant start = listeners.now();
    T read = listing.get();
    listeners.emit(Listeners.fleetEvent(ProvisioningEvent.Step.AUDIT_READ).operation(operation)
        .duration(listeners.since(start)).count(items.applyAsInt(read)));
    return read;
  }

  private void audit(Channel channel, List<OriginEndpoint> endpoints, List<DistributionId> linked,
      Map<DistributionId, DistributionSummary> listed, Map<DistributionId, String> linkValues,
      FleetAudit.Builder audit) {
    LinkTags.ChannelTag tag = linkTags.channelTag(channel);
    tag.recorded().filter(recorded -> !linked.contains(recorded)).ifPresent(recorded -> audit.addFindings(
        finding(AuditFinding.Kind.LINK_TAG_CHANGED, channel, List.of(recorded),
            "the channel tag " + settings.channelTagKey() + " records it, but "
                + tagNow(recorded, listed, linkValues))));
    if (linked.size() > 1) {
      audit.addFindings(finding(AuditFinding.Kind.AMBIGUOUS_LINK, channel, linked, "all carry the tag "
          + settings.linkTagKey() + "=" + channel.arn().value() + "; " + String.format(LinkTags.ON_SAVE,
          channel.id())));
    } else if (linked.size() == 1) {
      audit.addLinked(linkedChannel(channel, endpoints, listed.get(linked.get(0)), audit));
    } else if (tag.requested() || tag.recorded().isPresent()) {
      audit.addFindings(finding(AuditFinding.Kind.REQUESTED_BUT_MISSING, channel, List.of(),
          "the channel tag " + settings.channelTagKey() + " asks for a distribution, and none carries the tag "
              + settings.linkTagKey() + "=" + channel.arn().value()));
    }
  }

  private LinkedChannel linkedChannel(Channel channel, List<OriginEndpoint> endpoints, DistributionSummary summary,
      FleetAudit.Builder audit) {
    LinkedChannel.Builder linked = LinkedChannel.builder()
        .channel(channel.id()).distribution(summary.id()).endpoints(endpoints.size()).missing(ChangeSet.empty());
    Optional<DistributionConfig> routing = routing(summary);
    if (routing.isEmpty()) {
      return linked.unknown("the listing of distribution " + summary.id() + " has no default behaviour").build();
    }
    try {
      ChangeSet missing = DistributionLayout.changesFor(routing.get(), endpoints, settings, servingRules,
          identifiers);
      linked.missing(missing);
    } catch (ProvisioningException e) {
      linked.unknown(e.getMessage());
    }
    LinkedChannel result = linked.build();
    if (!result.served()) {
      audit.addFindings(finding(AuditFinding.Kind.NOT_SERVED, channel, List.of(summary.id()),
          result.unknown().orElseGet(() -> "missing " + String.join(", ", result.missingDescribed()))));
    }
    audit.addAllFindings(withoutCdnUrl(channel.id(), summary.id(), endpoints, routing.get()));
    return result;
  }

  /** An {@code ENDPOINT_WITHOUT_CDN_URL} finding for each endpoint the configuration does not route to it. */
  static List<AuditFinding> withoutCdnUrl(ChannelId channel, DistributionId id, List<OriginEndpoint> endpoints,
      DistributionConfig config) {
    List<AuditFinding> findings = new ArrayList<>();
    for (OriginEndpoint endpoint : endpoints) {
      CdnUrls.whyNotServed(endpoint, config).ifPresent(why -> findings.add(AuditFinding.builder()
          .kind(AuditFinding.Kind.ENDPOINT_WITHOUT_CDN_URL).channel(channel).addDistributions(id)
          .endpoint(endpoint.id()).detail(why).build()));
    }
    return findings;
  }

  /** Distributions tagged for a channel ARN of the audited region(s) that no listed channel has. */
  private void orphans(List<Channel> fleet, Map<String, List<DistributionId>> tagged,
      Map<DistributionId, DistributionSummary> listed, FleetAudit.Builder audit) {
    Set<String> arns = fleet.stream().map(channel -> channel.arn().value()).collect(Collectors.toSet());
    Set<String> regions = fleet.stream().map(c -> c.arn().region()).collect(Collectors.toSet());
    tagged.forEach((value, ids) -> {
      Optional<ChannelArn> arn = channelArn(value);
      if (arns.contains(value) || arn.isEmpty() || (!regions.isEmpty() && !regions.contains(arn.get().region()))) {
        return;
      }
      List<DistributionId> existing = ids.stream().filter(listed::containsKey).toList();
      if (!existing.isEmpty()) {
        audit.addFindings(AuditFinding.builder().kind(AuditFinding.Kind.ORPHAN).distributions(existing)
            .detail("tagged " + settings.linkTagKey() + "=" + value + ", a channel that no longer exists").build());
      }
    });
  }

  private String tagNow(DistributionId recorded, Map<DistributionId, DistributionSummary> listed,
      Map<DistributionId, String> linkValues) {
    if (!listed.containsKey(recorded)) {
      return "it no longer exists";
    }
    String value = linkValues.get(recorded);
    return value == null
        ? "it no longer carries the tag " + settings.linkTagKey()
        : "its tag " + settings.linkTagKey() + " now names " + value;
  }

  /** The listed origins and behaviours as a configuration for the layout rules (a listing has no CallerReference). */
  private static Optional<DistributionConfig> routing(DistributionSummary summary) {
    return summary.defaultBehavior().map(defaultBehavior -> DistributionConfig.builder()
        .callerReference("")
        .comment(summary.comment())
        .enabled(summary.enabled())
        .origins(summary.origins())
        .defaultBehavior(defaultBehavior)
        .cacheBehaviors(summary.cacheBehaviors())
        .build());
  }

  private static Optional<ChannelArn> channelArn(String value) {
    try {
      return Optional.of(ChannelArn.of(value));
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }

  private static AuditFinding finding(AuditFinding.Kind kind, Channel channel, List<DistributionId> ids,
      String detail) {
    return AuditFinding.builder().kind(kind).channel(channel.id()).distributions(ids).detail(detail).build();
  }
}
