package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.port.Channels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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

  /** Whether saving the batch writes to MediaPackage: some endpoint is new or differs from its spec. */
  boolean writes() {
    return exists.entrySet().stream()
        .anyMatch(entry -> entry.getValue().filter(e -> UnchangedState.unchanged(entry.getKey(), e)).isEmpty());
  }

  /**
   * The channel's egress host: that of an endpoint of the batch or of {@code listed} (every endpoint of a channel
   * has the one host); empty while the channel has no endpoint, until MediaPackage assigns it.
   */
  Optional<String> host(List<OriginEndpoint> listed) {
    return hosts.stream().findFirst()
        .or(() -> listed.stream().map(OriginEndpoint::host).flatMap(Optional::stream).findFirst());
  }

  /**
   * Every endpoint of the channel as the save will leave it, as far as the layout reads it: {@code listed} (the
   * channel's endpoints as read), each spec in its endpoint's place as MediaPackage will report it once saved. What
   * a save checks before its first write, and what its dry run plans with.
   */
  List<OriginEndpoint> asSaved(List<OriginEndpoint> listed) {
    Map<OriginEndpointId, OriginEndpoint> endpoints = new LinkedHashMap<>();
    listed.forEach(e -> endpoints.put(e.id(), e));
    Optional<String> host = host(listed);
    exists.forEach((spec, existing) -> {
      OriginEndpoint saved = existing.filter(e -> UnchangedState.unchanged(spec, e))
          .orElseGet(() -> asSaved(spec, existing.flatMap(OriginEndpoint::host).or(() -> host)
              .orElse(DistributionPlan.EGRESS_HOST_NOT_KNOWN)));
      endpoints.put(saved.id(), saved);
    });
    return List.copyOf(endpoints.values());
  }

  /** The CDN identifier of an endpoint: the one the batch gives for its secret, or the one {@code known} knows. */
  Function<OriginEndpoint, Optional<CdnIdentifier>> identifierOf(CdnIdentifiers known) {
    Map<String, CdnIdentifier> given = new HashMap<>();
    exists.keySet().forEach(spec -> spec.authorization().ifPresent(auth -> spec.cdnIdentifier()
        .ifPresent(id -> given.put(auth.cdnIdentifierSecretArn(), id))));
    return endpoint -> endpoint.authorization()
        .flatMap(auth -> Optional.ofNullable(given.get(auth.cdnIdentifierSecretArn())))
        .or(() -> known.identifierFor(endpoint));
  }

  /**
   * The endpoint as MediaPackage would report it once saved, as far as the layout reads it: format, manifests,
   * authorization, and URLs on {@code host}. The path's id MediaPackage assigns is not known: the layout does not
   * read it.
   */
  private static OriginEndpoint asSaved(EndpointSpec spec, String host) {
    String base = "https://" + host + "/out/v1/" + "0".repeat(32) + "/";
    OriginEndpoint.Builder endpoint = OriginEndpoint.builder().id(spec.endpointId()).channelId(spec.channelId())
        .packaging(spec.packaging()).manifestName(spec.manifestName()).authorization(spec.authorization());
    if (spec.packaging() == Packaging.CMAF) {
      spec.cmafManifestIds().forEach(m -> endpoint.putHlsManifests(m, spec.manifestName())
          .addUrls(EndpointUrl.of(base + m + "/" + spec.manifestName() + ".m3u8")));
    } else {
      endpoint.addUrls(EndpointUrl.of(base + spec.manifestName() + suffix(spec.packaging())));
    }
    return endpoint.build();
  }

  private static String suffix(Packaging packaging) {
    return switch (packaging) {
      case HLS -> ".m3u8";
      case DASH -> ".mpd";
      case MSS -> ".ism/Manifest";
      case CMAF -> ".m3u8";
    };
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
