package io.github.mediapackagecdn.testkit.assertions;

import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2ManifestUrl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a MediaPackage v2 channel's CDN details, with the names of v1's {@link ChannelDetailsAssert}: whether
 * a distribution is linked and deployed, which endpoints and manifests have CDN URLs to give to players, and why an
 * endpoint is not served. Endpoints and manifests are named as in their ids ({@code hls}, {@code index}).
 */
public final class V2ChannelDetailsAssert extends AbstractAssert<V2ChannelDetailsAssert, V2ChannelDetails> {

  private V2ChannelDetailsAssert(V2ChannelDetails actual) {
    super(actual, V2ChannelDetailsAssert.class);
  }

  /** Starts assertions on {@code actual}, such as {@code ChannelCdnV2.details(channelId)}. */
  public static V2ChannelDetailsAssert assertThat(V2ChannelDetails actual) {
    return new V2ChannelDetailsAssert(actual);
  }

  /** Checks that a distribution is linked to the channel. */
  public V2ChannelDetailsAssert hasDistribution() {
    isNotNull();
    if (actual.distributionId().isEmpty()) {
      failWithMessage("Expected channel <%s> to have a distribution, but none is linked to it", actual.channel());
    }
    return this;
  }

  /** Checks that the distribution {@code id} is linked to the channel. */
  public V2ChannelDetailsAssert hasDistribution(DistributionId id) {
    hasDistribution();
    DistributionId linked = actual.distributionId().orElseThrow();
    if (!linked.equals(id)) {
      failWithMessage("Expected channel <%s> to have distribution <%s>, but it has <%s>", actual.channel(), id, linked);
    }
    return this;
  }

  /** Checks that no distribution is linked to the channel. */
  public V2ChannelDetailsAssert hasNoDistribution() {
    isNotNull();
    actual.distributionId().ifPresent(id -> failWithMessage(
        "Expected channel <%s> to have no distribution, but distribution <%s> is linked to it", actual.channel(), id));
    return this;
  }

  /** Checks that the channel's distribution is {@code Deployed}. */
  public V2ChannelDetailsAssert isDeployed() {
    hasDistribution();
    if (!deployed()) {
      failWithMessage("Expected the distribution of channel <%s> to be Deployed, but <%s> is %s", actual.channel(),
          actual.distributionId().orElseThrow(), actual.status().map(Object::toString).orElse("of no known status"));
    }
    return this;
  }

  /**
   * Checks that the channel can be given to players, as {@link V2ChannelDetails#readyForPlayers()} defines it: its
   * distribution is {@code Deployed} and enabled, it has a manifest, and CloudFront routes every endpoint's CDN URLs
   * to it. The failure message lists each reason.
   */
  public V2ChannelDetailsAssert isReadyForPlayers() {
    isNotNull();
    if (!actual.readyForPlayers()) {
      failWithMessage("Expected channel <%s> to be ready for players, but %s", actual.channel(), notReadyReasons());
    }
    return this;
  }

  /** Checks that the endpoint {@code endpoint} is served: routed, and every manifest of it has a CDN URL. */
  public V2ChannelDetailsAssert servesEndpoint(String endpoint) {
    List<V2ManifestUrl> manifests = manifestsOf(endpoint);
    String notServed = actual.notServed().get(endpoint);
    if (notServed != null) {
      failWithMessage("Expected endpoint <%s> of channel <%s> to be served, but it is not: %s", endpoint,
          actual.channel(), notServed);
    }
    List<String> withoutUrl = manifests.stream().filter(m -> m.cdnUrl().isEmpty()).map(m -> m.manifest().name())
        .toList();
    if (!withoutUrl.isEmpty()) {
      failWithMessage("Expected endpoint <%s> of channel <%s> to have a CDN URL for each manifest, but %s %s none%s",
          endpoint, actual.channel(), withoutUrl, withoutUrl.size() == 1 ? "has" : "have",
          actual.distributionId().isEmpty() ? " (the channel has no distribution)" : "");
    }
    return this;
  }

  /** Checks that a manifest of the endpoint {@code endpoint} has the CDN URL {@code url}. */
  public V2ChannelDetailsAssert servesEndpoint(String endpoint, String url) {
    Objects.requireNonNull(url, "url");
    List<V2ManifestUrl> manifests = manifestsOf(endpoint);
    if (manifests.stream().noneMatch(m -> m.cdnUrl().filter(url::equals).isPresent())) {
      failWithMessage("Expected endpoint <%s> of channel <%s> to have the CDN URL <%s>, but its CDN URLs are %s",
          endpoint, actual.channel(), url, manifests.stream().flatMap(m -> m.cdnUrl().stream()).toList());
    }
    return this;
  }

