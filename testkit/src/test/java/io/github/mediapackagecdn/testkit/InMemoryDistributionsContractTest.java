package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.testkit.contract.DistributionsContract;
import java.util.Map;

class InMemoryDistributionsContractTest extends DistributionsContract {

  private final FakeAws aws = FakeAws.create();

  @Override
  protected Distributions distributions() {
    return aws.distributions();
  }

  @Override
  protected Distribution givenDistribution(DistributionConfig config, Map<String, String> tags,
      DistributionStatus status) {
    Distribution created = aws.distributions().create(config, tags);
    if (status == DistributionStatus.DEPLOYED) {
      aws.clock().advance(aws.propagationTime());
    }
    return aws.distributions().peek(created.id()).orElseThrow();
  }

  @Override
  protected void givenCallerReferenceTaken(String callerReference) {
    aws.distributions().create(DistributionConfig.builder().from(placeholderConfig("other", 0))
        .callerReference(callerReference).build(), Map.of());
  }

  @Override
  protected Distribution givenChangedSince(Distribution read) {
    return aws.distributions().edit(read.id(), c -> DistributionConfig.builder().from(c).comment("edited").build());
  }

  @Override
  protected void givenAnotherWriterWinsTheNextUpdate(DistributionId id) {
    aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> givenChangedSince(aws.distributions().peek(id).orElseThrow()));
  }

  @Override
  protected void givenDeployedWhileAwaited(DistributionId id) {
    // The fake deploys after its propagation time, which its waiter lets pass on the fake clock.
  }
}
