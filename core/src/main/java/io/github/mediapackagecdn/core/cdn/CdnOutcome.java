package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What happened on the CloudFront side of a save, in both MediaPackage versions. A failure here never hides what
 * MediaPackage saved: it is reported beside it, and saving again restarts the work without ever creating a second
 * distribution. The facades make outcomes; applications read them.
 */
@Value.Immutable
public abstract class CdnOutcome {

  /** What was done to the channel's distribution. */
  public enum Action {
    /** The channel was saved without asking for a distribution. */
    NOT_REQUESTED,
    /**
     * The channel has no linked distribution, so there was nothing to update: the channel never asked for one (or
     * the distribution recorded on it no longer carries the link tag), and the tag lookup shows none. A distribution
     * tagged by hand in CloudFront shows once the tag lookup has indexed it; {@code reconcile} then adds
     * what the endpoints need.
     */
    NO_DISTRIBUTION,
    /**
     * The channel asked for a distribution ({@code createDistribution}) and has none recorded or visible: the
     * creation failed, was cut off, or is under way on another instance. Nothing was updated; see {@link #advice()}.
     * Saving the channel again creates it, or adopts the one that creation made, never a second one.
     */
    REQUESTED_BUT_MISSING,
    /**
     * No distribution is visible for the channel, but the lookup may lag behind AWS, so the library cannot say there
     * is none. Nothing was updated; see {@link #advice()}. Call {@code reconcile} once the lag has passed.
     */
    NOT_VISIBLE_YET,
    /** A distribution was created. */
    CREATED,
    /** A distribution created earlier for the channel (by a previous try or another instance) was found and used. */
    ADOPTED,
    /** The distribution got the origin or cache behaviours it lacked. */
    UPDATED,
    /** The distribution already had everything; no update was sent. */
    UNCHANGED,
    /** CloudFront could not do it; see {@link #failure()}. Save again to restart. */
    FAILED,
    /**
     * The distribution has what the library may add, but it does not route these endpoints to them, typically
     * because a behaviour a user made sends their paths elsewhere; {@link #notServed()} says why. The library never
     * changes what a user made: fix it in CloudFront, then save again.
     */
    NOT_SERVED
  }

  /** What was done to the distribution. */
  public abstract Action action();

  /** The channel's distribution, when it is known (also on most failures). */
  public abstract Optional<DistributionId> distributionId();

  /** Why CloudFront could not do it; present exactly when the action is {@code FAILED}. */
  public abstract Optional<ProvisioningException> failure();

  /** What to do next, when the outcome calls for it ({@code REQUESTED_BUT_MISSING}, {@code NOT_VISIBLE_YET}). */
  public abstract Optional<String> advice();

  /**
   * The saved endpoints the distribution does not route to, by id, each with the behaviour and origin in the way;
   * not empty exactly when the action is {@code NOT_SERVED}.
   */
  public abstract Map<OriginEndpointId, String> notServed();

  /** Whether the CloudFront side failed; the MediaPackage side was saved all the same. */
  public boolean failed() {
    return action() == Action.FAILED;
  }

  /** An outcome of {@code action} alone. */
  public static CdnOutcome of(Action action) {
    return ImmutableCdnOutcome.builder().action(action).build();
  }

  /** An outcome of {@code action} on the distribution {@code id}. */
  public static CdnOutcome of(Action action, DistributionId id) {
    return ImmutableCdnOutcome.builder().action(action).distributionId(id).build();
  }

  /** An outcome of {@code action} ({@code REQUESTED_BUT_MISSING}, {@code NOT_VISIBLE_YET}) with what to do next. */
  public static CdnOutcome advising(Action action, String advice) {
    return ImmutableCdnOutcome.builder().action(action).advice(advice).build();
  }

  /** {@code FAILED} with its typed error, the distribution unknown. */
  public static CdnOutcome failed(ProvisioningException failure) {
    return ImmutableCdnOutcome.builder().action(Action.FAILED).failure(failure).build();
  }

  /** {@code FAILED} with its typed error, on the distribution {@code id}. */
  public static CdnOutcome failed(ProvisioningException failure, DistributionId id) {
    return ImmutableCdnOutcome.builder().action(Action.FAILED).failure(failure).distributionId(id).build();
  }

  /** {@code UPDATED} if an update was written, else {@code UNCHANGED}. */
  public static CdnOutcome updatedOrUnchanged(boolean written, DistributionId id) {
    return of(written ? Action.UPDATED : Action.UNCHANGED, id);
  }

  /** {@code NOT_SERVED}: the distribution does not route these endpoints, each with the reason. */
  public static CdnOutcome notServed(DistributionId id, Map<OriginEndpointId, String> notServed) {
    return ImmutableCdnOutcome.builder().action(Action.NOT_SERVED).distributionId(id).notServed(notServed).build();
  }

  /** Keeps a failure and the action {@code FAILED} together. */
  @Value.Check
  protected void check() {
    if ((action() == Action.FAILED) != failure().isPresent()) {
      throw new IllegalStateException("a failure goes with action FAILED, and only with it");
    }
    boolean advising = action() == Action.REQUESTED_BUT_MISSING || action() == Action.NOT_VISIBLE_YET;
    if (advising != advice().isPresent()) {
      throw new IllegalStateException("advice goes with REQUESTED_BUT_MISSING and NOT_VISIBLE_YET, and only with them");
    }
    if ((action() == Action.NOT_SERVED) == notServed().isEmpty()) {
      throw new IllegalStateException("endpoints not served go with action NOT_SERVED, and only with it");
    }
  }
}
