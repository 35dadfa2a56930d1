package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DistributionUpdater;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * v1's plan of an update for the shared updater: a request is a list of a channel's endpoints; the requests of a batch
 * are merged by endpoint id (a later request's endpoint replaces an earlier one's, in its first position) and planned
 * by {@link DistributionLayout#changesFor}, the code {@code ChannelCdn.plan} plans with ({@link Planning}), so exactly
 * a plan's changes are sent.
 */
final class EndpointUpdates implements DistributionUpdater.Planner<List<OriginEndpoint>> {

  private final CdnSettings settings;
  private final LiveCdnSettings layout;
  private final Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers;

  EndpointUpdates(CdnSettings settings, LiveCdnSettings layout,
      Function<OriginEndpoint, Optional<CdnIdentifier>> identifiers) {
    this.settings = settings;
    this.layout = layout;
    this.identifiers = identifiers;
  }

  @Override
  public ChannelRef channel(List<OriginEndpoint> endpoints) {
    return endpoints.get(0).channelId().ref();
  }

  @Override
  public List<OriginEndpointId> endpointIds(List<OriginEndpoint> endpoints) {
    return endpoints.stream().map(OriginEndpoint::id).toList();
  }

  @Override
  public ChangeSet plan(ChannelRef channel, DistributionId id, DistributionConfig config,
      List<List<OriginEndpoint>> requests) {
    Map<OriginEndpointId, OriginEndpoint> merged = new LinkedHashMap<>();
    requests.forEach(endpoints -> endpoints.forEach(e -> merged.put(e.id(), e)));
    return DistributionLayout.changesFor(config, List.copyOf(merged.values()), settings, layout, identifiers);
  }
}
