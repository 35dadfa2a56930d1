package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.provisioning.RecordingDistributions;
import io.github.mediapackagecdn.testkit.contract.DistributionLinksContract;
import java.util.Map;

/** {@link DistributionLinksContract} on core's own test double (from core's test-jar), which core's use-case tests trust. */
class RecordingDistributionLinksContractTest extends DistributionLinksContract {

  private final RecordingDistributions distributions = new RecordingDistributions();
  private int created;

  @Override
  protected DistributionLinks links() {
    return distributions;
  }

  @Override
  protected DistributionId givenDistributionTagged(Map<String, String> tags) {
    return distributions.seed(SampleDistributions.newChannelDistribution(ChannelId.of("live"), "ref-" + created++),
        tags);
  }

  @Override
  protected void givenTagRemoved(DistributionId id, String key) {
    distributions.untag(id, key);
  }

}
