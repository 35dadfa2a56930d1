package io.github.mediapackagecdn.testkit.behaviour;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One MediaPackage version as the shared behaviour suite drives it: the same few steps a user takes, v1 or v2, over one
 * {@link FakeAws}. Each side is a thin translation to its facade; the suite asserts the behaviour once.
 */
interface Side {

  /** The fake account under the facade. */
  FakeAws aws();

  /** Builds the facade, with {@code listener} told of every step (in v2, then saves the channel's group). */
  void open(ProvisioningListener listener);

  /** How events and messages name the suite's channel: {@code live-news} in v1, {@code live/news} in v2. */
  String channelName();

  /** MediaPackage's create of an origin endpoint. */
  Operation createEndpointOperation();

  /** Saves the suite's channel, asking for a distribution; its CDN outcome. */
  CdnOutcome saveChannel();

  /** Saves the suite's channel without asking for a distribution. */
  void saveChannelWithoutDistribution();

  /** Gives the existing channel its distribution. */
  CdnOutcome attachDistribution();

  /** Brings the channel's distribution to what its endpoints need. */
  CdnOutcome reconcile();

  /** What the next save or reconcile of the channel would change ({@code plan}). */
  DistributionPlan plan();

  /** The dry run of {@link #saveEndpoints(List)} ({@code planSave}). */
  DistributionPlan planSaveEndpoints(List<String> names);

  /**
   * The MediaPackage writes of the calls recorded since the last {@code clearCalls} that a plan lists in
   * {@link DistributionPlan#packagerWrites()}, as it names them: v2's endpoint policies; none in v1.
   */
  List<DistributionPlan.PackagerWrite> packagerWrites();

  /** Saves endpoints of the suite's channel together, one per name, each of its version's HLS kind. */
  EndpointSave saveEndpoints(List<String> names);

  /** The channel's details, as the suite reads them. */
  Details details();

  /** Waits with progress; the details once ready. */
  Details awaitDeployed(Duration timeout, Consumer<DeploymentProgress> progress);

  /** Tears the channel down, its distribution with it; what became of the channel and the distribution. */
  Teardown teardown();

  /** What a teardown did, by the names of v1's {@code TeardownResult} enums, shared by both versions. */
  record Teardown(String channel, String distribution, int deletedEndpoints) {}

  /** What an endpoint save answered. */
  record EndpointSave(CdnOutcome cdn, List<String> saved, List<String> unsaved, Optional<ProvisioningException> stoppedBy,
      boolean complete) {}

  /** What details answered: per endpoint name, its CDN URLs, or why it is not served. */
  record Details(boolean readyForPlayers, Map<String, List<String>> cdnUrls, Map<String, String> notServed,
      List<String> notReadyReasons) {}
}
