package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelSaveResult;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every port call of every use case, each fault kind: the use case succeeds or fails with a typed error, and
 * after the documented recovery (doing it again) at most one distribution per channel exists, every endpoint's
 * behaviours are present and every user setting is unchanged.
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

  /** The operations a use case calls when nothing goes wrong. */
  private static Set<Operation> operationsOf(UseCase useCase) {
    FakeAws aws = FakeAws.create();
    ChannelCdn cdn = aws.channelCdn();
    useCase.setup().accept(aws, cdn);
    aws.clearCalls();
    useCase.action().apply(cdn);
    Set<Operation> operations = new LinkedHashSet<>();
    aws.calls().forEach(c -> operations.add(c.operation()));
    return operations;
  }

  @TestFactory
  Stream<DynamicTest> everyFaultOnEveryCallOfEveryUseCase() {
    List<DynamicTest> tests = new ArrayList<>();
    for (UseCase useCase : useCases()) {
      for (Operation operation : operationsOf(useCase)) {
        for (Fault fault : List.of(Fault.THROTTLED, Fault.SERVER_ERROR, Fault.LOST_RESPONSE, Fault.RACE_412)) {
          tests.add(DynamicTest.dynamicTest(useCase.name() + " / " + operation.apiName() + " / " + fault,
              () -> run(useCase, fault, aws -> inject(aws, operation, fault))));
        }
      }
      tests.add(DynamicTest.dynamicTest(useCase.name() + " / every read / " + Fault.DELAYED_VISIBILITY,
          () -> run(useCase, Fault.DELAYED_VISIBILITY, aws -> aws.delayVisibility(Duration.ofSeconds(20)))));
    }
    return tests.stream();
  }

  private static void inject(FakeAws aws, Operation operation, Fault fault) {
    switch (fault) {
      case THROTTLED -> aws.failNext(operation, 1, Faults.throttled(operation));
      case SERVER_ERROR -> aws.failNext(operation, 1, Faults.serviceUnavailable(operation));
      case LOST_RESPONSE -> aws.loseNextResponse(operation);
      case RACE_412 -> aws.beforeNext(operation, () -> aws.distributions().all().forEach(d -> aws.distributions()
          .edit(d.id(), config -> DistributionConfig.builder().from(config).addAliases("race.example.com").build())));
      case DELAYED_VISIBILITY -> throw new IllegalArgumentException("not a per-call fault");
    }
  }

  private static void run(UseCase useCase, Fault fault, Consumer<FakeAws> injection) {
    FakeAws aws = FakeAws.create();
    ChannelCdn cdn = aws.channelCdn();
    useCase.setup().accept(aws, cdn);
    boolean userEdited = !aws.distributions().all().isEmpty();
    injection.accept(aws);

    boolean typedFailure;
    try {
      Object result = useCase.action().apply(cdn);
      typedFailure = cdnFailed(result);
    } catch (ProvisioningException e) {
      typedFailure = true;
    }
    (typedFailure ? FAILED_TYPED : SUCCEEDED).computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();

    aws.clearFaults();
    aws.delayVisibility(Duration.ZERO);
    Object recovered = useCase.action().apply(cdn); // the documented recovery: do it again
    assertThat(cdnFailed(recovered)).as("recovery of %s", useCase.name()).isFalse();

    Invariants.hold(aws, userEdited);
    if (fault == Fault.RACE_412 && userEdited) {
      aws.distributions().all().forEach(d -> assertThat(d.config().aliases()).contains("race.example.com"));
    }
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
  }
}
