package io.github.mediapackagecdn.testkit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.testkit.Invariants;
import io.github.mediapackagecdn.testkit.ViewerResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The claims of the library checked as players and the CloudFront console see them, for either {@link Side}: the
 * testkit's viewer requests are the oracle of "served" and "ready for players", the link tag (CloudFront's, which never
 * lags) the oracle of "the channel's distribution", the user's part of every configuration the oracle of "never
 * touched".
 */
final class PlayersView {

  private PlayersView() {}

  /** The distributions whose link tag names the side's channel; none when the channel does not exist. */
  static List<Distribution> tagged(Side side) {
    return side.channelArn().map(arn -> Invariants.taggedWith(side.aws(), arn)).orElse(List.of());
  }

  /** The user-owned part of every configuration in {@code before} is unchanged now. */
  static void userOwnedPartsUnchanged(Side side, Map<DistributionId, DistributionConfig> before) {
    for (Distribution distribution : side.aws().distributions().all()) {
      DistributionConfig was = before.get(distribution.id());
      if (was != null) {
        Invariants.userOwnedPartUnchanged(distribution.id(), was, distribution.config(), side.cdnIdentifierHeader());
      }
    }
  }

  /**
   * Every manifest of each of {@code endpoints}, asked for on {@code distribution}'s domain at the manifest's own path
   * (how the library forms a CDN URL), plays once the distribution is deployed: the manifest and a sample of every
   * other kind of path a player asks for answer 200.
   */
  static void servedOnceDeployed(Side side, Distribution distribution, List<String> endpoints) {
    for (String endpoint : endpoints) {
      for (String originUrl : side.originUrls(endpoint)) {
        String cdnUrl = "https://" + distribution.domainName() + URI.create(originUrl).getRawPath();
        assertThat(side.aws().playerRequestsOnceDeployed(cdnUrl)).as("endpoint %s at %s", endpoint, cdnUrl)
            .isNotEmpty().allSatisfy(PlayersView::isOk);
      }
    }
  }

  /** Whether {@link #servedOnceDeployed} holds. */
  static boolean isServedOnceDeployed(Side side, Distribution distribution, String endpoint) {
    return side.originUrls(endpoint).stream().allMatch(originUrl -> side.aws().playerRequestsOnceDeployed(
        "https://" + distribution.domainName() + URI.create(originUrl).getRawPath()).stream()
        .allMatch(ViewerResponse::ok));
  }

  /**
   * After recovery, on a clock past the propagation time: the user's parts unchanged; the version's own layout holds
   * (for every channel of the account); and {@link #channelPlays}: every CDN URL of the channel plays (every request a
   * player makes answers 200).
   */
  static void holdAfterRecovery(Side side, Map<DistributionId, DistributionConfig> before) {
    userOwnedPartsUnchanged(side, before);
    side.layoutHolds(before);
    channelPlays(side);
  }

  /**
   * The channel's part of {@link #holdAfterRecovery}: its distribution (at most one) is the one details report, every
   * endpoint has CDN URLs, every CDN URL plays, and details say ready for players once there is an endpoint.
   */
  static void channelPlays(Side side) {
    if (side.channelArn().isEmpty()) {
      return;
    }
    List<Distribution> tagged = tagged(side);
    assertThat(tagged).as("distributions tagged for channel %s", side.channelName()).hasSizeLessThanOrEqualTo(1);
    Side.Details details = side.details();
    assertThat(tagged).as("channel %s: the reported distribution is the tagged one", side.channelName())
        .extracting(Distribution::id).containsExactlyElementsOf(details.distribution().stream().toList());
    if (details.distribution().isEmpty()) {
      return;
    }
    assertThat(details.cdnUrls().keySet()).as("endpoints in details").containsExactlyInAnyOrderElementsOf(
        side.endpointsNow());
    details.cdnUrls().forEach((endpoint, urls) -> {
      assertThat(urls).as("CDN URLs of %s (not served: %s)", endpoint, details.notServed()).isNotEmpty();
      urls.forEach(url -> assertThat(side.aws().playerRequests(url)).as("a player of %s", url).isNotEmpty()
          .allSatisfy(PlayersView::isOk));
    });
    if (!details.cdnUrls().isEmpty()) {
      assertThat(details.readyForPlayers()).as("ready for players (%s)", details.notReadyReasons()).isTrue();
    }
  }

  private static void isOk(ViewerResponse response) {
    assertThat(response.ok()).as("%s %s: %d %s", response.method(), response.url(), response.status(),
        response.reason()).isTrue();
  }
}
