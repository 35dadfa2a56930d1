package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Read, merge, write with {@code If-Match}, as v1's updater does: the change set is computed on each fresh read, so a
 * stale ETag (412) is read again and the change re-applied, at most {@code maxAttempts} times. Nothing is sent when
 * the distribution already has everything.
 */
final class V2DistributionUpdate {

  private final Distributions distributions;
  private final int maxAttempts;
  private final V2Events events;

  V2DistributionUpdate(Distributions distributions, int maxAttempts, V2Events events) {
    this.distributions = distributions;
    this.maxAttempts = maxAttempts;
    this.events = events;
  }

  /** What an update did, and the configuration as last read or written. */
  record Result(boolean written, DistributionConfig latest) {}

  Result apply(DistributionId id, V2ChannelId channel, List<String> endpointNames,
      Function<DistributionConfig, ChangeSet> changesFor) {
    List<OriginEndpointId> endpointIds = endpointNames.stream().map(OriginEndpointId::of).toList();
    ResourceConflictException stale = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Distribution distribution = distributions.find(id).orElseThrow(() -> V2NotFound.distribution(id));
      ChangeSet changes = changesFor.apply(distribution.config());
      if (changes.isEmpty()) {
        return new Result(false, distribution.config());
      }
      events.emit(V2Events.event(ProvisioningEvent.Step.CHANGE_PLANNED, channel).distributionId(id)
          .endpointIds(endpointIds).attempt(attempt).changes(changes));
      Instant start = events.now();
      try {
        distributions.update(id, distribution.etag(), changes);
      } catch (ResourceConflictException e) {
        if (e.reason() != ResourceConflictException.Reason.STALE_VERSION) {
          throw e;
        }
        stale = e;
        if (attempt < maxAttempts) {
          events.emit(V2Events.event(ProvisioningEvent.Step.UPDATE_RETRIED_AFTER_412, channel).distributionId(id)
              .endpointIds(endpointIds).operation("UpdateDistribution").attempt(attempt).failure(e));
        }
        continue;
      }
      events.emit(V2Events.event(ProvisioningEvent.Step.UPDATE_SENT, channel).distributionId(id)
          .endpointIds(endpointIds).operation("UpdateDistribution").attempt(attempt).duration(events.since(start)));
      return new Result(true, changes.applyTo(distribution.config()));
    }
    throw stale;
  }
}
