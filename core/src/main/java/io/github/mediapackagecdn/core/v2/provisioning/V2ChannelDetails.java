package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A v2 channel's CDN details: its distribution (id, status, domain, console link), the CDN URL of every manifest of
 * every endpoint, and why an endpoint is not served.
 *
 * @param channel the channel
 * @param distributionId its linked distribution, if any
 * @param status the distribution's status
 * @param enabled whether the distribution accepts viewer requests; a disabled one serves nothing, even when
 *     {@code Deployed}
 * @param domainName the distribution's domain, such as {@code d111111abcdef8.cloudfront.net}
 * @param consoleUrl the distribution's CloudFront console page
 * @param manifests every manifest of every endpoint, with its CDN URL
 * @param notServed the endpoints the distribution does not route, by name, with the reason
 */
public record V2ChannelDetails(V2ChannelId channel, Optional<DistributionId> distributionId,
    Optional<DistributionStatus> status, Optional<Boolean> enabled, Optional<String> domainName, Optional<String> consoleUrl,
    List<V2ManifestUrl> manifests, Map<String, String> notServed) {

  /** Keeps unmodifiable copies. */
  public V2ChannelDetails {
    manifests = List.copyOf(manifests);
    notServed = Map.copyOf(notServed);
  }

  /** Deployed, enabled, with at least one manifest, and routing every endpoint: its CDN URLs can be handed out. */
  public boolean readyForPlayers() {
    return status.filter(DistributionStatus.DEPLOYED::equals).isPresent() && enabled.orElse(false)
        && !manifests.isEmpty() && notServed.isEmpty();
  }

  /**
   * Every endpoint with a manifest, in order, with its CDN URLs or why it has none, as v1's
   * {@code ChannelDetails.endpoints()}.
   */
  public List<V2EndpointDetails> endpoints() {
    Map<V2EndpointId, List<String>> urls = new LinkedHashMap<>();
    manifests.forEach(m -> urls.computeIfAbsent(m.endpoint(), e -> new ArrayList<>()).addAll(m.cdnUrl().stream()
        .toList()));
    return urls.entrySet().stream().map(e -> {
      Optional<String> reason = distributionId.isEmpty()
          ? Optional.of("channel " + channel + " has no distribution")
          : Optional.ofNullable(notServed.get(e.getKey().endpoint()));
      return new V2EndpointDetails(e.getKey(), reason.isPresent() ? List.of() : e.getValue(), reason);
    }).toList();
  }

  /** Why the channel is not {@link #readyForPlayers() ready for players}, one line per cause; empty when it is. */
  public List<String> notReadyReasons() {
    if (distributionId.isEmpty()) {
      return List.of("channel " + channel + " has no distribution");
    }
    List<String> reasons = new ArrayList<>();
    if (!enabled.orElse(false)) {
      reasons.add(Distribution.disabledReason(distributionId.get()));
    }
    if (status.filter(DistributionStatus.DEPLOYED::equals).isEmpty()) {
      reasons.add("distribution " + distributionId.get() + " is " + status.map(Object::toString).orElse("unknown")
          + ", not Deployed");
    }
    if (manifests.isEmpty()) {
      reasons.add("channel " + channel + " has no endpoint with a manifest");
    }
    notServed.forEach((endpoint, reason) -> reasons.add(endpoint + ": " + reason));
    return List.copyOf(reasons);
  }
}
