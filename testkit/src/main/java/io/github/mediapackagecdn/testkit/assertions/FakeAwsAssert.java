package io.github.mediapackagecdn.testkit.assertions;

import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.EndpointDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2ManifestUrl;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.ViewerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what players get from a fake account: every request a player makes for a CDN URL, or for every CDN
 * URL of a channel's details, answered 200, as {@link FakeAws#playerRequests(String)} answers them.
 */
public final class FakeAwsAssert extends AbstractAssert<FakeAwsAssert, FakeAws> {

  private FakeAwsAssert(FakeAws actual) {
    super(actual, FakeAwsAssert.class);
  }

  /** Starts assertions on {@code actual}. */
  public static FakeAwsAssert assertThat(FakeAws actual) {
    return new FakeAwsAssert(actual);
  }

  /**
   * Checks that a player of the manifest at {@code url} gets 200 for the manifest and for each other kind of path
   * its endpoint serves (child playlist, segment, init segment); the failure names each refused request and why.
   */
  public FakeAwsAssert servesToPlayers(String url) {
    isNotNull();
    Objects.requireNonNull(url, "url");
    List<ViewerResponse> refused = refused(url);
    if (!refused.isEmpty()) {
      failWithMessage("Expected players to get 200 for every request of <%s>, but %d did not:%n%s", url,
          refused.size(), lines(refused.stream().map(Object::toString).toList()));
    }
    return this;
  }

  /**
   * Checks that every endpoint of a v1 channel's details has a CDN URL, and that a player of each of them gets 200 for
   * every request, as {@link #servesToPlayers(String)} checks one URL, from what the account holds now. The failure
   * names each endpoint without a CDN URL (with the library's reason) and each refused request (with the fake's).
   */
  public FakeAwsAssert servesToPlayers(ChannelDetails details) {
    isNotNull();
    Objects.requireNonNull(details, "details");
    List<String> problems = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (EndpointDetails endpoint : details.endpoints()) {
      if (endpoint.cdnUrls().isEmpty()) {
        problems.add("endpoint " + endpoint.endpoint().id() + " has no CDN URL: "
            + endpoint.notServedReason().orElse("no reason given"));
      }
      urls.addAll(endpoint.cdnUrls());
    }
    return servesEvery("channel " + details.channel().id(), urls, problems);
  }

  /**
   * Checks that every manifest of a v2 channel's details has a CDN URL, and that a player of each of them gets 200
   * for every request, as {@link #servesToPlayers(String)} checks one URL, from what the account holds now. An
   * endpoint with CDN authorization plays only once {@link FakeAws#secrets()} holds its identifier, as MediaPackage
   * reads it from Secrets Manager. The failure names each manifest or endpoint without a CDN URL (with the library's
   * reason) and each refused request (with the fake's).
   */
  public FakeAwsAssert servesToPlayers(V2ChannelDetails details) {
    isNotNull();
    Objects.requireNonNull(details, "details");
    List<String> problems = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (V2ManifestUrl manifest : details.manifests()) {
      String endpoint = manifest.endpoint().endpoint();
      if (manifest.cdnUrl().isEmpty()) {
        problems.add("manifest " + manifest.manifest().name() + " of endpoint " + endpoint + " has no CDN URL: "
            + details.notServed().getOrDefault(endpoint,
                details.distributionId().isEmpty() ? "the channel has no distribution" : "no reason given"));
      }
      manifest.cdnUrl().ifPresent(urls::add);
    }
    details.notServed().forEach((endpoint, reason) -> {
      if (details.manifests().stream().noneMatch(m -> m.endpoint().endpoint().equals(endpoint))) {
        problems.add("endpoint " + endpoint + " is not served: " + reason);
      }
    });
    return servesEvery("channel " + details.channel(), urls, problems);
  }

  private FakeAwsAssert servesEvery(String channel, List<String> urls, List<String> problems) {
    if (urls.isEmpty() && problems.isEmpty()) {
      failWithMessage("Expected players to get 200 for every CDN URL of %s, but it has no CDN URL", channel);
    }
    for (String url : urls) {
      refused(url).forEach(r -> problems.add(r.toString()));
    }
    if (!problems.isEmpty()) {
      failWithMessage("Expected players to get 200 for every CDN URL of %s (%d URLs), but:%n%s", channel, urls.size(),
          lines(problems));
    }
    return this;
  }

  private List<ViewerResponse> refused(String url) {
    return actual.playerRequests(url).stream().filter(r -> !r.ok()).toList();
  }

  private static String lines(List<String> lines) {
    return lines.stream().map(line -> "  " + line).collect(Collectors.joining(String.format("%n")));
  }
}
