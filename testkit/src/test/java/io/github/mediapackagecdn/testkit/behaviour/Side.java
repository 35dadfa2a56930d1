package io.github.mediapackagecdn.testkit.behaviour;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.port.Scheduler;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One MediaPackage version as the shared behaviour suites drive it: the same few steps a user takes, v1 or v2, over one
 * {@link FakeAws}, on one channel. Each side is a thin translation to its facade; the suites assert the behaviour once.
 *
 * <p>Endpoints are named by the suites; a name that starts with one of {@link #everyKind()} is an endpoint of that
 * kind, any other name one of the version's HLS kind.
 */
interface Side {

  /** A guarantee of the shared suites that a side may not give by design. */
  enum Guarantee {
    /** A changed link tag ends management, and the channel's next save creates its next CallerReference generation. */
    CALLER_REFERENCE_GENERATIONS,
    /** An endpoint save of a channel with its distribution sends an UpdateDistribution (which may fail or race). */
    ENDPOINT_SAVE_UPDATES_THE_DISTRIBUTION,
    /** The channel's teardown resolves its distribution before deleting anything (so an ambiguous link stops it). */
    CHANNEL_TEARDOWN_RESOLVES_THE_DISTRIBUTION_FIRST
  }

  /**
   * Why {@code guarantee} does not apply to this side by design, or empty when it does: a case that needs it is then
   * skipped with that reason, never silently.
   */
  default Optional<String> notApplicable(Guarantee guarantee) {
    return Optional.empty();
  }

  /** The fake account under the facade. */
  FakeAws aws();

  /** Builds the facade, with {@code listener} told of every step (in v2, then saves the channel's group). */
  default void open(ProvisioningListener listener) {
    open(listener, Optional.empty());
  }

  /** As {@link #open(ProvisioningListener)}, the polls of the async wait run by {@code scheduler} when given. */
  void open(ProvisioningListener listener, Optional<Scheduler> scheduler);

  /** Another instance of the library on the same account and channel, as another backend would run it; no listener. */
  Side anotherInstance();

  /** The same instance of the library on channel {@code name} of the same account (in v2, of the same group). */
  Side onChannel(String name);

  /** How events and messages name the channel: {@code live-news} in v1, {@code live/news} in v2. */
  String channelName();

  /**
   * How events name what the channel's distribution belongs to: the channel ({@link #channelName()}), or in a scope
   * where the distribution is the channel group's, the group ({@code live/*}).
   */
  default String distributionOwnerName() {
    return channelName();
  }

  /** MediaPackage's create of an origin endpoint. */
  Operation createEndpointOperation();

  /** MediaPackage's read of a channel. */
  Operation readChannelOperation();

  /** MediaPackage's tagging of a channel. */
  Operation tagChannelOperation();

  /** MediaPackage's delete of an origin endpoint. */
  Operation deleteEndpointOperation();

  /** The calls of a save a fault may hit in the randomized test: MediaPackage's and CloudFront's. */
  List<Operation> faultableOperations();

  /** The header a CloudFront origin sends the endpoint's CDN identifier in. */
  String cdnIdentifierHeader();

  /**
   * Removes by hand, as a user in the console would, what lets the channel's distribution read endpoint {@code name}
   * besides the distribution itself: v2's endpoint policy. Answers what details must then name in the endpoint's
   * reason, or empty when the version has nothing of the kind (v1: MediaPackage v1 serves an endpoint without CDN
   * authorization to whoever has its URL). Records no call.
   */
  Optional<String> removeEndpointAccessByHand(String name);

  /** One endpoint name per kind of endpoint the version has: v1's packaging formats, v2's containers. */
  List<String> everyKind();

  /** Saves the channel, asking for a distribution; its CDN outcome. */
  CdnOutcome saveChannel();

  /** Saves the channel without asking for a distribution. */
  void saveChannelWithoutDistribution();

  /** Creates the channel and these endpoints in MediaPackage directly, as another tool would; nothing in CloudFront. */
  void createOutsideTheLibrary(List<String> endpoints);

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

  /** Saves one endpoint of the channel with {@code description}: an update when it exists. */
  EndpointSave saveEndpoint(String name, String description);

  /** The channel's details, as the suite reads them. */
  Details details();

  /** Waits with progress; the details once ready. */
  Details awaitDeployed(Duration timeout, Consumer<DeploymentProgress> progress);

  /** Waits without progress ({@code awaitDeployed(id, timeout)}); the details once ready. */
  Details awaitDeployed(Duration timeout);

  /** Waits without holding a thread ({@code awaitDeployedAsync}), on the scheduler given to {@code open}. */
  CompletableFuture<Details> awaitDeployedAsync(Duration timeout);

  /** The facade's {@code wait}, answering {@code details} of what it answers; cancelling the answer cancels it. */
  static <T> CompletableFuture<Details> answer(CompletableFuture<T> wait, Function<T, Details> details) {
    CompletableFuture<Details> answer = wait.thenApply(details);
    answer.whenComplete((done, failure) -> {
      if (answer.isCancelled()) {
        wait.cancel(true);
      }
    });
    return answer;
  }

  /** Tears the channel down, its distribution with it; what became of the channel and the distribution. */
  TeardownResult teardown();

  /** Tears the channel down without asking for its distribution ({@code TeardownOptions.defaults()}). */
  TeardownResult teardownKeepingTheDistribution();

  /**
   * The link tag's value of the channel's distribution, if the channel exists: the channel's ARN as MediaPackage holds
   * it, or in a scope where the distribution is the channel group's, the group's ARN; records no call.
   */
  Optional<String> channelArn();

  /**
   * The value of the library's channel tag, if the channel exists: on the channel, or in a scope where the
   * distribution is the channel group's, on the group; records no call.
   */
  Optional<String> channelTag();

  /** The names of the channel's endpoints that exist now, visible or not; records no call. */
  List<String> endpointsNow();

  /** The names of the channel's endpoints ListOriginEndpoints shows now; records no call, no fault applies. */
  List<String> endpointsListedNow();

  /** The URLs of the endpoint's manifests on MediaPackage, as stored; records no call. */
  List<String> originUrls(String endpoint);

  /**
   * What the version's own layout must satisfy after recovery, for every channel of the account, beyond what players
   * get: v1 checks its behaviours against CloudFront's guide, field by field ({@code Invariants.hold}); v2's layout
   * (origin access control, endpoint policies, cache policies) is checked by the players' view alone.
   */
  void layoutHolds(Map<DistributionId, DistributionConfig> before);

  /** The version's own layout check of {@code config} serving {@code endpoints}, at the moment a save answers. */
  void layoutServes(DistributionConfig config, List<String> endpoints);

  /** What an endpoint save answered. */
  record EndpointSave(CdnOutcome cdn, List<String> saved, List<String> unsaved, Optional<ProvisioningException> stoppedBy,
      boolean complete) {}

  /** What details answered: the distribution and its status, per endpoint name its CDN URLs, or why it is not served. */
  record Details(Optional<DistributionId> distribution, Optional<DistributionStatus> status, boolean readyForPlayers,
      Map<String, List<String>> cdnUrls,
      Map<String, String> notServed, List<String> notReadyReasons) {}
}
