package io.github.mediapackagecdn.core.event;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One step of provisioning: what was done ({@link #step()}), to which channel, distribution and endpoints, with which
 * AWS operation, how long it took, at which attempt, and for a failure the typed error. Immutable. Never holds a
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
     * second one. */
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
    /** The CloudFront part failed and its outcome is {@code FAILED}; {@link #failure()} holds the typed error. */
    FAILED,
    /** While waiting for deployment, a read found the distribution's status changed since the read before (for
     * example {@code InProgress} to {@code Deployed}); the operation is {@code GetDistribution}, the duration the time
     * waited so far, the attempt the read's number. */
    STATUS_CHANGED,
    /** The wait for deployment ended with the channel ready for players: deployed, and every endpoint routed to it;
     * the duration is the time waited. */
    READY_FOR_PLAYERS
  }

  /** What was done. */
  public abstract Step step();

  /** The channel the step was for. */
  public abstract ChannelId channelId();

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
  }

  /**
   * One line: the step, channel, distribution, endpoints, operation, attempt, duration, the number of changes and the
   * error's class, code and message. Never a secret: changes are counted, not printed.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ProvisioningEvent[").append(step()).append(", channel ")
        .append(channelId());
    distributionId().ifPresent(id -> text.append(", distribution ").append(id));
    if (!endpointIds().isEmpty()) {
      text.append(", endpoints ").append(endpointIds());
    }
    if (!operation().isEmpty()) {
      text.append(", ").append(operation());
    }
    text.append(", attempt ").append(attempt()).append(", ").append(duration().toMillis()).append(" ms");
    changes().ifPresent(c -> text.append(", ").append(c.changes().size()).append(" changes"));
    failure().ifPresent(e -> text.append(", ").append(e));
    return text.append(']').toString();
  }
}
