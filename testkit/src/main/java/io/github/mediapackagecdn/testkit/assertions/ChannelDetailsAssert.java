package io.github.mediapackagecdn.testkit.assertions;

import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.DistributionDetails;
import io.github.mediapackagecdn.core.provisioning.EndpointDetails;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what the channel details page shows: whether a distribution is linked and deployed, and which
 * endpoints have CDN URLs to give to players.
 */
public final class ChannelDetailsAssert extends AbstractAssert<ChannelDetailsAssert, ChannelDetails> {

  private ChannelDetailsAssert(ChannelDetails actual) {
    super(actual, ChannelDetailsAssert.class);
  }

  /** Starts assertions on {@code actual}, such as {@code ChannelCdn.details(channelId)}. */
  public static ChannelDetailsAssert assertThat(ChannelDetails actual) {
    return new ChannelDetailsAssert(actual);
  }

  /** Checks that a distribution is linked to the channel. */
  public ChannelDetailsAssert hasDistribution() {
    isNotNull();
    if (actual.distribution().isEmpty()) {
      failWithMessage("Expected channel <%s> to have a distribution, but none is linked to it", channel());
    }
    return this;
  }

  /** Checks that the distribution {@code id} is linked to the channel. */
  public ChannelDetailsAssert hasDistribution(DistributionId id) {
    hasDistribution();
    DistributionId linked = actual.distribution().orElseThrow().id();
    if (!linked.equals(id)) {
      failWithMessage("Expected channel <%s> to have distribution <%s>, but it has <%s>", channel(), id, linked);
    }
    return this;
  }

  /** Checks that no distribution is linked to the channel. */
  public ChannelDetailsAssert hasNoDistribution() {
    isNotNull();
    actual.distribution().ifPresent(d -> failWithMessage(
        "Expected channel <%s> to have no distribution, but distribution <%s> is linked to it", channel(), d.id()));
    return this;
  }

  /** Checks that the channel's distribution is {@code Deployed}. */
  public ChannelDetailsAssert isDeployed() {
    hasDistribution();
    if (!actual.deployed()) {
      DistributionDetails d = actual.distribution().orElseThrow();
      failWithMessage("Expected the distribution of channel <%s> to be Deployed, but <%s> is %s",
          channel(), d.id(), d.status());
    }
    return this;
  }

  /**
   * Checks that the channel can be given to players, as {@link ChannelDetails#readyForPlayers()} defines it: its
   * distribution is {@code Deployed}, it has an endpoint, and CloudFront routes every endpoint's CDN URL to it. The
   * failure message lists the library's reasons.
   */
  public ChannelDetailsAssert isReadyForPlayers() {
    isNotNull();
    if (!actual.readyForPlayers()) {
      failWithMessage("Expected channel <%s> to be ready for players, but %s", channel(), actual.notReadyReasons());
    }
    return this;
  }

  /** Checks that the endpoint {@code endpointId} has at least one CDN URL. */
  public ChannelDetailsAssert servesEndpoint(String endpointId) {
    EndpointDetails endpoint = endpoint(endpointId);
    if (endpoint.cdnUrls().isEmpty()) {
      failWithMessage("Expected endpoint <%s> of channel <%s> to have a CDN URL, but it has none", endpointId, channel());
    }
    return this;
  }

  /** Checks that the endpoint {@code endpointId} has the CDN URL {@code url}. */
  public ChannelDetailsAssert servesEndpoint(String endpointId, String url) {
    EndpointDetails endpoint = endpoint(endpointId);
    if (!endpoint.cdnUrls().contains(url)) {
      failWithMessage("Expected endpoint <%s> of channel <%s> to have the CDN URL <%s>, but its CDN URLs are %s",
          endpointId, channel(), url, endpoint.cdnUrls());
    }
    return this;
  }

  /** Checks that the endpoint {@code endpointId} is not served: it has no CDN URL, and the details say why. */
  public ChannelDetailsAssert doesNotServeEndpoint(String endpointId) {
    EndpointDetails endpoint = endpoint(endpointId);
    if (endpoint.served()) {
      failWithMessage("Expected endpoint <%s> of channel <%s> not to be served, but it has the CDN URLs %s", endpointId,
          channel(), endpoint.cdnUrls());
    }
    return this;
  }

  /**
   * Checks that the endpoint {@code endpointId} is not served, and that the reason the details give contains
   * {@code reasonPart}, such as the path pattern of the behaviour in the way.
   */
  public ChannelDetailsAssert doesNotServeEndpoint(String endpointId, String reasonPart) {
    Objects.requireNonNull(reasonPart, "reasonPart");
    doesNotServeEndpoint(endpointId);
    String reason = endpoint(endpointId).notServedReason().orElseThrow();
    if (!reason.contains(reasonPart)) {
      failWithMessage("Expected the reason endpoint <%s> of channel <%s> is not served to contain <%s>, but it is <%s>",
          endpointId, channel(), reasonPart, reason);
    }
    return this;
  }

  private EndpointDetails endpoint(String endpointId) {
    isNotNull();
    Objects.requireNonNull(endpointId, "endpointId");
    Optional<EndpointDetails> found = actual.endpoints().stream()
        .filter(e -> e.endpoint().id().value().equals(endpointId))
        .findFirst();
    if (found.isEmpty()) {
      failWithMessage("Expected channel <%s> to have endpoint <%s>, but its endpoints are %s", channel(), endpointId,
          actual.endpoints().stream().map(e -> e.endpoint().id().value()).toList());
    }
    return found.orElseThrow();
  }

  private String channel() {
    return actual.channel().id().value();
  }
}
