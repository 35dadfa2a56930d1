package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fleet repair, once for both MediaPackage versions: gives each channel an audit found {@code NOT_SERVED} what
 * the side's layout rules own ({@link Side#repair}: v1's origin, header and behaviours; v2's too, and the endpoint
 * policies' statements), and leaves everything else for a person: orphans, changed link tags, distributions gone,
 * ambiguous links, channels that asked for a distribution and have none, shared policies changed by hand, endpoints
 * a user's behaviour routes elsewhere.
 *
 * <p>The audit may be old: the side reads each channel and its link again before anything is written; a channel that
 * is gone or whose link changed since is left for a person, one that has everything now is not written. So the same
 * audit, or the {@linkplain RepairResult#remaining() remaining part} of a run that stopped, can be repaired again and
 * never repeats a write.
 *
 * <p>It keeps to {@link RepairOptions#updateInterval()}: after a channel's repair that wrote or failed (a failure may
 * have sent its update), the next waits until the interval has passed, on the builder's clock, with its sleeper. It
 * stops, leaving the rest remaining, when CloudFront throttles it, when {@link RepairOptions#maxUpdates()} is met, or
 * when the thread is interrupted during a wait (its interrupt flag stays set). Public only for the two facades'
 * packages: not API.
 */
public final class FleetRepairing {

  /** The findings a channel's repair answers for: those of a channel it read again are replaced by what remains. */
  private static final Set<AuditFinding.Kind> OWNED = Set.of(AuditFinding.Kind.NOT_SERVED,
      AuditFinding.Kind.ENDPOINT_WITHOUT_CDN_URL, AuditFinding.Kind.ENDPOINT_POLICY_WITHOUT_STATEMENT);

  /** What one MediaPackage side gives the repair: one channel's repair. */
  public interface Side {

    /**
     * Reads the channel and its link again and, when the link is still {@code audited}, gives the channel what the
     * side's rules own, through the merge of a reconcile; left, with why, when it cannot safely.
     *
     * @throws ProvisioningException when AWS fails a step
     */
    Repair repair(ChannelRef channel, DistributionId audited);
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

  private final Side side;
  private final Sleeper sleeper;
  private final Listeners listeners;

  /** The repair of {@code side}'s channels, pausing with {@code sleeper} on the listeners' clock. */
  public FleetRepairing(Side side, Sleeper sleeper, Listeners listeners) {
    this.side = side;
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

  /** The side's repair of one channel, its failure caught and told to the listeners. */
  private Attempt attempt(ChannelRef channel, DistributionId audited) {
    try {
      Repair repair = side.repair(channel, audited);
      return repair.written().map(written -> new Attempt(written ? Fate.REPAIRED : Fate.UNCHANGED,
          repair.stillFound(), "", null)).orElseGet(() -> Attempt.left(repair.why()));
    } catch (ProvisioningException e) {
      listeners.failed(channel, Optional.of(audited), e);
      return new Attempt(Fate.FAILED, List.of(), "", e);
    }
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
