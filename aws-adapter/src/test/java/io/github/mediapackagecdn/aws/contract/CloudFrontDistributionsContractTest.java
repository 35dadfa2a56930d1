package io.github.mediapackagecdn.aws.contract;

import io.github.mediapackagecdn.aws.WireMockAws;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.testkit.contract.DistributionsContract;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code DistributionsContract} on the CloudFront adapter, over WireMock answering as CloudFront does: the fixture
 * hooks arrange CloudFront's state on the wire.
 */
class CloudFrontDistributionsContractTest extends DistributionsContract {

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  @Override
  protected Distributions distributions() {
    return aws.distributions();
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
