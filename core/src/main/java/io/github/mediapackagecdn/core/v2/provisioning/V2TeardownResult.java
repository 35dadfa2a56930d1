package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ChannelCdnV2#teardown} removed, with v1's words for it ({@link TeardownResult.Removal},
 * {@link TeardownResult.DistributionRemoval}).
 *
 * @param channelId the channel torn down
 * @param channel whether this teardown deleted the channel or found it gone (in the first Region)
 * @param deletedEndpoints the endpoints this teardown deleted, in the order it deleted them (in both Regions, the
 *     first Region's first)
 * @param distribution what became of the channel's distribution
 * @param deletedDistribution the id of the distribution this teardown deleted; present exactly when
 *     {@code distribution} is {@code DELETED}
 * @param unlinkedDistribution the id of the distribution that stopped being the channel's, left as it is; present
 *     exactly when {@code distribution} is {@code NO_LONGER_LINKED}
 */
public record V2TeardownResult(V2ChannelId channelId, TeardownResult.Removal channel,
    List<V2EndpointId> deletedEndpoints, TeardownResult.DistributionRemoval distribution,
    Optional<DistributionId> deletedDistribution, Optional<DistributionId> unlinkedDistribution) {

  /** Checks that a deleted distribution's id goes with {@code DELETED}, an unlinked one's with its outcome. */
  public V2TeardownResult {
    deletedEndpoints = List.copyOf(deletedEndpoints);
    if ((distribution == TeardownResult.DistributionRemoval.DELETED) != deletedDistribution.isPresent()) {
      throw new IllegalStateException("a deleted distribution's id goes with DELETED, and only with it");
    }
    if ((distribution == TeardownResult.DistributionRemoval.NO_LONGER_LINKED) != unlinkedDistribution.isPresent()) {
      throw new IllegalStateException("an unlinked distribution's id goes with NO_LONGER_LINKED, and only with it");
    }
  }

  /** Whether this teardown found nothing left to delete: the channel was gone already. */
  public boolean alreadyGone() {
    return channel == TeardownResult.Removal.ALREADY_GONE && deletedEndpoints.isEmpty()
        && distribution != TeardownResult.DistributionRemoval.DELETED;
  }
}
