package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a teardown deleted, and what was gone already, for v1's {@code ChannelCdn.teardown} and v2's
 * {@code ChannelCdnV2.teardown} and {@code teardownGroup} alike.
 *
 * <p>The walk, the same in both versions: the channel's endpoints, then, only when
 * {@link TeardownOptions#deleteDistribution()} asks for it, the distribution whose own link tag names the channel
 * (disabled, awaited until {@code Deployed}, deleted with the ETag of the latest read), then the channel. The channel
 * goes last because its ARN, the link tag's value, is how its distribution is found. The link tag is read from
 * CloudFront itself, and again right before each write: a distribution whose tag was changed is never written and is
 * reported {@code NO_LONGER_LINKED}.
 *
 * <p>Idempotent: what is gone already counts as done, and a channel that is gone already is a success that says so
 * ({@link #alreadyGone()}). After a failure at any step, running it again goes on from where it stopped. A teardown
 * throws {@code ValidationException} when an argument is null, before any call; {@code ResourceConflictException}
 * ({@code AMBIGUOUS_LINK}) when two distributions are tagged for the channel, before anything is deleted;
 * {@code DeploymentTimeoutException} when the disabled distribution is not {@code Deployed} within
 * {@link TeardownOptions#deploymentTimeout()} (run it again later); another {@code ProvisioningException} when AWS
 * fails a step (run it again).
 */
@Value.Immutable
public abstract class TeardownResult {

  /** What became of the channel. */
  public enum Removal {
    /** This teardown deleted it. */
    DELETED,
    /** It did not exist when this teardown looked. */
    ALREADY_GONE
  }

  /** What became of the channel's distribution. */
  public enum DistributionRemoval {
    /** Not asked for: CloudFront was not called and any distribution stays as it is. */
    NOT_REQUESTED,
    /** This teardown disabled it (unless it was disabled already), waited until that was deployed, and deleted it. */
    DELETED,
    /** No distribution is linked to the channel: it never had one, or it was deleted before. */
    ALREADY_GONE,
    /**
     * The channel (for {@code teardownGroup}, the group) was already gone, so its ARN, the link tag's value, is
     * unknown and no distribution was looked for. Teardown deletes a channel only after its distribution, so this
     * happens only when the channel was deleted elsewhere; a distribution still tagged for it stays as it is.
     */
    NOT_LOOKED_UP,
    /**
     * The channel's distribution exists, but its link tag no longer names the channel, as read before this teardown
     * wrote it (or at the start): someone re-tagged it, which ends the link, so it is someone else's and was not
     * deleted ({@link #unlinkedDistribution()}). It is as it was, unless the re-tag came in the moment between the tag
     * read and the disabling: then it stays disabled. The channel is deleted all the same.
     */
    NO_LONGER_LINKED
  }

  /**
   * The channel torn down: {@code live-news} in v1, {@code live/news} in v2; {@code live/*} for the distribution of
   * the v2 channel group {@code live} ({@code teardownGroup}).
   */
  public abstract ChannelRef channelRef();

  /**
   * Whether this teardown deleted the channel or found it gone. A group's teardown deletes no channel and runs only
   * when none is left in the group: {@code ALREADY_GONE}.
   */
  public abstract Removal channel();

  /**
   * The endpoints this teardown deleted, in the order they were deleted: v1's endpoint ids, v2's endpoint names within
   * {@link #channelRef()} (with a second Region, the first Region's, then the second's, so a name may come twice).
   */
  public abstract List<OriginEndpointId> deletedEndpoints();

  /** What became of the channel's distribution. */
  public abstract DistributionRemoval distribution();

  /** The id of the distribution this teardown deleted: present exactly with {@code DELETED}. */
  public abstract Optional<DistributionId> deletedDistribution();

  /** The distribution that stopped being the channel's: present exactly with {@code NO_LONGER_LINKED}. */
  public abstract Optional<DistributionId> unlinkedDistribution();

  /** Whether this teardown found nothing left to delete: the channel was gone already. */
  public boolean alreadyGone() {
    return channel() == Removal.ALREADY_GONE && deletedEndpoints().isEmpty()
        && distribution() != DistributionRemoval.DELETED;
  }

  /** A builder, for the facades that tear down (and for a test's stand-in of one). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TeardownResult}; {@code build()} checks that the ids go with the outcome. */
  public static class Builder extends ImmutableTeardownResult.Builder {}

  /** Keeps a deleted distribution's id and {@code DELETED} together, and an unlinked one's and its outcome. */
  @Value.Check
  protected void check() {
    if ((distribution() == DistributionRemoval.DELETED) != deletedDistribution().isPresent()) {
      throw new IllegalStateException("a deleted distribution's id goes with DELETED, and only with it");
    }
    if ((distribution() == DistributionRemoval.NO_LONGER_LINKED) != unlinkedDistribution().isPresent()) {
      throw new IllegalStateException("an unlinked distribution's id goes with NO_LONGER_LINKED, and only with it");
    }
  }
}
