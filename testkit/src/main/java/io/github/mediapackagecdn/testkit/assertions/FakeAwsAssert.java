package io.github.mediapackagecdn.testkit.assertions;

import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.ViewerResponse;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what players get from a fake account: every request a player makes for a CDN URL answered 200, as
 * {@link FakeAws#playerRequests(String)} answers them.
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
    List<ViewerResponse> refused = actual.playerRequests(url).stream().filter(r -> !r.ok()).toList();
    if (!refused.isEmpty()) {
      failWithMessage("Expected players to get 200 for every request of <%s>, but %d did not:%n%s", url,
          refused.size(), refused.stream().map(r -> "  " + r).collect(Collectors.joining(String.format("%n"))));
    }
    return this;
  }
}
