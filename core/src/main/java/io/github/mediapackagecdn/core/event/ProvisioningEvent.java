package io.github.mediapackagecdn.core.event;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One step of provisioning: what was done ({@link #step()}), to which channel, distribution and endpoints, with which
 * AWS operation, how long it took, at which attempt, and for a failure the typed error; for the fleet audit and
 * repair, what it counted and found. Immutable. Never holds a
 * secret: change sets and origins redact header values, a CDN identifier is never put in an event, and
 * {@link #toString()} is one short line safe to log.
 */
@Value.Immutable
public abstract class ProvisioningEvent {

  /** The kinds of step. */
  public enum Step {
    /** The channel was saved in MediaPackage: operation {@code CreateChannel}, {@code UpdateChannel}, or empty when
     * it was unchanged and nothing was written. */
    CHANNEL_SAVED,
    /** A distribution was created for the channel ({@code CreateDistributionWithTags}); the attempt is the
     * CallerReference generation plus one. */
    DISTRIBUTION_CREATED,
    /** A distribution created earlier for the channel (a previous try, another instance) was adopted instead of a
     * second one: operation {@code CreateDistributionWithTags} when its creation was refused as a duplicate, empty when
     * the lookup found it linked but not yet recorded on the channel. */
    DISTRIBUTION_ADOPTED,
    /** The CallerReference of this attempt is held by a distribution no longer linked to the channel: the next
     * attempt takes the next generation. */
    CALLER_REFERENCE_GENERATION_TAKEN,
    /** An update of the distribution was planned; {@link #changes()} holds its change set (never empty). */
    CHANGE_PLANNED,
    /** {@code UpdateDistribution} was sent and accepted; the duration is the call's, the endpoints those of every
     * caller the update carried. */
    UPDATE_SENT,
    /** This caller's endpoints were merged into the update another caller's thread made for both: no update of its
     * own. Its own outcome (updated, unchanged, failed) follows as usual. */
    UPDATE_COALESCED,
    /** CloudFront answered {@code PreconditionFailed} (412, a stale ETag) to this attempt: the distribution is read
     * again and the change merged again. */
    UPDATE_RETRIED_AFTER_412,
    /** AWS throttled a call and the CloudFront part failed with a
     * {@link io.github.mediapackagecdn.core.error.ThrottledException} (a {@link #FAILED} follows). */
    THROTTLED,
    /** What was just created is not visible yet: the library reads it again in pauses. */
    VISIBILITY_WAIT_BEGAN,
    /** The visibility wait ended, found or timed out; the duration is the time paused, the attempt the number of
     * reads. */
    VISIBILITY_WAIT_ENDED,
    /** The CloudFront part failed and its outcome is {@code FAILED}, or a v2 move failed and its exception follows;
     * {@link #failure()} holds the typed error. */
    FAILED,
    /** While waiting for deployment, a read found the distribution's status changed since the read before (for
     * example {@code InProgress} to {@code Deployed}); the operation is {@code GetDistribution}, the duration the time
     * waited so far, the attempt the read's number. */
    STATUS_CHANGED,
    /** The wait for deployment ended with the channel ready for players: deployed, and every endpoint routed to it;
     * the duration is the time waited. */
    READY_FOR_PLAYERS,
    /** The fleet audit read one listing of the account, in pages (one AWS call a page): the operation is
     * {@code ListChannels}, {@code ListOriginEndpoints}, {@code GetResources} or {@code ListDistributions}, the
     * duration the whole listing's, the count how many channels, endpoints, tagged distributions or distributions it
     * held. No channel. */
    AUDIT_READ,
    /** The fleet audit ended: the duration is the whole audit's, the count the listings it read (one
     * {@link #AUDIT_READ} each), the detail the number of channels, distributions and findings. No channel; the audit
     * writes nothing. */
    AUDIT_COMPLETED,
    /** A repair of the fleet began: the count is the number of channels it may repair (its {@code NOT_SERVED}
     * findings). No channel. */
    REPAIR_STARTED,
    /** The repair gave the channel's distribution what it lacked ({@code UpdateDistribution}, after the
     * {@link #CHANGE_PLANNED} and {@link #UPDATE_SENT} of the update); the duration is the channel's repair. */
    REPAIRED,
    /** The repair left a finding as it is, the detail says why: a finding for a person (orphan, changed link tag,
     * ambiguous link, endpoint without a CDN URL, ...), a channel whose link changed since the audit, or a channel
     * served already when read again (nothing written). No channel for an orphan. A repair that fails is a
     * {@link #FAILED}. */
    REPAIR_SKIPPED,
    /** The repair paused before the channel's repair to keep to its update rate; the duration is the pause. */
    RATE_WAIT,
    /** The repair ended: the duration is the whole repair's, waits included, the count the channels repaired, the
     * detail what was left, failed and remains. No channel. */
    REPAIR_COMPLETED,
    /** A v2 move between the channel's own distribution and its group's ended with the channel served by the target:
     * the distribution is the target, the operation {@code TagResource} when the channel tag was written now (empty
     * when the channel had moved already), the endpoints the channel's, the count the endpoint policies written, the
     * detail where it moved from and to, the duration the move's so far. From this event on, the channel's CDN URLs
     * are on the target's domain. A move that fails is a {@link #FAILED} (after a {@link #THROTTLED} for a throttle),
     * and the exception follows. */
    CHANNEL_MOVED,
    /** After a {@link #CHANNEL_MOVED}, asked for with {@code deleteDistribution}: the previous distribution's access
     * went. The distribution is the previous one; the operation {@code DeleteDistribution} when the channel's own was
     * deleted now, {@code PutOriginEndpointPolicy} when the group's statement left the endpoint policies (the group's
     * distribution itself is never touched), empty when it was gone already; the count the endpoint policies written,
     * the detail what became of it. */
    PREVIOUS_ACCESS_REMOVED
  }

  /** The steps of the whole fleet, which concern no one channel. */
  private static final Set<Step> FLEET_STEPS =
      EnumSet.of(Step.AUDIT_READ, Step.AUDIT_COMPLETED, Step.REPAIR_STARTED, Step.REPAIR_COMPLETED);

  /** What was done. */
  public abstract Step step();

  /**
   * The channel the step was for: always present, but for the steps of the whole fleet ({@link Step#AUDIT_READ},
   * {@link Step#AUDIT_COMPLETED}, {@link Step#REPAIR_STARTED}, {@link Step#REPAIR_COMPLETED}) and a
   * {@link Step#REPAIR_SKIPPED} of a finding without a channel (an orphan).
   */
  public abstract Optional<ChannelRef> channel();

  /** The channel's distribution, when the step concerns one. */
  public abstract Optional<DistributionId> distributionId();

  /** The endpoints the step touched, by id; empty when it touched none. */
  public abstract List<OriginEndpointId> endpointIds();

  /** The AWS API operation of the step, such as {@code UpdateDistribution}; empty when it called none. */
  @Value.Default
  public String operation() {
    return "";
  }

  /** How long the step took; zero when it is not timed. */
  @Value.Default
  public Duration duration() {
    return Duration.ZERO;
  }

  /** The attempt the step belongs to, from 1. */
  @Value.Default
  public int attempt() {
    return 1;
  }

  /** The change set of a {@link Step#CHANGE_PLANNED}; empty for other steps. */
  public abstract Optional<ChangeSet> changes();

  /**
   * The typed error of a {@link Step#FAILED} or {@link Step#THROTTLED}, and the stale-version conflict of an
   * {@link Step#UPDATE_RETRIED_AFTER_412}; empty for other steps.
   */
  public abstract Optional<ProvisioningException> failure();

  /**
   * How many of what the step counts: the items an {@link Step#AUDIT_READ} read, the listings of an
   * {@link Step#AUDIT_COMPLETED}, the channels a {@link Step#REPAIR_STARTED} may repair and a
   * {@link Step#REPAIR_COMPLETED} repaired, the endpoint policies a {@link Step#CHANNEL_MOVED} or
   * {@link Step#PREVIOUS_ACCESS_REMOVED} wrote; zero for other steps.
   */
  @Value.Default
  public int count() {
    return 0;
  }

  /**
   * What the step found or why it was taken, in words, for the audit, repair and move steps (a {@link Step#REPAIR_SKIPPED}
   * says why); ids, tags, origins and patterns, never a header value.
   */
  public abstract Optional<String> detail();

  /** A builder of an event; the library builds them, tests may too. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProvisioningEvent}. */
  public static class Builder extends ImmutableProvisioningEvent.Builder {}

  /** Keeps the attempt positive and the duration not negative. */
  @Value.Check
  protected void check() {
    if (attempt() < 1) {
      throw new IllegalStateException("an attempt counts from 1, not " + attempt());
    }
    if (duration().isNegative()) {
      throw new IllegalStateException("a duration is not negative: " + duration());
    }
    if (count() < 0) {
      throw new IllegalStateException("a count is not negative: " + count());
    }
    if (channel().isEmpty() && !FLEET_STEPS.contains(step()) && step() != Step.REPAIR_SKIPPED) {
      throw new IllegalStateException("a " + step() + " is for one channel: name it");
    }
  }

  /**
   * One line: the step, channel, distribution, endpoints, operation, attempt, duration, the number of changes and the
   * error's class, code and message. Never a secret: changes are counted, not printed.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ProvisioningEvent[").append(step())
        .append(channel().map(c -> ", channel " + c).orElse(FLEET_STEPS.contains(step()) ? ", fleet" : ""));
    distributionId().ifPresent(id -> text.append(", distribution ").append(id));
    if (!endpointIds().isEmpty()) {
      text.append(", endpoints ").append(endpointIds());
    }
    if (!operation().isEmpty()) {
      text.append(", ").append(operation());
    }
    text.append(", attempt ").append(attempt()).append(", ").append(duration().toMillis()).append(" ms");
    changes().ifPresent(c -> text.append(", ").append(c.changes().size()).append(" changes"));
    if (count() != 0) {
      text.append(", count ").append(count());
    }
    detail().ifPresent(d -> text.append(", ").append(d));
    failure().ifPresent(e -> text.append(", ").append(e));
    return text.append(']').toString();
  }
}
