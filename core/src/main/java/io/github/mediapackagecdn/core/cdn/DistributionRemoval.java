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
 * state an earlier try left it in. A distribution whose link tag stops naming the channel while its disabling
 * deploys is left disabled, not deleted. Public only for the two facades' packages: not API.
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

  /**
   * Disables, awaits and deletes distribution {@code id} of {@code channel}, starting from {@code current}, its latest
   * read (empty when it is gone). {@code stillLinked} is asked after waiting for the disabling to deploy.
   *
   * @return true if this call deleted it; false if it was gone already
   * @throws ResourceConflictException ({@code LINK_CHANGED}) when the link tag stopped naming the channel, or the
   *     last conflict when the distribution kept changing
   * @throws DeploymentTimeoutException when the disabling is not deployed within {@code timeout}
   */
  public boolean remove(String channel, DistributionId id, Optional<Distribution> current, BooleanSupplier stillLinked,
      Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    boolean waited = false;
    ResourceConflictException conflict = null;
    int conflicts = 0;
    // each round moves the distribution one step on, or re-reads it after a conflict; a few rounds suffice unless
    // other writers keep changing it
    for (int round = 0; round < 3 + 2 * maxUpdateAttempts; round++) {
      if (current.isEmpty()) {
        log.debug("distribution {} is gone", id);
        return false;
      }
      Distribution distribution = current.get();
      try {
        if (distribution.config().enabled()) {
          current = Optional.of(distributions.disable(id, distribution.etag()));
          log.debug("disabled distribution {} of channel {}", id, channel);
        } else if (distribution.status() != DistributionStatus.DEPLOYED) {
          Duration left = Duration.between(clock.instant(), deadline);
          current = Optional.of(awaitDeployed(channel, id, left.isNegative() ? Duration.ZERO : left));
          waited = true;
        } else {
          if (waited && !stillLinked.getAsBoolean()) {
            // the tag was changed while the disabling deployed: from now on it is someone else's distribution
            throw new ResourceConflictException("the link tag of distribution " + id + " stopped naming channel "
                + channel + " while it was being disabled; it is left disabled, not deleted, and the channel is "
                + "kept. Tear down again to delete the channel", ResourceConflictException.Reason.LINK_CHANGED,
                id.value());
          }
          distributions.delete(id, distribution.etag());
          log.debug("deleted distribution {} of channel {}", id, channel);
          return true;
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
