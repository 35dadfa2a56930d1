package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionUpdater;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * v2's plan of an update for the updater v1 uses too: a request is a channel's endpoints in its group, with the
 * shared policy ids and the CDN identifier; the requests of a batch are merged (endpoints by id, a later request's
 * replacing an earlier one's in its first position; the first identifier given) and planned by
 * {@link V2Layout#changesFor}.
 */
final class V2EndpointUpdates implements DistributionUpdater.Planner<V2EndpointUpdates.Request> {

  private final CdnSettings settings;
  private final V2CdnSettings v2Settings;

  V2EndpointUpdates(CdnSettings settings) {
    this(settings, V2CdnSettings.defaults());
  }

  V2EndpointUpdates(CdnSettings settings, V2CdnSettings v2Settings) {
    this.settings = settings;
    this.v2Settings = v2Settings;
  }

  /**
   * One caller's request: serve {@code endpoints} of {@code channel} from its group's origin, or with a
   * {@code secondary} group of another Region, from the origin group of the two.
   */
  record Request(V2ChannelId channel, ChannelGroup group, Optional<ChannelGroup> secondary, List<V2Endpoint> endpoints,
      V2Layout.Policies policies, Optional<CdnIdentifier> identifier) {

    Request {
      endpoints = List.copyOf(endpoints);
    }
  }

  @Override
  public ChannelRef channel(Request request) {
    return request.channel().ref();
  }

  @Override
  public List<OriginEndpointId> endpointIds(Request request) {
    return request.endpoints().stream().map(e -> OriginEndpointId.of(e.id().endpoint())).toList();
  }

  @Override
  public ChangeSet plan(ChannelRef channel, DistributionId id, DistributionConfig config, List<Request> requests) {
    Map<V2EndpointId, V2Endpoint> endpoints = new LinkedHashMap<>();
    requests.forEach(r -> r.endpoints().forEach(e -> endpoints.put(e.id(), e)));
    Optional<CdnIdentifier> identifier =
        requests.stream().flatMap(r -> r.identifier().stream()).findFirst();
    Request first = requests.get(0);
    return V2Layout.changesFor(config, first.group(), first.secondary(), List.copyOf(endpoints.values()),
        first.policies(), identifier, settings, v2Settings);
  }
}
