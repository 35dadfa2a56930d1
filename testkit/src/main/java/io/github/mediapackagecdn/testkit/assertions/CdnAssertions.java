package io.github.mediapackagecdn.testkit.assertions;

import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.RecordedCall;
import io.github.mediapackagecdn.testkit.RecordingListener;
import java.util.List;

/**
 * The entry point of the testkit's AssertJ assertions; import its {@code assertThat} methods statically, beside
 * AssertJ's own.
 *
 * <pre>{@code
 * assertThat(cdnV2.details(V2ChannelId.of("live", "news"))).isReadyForPlayers().servesManifest("hls", "index");
 * assertThat(aws).servesToPlayers(cdnV2.details(V2ChannelId.of("live", "news")));
 * assertThat(cdn.details(channelId)).isReadyForPlayers().servesEndpoint("hls");
 * assertThat(aws.distributions().all().get(0)).hasCacheBehaviorsFor(endpoint).hasNoPlaceholderOrigin();
 * assertThat(aws.calls()).hasExactly(1, Operation.UPDATE_DISTRIBUTION);
 * assertThat(recordingListener).hasExactly(1, Step.UPDATE_SENT);
 * assertThat(aws).servesToPlayers(cdnUrl);
 * }</pre>
 */
public final class CdnAssertions {

  private CdnAssertions() {}

  /** Assertions on what the channel details page shows: the distribution, its status, each endpoint's CDN URLs. */
  public static ChannelDetailsAssert assertThat(ChannelDetails actual) {
    return ChannelDetailsAssert.assertThat(actual);
  }

  /**
   * Assertions on a MediaPackage v2 channel's CDN details, with v1's names: the distribution, its status, each
   * endpoint's and manifest's CDN URLs, why an endpoint is not served.
   */
  public static V2ChannelDetailsAssert assertThat(V2ChannelDetails actual) {
    return V2ChannelDetailsAssert.assertThat(actual);
  }

  /** Assertions on a distribution's status and layout: the channel origin, the cache behaviours, the placeholder. */
  public static DistributionAssert assertThat(Distribution actual) {
    return DistributionAssert.assertThat(actual);
  }

  /** Assertions on the calls the fakes received, such as {@code FakeAws.calls()}. */
  public static RecordedCallsAssert assertThat(List<RecordedCall> actual) {
    return RecordedCallsAssert.assertThat(actual);
  }

  /** Assertions on the events a {@link RecordingListener} kept: how many of each step, their order. */
  public static ProvisioningEventsAssert assertThat(RecordingListener actual) {
    return ProvisioningEventsAssert.assertThat(actual);
  }

  /**
   * Assertions on what players get from the fake account: every request for a CDN URL, or for every CDN URL of a
   * channel's details, answered 200.
   */
  public static FakeAwsAssert assertThat(FakeAws actual) {
    return FakeAwsAssert.assertThat(actual);
  }
}
