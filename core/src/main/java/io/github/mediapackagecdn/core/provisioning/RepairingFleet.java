package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The use case "repair the fleet": gives each channel an audit found {@code NOT_SERVED} what the layout rules own
 * (origin, header, behaviours, default behaviour), through the same read, merge, write of its distribution's updater
 * as a reconcile, and leaves everything else for a person: orphans, changed link tags, ambiguous links, channels that
 * asked for a distribution and have none, endpoints a user's behaviour routes elsewhere.
 *
 * <p>The audit may be old: each channel is read again, and its link resolved again, before anything is written; a
 * channel that is gone or whose link changed since is left for a person, one whose distribution has everything now is
 * not written. So the same audit, or the {@linkplain RepairResult#remaining() remaining part} of a run that stopped,
 * can be repaired again and never repeats a write.
 *
 * <p>It keeps to {@link RepairOptions#updateInterval()}: after a channel's repair that wrote or failed (a failure may
 * have sent its update), the next waits until the interval has passed, on the builder's clock, with its sleeper. It
 * stops, leaving the rest remaining, when CloudFront throttles it, when {@link RepairOptions#maxUpdates()} is met, or
 * when the thread is interrupted during a wait (its interrupt flag stays set).
 */
final class RepairingFleet {

  private final Channels channels;
  private final LinkResolution<Channel> links;
  private final DistributionUpdaters<List<OriginEndpoint>> updaters;
  private final Sleeper sleeper;
  private final Listeners listeners;

  RepairingFleet(Channels channels, LinkResolution<Channel> links,
      DistributionUpdaters<List<OriginEndpoint>> updaters, Sleeper sleeper, Listeners listeners) {
    this.channels = channels;
    this.links = links;
    this.updaters = updaters;
    this.sleeper = sleeper;
    this.listeners = listeners;
  }

  /** What became of one channel's {@code NOT_SERVED} finding. */
  private enum Fate {
    REPAIRED, UNCHANGED, LEFT, FAILED, NOT_REACHED
  }

  /**
   * One channel's attempt: its kind; the endpoints its distribution still does not serve when it was read or written
   * (for {@code REPAIRED} and {@code UNCHANGED}); why it was left; its failure.
   */
  private record Attempt(Fate kind, List<AuditFinding> withoutCdnUrl, String why, ProvisioningException failure) {

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
  RepairResult repair(FleetAudit audit, RepairOptions options) {
    Instant start = listeners.now();
    List<AuditFinding> notServed = audit.findings(AuditFinding.Kind.NOT_SERVED);
    listeners.emit(Listeners.fleetEvent(ProvisioningEvent.Step.REPAIR_STARTED).count(notServed.size()));
    Map<ChannelId, LinkedChannel> linked = new LinkedHashMap<>();
    audit.linked().forEach(l -> linked.put(l.channel(), l));

    Map<ChannelId, Attempt> attempts = new LinkedHashMap<>();
    Instant lastUpdate = null;
    Duration waited = Duration.ZERO;
    int updates = 0;
    boolean stopped = false;
    for (AuditFinding finding : notServed) {
      ChannelId channel = finding.channel().orElse(null);
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

  /** Reads the channel and its link again, then merges and writes through the distribution's updater. */
  private Attempt attempt(ChannelId channelId, DistributionId audited) {
    try {
      Optional<Channel> channel = channels.find(channelId);
      if (channel.isEmpty()) {
        return Attempt.left("the channel no longer exists");
      }
      DistributionResolver.Resolution found;
      try {
        found = links.resolve(channel.get());
      } catch (ResourceConflictException e) {
        if (e.reason() != ResourceConflictException.Reason.AMBIGUOUS_LINK) {
          throw e;
        }
        return Attempt.left("more than one distribution is tagged for the channel now");
      }
      if (!found.id().equals(Optional.of(audited))) {
        return Attempt.left(found.id().map(id -> "its linked distribution is now " + id)
            .orElse("it has no linked distribution now") + ", not " + audited + " as audited: audit again");
      }
      if (found.needsRecording()) {
        links.record(channel.get(), audited);
      }
      List<OriginEndpoint> endpoints = channels.endpointsOf(channelId);
      DistributionUpdaters.Update update =
          endpoints.isEmpty() ? DistributionUpdaters.Update.none() : updaters.update(audited, endpoints);
      List<AuditFinding> withoutCdnUrl = update.latest()
          .map(config -> AuditingFleet.withoutCdnUrl(channelId, audited, endpoints, config))
          .orElse(List.of());
      return new Attempt(update.written() ? Fate.REPAIRED : Fate.UNCHANGED, withoutCdnUrl, "", null);
    } catch (ProvisioningException e) {
      listeners.failed(channelId, Optional.of(audited), e);
      return new Attempt(Fate.FAILED, List.of(), "", e);
    }
  }

  /**
   * The result, with the findings in the audit's order: those of a channel repaired or served already are replaced by
   * the endpoints its distribution still does not serve, those of a channel that failed or was not reached remain,
   * the others are left for a person (each told to the listeners).
   */
  private RepairResult result(FleetAudit audit, Map<ChannelId, LinkedChannel> linked, Map<ChannelId, Attempt> attempts,
      Duration waited, Instant start) {
    RepairResult.Builder result = RepairResult.builder().waited(waited);
    List<AuditFinding> left = new ArrayList<>();
    List<AuditFinding> remaining = new ArrayList<>();
    for (AuditFinding finding : audit.findings()) {
      Attempt attempt = finding.channel().map(attempts::get).orElse(null);
      boolean notServed = finding.kind() == AuditFinding.Kind.NOT_SERVED;
      boolean ownedByAttempt = notServed || finding.kind() == AuditFinding.Kind.ENDPOINT_WITHOUT_CDN_URL;
      if (attempt == null || !ownedByAttempt) {
        left.add(finding);
      } else if (attempt.remains()) {
        remaining.add(finding);
      } else if (attempt.read()) {
        if (notServed) {
          left.addAll(attempt.withoutCdnUrl());
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
        .channel(finding.channel().map(ChannelId::ref))
        .detail(finding.kind() + ": " + finding.detail());
    finding.distributions().stream().findFirst().ifPresent(event::distributionId);
    finding.endpoint().ifPresent(event::addEndpointIds);
    return event;
  }
}
