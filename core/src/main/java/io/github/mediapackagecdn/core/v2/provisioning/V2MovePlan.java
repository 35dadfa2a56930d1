package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What moving a channel between its own distribution and its group's would do, read-only: the dry run of
 * {@link ChannelCdnV2#moveToGroupDistribution} and {@link ChannelCdnV2#moveToOwnDistribution}. The move itself makes
 * exactly these writes, in this order: the target distribution when it does not exist yet, the endpoint policies
 * (each gains the target's statement and keeps the previous distribution's), the channel tag (from then on the
 * channel's CDN URLs are on the target's domain), then, only when asked, the previous distribution's removal. When
 * the channel's own distribution would not route an endpoint ({@link #notServed()}), the move stops after the endpoint
 * policies, {@code NOT_SERVED} in {@link V2MoveResult#to()}: the plan lists only those.
 *
 * @param channel the channel
 * @param target where the channel moves to
 * @param from the distribution serving the channel now; empty when none does
 * @param to the distribution that will serve it; empty when it does not exist yet
 * @param createsDistribution whether the move creates the target distribution (the group's, or the channel's own)
 * @param packagerWrites the MediaPackage writes the move makes, in order
 * @param removesPrevious whether the previous distribution's access goes after the move: for a move to the group,
 *     the channel's own distribution is disabled and deleted; for a move to its own, the group's statement leaves the
 *     endpoint policies (the group's distribution is never touched)
 * @param notServed for a move to its own distribution, the endpoints it would not route once the move gave it their
 *     behaviours, with why (a behaviour of yours in the way): the move then ends {@code NOT_SERVED} and the channel
 *     stays on its group's; empty when it would serve them all (a move to the group that would not is refused)
 */
public record V2MovePlan(V2ChannelId channel, Target target, Optional<DistributionId> from,
    Optional<DistributionId> to, boolean createsDistribution, List<DistributionPlan.PackagerWrite> packagerWrites,
    boolean removesPrevious, Map<OriginEndpointId, String> notServed) {

  /** Where a channel moves to. */
  public enum Target {
    /** The distribution of its channel group (distribution scope {@code CHANNEL_GROUP}). */
    GROUP_DISTRIBUTION,
    /** A distribution of its own, linked to the channel's ARN. */
    OWN_DISTRIBUTION
  }

  /** Copies the writes and the endpoints not served, in their order. */
  public V2MovePlan {
    packagerWrites = List.copyOf(packagerWrites);
    notServed = Collections.unmodifiableMap(new LinkedHashMap<>(notServed));
  }

  /**
   * A plan whose target serves every endpoint.
   *
   * @param channel the channel
   * @param target where the channel moves to
   * @param from the distribution serving the channel now; empty when none does
   * @param to the distribution that will serve it; empty when it does not exist yet
   * @param createsDistribution whether the move creates the target distribution
   * @param packagerWrites the MediaPackage writes the move makes, in order
   * @param removesPrevious whether the previous distribution's access goes after the move
   */
  public V2MovePlan(V2ChannelId channel, Target target, Optional<DistributionId> from, Optional<DistributionId> to,
      boolean createsDistribution, List<DistributionPlan.PackagerWrite> packagerWrites, boolean removesPrevious) {
    this(channel, target, from, to, createsDistribution, packagerWrites, removesPrevious, Map.of());
  }

  /**
   * Whether the channel is where the move would put it, with nothing left to write or remove: never when the target
   * would not serve an endpoint.
   */
  public boolean isEmpty() {
    return !createsDistribution && packagerWrites.isEmpty() && !removesPrevious && notServed.isEmpty();
  }
}
