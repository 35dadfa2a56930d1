package io.github.mediapackagecdn.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.provisioning.DistributionLayout;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import io.github.mediapackagecdn.testkit.contract.DistributionLinksContract;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DistributionLinksContract} on the CloudFront-only adapter (ListDistributions and ListTagsForResource), over WireMock answering as CloudFront does. */
class CloudFrontTagDistributionLinksContractTest extends DistributionLinksContract {

  private static final Answers answers = new Answers();

  @RegisterExtension
  static WireMockExtension wm = Answers.extension(answers);

  /** The server starts anew, on another port, for each {@code @Nested} group: one adapter per port. */
  private static int port;
  private static DistributionLinks links;

  private final CloudFrontWorld cloudFront = new CloudFrontWorld(wm, answers);
  private int created;

  @BeforeEach
  void emptyWorldAndAdapter() {
    answers.clear();
    cloudFront.install();
    if (wm.getPort() != port) {
      port = wm.getPort();
      links = AwsChannelCdn.cloudFrontTagLinks(Wire.cloudFront(wm));
    }
  }

  @Override
  protected DistributionLinks links() {
    return links;
  }

  @Override
  protected DistributionId givenDistributionTagged(Map<String, String> tags) {
    return cloudFront.given(DistributionLayout.newDistribution(ChannelId.of("live"), "ref-" + created++,
        Optional.empty(), LiveCdnSettings.defaults()), tags, DistributionStatus.DEPLOYED).id();
  }

  @Override
  protected void givenTagRemoved(DistributionId id, String key) {
    cloudFront.untag(id, key);
  }
}
