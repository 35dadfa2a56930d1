package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.provisioning.RecordingDistributions;
import io.github.mediapackagecdn.testkit.contract.DistributionsContract;
import java.time.Duration;
import java.util.Map;

/** {@link DistributionsContract} on core's own test double (from core's test-jar), which core's use-case tests trust. */
class RecordingDistributionsContractTest extends DistributionsContract {

  private final RecordingDistributions distributions = new RecordingDistributions();

  RecordingDistributionsContractTest() {
    distributions.deployOnlyWhenAllowed();
  }

  @Override
  protected Distributions distributions() {
    return distributions;
  }

  @Override
  protected Distribution givenDistribution(DistributionConfig config, Map<String, String> tags,
      DistributionStatus status) {
    DistributionId id = distributions.seed(config, tags);
    if (status == DistributionStatus.DEPLOYED) {
      distributions.deploysWhenAwaited(id);
      distributions.awaitDeployed(id, Duration.ZERO);
    }
    return distributions.find(id).orElseThrow();
  }

  @Override
  protected void givenCallerReferenceTaken(String callerReference) {
    distributions.seed(DistributionConfig.builder().from(placeholderConfig("other", 0))
        .callerReference(callerReference).build(), Map.of());
  }

  @Override
  protected Distribution givenChangedSince(Distribution read) {
    return distributions.edit(read.id());
  }

  @Override
  protected void givenAnotherWriterWinsTheNextUpdate(DistributionId id) {
    distributions.staleNextUpdates(1);
  }

  @Override
  protected void givenDeployedWhileAwaited(DistributionId id) {
    distributions.deploysWhenAwaited(id);
  }
}
