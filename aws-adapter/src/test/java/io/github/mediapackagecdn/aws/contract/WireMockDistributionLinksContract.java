package io.github.mediapackagecdn.aws.contract;

import io.github.mediapackagecdn.aws.WireMockAws;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.testkit.SampleDistributions;
import io.github.mediapackagecdn.testkit.contract.DistributionLinksContract;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link DistributionLinksContract} over {@link WireMockAws}: the fixture hooks tag distributions in CloudFront on the
 * wire, which the tagging API world indexes too.
 */
abstract class WireMockDistributionLinksContract extends DistributionLinksContract {

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  private final Function<WireMockAws, DistributionLinks> adapter;
  private int created;

  /** The contract on the port {@code adapter} builds on the test's server. */
  WireMockDistributionLinksContract(Function<WireMockAws, DistributionLinks> adapter) {
    this.adapter = adapter;
  }

  @Override
  protected DistributionLinks links() {
    return adapter.apply(aws);
  }

  @Override
  protected DistributionId givenDistributionTagged(Map<String, String> tags) {
    return aws.cloudFront().given(SampleDistributions.newChannelDistribution(ChannelId.of("live"), "ref-" + created++),
        tags, DistributionStatus.DEPLOYED).id();
  }

  @Override
  protected void givenTagRemoved(DistributionId id, String key) {
    aws.cloudFront().untag(id, key);
  }
}
