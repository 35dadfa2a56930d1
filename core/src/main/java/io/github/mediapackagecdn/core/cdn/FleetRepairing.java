package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The fleet repair, once for both MediaPackage versions: gives each channel an audit found {@code NOT_SERVED} what
 * the side's layout rules own ({@link Packager#repair}: v1's origin, header and behaviours; v2's too, and the endpoint
 * policies' statements), and leaves everything else for a person: orphans, changed link tags, distributions gone,
 * ambiguous links, channels that asked for a distribution and have none, shared policies changed by hand, endpoints
 * a user's behaviour routes elsewhere.
 *
 * <p>The audit may be old: each channel is read again (the {@link Side}'s only part, finding it by its
 * {@link ChannelRef}) and its link resolved again ({@link LinkResolution}) before anything is written; a channel that
 * is gone or whose link changed since is left for a person, one that has everything now is not written. So the same
 * audit, or the {@linkplain RepairResult#remaining() remaining part} of a run that stopped, can be repaired again and
 * never repeats a write.
 *
 * <p>It keeps to {@link RepairOptions#updateInterval()}: after a channel's repair that wrote or failed (a failure may
 * have sent its update), the next waits until the interval has passed, on the builder's clock, with its sleeper. It
 * stops, leaving the rest remaining, when CloudFront throttles it, when {@link RepairOptions#maxUpdates()} is met, or
 * when the thread is interrupted during a wait (its interrupt flag stays set). Public only for the two facades'
 * packages: not API.
 *
 * @param <C> the side's channel, as read
 * @param <E> the side's endpoint, as read
 */
public final class FleetRepairing<C, E> {

  /** The findings a channel's repair answers for: those of a channel it read again are replaced by what remains. */
  private static final Set<AuditFinding.Kind> OWNED = Set.of(AuditFinding.Kind.NOT_SERVED,
      AuditFinding.Kind.ENDPOINT_WITHOUT_CDN_URL, AuditFinding.Kind.ENDPOINT_POLICY_WITHOUT_STATEMENT);

  /**
   * What one MediaPackage side gives the repair: its channel found again by its {@link ChannelRef}, with the side's
   * {@link Packager} for it. Public only for the two facades' packages: not API.
   *
   * @param <C> the side's channel, as read
   * @param <E> the side's endpoint, as read
   */
  public interface Side<C, E> {

    /**
     * Reads the channel {@code ref} names again (only reads): found, or left with why.
     *
     * @throws ProvisioningException when AWS fails a read
     */
    Found<C, E> find(ChannelRef ref);
  }

  /**
   * A channel read again: the channel and the packager that serves it, and what repairs it when it has no distribution
   * of its own linked now ({@code unlinked}, given the audited distribution: empty to leave it, audited again); or,
   * when {@code channel} is empty, why it is left.
   *
   * @param <C> the side's channel, as read
   * @param <E> the side's endpoint, as read
   */
  public record Found<C, E>(Optional<C> channel, Packager<C, E> packager,
      Function<DistributionId, Optional<Repair>> unlinked, String why) {

    /** The channel, served by {@code packager}; one without a linked distribution is left. */
    public static <C, E> Found<C, E> of(C channel, Packager<C, E> packager) {
      return of(channel, packager, audited -> Optional.empty());
    }

    /** The channel, served by {@code packager}; one without a linked distribution is repaired by {@code unlinked}. */
    public static <C, E> Found<C, E> of(C channel, Packager<C, E> packager,
        Function<DistributionId, Optional<Repair>> unlinked) {
      return new Found<>(Optional.of(channel), packager, unlinked, "");
    }

    /** Not found again: left, for a person to see {@code why}. */
    public static <C, E> Found<C, E> left(String why) {
      return new Found<>(Optional.empty(), null, audited -> Optional.empty(), why);
    }
  }

  /**
   * What one channel's repair did: written or not, and the endpoint findings that remain as it read or wrote the
   * channel ({@code ENDPOINT_WITHOUT_CDN_URL}, and for v2 {@code ENDPOINT_POLICY_WITHOUT_STATEMENT}); or left, with
   * why.
   */
  public record Repair(Optional<Boolean> written, List<AuditFinding> stillFound, String why) {

    /** Keeps an unmodifiable copy. */
    public Repair {
      stillFound = List.copyOf(stillFound);
    }

    /** Read again and repaired ({@code written}) or served already; {@code stillFound} what remains. */
    public static Repair done(boolean written, List<AuditFinding> stillFound) {
      return new Repair(Optional.of(written), stillFound, "");
    }

    /** Not repaired: it could not be safely, for a person to see why. */
    public static Repair left(String why) {
      return new Repair(Optional.empty(), List.of(), why);
    }
  }

  private final Side<C, E> side;
  private final LinkResolution<C> links;
  private final Sleeper sleeper;
  private final Listeners listeners;

  /**
   * The repair of {@code side}'s channels, each linked by {@code links}, pausing with {@code sleeper} on the
   * listeners' clock.
   */
  public FleetRepairing(Side<C, E> side, LinkResolution<C> links, Sleeper sleeper, Listeners listeners) {
    this.side = side;
    this.links = links;
    this.sleeper = sleeper;
    this.listeners = listeners;
  }

  /** What became of one channel's {@code NOT_SERVED} finding. */
  private enum Fate {
    REPAIRED, UNCHANGED, LEFT, FAILED, NOT_REACHED
  }

  /**
   * One channel's attempt: its kind; the endpoint findings that remain when it was read or written (for
   * {@code REPAIRED} and {@code UNCHANGED}); why it was left; its failure.
   */
  private record Attempt(Fate kind, List<AuditFinding> stillFound, String why, ProvisioningException failure) {

    static Attempt of(Fate kind) {
      return new Attempt(kind, List.of(), "", null);
    }

    static Attempt left(String why) {
      return new Attempt(Fate.LEFT, List.of(), why, null);
    }

    boolean read() {
      return kind == Fate.REPAIRED || kind == Fate.UNCHANGED;
    }

    boolean remains() {
      return kind == Fate.FAILED || kind == Fate.NOT_REACHED;
    }
  }

  /** Repairs what {@code audit} found that the rules own, at the options' rate. */
  public RepairResult repair(FleetAudit audit, RepairOptions options) {
    Instant start = listeners.now();
    List<AuditFinding> notServed = audit.findings(AuditFinding.Kind.NOT_SERVED);
    listeners.emit(Listeners.fleetEvent(ProvisioningEvent.Step.REPAIR_STARTED).count(notServed.size()));
    Map<ChannelRef, LinkedChannel> linked = new LinkedHashMap<>();
    audit.linked().forEach(l -> linked.put(l.channel(), l));

    Map<ChannelRef, Attempt> attempts = new LinkedHashMap<>();
    Instant lastUpdate = null;
    Duration waited = Duration.ZERO;
    int updates = 0;
    boolean stopped = false;
    for (AuditFinding finding : notServed) {
      ChannelRef channel = finding.channel().orElse(null);
      if (channel == null || attempts.containsKey(channel)) {
        continue; // the audit gives every NOT_SERVED a channel, once
      }
      LinkedChannel audited = linked.get(channel);
      if (audited == null) {
        attempts.put(channel, Attempt.left("the audit does not link the channel to one distribution"));
        continue;
      }
      if (audited.unknown().isPresent()) {
        attempts.put(channel, Attempt.left("the rules cannot say what is missing"));
        continue;
      }
      if (stopped || updates >= options.maxUpdates()) {
        attempts.put(channel, Attempt.of(Fate.NOT_REACHED));
        continue;
      }
      if (lastUpdate != null) {
        Duration pause = Duration.between(listeners.now(), lastUpdate.plus(options.updateInterval()));
        if (!pause.isNegative() && !pause.isZero()) {
          sleeper.sleep(pause);
          waited = waited.plus(pause);
          listeners.emit(Listeners.event(ProvisioningEvent.Step.RATE_WAIT, channel)
              .distributionId(audited.distribution()).operation("UpdateDistribution").duration(pause));
          if (Thread.currentThread().isInterrupted()) {
            stopped = true;
            attempts.put(channel, Attempt.of(Fate.NOT_REACHED));
            continue;
          }
        }
      }
      Instant began = listeners.now();
      Attempt attempt = attempt(channel, audited.distribution());
      attempts.put(channel, attempt);
      if (attempt.kind() == Fate.REPAIRED || attempt.kind() == Fate.FAILED) {
        updates++;
        lastUpdate = listeners.now();
      }
      if (attempt.kind() == Fate.REPAIRED) {
        listeners.emit(Listeners.event(ProvisioningEvent.Step.REPAIRED, channel)
            .distributionId(audited.distribution()).operation("UpdateDistribution").duration(listeners.since(began))
            .detail("the audit found missing " + String.join(", ", audited.missingDescribed())));
      } else if (attempt.kind() == Fate.UNCHANGED) {
        listeners.emit(Listeners.event(ProvisioningEvent.Step.REPAIR_SKIPPED, channel)
            .distributionId(audited.distribution()).detail("served already when read again: nothing written"));
      }
      if (attempt.failure() instanceof ThrottledException) {
        stopped = true; // CloudFront asks to slow down: the rest remains for a later run
      }
    }
    return result(audit, linked, attempts, waited, start);
  }

  /** One channel's repair, its failure caught and told to the listeners. */
  private Attempt attempt(ChannelRef channel, DistributionId audited) {
    try {
      Repair repair = repair(channel, audited);
      return repair.written().map(written -> new Attempt(written ? Fate.REPAIRED : Fate.UNCHANGED,
          repair.stillFound(), "", null)).orElseGet(() -> Attempt.left(repair.why()));
    } catch (ProvisioningException e) {
      listeners.failed(channel, Optional.of(audited), e);
      return new Attempt(Fate.FAILED, List.of(), "", e);
    }
  }

  /**
   * Reads the channel and its link again and, when the link is still {@code audited}, records it on the channel if it
   * needs to be and gives the channel's endpoints what the side's rules own through its packager (the merge of a
   * reconcile); left, with why, when it cannot safely.
   */
  private Repair repair(ChannelRef ref, DistributionId audited) {
    Found<C, E> found = side.find(ref);
    if (found.channel().isEmpty()) {
      return Repair.left(found.why());
    }
    C channel = found.channel().get();
    Optional<DistributionResolver.Resolution> resolved = links.resolveUnlessAmbiguous(channel);
    if (resolved.isEmpty()) {
      return Repair.left("more than one distribution is tagged for the channel now");
    }
    DistributionResolver.Resolution link = resolved.get();
    if (link.id().isEmpty()) {
      Optional<Repair> unlinked = found.unlinked().apply(audited);
      if (unlinked.isPresent()) {
        return unlinked.get();
      }
    }
    if (!link.id().equals(Optional.of(audited))) {
      return Repair.left(link.id().map(id -> "its linked distribution is now " + id)
          .orElse("it has no linked distribution now") + ", not " + audited + " as audited: audit again");
    }
    if (link.needsRecording()) {
      links.record(channel, audited);
    }
    List<E> endpoints = found.packager().endpoints(channel);
    if (endpoints.isEmpty()) {
      return Repair.done(false, List.of());
    }
    Packager.Repaired repaired = found.packager().repair(channel, audited, endpoints);
    return Repair.done(repaired.written(), withoutCdnUrl(ref, audited, repaired.notServed()));
  }

  /** An {@code ENDPOINT_WITHOUT_CDN_URL} finding for each endpoint {@code notServed} names, with why. */
  public static List<AuditFinding> withoutCdnUrl(ChannelRef channel, DistributionId id,
      Map<OriginEndpointId, String> notServed) {
    List<AuditFinding> findings = new ArrayList<>();
    notServed.forEach((endpoint, why) -> findings.add(AuditFinding.builder()
        .kind(AuditFinding.Kind.ENDPOINT_WITHOUT_CDN_URL).channel(channel).addDistributions(id).endpoint(endpoint)
        .detail(why).build()));
    return findings;
  }

  /**
   * The result, with the findings in the audit's order: those of a channel repaired or served already are replaced by
   * the endpoints its distribution still does not serve, those of a channel that failed or was not reached remain,
   * the others are left for a person (each told to the listeners).
   */
  private RepairResult result(FleetAudit audit, Map<ChannelRef, LinkedChannel> linked,
      Map<ChannelRef, Attempt> attempts, Duration waited, Instant start) {
    RepairResult.Builder result = RepairResult.builder().waited(waited);
    List<AuditFinding> left = new ArrayList<>();
    List<AuditFinding> remaining = new ArrayList<>();
    for (AuditFinding finding : audit.findings()) {
      Attempt attempt = finding.channel().map(attempts::get).orElse(null);
      boolean notServed = finding.kind() == AuditFinding.Kind.NOT_SERVED;
      boolean ownedByAttempt = OWNED.contains(finding.kind());
      if (attempt == null || !ownedByAttempt) {
        left.add(finding);
      } else if (attempt.remains()) {
        remaining.add(finding);
      } else if (attempt.read()) {
        if (notServed) {
          left.addAll(attempt.stillFound());
        }
      } else if (notServed) {
        left.add(AuditFinding.builder().from(finding).detail(finding.detail() + "; not repaired: " + attempt.why())
            .build());
      } else {
        left.add(finding);
      }
    }
    attempts.forEach((channel, attempt) -> {
      if (attempt.kind() == Fate.REPAIRED) {
        result.addRepaired(linked.get(channel));
      } else if (attempt.kind() == Fate.UNCHANGED) {
        result.addUnchanged(linked.get(channel));
      } else if (attempt.kind() == Fate.FAILED) {
        result.putFailed(channel, attempt.failure());
      }
    });
    left.forEach(finding -> listeners.emit(skipped(finding)));
    FleetAudit rest = FleetAudit.builder().from(audit)
        .linked(audit.linked().stream().filter(l -> attempts.containsKey(l.channel())
            && attempts.get(l.channel()).remains()).toList())
        .findings(remaining)
        .build();
    RepairResult done = result.leftForPerson(left).remaining(rest).build();
    listeners.emit(Listeners.fleetEvent(ProvisioningEvent.Step.REPAIR_COMPLETED).count(done.repaired().size())
        .duration(listeners.since(start)).detail(done.unchanged().size() + " served already, " + left.size()
            + " left for a person, " + done.failed().size() + " failed, " + remaining.size() + " remaining"));
    return done;
  }

  private static ProvisioningEvent.Builder skipped(AuditFinding finding) {
    ProvisioningEvent.Builder event = Listeners.fleetEvent(ProvisioningEvent.Step.REPAIR_SKIPPED)
        .channel(finding.channel())
        .detail(finding.kind() + ": " + finding.detail());
    finding.distributions().stream().findFirst().ifPresent(event::distributionId);
    finding.endpoint().ifPresent(event::addEndpointIds);
    return event;
  }
}
