package io.github.mediapackagecdn.testkit.assertions;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a distribution's status and layout: the channel origin, the live cache behaviours an endpoint needs
 * in their order, and the placeholder origin of a new distribution removed once the channel origin serves it.
 */
public final class DistributionAssert extends AbstractAssert<DistributionAssert, Distribution> {

  private DistributionAssert(Distribution actual) {
    super(actual, DistributionAssert.class);
  }

  /** Starts assertions on {@code actual}, such as one of {@code InMemoryDistributions.all()}. */
  public static DistributionAssert assertThat(Distribution actual) {
    return new DistributionAssert(actual);
  }

  /** Checks that the distribution is {@code Deployed}. */
  public DistributionAssert isDeployed() {
    return hasStatus(DistributionStatus.DEPLOYED);
  }

  /** Checks that the distribution is {@code InProgress}: a change is still propagating. */
  public DistributionAssert isInProgress() {
    return hasStatus(DistributionStatus.IN_PROGRESS);
  }

  private DistributionAssert hasStatus(DistributionStatus status) {
    isNotNull();
    if (actual.status() != status) {
      failWithMessage("Expected distribution <%s> to be %s, but it is %s", actual.id(), status, actual.status());
    }
    return this;
  }

  /** Checks that the distribution has an origin for the endpoint's egress host: the channel origin. */
  public DistributionAssert hasChannelOriginFor(OriginEndpoint endpoint) {
    channelOrigin(endpoint);
    return this;
  }

  /**
   * Checks that the distribution has the cache behaviours {@code endpoint}'s packaging needs, in the order the
   * library adds them, each sending requests to the channel origin.
   */
  public DistributionAssert hasCacheBehaviorsFor(OriginEndpoint endpoint) {
    Origin origin = channelOrigin(endpoint);
    List<String> patterns = endpoint.packaging().pathPatterns();
    hasCacheBehaviorsInOrder(patterns.toArray(String[]::new));
    for (String pattern : patterns) {
      CacheBehavior behavior = actual.config().behavior(pattern).orElseThrow();
      if (!behavior.targetOriginId().equals(origin.id())) {
        failWithMessage("Expected the cache behaviour <%s> of distribution <%s> to send requests to the channel "
            + "origin <%s>, but it sends them to <%s>", pattern, actual.id(), origin.id(), behavior.targetOriginId());
      }
    }
    return this;
  }

  /** Checks that the distribution has cache behaviours with these path patterns, in this order (others between). */
  public DistributionAssert hasCacheBehaviorsInOrder(String... pathPatterns) {
    isNotNull();
    List<String> actualPatterns = pathPatterns();
    int from = 0;
    for (String pattern : pathPatterns) {
      int at = actualPatterns.subList(from, actualPatterns.size()).indexOf(pattern);
      if (at < 0) {
        failWithMessage("Expected distribution <%s> to have the cache behaviours %s in this order, but <%s> %s; "
            + "its cache behaviours are %s", actual.id(), List.of(pathPatterns), pattern,
            actualPatterns.contains(pattern) ? "comes too early" : "is missing", actualPatterns);
      }
      from += at + 1;
    }
    return this;
  }

  /** Checks that the placeholder origin of a new distribution (default settings) is gone. */
  public DistributionAssert hasNoPlaceholderOrigin() {
    return hasNoOrigin(LiveCdnSettings.defaults().placeholderOriginId());
  }

  /** Checks that the distribution has no origin {@code originId}. */
  public DistributionAssert hasNoOrigin(String originId) {
    isNotNull();
    if (actual.config().origin(originId).isPresent()) {
      failWithMessage("Expected distribution <%s> to have no origin <%s>, but it has; %s",
          actual.id(), originId, actual.config().targets(originId)
              ? "a cache behaviour still sends requests to it" : "no cache behaviour sends requests to it");
    }
    return this;
  }

  private Origin channelOrigin(OriginEndpoint endpoint) {
    isNotNull();
    Objects.requireNonNull(endpoint, "endpoint");
    Optional<String> host = endpoint.host();
    if (host.isEmpty()) {
      failWithMessage("Endpoint <%s> has no URL, so no origin can serve it", endpoint.id());
    }
    Optional<Origin> origin = actual.config().origins().stream()
        .filter(o -> o.domainName().equalsIgnoreCase(host.orElseThrow()))
        .findFirst();
    if (origin.isEmpty()) {
      List<String> domains = new ArrayList<>();
      actual.config().origins().forEach(o -> domains.add(o.id() + "=" + o.domainName()));
      failWithMessage("Expected distribution <%s> to have an origin for <%s> (endpoint <%s>), but its origins are %s",
          actual.id(), host.orElseThrow(), endpoint.id(), domains);
    }
    return origin.orElseThrow();
  }

  private List<String> pathPatterns() {
    return actual.config().cacheBehaviors().stream().map(CacheBehavior::pathPattern).toList();
  }
}
