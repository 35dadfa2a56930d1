package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rule both versions' CallerReference generations share for a reference CloudFront refused as taken while no
 * distribution holding it shows. CloudFront may keep a deleted distribution's reference taken (no AWS document says),
 * so without this rule a channel whose distribution was deleted in the CloudFront console would never get a new one.
 * Such a reference is passed over (the next generation is tried) only when both hold:
 * <ul>
 *   <li>the link is proven gone: the distribution last linked to the channel is known (both sides record it on the
 *       channel's tag, so every instance knows it), and CloudFront says it no longer exists;</li>
 *   <li>the reference has been refused for at least the visibility timeout with no holder showing, so its holder is
 *       not a distribution another instance created a moment ago that does not show yet.</li>
 * </ul>
 * Otherwise the conflict says what to do. When each reference was first refused is remembered, for at most
 * {@value #MAX_REMEMBERED} references, and forgotten when a holder shows or after {@value #FORGET_AFTER} visibility
 * timeouts (its holder may have changed since, if CloudFront frees a deleted distribution's reference). Thread-safe.
 * Public only for the two facades' packages: not API.
 */
public final class TakenReferences {

  /** The most references remembered; the oldest is forgotten first. */
  static final int MAX_REMEMBERED = 1_000;

  /** After how many visibility timeouts a first refusal is forgotten. */
  static final int FORGET_AFTER = 10;

  private final Supplier<Instant> now;
  private final Duration visibilityTimeout;
  private final Map<String, Instant> firstRefused = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };

  /** The rule on the facade's clock {@code now}, with the settings' {@code visibilityTimeout}. */
  public TakenReferences(Supplier<Instant> now, Duration visibilityTimeout) {
    this.now = now;
    this.visibilityTimeout = visibilityTimeout;
  }

  /** Notes that CloudFront refused {@code callerReference} as taken now, unless it was noted before. */
  public synchronized void refused(String callerReference) {
    firstRefused(callerReference);
  }

  /** When {@code callerReference} was first refused, noting it now unless noted within the last window. */
  private Instant firstRefused(String callerReference) {
    Instant at = now.get();
    Instant first = firstRefused.get(callerReference);
    if (first == null || Duration.between(first, at).compareTo(visibilityTimeout.multipliedBy(FORGET_AFTER)) > 0) {
      firstRefused.put(callerReference, at);
      return at;
    }
    return first;
  }

  /** Forgets {@code callerReference}: a distribution holding it showed. */
  public synchronized void holderShown(String callerReference) {
    firstRefused.remove(callerReference);
  }

  /**
   * Returns when {@code callerReference} of {@code channel}, refused as taken with no holder showing, may be passed
   * over; else throws the conflict that says what to do.
   *
   * @param deletedLink the distribution last linked to the channel when CloudFront says it no longer exists; empty
   *     when that distribution is unknown or exists
   * @throws ResourceConflictException ({@code ALREADY_EXISTS}) when it may not
   */
  public synchronized void passOver(String channel, String callerReference, Optional<DistributionId> deletedLink) {
    Instant first = firstRefused(callerReference);
    Duration unseen = Duration.between(first, now.get());
    long seconds = visibilityTimeout.toSeconds();
    if (deletedLink.isEmpty()) {
      throw new ResourceConflictException("caller reference " + callerReference + " of channel " + channel
          + " is taken, but no distribution holding it shows: another instance may have created it a moment ago. Save"
          + " the channel again in " + seconds + " s; that save adopts it once it shows. (A distribution deleted in"
          + " CloudFront may keep its caller reference taken; the next one is used only when the distribution last"
          + " linked to the channel is known to be deleted, which it is not here.)",
          ResourceConflictException.Reason.ALREADY_EXISTS, callerReference);
    }
    if (unseen.compareTo(visibilityTimeout) < 0) {
      throw new ResourceConflictException("caller reference " + callerReference + " of channel " + channel
          + " is taken, and no distribution holding it shows: distribution " + deletedLink.get() + ", last linked to"
          + " the channel, was deleted, and CloudFront may keep a deleted distribution's caller reference. To tell"
          + " that from a distribution another instance is creating right now, save the channel again in " + seconds
          + " s: if none holding it shows by then, that save creates the channel's distribution with the next"
          + " caller reference", ResourceConflictException.Reason.ALREADY_EXISTS, callerReference);
    }
    firstRefused.remove(callerReference);
  }
}
