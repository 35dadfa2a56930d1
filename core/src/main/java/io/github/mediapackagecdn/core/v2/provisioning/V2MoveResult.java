package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import java.util.Optional;

/**
 * What a move between a channel's own distribution and its group's did.
 *
 * @param channel the channel
 * @param target where it moved to
 * @param from the distribution that served it before; empty when none did
 * @param to the target distribution: {@code CREATED}, {@code ADOPTED} or {@code UNCHANGED} when the channel moved
 *     (or had moved already); {@code NOT_SERVED} with the reasons when the target does not route an endpoint, and
 *     then the channel did not move (its record and CDN URLs are as before)
 * @param policiesWritten the endpoint policies written (in both Regions)
 * @param moved whether the channel is now served by the target (its CDN URLs are on the target's domain)
 * @param previous what became of the previous distribution's access: {@code NOT_REQUESTED} (left in place, for you
 *     to tear down), {@code DELETED} (the channel's own distribution, disabled and deleted), {@code ALREADY_GONE}; for
 *     a move to its own distribution, {@code DELETED} means the group's statement left the endpoint policies (the
 *     group's distribution itself is never touched)
 */
public record V2MoveResult(V2ChannelId channel, V2MovePlan.Target target, Optional<DistributionId> from,
    CdnOutcome to, int policiesWritten, boolean moved, TeardownResult.DistributionRemoval previous) {}
