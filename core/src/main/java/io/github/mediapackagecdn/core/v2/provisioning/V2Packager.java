package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.Packager;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MediaPackage v2 under the engine's use cases, for the channels of one group (read by the use case, which needs it
 * anyway): a channel's endpoints as {@link ChannelGroups} lists them, a new distribution as {@link V2Layout} makes it
 * for the group (with the shared policies, found or created once it is sent), and endpoints served by
 * {@link ServingEndpoints} (their policies, then the distribution's updater), with CloudFront's routing checked.
 */
final class V2Packager implements Packager<V2Channel, V2Endpoint> {

  private final V2Side v2;
  private final ChannelGroup group;
  private final ServingEndpoints serving;

  V2Packager(V2Side v2, ChannelGroup group, ServingEndpoints serving) {
    this.v2 = v2;
    this.group = group;
    this.serving = serving;
  }

  @Override
  public List<V2Endpoint> endpoints(V2Channel channel) {
    return v2.groups().endpointsOf(channel.id());
  }

  @Override
  public NewDistribution newDistribution(V2Channel channel, Optional<String> comment, Map<String, String> tags) {
    String given = comment.orElseGet(() -> V2Layout.defaultComment(channel.id(), v2.settings()));
    return new NewDistribution(callerReference -> V2Layout.newDistribution(group, callerReference, given,
        v2.shared().ids(), v2.settings(), v2.v2Settings()), V2Layout.tags(channel.arn(), tags, v2.settings()));
  }

  @Override
  public CdnOutcome serve(V2Channel channel, DistributionId id, List<V2Endpoint> endpoints) {
    return serving.serve(channel.id(), group, id, endpoints, endpoints, List.of(), Map.of(), Optional.empty())
        .outcome(id, endpoints);
  }

  @Override
  public Repaired repair(V2Channel channel, DistributionId id, List<V2Endpoint> endpoints) {
    ServingEndpoints.Served served = serving.serve(channel.id(), group, id, endpoints, endpoints, List.of(), Map.of(),
        Optional.empty());
    return new Repaired(served.updated() || served.policiesWritten() > 0, served.outcome(id, endpoints).notServed());
  }
}
