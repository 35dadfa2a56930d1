package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A batch of endpoint specs, checked as a save and its dry run check it, before anything is written: distinct ids,
 * one channel, at most one CDN identifier (a {@link ValidationException} before any call), then the channel and
 * each endpoint read, and no endpoint moving to another channel.
 *
 * @param channel the channel the endpoints belong to
 * @param givenIdentifier the one CDN identifier the batch gives, if any
 * @param exists each spec, in the order given, with the endpoint MediaPackage has under its id, if any
 * @param hosts the egress hosts of those existing endpoints (mutable: the save adds the channel's)
 */
record EndpointBatch(Channel channel, Optional<CdnIdentifier> givenIdentifier,
    Map<EndpointSpec, Optional<OriginEndpoint>> exists, Set<String> hosts) {

  /**
   * Checks {@code specs} and reads what they are saved over.
   *
   * @throws ValidationException when the batch is refused, with every problem
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the channel does not exist
   */
  static EndpointBatch check(List<EndpointSpec> specs, Channels channels, VisibilityWait visibility) {
    List<String> problems = new ArrayList<>();
    if (specs.isEmpty()) {
      problems.add("no endpoint to save");
    }
    if (!specs.stream().noneMatch(Objects::isNull)) {
      problems.add("an endpoint spec is null");
    }
    ValidationException.throwIfAny(problems);
    Set<String> ids = new HashSet<>();
    for (EndpointSpec spec : specs) {
      if (!ids.add(spec.id())) {
        problems.add("endpoint id '" + spec.id() + "' is given more than once");
      }
    }
    Set<ChannelId> channelIds = new HashSet<>();
    specs.forEach(spec -> channelIds.add(spec.channelId()));
    if (channelIds.size() != 1) {
      problems.add("endpoints saved together belong to one channel, not " + channelIds);
    }
    Optional<CdnIdentifier> givenIdentifier = oneIdentifier(specs, problems);
    ValidationException.throwIfAny(problems);

    ChannelId channelId = specs.get(0).channelId();
    Channel channel = visibility.until(channelId.ref(), "DescribeChannel", () -> channels.find(channelId))
        .orElseThrow(() -> NotFound.channel(channelId));
    Map<EndpointSpec, Optional<OriginEndpoint>> exists = new LinkedHashMap<>();
    Set<String> hosts = new LinkedHashSet<>();
    for (EndpointSpec spec : specs) {
      Optional<OriginEndpoint> existing = channels.findEndpoint(spec.endpointId());
      existing.filter(e -> !e.channelId().equals(channelId)).ifPresent(e -> problems.add(
          "endpoint " + e.id() + " belongs to channel " + e.channelId() + "; an endpoint cannot move to channel "
              + channelId));
      existing.flatMap(OriginEndpoint::host).ifPresent(hosts::add);
      exists.put(spec, existing);
    }
    ValidationException.throwIfAny(problems);
    return new EndpointBatch(channel, givenIdentifier, exists, hosts);
  }

  /** The one CDN identifier the batch gives, if any; two different ones are a problem (one origin, one header). */
  private static Optional<CdnIdentifier> oneIdentifier(List<EndpointSpec> specs, List<String> problems) {
    Map<CdnIdentifier, List<String>> byIdentifier = new LinkedHashMap<>();
    specs.forEach(spec -> spec.cdnIdentifier()
        .ifPresent(id -> byIdentifier.computeIfAbsent(id, key -> new ArrayList<>()).add(spec.id())));
    if (byIdentifier.size() > 1) {
      problems.add("endpoints " + List.copyOf(byIdentifier.values()) + " give " + byIdentifier.size()
          + " different CDN identifiers, but one origin serves every endpoint of a channel and CloudFront sends it "
          + "one identifier: give them all the same one");
      return Optional.empty();
    }
    return byIdentifier.keySet().stream().findFirst();
  }
}
