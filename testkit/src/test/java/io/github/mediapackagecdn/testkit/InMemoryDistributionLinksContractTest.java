package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.testkit.contract.DistributionLinksContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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

  @Nested
  class All {
    // moved from DistributionLinksContract: the port has no such query, the fake keeps it for tests


    @Test
    void all_whenSeveralChannels_groupsTheDistributionsByChannelArn() {
      DistributionId a1 = givenDistributionTagged(Map.of(KEY, ARN_A));
      DistributionId b = givenDistributionTagged(Map.of(KEY, ARN_B, "team", "sports"));
      DistributionId a2 = givenDistributionTagged(Map.of(KEY, ARN_A));
      givenDistributionTagged(Map.of("team", "news"));
      DistributionId untagged = givenDistributionTagged(Map.of(KEY, ARN_B));
      givenTagRemoved(untagged, KEY);

      Map<String, List<DistributionId>> all = aws.links().all(KEY);

      assertThat(all).containsOnlyKeys(ARN_A, ARN_B);
      assertThat(all.get(ARN_A)).containsExactlyInAnyOrder(a1, a2);
      assertThat(all.get(ARN_B)).containsExactly(b);
    }

    @Test
    void all_whenNoDistributionIsLinked_returnsEmpty() {
      givenDistributionTagged(Map.of("team", "news"));

      assertThat(aws.links().all(KEY)).isEmpty();
    }
  }
}
