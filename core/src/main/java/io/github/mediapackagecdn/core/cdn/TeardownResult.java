package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What v1's {@code ChannelCdn.teardown} deleted, and what was gone already; v2's result uses its enums. */
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
     * The channel was already gone, so its ARN, the link tag's value, is unknown and no distribution was looked for.
     * Teardown deletes a channel only after its distribution, so this happens only when the channel was deleted
     * elsewhere; a distribution still tagged for it stays as it is.
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

  /** The channel that was torn down. */
  public abstract ChannelId channelId();

  /** Whether this teardown deleted the channel or found it gone. */
  public abstract Removal channel();

  /** The endpoints this teardown deleted, in the order they were deleted. */
  public abstract List<OriginEndpointId> deletedEndpoints();

  /** What became of the channel's distribution. */
  public abstract DistributionRemoval distribution();

  /** The id of the distribution this teardown deleted. */
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