  /** Checks that the manifest {@code manifest} of the endpoint {@code endpoint} has a CDN URL. */
  public V2ChannelDetailsAssert servesManifest(String endpoint, String manifest) {
    Objects.requireNonNull(manifest, "manifest");
    List<V2ManifestUrl> manifests = manifestsOf(endpoint);
    Optional<V2ManifestUrl> found = manifests.stream().filter(m -> m.manifest().name().equals(manifest)).findFirst();
    if (found.isEmpty()) {
      failWithMessage("Expected endpoint <%s> of channel <%s> to have the manifest <%s>, but its manifests are %s",
          endpoint, actual.channel(), manifest, manifests.stream().map(m -> m.manifest().name()).toList());
    } else if (found.get().cdnUrl().isEmpty()) {
      failWithMessage("Expected manifest <%s> of endpoint <%s> of channel <%s> to have a CDN URL, but it has none: %s",
          manifest, endpoint, actual.channel(), Optional.ofNullable(actual.notServed().get(endpoint))
              .orElse(actual.distributionId().isEmpty() ? "the channel has no distribution" : "no reason given"));
    }
    return this;
  }

  /** Checks that the endpoint {@code endpoint} is not served, and that no manifest of it has a CDN URL. */
  public V2ChannelDetailsAssert doesNotServeEndpoint(String endpoint) {
    List<V2ManifestUrl> manifests = manifestsOf(endpoint);
    List<String> urls = manifests.stream().flatMap(m -> m.cdnUrl().stream()).toList();
    if (!urls.isEmpty()) {
      failWithMessage("Expected endpoint <%s> of channel <%s> not to be served, but it has the CDN URLs %s%s", endpoint,
          actual.channel(), urls, actual.notServed().containsKey(endpoint)
              ? " although it is listed as not served: " + actual.notServed().get(endpoint) : "");
    }
    return this;
  }

  /**
   * Checks that the endpoint {@code endpoint} is not served, and that the reason the details give contains
   * {@code reasonPart}, such as the path pattern of the behaviour in the way.
   */
  public V2ChannelDetailsAssert doesNotServeEndpoint(String endpoint, String reasonPart) {
    Objects.requireNonNull(reasonPart, "reasonPart");
    doesNotServeEndpoint(endpoint);
    String reason = actual.notServed().get(endpoint);
    if (reason == null) {
      failWithMessage("Expected endpoint <%s> of channel <%s> not to be served because of <%s>, but the details give "
          + "no reason%s", endpoint, actual.channel(), reasonPart,
          actual.distributionId().isEmpty() ? " (the channel has no distribution)" : "");
    } else if (!reason.contains(reasonPart)) {
      failWithMessage("Expected the reason endpoint <%s> of channel <%s> is not served to contain <%s>, but it is <%s>",
          endpoint, actual.channel(), reasonPart, reason);
    }
    return this;
  }

  /** Why the channel is not ready for players, one line per cause, in the words of v1's details. */
  private List<String> notReadyReasons() {
    if (actual.distributionId().isEmpty()) {
      return List.of("channel " + actual.channel() + " has no distribution");
    }
    DistributionId id = actual.distributionId().get();
    List<String> reasons = new ArrayList<>();
    if (!actual.enabled().orElse(false)) {
      reasons.add(Distribution.disabledReason(id));
    }
    if (!deployed()) {
      reasons.add("distribution " + id + " is " + actual.status().map(Object::toString).orElse("of no known status")
          + ", not Deployed");
    }
    if (actual.manifests().isEmpty()) {
      reasons.add("channel " + actual.channel() + " has no manifest");
    }
    reasons.addAll(actual.notServed().values());
    return List.copyOf(reasons);
  }

  private boolean deployed() {
    return actual.status().filter(DistributionStatus.DEPLOYED::equals).isPresent();
  }

  /** The manifests of the endpoint, which the details know of (empty for one listed as not served only). */
  private List<V2ManifestUrl> manifestsOf(String endpoint) {
    isNotNull();
    Objects.requireNonNull(endpoint, "endpoint");
    Set<String> endpoints = new LinkedHashSet<>();
    actual.manifests().forEach(m -> endpoints.add(m.endpoint().endpoint()));
    endpoints.addAll(actual.notServed().keySet());
    if (!endpoints.contains(endpoint)) {
      failWithMessage("Expected channel <%s> to have endpoint <%s>, but its endpoints are %s", actual.channel(),
          endpoint, List.copyOf(endpoints));
    }
    return actual.manifests().stream().filter(m -> m.endpoint().endpoint().equals(endpoint)).toList();
  }
}
