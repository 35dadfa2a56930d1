package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelSaveResult;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For the n-th port call of every use case (the calls counted from a clean run), each fault kind: the use case
 * succeeds or fails with a typed error, and after the documented recovery (doing it again) the whole of
 * {@link Invariants#hold} holds. {@code RACE_412} is a concurrent write between the library's read and its
 * UpdateDistribution, so CloudFront answers 412 for real and the library must re-read and retry; it is asserted
 * that the faulted run made one more GetDistribution and one more UpdateDistribution than the clean run. The split
 * between successes and typed errors is asserted per fault kind, so a change in behaviour shows.
 */
class FaultMatrixTest {

  /** The faults, per port call; delayed visibility applies to the whole use case. */
  enum Fault {
    THROTTLED,
    SERVER_ERROR,
    LOST_RESPONSE,
    RACE_412,
    DELAYED_VISIBILITY
  }

  /**
   * 210 cases: 66 calls in the clean runs of the eight use cases, three faults each, four 412 races, eight lags (a new
   * channel with a distribution makes 5 calls, not 7: see {@code CallsPerSaveTest}).
   */
  private static final int EXPECTED_THROTTLED_OK = 3;
  private static final int EXPECTED_THROTTLED_TYPED = 63;
  private static final int EXPECTED_SERVER_ERROR_OK = 3;
  private static final int EXPECTED_SERVER_ERROR_TYPED = 63;
  private static final int EXPECTED_LOST_OK = 3;
  private static final int EXPECTED_LOST_TYPED = 63;
  private static final int EXPECTED_RACE_OK = 4;
  private static final int EXPECTED_RACE_TYPED = 0;
  private static final int EXPECTED_DELAYED_OK = 8;
  private static final int EXPECTED_DELAYED_TYPED = 0;

  private static final Map<Fault, AtomicInteger> SUCCEEDED = new EnumMap<>(Fault.class);
  private static final Map<Fault, AtomicInteger> FAILED_TYPED = new EnumMap<>(Fault.class);

  /** A use case: how the account is prepared, what is done (and done again to recover). */
  record UseCase(String name, BiConsumer<FakeAws, ChannelCdn> setup, Function<ChannelCdn, Object> action) {}

  private static final ChannelId CHANNEL = ChannelId.of(Specs.CHANNEL);

  static List<UseCase> useCases() {
    return List.of(
        new UseCase("saveChannel (new, with distribution)", (aws, cdn) -> {},
            cdn -> cdn.saveChannel(Specs.channelWithDistribution())),
        new UseCase("saveChannel (existing with endpoints: adds a distribution)", (aws, cdn) -> {
          cdn.saveChannel(Specs.channelWithoutDistribution());
          cdn.saveEndpoints(Specs.allFormats());
        }, cdn -> cdn.saveChannel(Specs.channelWithDistribution())),
        new UseCase("saveEndpoint (channel with distribution)", (aws, cdn) -> {
          cdn.saveChannel(Specs.channelWithDistribution());
          Invariants.editEveryDistribution(aws);
        }, cdn -> cdn.saveEndpoint(Specs.endpoint(Packaging.HLS))),
        new UseCase("saveEndpoint (update of an existing endpoint)", (aws, cdn) -> {
          cdn.saveChannel(Specs.channelWithDistribution());
          cdn.saveEndpoint(Specs.endpoint(Packaging.DASH));
          Invariants.editEveryDistribution(aws);
        }, cdn -> cdn.saveEndpoint(EndpointSpec.builder().from(Specs.endpoint(Packaging.DASH))
            .description("renamed").build())),
        new UseCase("saveEndpoints (four formats at once)", (aws, cdn) -> {
          cdn.saveChannel(Specs.channelWithDistribution());
          Invariants.editEveryDistribution(aws);
        }, cdn -> cdn.saveEndpoints(Specs.allFormats())),
        new UseCase("attachDistribution (channel created elsewhere)", (aws, cdn) -> {
          aws.channels().create(Specs.channelWithoutDistribution());
          Specs.allFormats().forEach(aws.channels()::createEndpoint);
        }, cdn -> cdn.attachDistribution(CHANNEL)),
        new UseCase("details", (aws, cdn) -> {
          cdn.saveChannel(Specs.channelWithDistribution());
          cdn.saveEndpoints(Specs.allFormats());
          Invariants.editEveryDistribution(aws);
        }, cdn -> cdn.details(CHANNEL)),
        new UseCase("awaitDeployed", (aws, cdn) -> {
          cdn.saveChannel(Specs.channelWithDistribution());
          cdn.saveEndpoints(Specs.allFormats());
          Invariants.editEveryDistribution(aws);
        }, cdn -> cdn.awaitDeployed(CHANNEL, Duration.ofMinutes(30))));
  }

  /**
   * The split each fault kind must show over the whole matrix: {successes, typed errors}. A change in how the
   * library handles a fault changes these figures and fails the matrix; update them deliberately.
   */
  static final Map<Fault, int[]> EXPECTED_SPLIT = Map.of(
      Fault.THROTTLED, new int[] {EXPECTED_THROTTLED_OK, EXPECTED_THROTTLED_TYPED},
      Fault.SERVER_ERROR, new int[] {EXPECTED_SERVER_ERROR_OK, EXPECTED_SERVER_ERROR_TYPED},
      Fault.LOST_RESPONSE, new int[] {EXPECTED_LOST_OK, EXPECTED_LOST_TYPED},
      Fault.RACE_412, new int[] {EXPECTED_RACE_OK, EXPECTED_RACE_TYPED},
      Fault.DELAYED_VISIBILITY, new int[] {EXPECTED_DELAYED_OK, EXPECTED_DELAYED_TYPED});

  /** The calls a use case makes when nothing goes wrong, in order. */
  private static List<RecordedCall> callsOf(UseCase useCase) {
    FakeAws aws = FakeAws.create();
    ChannelCdn cdn = aws.channelCdn();
    useCase.setup().accept(aws, cdn);
    aws.clearCalls();
    useCase.action().apply(cdn);
    return aws.calls();
  }

  @TestFactory
  Stream<DynamicTest> everyFaultOnEveryCallOfEveryUseCase() {
    List<DynamicTest> tests = new ArrayList<>();
    for (UseCase useCase : useCases()) {
      List<RecordedCall> clean = callsOf(useCase);
      for (int n = 0; n < clean.size(); n++) {
        Operation operation = clean.get(n).operation();
        int nth = n;
        long earlier = clean.subList(0, n).stream().filter(c -> c.operation() == operation).count();
        List<Fault> faults = operation == Operation.UPDATE_DISTRIBUTION
            ? List.of(Fault.THROTTLED, Fault.SERVER_ERROR, Fault.LOST_RESPONSE, Fault.RACE_412)
            : List.of(Fault.THROTTLED, Fault.SERVER_ERROR, Fault.LOST_RESPONSE);
        for (Fault fault : faults) {
          tests.add(DynamicTest.dynamicTest(
              useCase.name() + " / call " + (nth + 1) + " of " + clean.size() + " " + operation.apiName() + " / "
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

  private static final String RACE_ALIAS = "race.example.com";

  private static void run(UseCase useCase, Fault fault, List<RecordedCall> clean, Consumer<FakeAws> injection) {
    try {
      runOrFail(useCase, fault, clean, injection);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(useCase.name() + " / " + fault + ": " + e, e);
    }
  }

  private static void runOrFail(
      UseCase useCase, Fault fault, List<RecordedCall> clean, Consumer<FakeAws> injection) {
    FakeAws aws = FakeAws.create();
    ChannelCdn cdn = aws.channelCdn();
    useCase.setup().accept(aws, cdn);
    boolean userEdited = !aws.distributions().all().isEmpty();
    Map<DistributionId, DistributionConfig> before = Invariants.snapshot(aws);
    if (fault == Fault.RACE_412) {
      before.replaceAll((id, config) -> DistributionConfig.builder().from(config).addAliases(RACE_ALIAS).build());
    }
    aws.clearCalls();
    injection.accept(aws);

    boolean typedFailure;
    try {
      Object result = useCase.action().apply(cdn);
      typedFailure = cdnFailed(result);
    } catch (ProvisioningException e) {
      typedFailure = true;
    }
    (typedFailure ? FAILED_TYPED : SUCCEEDED).computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
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
    Object recovered = useCase.action().apply(cdn); // the documented recovery: do it again
    assertThat(cdnFailed(recovered)).as("recovery of %s", useCase.name()).isFalse();

    aws.clock().advance(Duration.ofMinutes(1)); // what was created under the lag is visible by now
    Invariants.hold(aws, before, cdn);
    if (fault == Fault.RACE_412 && userEdited) {
      aws.distributions().all().forEach(d -> assertThat(d.config().aliases()).contains(RACE_ALIAS));
    }
  }

  private static int count(List<RecordedCall> calls, Operation operation) {
    return (int) calls.stream().filter(c -> c.operation() == operation).count();
  }

  private static boolean cdnFailed(Object result) {
    if (result instanceof ChannelSaveResult saved) {
      return saved.cdn().failed();
    }
    if (result instanceof EndpointSaveResult saved) {
      return saved.cdn().failed();
    }
    return result instanceof CdnOutcome outcome && outcome.failed();
  }

  @AfterAll
  static void report() {
    int total = 0;
    StringBuilder line = new StringBuilder();
    for (Fault fault : Fault.values()) {
      int ok = SUCCEEDED.getOrDefault(fault, new AtomicInteger()).get();
      int typed = FAILED_TYPED.getOrDefault(fault, new AtomicInteger()).get();
      total += ok + typed;
      line.append(String.format(" %s: %d succeeded, %d typed errors;", fault, ok, typed));
    }
    System.out.println("Fault matrix: " + total + " cases, invariants held after recovery in all;" + line);
    if (total == 0) {
      return; // a filtered run (-Dtest=...#other) ran no case of the matrix
    }
    for (Fault fault : Fault.values()) {
      int ok = SUCCEEDED.getOrDefault(fault, new AtomicInteger()).get();
      int typed = FAILED_TYPED.getOrDefault(fault, new AtomicInteger()).get();
      assertThat(new int[] {ok, typed}).as("%s: {succeeded, typed errors}", fault)
          .containsExactly(EXPECTED_SPLIT.get(fault));
    }
  }
}
