package io.github.mediapackagecdn.testkit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.testkit.Faults;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Invariants;
import io.github.mediapackagecdn.testkit.Operation;
import io.github.mediapackagecdn.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * For the n-th call of every use case (the calls counted from a clean run on the side under test), each fault kind:
 * the use case succeeds, or a batch stops partway, or it fails with a typed error; and after the documented recovery
 * (doing it again) what {@link PlayersView#holdAfterRecovery} checks holds: every CDN URL details give plays in the
 * fake (every request a player makes answers 200), details say ready for players, the channel has one distribution,
 * the user's part of every configuration is untouched, and the version's own layout holds. {@code RACE_412} is a
 * concurrent write between the library's read and its UpdateDistribution, so CloudFront answers 412 for real and the
 * library must re-read and retry: the faulted run makes one more GetDistribution and one more UpdateDistribution than
 * the clean run. How the faulted runs ended ({@link Result}) is asserted per fault kind and per version
 * ({@link #expectedSplit()}), so a change in behaviour shows. Run on each version by a subclass that names its side
 * and its figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultMatrixTests {

  /** The faults, per call; delayed visibility applies to the whole use case. */
  enum Fault {
    THROTTLED,
    SERVER_ERROR,
    LOST_RESPONSE,
    RACE_412,
    DELAYED_VISIBILITY
  }

  private static final String RACE_ALIAS = "race.example.com";

  private final Map<Fault, int[]> split = new EnumMap<>(Fault.class);

  /** A fresh side on a fresh fake account. */
  abstract Side side();

  /**
   * The split each fault kind shows over the whole matrix on this version: {successes, batches stopped partway, typed
   * errors}. A change in
   * how the library handles a fault changes these figures and fails the matrix; update them deliberately.
   */
  abstract Map<Fault, int[]> expectedSplit();

  /** A use case: how the account is prepared, what is done (and done again to recover). */
  record UseCase(String name, Consumer<Side> setup, Function<Side, Object> action) {}

  private static List<UseCase> useCases() {
    return List.of(
        new UseCase("saveChannel (new, with distribution)", side -> {}, Side::saveChannel),
        new UseCase("saveChannel (existing with endpoints: adds a distribution)", side -> {
          side.saveChannelWithoutDistribution();
          side.saveEndpoints(side.everyKind());
        }, Side::saveChannel),
        new UseCase("saveEndpoint (channel with distribution)", side -> {
          side.saveChannel();
          Invariants.editEveryDistribution(side.aws());
        }, side -> side.saveEndpoint("hls", "")),
        new UseCase("saveEndpoint (update of an existing endpoint)", side -> {
          side.saveChannel();
          side.saveEndpoint("cmaf", "");
          Invariants.editEveryDistribution(side.aws());
        }, side -> side.saveEndpoint("cmaf", "renamed")),
        new UseCase("saveEndpoints (one of every kind at once)", side -> {
          side.saveChannel();
          Invariants.editEveryDistribution(side.aws());
        }, side -> side.saveEndpoints(side.everyKind())),
        new UseCase("attachDistribution (channel created elsewhere)",
            side -> side.createOutsideTheLibrary(side.everyKind()), Side::attachDistribution),
        new UseCase("details", side -> {
          side.saveChannel();
          side.saveEndpoints(side.everyKind());
          Invariants.editEveryDistribution(side.aws());
        }, Side::details),
        new UseCase("awaitDeployed", side -> {
          side.saveChannel();
          side.saveEndpoints(side.everyKind());
          Invariants.editEveryDistribution(side.aws());
        }, side -> side.awaitDeployed(Duration.ofMinutes(30), progress -> {})));
  }

  private Side prepared(UseCase useCase) {
    Side side = side();
    side.open(event -> {});
    useCase.setup().accept(side);
    return side;
  }

  /** The calls a use case makes when nothing goes wrong, in order. */
  private List<RecordedCall> callsOf(UseCase useCase) {
    Side side = prepared(useCase);
    side.aws().clearCalls();
    useCase.action().apply(side);
    return side.aws().calls();
  }

  @TestFactory
  Stream<DynamicTest> everyFaultOnEveryCallOfEveryUseCase() {
    List<DynamicTest> tests = new ArrayList<>();
    for (UseCase useCase : useCases()) {
      List<RecordedCall> clean = callsOf(useCase);
      for (int n = 0; n < clean.size(); n++) {
        Operation operation = clean.get(n).operation();
        long earlier = clean.subList(0, n).stream().filter(c -> c.operation() == operation).count();
        List<Fault> faults = operation == Operation.UPDATE_DISTRIBUTION
            ? List.of(Fault.THROTTLED, Fault.SERVER_ERROR, Fault.LOST_RESPONSE, Fault.RACE_412)
            : List.of(Fault.THROTTLED, Fault.SERVER_ERROR, Fault.LOST_RESPONSE);
        for (Fault fault : faults) {
          tests.add(DynamicTest.dynamicTest(
              useCase.name() + " / call " + (n + 1) + " of " + clean.size() + " " + operation.apiName() + " / "
                  + fault,
              () -> run(useCase, fault, clean, aws -> inject(aws, operation, (int) earlier, fault))));
        }
      }
      tests.add(DynamicTest.dynamicTest(useCase.name() + " / every read / " + Fault.DELAYED_VISIBILITY,
          () -> run(useCase, Fault.DELAYED_VISIBILITY, clean, aws -> aws.delayVisibility(Duration.ofSeconds(20)))));
    }
    return tests.stream();
  }

  /** Faults the call of {@code operation} after {@code earlier} calls of it: the n-th call of the use case. */
  private static void inject(FakeAws aws, Operation operation, int earlier, Fault fault) {
    for (int i = 0; i < earlier; i++) {
      aws.beforeNext(operation, () -> {}); // lets the earlier calls of the operation through untouched
    }
    switch (fault) {
      case THROTTLED -> aws.failNext(operation, 1, Faults.throttled(operation));
      case SERVER_ERROR -> aws.failNext(operation, 1, Faults.serviceUnavailable(operation));
      case LOST_RESPONSE -> aws.loseNextResponse(operation);
      // a user's write lands between the library's GetDistribution and this UpdateDistribution: a real 412
      case RACE_412 -> aws.beforeNext(operation, () -> aws.distributions().all().forEach(d -> aws.distributions()
          .edit(d.id(), config -> DistributionConfig.builder().from(config).addAliases(RACE_ALIAS).build())));
      case DELAYED_VISIBILITY -> throw new IllegalArgumentException("not a per-call fault");
    }
  }

  private void run(UseCase useCase, Fault fault, List<RecordedCall> clean, Consumer<FakeAws> injection) {
    try {
      runOrFail(useCase, fault, clean, injection);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(useCase.name() + " / " + fault + ": " + e, e);
    }
  }

  private void runOrFail(UseCase useCase, Fault fault, List<RecordedCall> clean, Consumer<FakeAws> injection) {
    Side side = prepared(useCase);
    FakeAws aws = side.aws();
    boolean userEdited = !aws.distributions().all().isEmpty();
    Map<DistributionId, DistributionConfig> before = Invariants.snapshot(aws);
    if (fault == Fault.RACE_412) {
      before.replaceAll((id, config) -> DistributionConfig.builder().from(config).addAliases(RACE_ALIAS).build());
    }
    aws.clearCalls();
    injection.accept(aws);

    Result result;
    try {
      result = Result.of(useCase.action().apply(side));
    } catch (ProvisioningException e) {
      result = Result.TYPED_ERROR;
    }
    boolean typedFailure = result == Result.TYPED_ERROR;
    synchronized (split) {
      split.computeIfAbsent(fault, f -> new int[Result.values().length])[result.ordinal()]++;
    }
    if (fault == Fault.RACE_412) {
      // the 412 was real: one more read and one more write than the clean run, and the retry succeeded
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).as("UpdateDistribution calls, with the 412")
          .hasSize(count(clean, Operation.UPDATE_DISTRIBUTION) + 1);
      assertThat(aws.calls(Operation.GET_DISTRIBUTION)).as("GetDistribution calls, with the re-read")
          .hasSize(count(clean, Operation.GET_DISTRIBUTION) + 1);
      assertThat(typedFailure).as("a 412 is retried after a re-read").isFalse();
    }

    aws.clearFaults();
    aws.delayVisibility(Duration.ZERO);
    Object recovered = useCase.action().apply(side); // the documented recovery: do it again
    assertThat(Result.of(recovered)).as("recovery of %s", useCase.name()).isEqualTo(Result.SUCCEEDED);

    aws.clock().advance(aws.propagationTime()); // deployed, and what was created under the lag is visible by now
    PlayersView.holdAfterRecovery(side, before);
    if (fault == Fault.RACE_412 && userEdited) {
      aws.distributions().all().forEach(d -> assertThat(d.config().aliases()).contains(RACE_ALIAS));
    }
  }

  private static int count(List<RecordedCall> calls, Operation operation) {
    return (int) calls.stream().filter(c -> c.operation() == operation).count();
  }

  /** How a faulted run of a use case ended, before the recovery. */
  enum Result {
    /** The use case did all it does. */
    SUCCEEDED,
    /** A batch MediaPackage stopped partway: the endpoints saved before the fault served, the others named. */
    STOPPED_PARTWAY,
    /** A typed error, thrown or in the CDN outcome. */
    TYPED_ERROR;

    static Result of(Object result) {
      if (cdnFailed(result)) {
        return TYPED_ERROR;
      }
      return result instanceof Side.EndpointSave saved && saved.stoppedBy().isPresent() ? STOPPED_PARTWAY : SUCCEEDED;
    }
  }

  private static boolean cdnFailed(Object result) {
    if (result instanceof Side.EndpointSave saved) {
      return saved.cdn().failed();
    }
    return result instanceof CdnOutcome outcome && outcome.failed();
  }

  @AfterAll
  void report() {
    int total = 0;
    StringBuilder line = new StringBuilder();
    for (Fault fault : Fault.values()) {
      int[] figures = split.getOrDefault(fault, new int[Result.values().length]);
      total += figures[0] + figures[1] + figures[2];
      line.append(String.format(" %s %d/%d/%d;", fault, figures[0], figures[1], figures[2]));
    }
    System.out.println(getClass().getSimpleName() + ": " + total + " faulted runs, each recovered by doing it again,"
        + " after which every CDN URL played in the fake and the layout held. Per fault kind, runs that succeeded /"
        + " batches stopped partway (the endpoints saved before the fault served, the others named) / typed errors:"
        + line);
    if (total == 0) {
      return; // a filtered run (-Dtest=...#other) ran no case of the matrix
    }
    for (Fault fault : Fault.values()) {
      assertThat(split.getOrDefault(fault, new int[Result.values().length]))
          .as("%s: {succeeded, stopped partway, typed errors}", fault).containsExactly(expectedSplit().get(fault));
    }
  }
}
