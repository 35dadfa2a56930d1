package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether saving a spec would change what MediaPackage reports, so that a save of an unchanged channel or endpoint
 * writes nothing. Compares exactly what UpdateChannel and UpdateOriginEndpoint send; anything else they send is sent
 * back as it was read. When in doubt (an order that differs, a value MediaPackage reports in another form) the answer
 * is "changed": a needless write is safe, a skipped one is not.
 */
final class UnchangedState {

  private UnchangedState() {}

  /** UpdateChannel sends the description only; tags are given at creation. */
  static boolean unchanged(ChannelSpec spec, Channel channel) {
    return spec.channelId().equals(channel.id()) && spec.description().equals(channel.description());
  }

  /** UpdateOriginEndpoint sends these fields; packaging settings the spec does not hold are sent back as read. */
  static boolean unchanged(EndpointSpec spec, OriginEndpoint endpoint) {
    return spec.endpointId().equals(endpoint.id())
        && spec.channelId().equals(endpoint.channelId())
        && spec.packaging() == endpoint.packaging()
        && spec.manifestName().equals(endpoint.manifestName())
        && spec.description().equals(endpoint.description())
        && spec.startoverWindowSeconds().equals(endpoint.startoverWindowSeconds())
        && spec.timeDelaySeconds().equals(endpoint.timeDelaySeconds())
        && spec.whitelist().equals(endpoint.whitelist())
        && spec.authorization().equals(endpoint.authorization())
        && inOrder(hlsManifests(spec)).equals(inOrder(endpoint.hlsManifests()));
  }

  /** The HLS manifests a CMAF endpoint gets from the spec: each named like the endpoint's manifest. */
  private static Map<String, String> hlsManifests(EndpointSpec spec) {
    Map<String, String> manifests = new LinkedHashMap<>();
    spec.cmafManifestIds().forEach(id -> manifests.put(id, spec.manifestName()));
    return manifests;
  }

  private static List<Map.Entry<String, String>> inOrder(Map<String, String> manifests) {
    return new ArrayList<>(manifests.entrySet());
  }
}
