package io.github.mediapackagecdn.aws.contract;

import io.github.mediapackagecdn.aws.WireMockAws;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.testkit.contract.DistributionsContract;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DistributionsContract} over {@link WireMockAws}: the fixture hooks arrange CloudFront's state on the wire. */
abstract class WireMockDistributionsContract extends DistributionsContract {

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  private final Function<WireMockAws, Distributions> adapter;

  /** The contract on the port {@code adapter} builds on the test's server. */
  WireMockDistributionsContract(Function<WireMockAws, Distributions> adapter) {
    this.adapter = adapter;
  }

  @Override
  protected Distributions distributions() {
    return adapter.apply(aws);
  }

  @Override
  protected Distribution givenDistribution(DistributionConfig config, Map<String, String> tags,
      DistributionStatus status) {
    return aws.cloudFront().given(config, tags, status);
  }

  @Override
  protected void givenCallerReferenceTaken(String callerReference) {
    aws.cloudFront().takeCallerReference(callerReference);
  }

  @Override
  protected Distribution givenChangedSince(Distribution read) {
    return aws.cloudFront().edit(read.id());
  }

  @Override
  protected void givenAnotherWriterWinsTheNextUpdate(DistributionId id) {
    aws.cloudFront().loseNextUpdateRace(id);
  }

  @Override
  protected void givenDeployedWhileAwaited(DistributionId id) {
    aws.cloudFront().deployAfterOneRead(id);
  }
}
