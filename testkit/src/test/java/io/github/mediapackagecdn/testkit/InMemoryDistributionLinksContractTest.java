package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.testkit.contract.DistributionLinksContract;
import java.util.Map;

class InMemoryDistributionLinksContractTest extends DistributionLinksContract {

  private final FakeAws aws = FakeAws.create();
  private int created;

  @Override
  protected DistributionLinks links() {
    return aws.links();
  }

  @Override
  protected DistributionId givenDistributionTagged(Map<String, String> tags) {
    return aws.distributions().create(SampleDistributions.newChannelDistribution(ChannelId.of("live"), "ref-" + created++), tags).id();
  }

  @Override
  protected void givenTagRemoved(DistributionId id, String key) {
    aws.distributions().untag(id, key);
  }
}
