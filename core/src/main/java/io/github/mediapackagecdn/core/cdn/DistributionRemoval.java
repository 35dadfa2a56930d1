package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a channel's distribution as CloudFront requires, for both teardowns: disabled with UpdateDistribution
 * (everything else written back as read), awaited until that is {@code Deployed}, deleted with the ETag of the latest
 * read; a stale ETag or a disabling not deployed yet is read again, a bounded number of times. Goes on from whatever
 * state an earlier try left it in.
 *
 * <p>Right before each write (the disabling, the delete) the link tag is read again, after the read whose ETag the
 * write sends: a distribution whose tag no longer names the channel is not written. Another change made after that
 * read fails the write with a stale ETag, and the distribution is read again, its tag too. A tag change alone does not
 * change the ETag (CloudFront's TagResource takes no {@code If-Match} and answers none), so only a re-tag in the
 * moment between the tag read and the disabling gets past: the distribution is then disabled, and the tag read before
 * the delete leaves it so. Public only for the two facades' packages: not API.
 */
public final class DistributionRemoval {

  private static final Logger log = LoggerFactory.getLogger(DistributionRemoval.class);

  private final Distributions distributions;
  private final int maxUpdateAttempts;
  private final Clock clock;

  /** A removal through {@code distributions}, re-reading after a conflict at most {@code maxUpdateAttempts} times. */
  public DistributionRemoval(Distributions distributions, int maxUpdateAttempts, Clock clock) {
    this.distributions = distributions;
    this.maxUpdateAttempts = maxUpdateAttempts;
    this.clock = clock;
  }

  /** What became of the distribution. */
  public enum Outcome {
    /** This call deleted it. */
    DELETED,
    /** It did not exist, or stopped existing meanwhile. */
    GONE,
    /**
     * Its link tag no longer named the channel when read before a write: it was not written again and is left as it
     * is (disabled if an earlier write of this removal had disabled it).
     */
    NO_LONGER_LINKED
  }

  /**
   * Disables, awaits and deletes distribution {@code id} of {@code channel}, starting from {@code current}, its latest
   * read (empty when it is gone). {@code stillLinked} reads the link tag; it is asked right before each write, after
   * the read whose ETag the write sends.
   *
   * @return what became of it
   * @throws ResourceConflictException the last conflict when the distribution kept changing
   * @throws DeploymentTimeoutException when the disabling is not deployed within {@code timeout}
   */
  public Outcome remove(String channel, DistributionId id, Optional<Distribution> current, BooleanSupplier stillLinked,
      Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    ResourceConflictException conflict = null;
    int conflicts = 0;
    // each round moves the distribution one step on, or re-reads it after a conflict; a few rounds suffice unless
    // other writers keep changing it
    for (int round = 0; round < 3 + 2 * maxUpdateAttempts; round++) {
      if (current.isEmpty()) {
        log.debug("distribution {} is gone", id);
        return Outcome.GONE;
      }
      Distribution distribution = current.get();
      try {
        boolean deployed = distribution.status() == DistributionStatus.DEPLOYED;
        if (!distribution.config().enabled() && !deployed) {
          Duration left = Duration.between(clock.instant(), deadline);
          current = Optional.of(awaitDeployed(channel, id, left.isNegative() ? Duration.ZERO : left));
          continue;
        }
        // a write comes: the tag is read after the read whose ETag the write sends
        if (!stillLinked.getAsBoolean()) {
          if (distributions.find(id).isEmpty()) {
            return Outcome.GONE; // deleted by someone else meanwhile
          }
          log.debug("the link tag of distribution {} no longer names channel {}: it is someone else's now and is left"
              + " as it is{}", id, channel, distribution.config().enabled() ? "" : " (disabled)");
          return Outcome.NO_LONGER_LINKED;
        }
        if (distribution.config().enabled()) {
          current = Optional.of(distributions.disable(id, distribution.etag()));
          log.debug("disabled distribution {} of channel {}", id, channel);
        } else {
          distributions.delete(id, distribution.etag());
          log.debug("deleted distribution {} of channel {}", id, channel);
          return Outcome.DELETED;
        }
      } catch (ResourceNotFoundException e) {
        current = Optional.empty();
      } catch (ResourceConflictException e) {
        boolean readAgain = e.reason() == ResourceConflictException.Reason.STALE_VERSION
            || e.reason() == ResourceConflictException.Reason.NOT_DISABLED;
        if (!readAgain || ++conflicts >= maxUpdateAttempts) {
          throw e;
        }
        log.debug("distribution {} changed since it was read ({}); reading it again", id, e.reason());
        conflict = e;
        current = distributions.find(id);
      }
    }
    throw conflict != null ? conflict : new ResourceConflictException("distribution " + id + " of channel "
        + channel + " kept changing while it was being deleted; tear down again",
        ResourceConflictException.Reason.STALE_VERSION, id.value());
  }

  private Distribution awaitDeployed(String channel, DistributionId id, Duration timeout) {
    try {
      return distributions.awaitDeployed(id, timeout);
    } catch (DeploymentTimeoutException e) {
      throw new DeploymentTimeoutException("distribution " + id + " of channel " + channel + " is disabled but "
          + "not Deployed yet, so it cannot be deleted yet; the channel is kept. Tear down again later to go on ("
          + e.getMessage() + ")", e.errorCode().orElse(null), e.requestId().orElse(null), e);
    }
  }
}
