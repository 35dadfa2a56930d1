package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionSummary;
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
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The fleet audit, once for both MediaPackage versions: the side reads its channels (and what it judges them by) in
 * pages, then the engine reads every link tag (GetResources) and every distribution (ListDistributions) in pages and
 * judges the links with the rules of {@link LinkTags}: a recorded distribution that is gone ({@code DISTRIBUTION_GONE})
 * or no longer tagged for the channel ({@code LINK_TAG_CHANGED}), two tagged for one channel
 * ({@code AMBIGUOUS_LINK}), none for a channel that asked for one ({@code REQUESTED_BUT_MISSING}), one tagged for a
 * channel of the side's audited Regions that no longer exists ({@code ORPHAN}). A channel with exactly one linked
 * distribution is judged by the side ({@link Side#judge}: what its layout rules say is missing), then the side adds
 * the findings of the whole account. Read-only: it writes nothing. Each listing is told to the listeners
 * ({@code AUDIT_READ}: operation, time, items), then the end ({@code AUDIT_COMPLETED}: time, listings read, findings).
 *
 * <p>The link tags come from the tag index, as far as the library can tell: a distribution created within the
 * visibility timeout may not be indexed yet, and then shows as {@code LINK_TAG_CHANGED} or
 * {@code REQUESTED_BUT_MISSING} until it is. Public only for the two facades' packages: not API.
 *
 * @param <C> the side's channel, as read
 */
public final class FleetAuditing<C> {

  /** What one MediaPackage side gives the audit: its reads, its layout rules, its findings. */
  public interface Side<C> {

    /**
     * Every channel of the region, read in pages with what {@link #judge} needs of them later (their endpoints),
     * each listing through {@code reads}.
     */
    List<C> channels(Reads reads);

    /** How many endpoints the channels {@link #channels} read have. */
    int endpointCount();

    /** Drops what the audit read for its judging, once it is done (or failed). */
    void forget();

    /**
     * The channel with its one linked distribution, as listed: what the distribution (and for v2, each endpoint's
     * policy) lacks by the side's rules; every finding of its endpoints goes to {@code findings}, the channel's own
     * {@code NOT_SERVED} is the engine's.
     */
    LinkedChannel judge(C channel, DistributionSummary distribution, Reads reads, Consumer<AuditFinding> findings);

    /**
     * The findings of the whole account, no one channel's (v2: a shared policy changed by hand); none by default, and
     * for v1.
     */
    default List<AuditFinding> accountFindings(Reads reads) {
      return List.of();
    }

    /** The Region of {@code linkValue} when it is a channel ARN of this side; empty for any other value. */
    Optional<String> channelRegion(String linkValue);

    /**
     * For a channel with no distribution of its own (or moved to its group's): the link value of the distribution its
     * group shares, when the group asked for one (v2's distribution scope per channel group); empty otherwise, and
     * always for v1.
     */
    default Optional<String> sharedLinkValue(C channel, Reads reads) {
      return Optional.empty();
    }

    /** {@link #judge} for a channel served by the distribution its group shares, by the group's layout. */
    default LinkedChannel judgeShared(C channel, DistributionSummary distribution, Reads reads,
        Consumer<AuditFinding> findings) {
      return judge(channel, distribution, reads, findings);
    }
  }

  /** The audit's reads: each one timed, counted, and told to the listeners. */
  public static final class Reads {

    private final Listeners listeners;
    private int count;

    Reads(Listeners listeners) {
      this.listeners = listeners;
    }

    /**
     * One read of the fleet (a listing in pages, or a read repeated per group, channel or endpoint), timed and told to
     * the listeners ({@code AUDIT_READ}) with the number of items it held.
     */
    public <T> T read(String operation, Supplier<T> listing, ToIntFunction<T> items) {
      Instant start = listeners.now();
      T read = listing.get();
      count++;
      listeners.emit(Listeners.fleetEvent(ProvisioningEvent.Step.AUDIT_READ).operation(operation)
          .duration(listeners.since(start)).count(items.applyAsInt(read)));
      return read;
    }
  }

  private final Side<C> side;
  private final LinkTags<C> linkTags;
  private final Distributions distributions;
  private final DistributionLinks links;
  private final String linkTagKey;
  private final String channelTagKey;
  private final Listeners listeners;

  /** The audit of {@code side}'s channels, linked by {@code linkTags} (under their two keys). */
  public FleetAuditing(Side<C> side, LinkTags<C> linkTags, Distributions distributions, DistributionLinks links,
      Listeners listeners) {
    this.side = side;
    this.linkTags = linkTags;
    this.distributions = distributions;
    this.links = links;
    this.linkTagKey = linkTags.linkTagKey();
    this.channelTagKey = linkTags.channelTagKey();
    this.listeners = listeners;
  }

  /**
   * The audit of the whole account: the side's reads, the link tags, the distributions, then the rules; one audit at a
   * time, the side's reads dropped after it.
   */
  public synchronized FleetAudit audit() {
    try {
      return auditOnce();
    } finally {
      side.forget();
    }
  }

  private FleetAudit auditOnce() {
    Instant start = listeners.now();
    Reads reads = new Reads(listeners);
    List<C> fleet = side.channels(reads);
    Map<String, List<DistributionId>> tagged = reads.read("GetResources", () -> links.all(linkTagKey),
        t -> t.values().stream().mapToInt(List::size).sum());
    Map<DistributionId, DistributionSummary> listed = new LinkedHashMap<>();
    reads.read("ListDistributions", distributions::list, List::size).forEach(s -> listed.put(s.id(), s));

    Map<DistributionId, String> linkValues = new HashMap<>();
    tagged.forEach((value, ids) -> ids.forEach(id -> linkValues.put(id, value)));
    FleetAudit.Builder audit = FleetAudit.builder()
        .channelCount(fleet.size())
        .endpointCount(side.endpointCount())
        .distributionCount(listed.size());
    for (C channel : fleet) {
      List<DistributionId> linked = tagged.getOrDefault(linkTags.linkValue(channel), List.of()).stream()
          .filter(listed::containsKey)
          .toList();
      audit(channel, linked, listed, linkValues, tagged, reads, audit);
    }
    orphans(fleet, tagged, listed, audit);
    audit.addAllFindings(side.accountFindings(reads));
    FleetAudit done = audit.build();
    listeners.emit(Listeners.fleetEvent(ProvisioningEvent.Step.AUDIT_COMPLETED).count(reads.count)
        .duration(listeners.since(start)).detail(done.channelCount() + " channels, " + done.distributionCount()
            + " distributions, " + done.findings().size() + " findings"));
    return done;
  }

  private void audit(C channel, List<DistributionId> linked, Map<DistributionId, DistributionSummary> listed,
      Map<DistributionId, String> linkValues, Map<String, List<DistributionId>> tagged, Reads reads,
      FleetAudit.Builder audit) {
    LinkTags.ChannelTag tag = linkTags.channelTag(channel);
    ChannelRef ref = linkTags.ref(channel);
    boolean byGroup = linkTags.servedByGroup(channel); // a distribution still linked to it is no longer its own
    if (byGroup || (linked.isEmpty() && !tag.requested() && tag.recorded().isEmpty())) {
      Optional<String> shared = side.sharedLinkValue(channel, reads);
      if (shared.isPresent()) {
        List<DistributionId> served = tagged.getOrDefault(shared.get(), List.of()).stream()
            .filter(listed::containsKey).toList();
        judge(channel, ref, served, listed, reads, audit, true);
        return;
      }
    }
    tag.recorded().filter(recorded -> !linked.contains(recorded)).ifPresent(recorded -> audit.addFindings(
        listed.containsKey(recorded)
            ? finding(AuditFinding.Kind.LINK_TAG_CHANGED, ref, List.of(recorded), "the channel tag " + channelTagKey
                + " records it, but " + tagNow(recorded, linkValues))
            : finding(AuditFinding.Kind.DISTRIBUTION_GONE, ref, List.of(recorded), "the channel tag " + channelTagKey
                + " records it, but it no longer exists")));
    if (!linked.isEmpty()) {
      judge(channel, ref, linked, listed, reads, audit, false);
    } else if (tag.requested() || tag.recorded().isPresent()) {
      audit.addFindings(finding(AuditFinding.Kind.REQUESTED_BUT_MISSING, ref, List.of(),
          "the channel tag " + channelTagKey + " asks for a distribution, and none carries the tag "
              + linkTagKey + "=" + linkTags.linkValue(channel)));
    }
  }

  /**
   * Judges the channel by its one linked distribution ({@code shared}: its group's); two are {@code AMBIGUOUS_LINK},
   * none (only when shared) {@code GROUP_DISTRIBUTION_GONE}.
   */
  private void judge(C channel, ChannelRef ref, List<DistributionId> linked,
      Map<DistributionId, DistributionSummary> listed, Reads reads, FleetAudit.Builder audit, boolean shared) {
    if (linked.size() > 1) {
      audit.addFindings(finding(AuditFinding.Kind.AMBIGUOUS_LINK, ref, linked, "all carry the tag " + linkTagKey
          + "=" + (shared ? "its group's ARN" : linkTags.linkValue(channel)) + "; "
          + String.format(LinkTags.ON_SAVE, ref)));
    } else if (linked.isEmpty()) {
      audit.addFindings(finding(AuditFinding.Kind.GROUP_DISTRIBUTION_GONE, ref, List.of(), "its group asked for a"
          + " distribution, and none carries the group's tag " + linkTagKey + ": save the group with"
          + " createDistribution again"));
    } else {
      DistributionSummary summary = listed.get(linked.get(0));
      List<AuditFinding> endpointFindings = new ArrayList<>();
      LinkedChannel judged = shared ? side.judgeShared(channel, summary, reads, endpointFindings::add)
          : side.judge(channel, summary, reads, endpointFindings::add);
      audit.addLinked(judged);
      if (!judged.served()) {
        audit.addFindings(finding(AuditFinding.Kind.NOT_SERVED, ref, List.of(summary.id()),
            judged.unknown().orElseGet(() -> "missing " + String.join(", ", judged.missingDescribed()))));
      }
      audit.addAllFindings(endpointFindings);
    }
  }

  /** Distributions tagged for a channel ARN of the side in the audited Regions that no channel read has. */
  private void orphans(List<C> fleet, Map<String, List<DistributionId>> tagged,
      Map<DistributionId, DistributionSummary> listed, FleetAudit.Builder audit) {
    Set<String> arns = fleet.stream().map(linkTags::linkValue).collect(Collectors.toSet());
    Set<String> regions = fleet.stream().map(linkTags::linkValue).map(side::channelRegion).flatMap(Optional::stream)
        .collect(Collectors.toSet());
    tagged.forEach((value, ids) -> {
      Optional<String> region = side.channelRegion(value);
      if (arns.contains(value) || region.isEmpty() || (!regions.isEmpty() && !regions.contains(region.get()))) {
        return;
      }
      List<DistributionId> existing = ids.stream().filter(listed::containsKey).toList();
      if (!existing.isEmpty()) {
        audit.addFindings(AuditFinding.builder().kind(AuditFinding.Kind.ORPHAN).distributions(existing)
            .detail("tagged " + linkTagKey + "=" + value + ", a channel that no longer exists").build());
      }
    });
  }

  private String tagNow(DistributionId recorded, Map<DistributionId, String> linkValues) {
    String value = linkValues.get(recorded);
    return value == null
        ? "it no longer carries the tag " + linkTagKey
        : "its tag " + linkTagKey + " now names " + value;
  }

  /**
   * The listed origins and behaviours of a distribution as a configuration for the layout rules (a listing has no
   * CallerReference); empty when the listing has no default behaviour.
   */
  public static Optional<DistributionConfig> routing(DistributionSummary summary) {
    return summary.defaultBehavior().map(defaultBehavior -> DistributionConfig.builder()
        .callerReference("")
        .comment(summary.comment())
        .enabled(summary.enabled())
        .origins(summary.origins())
        .defaultBehavior(defaultBehavior)
        .cacheBehaviors(summary.cacheBehaviors())
        .build());
  }

  private static AuditFinding finding(AuditFinding.Kind kind, ChannelRef channel, List<DistributionId> ids,
      String detail) {
    return AuditFinding.builder().kind(kind).channel(channel).distributions(ids).detail(detail).build();
  }
}
