package io.github.mediapackagecdn.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.testkit.contract.DistributionsContract;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link DistributionsContract} on the CloudFront adapter, over WireMock answering as CloudFront does. The waiter
 * polls without pause and gives up after {@value #POLLS} reads, so that waiting takes no time.
 */
class CloudFrontDistributionsContractTest extends DistributionsContract {

  private static final int POLLS = 4;
  private static final Answers answers = new Answers();

  @RegisterExtension
  static WireMockExtension wm = Answers.extension(answers);

  /** The server starts anew, on another port, for each {@code @Nested} group: one adapter per port. */
  private static int port;
  private static Distributions distributions;

  private final CloudFrontWorld world = new CloudFrontWorld(wm, answers);

  @BeforeEach
  void emptyWorldAndAdapter() {
    answers.clear();
    world.install();
    if (wm.getPort() != port) {
      port = wm.getPort();
      distributions = new CloudFrontDistributions(Wire.cloudFront(wm), Duration.ZERO, POLLS);
    }
  }

  @Override
  protected Distributions distributions() {
    return distributions;
  }

  @Override
  protected Distribution givenDistribution(DistributionConfig config, Map<String, String> tags,
      DistributionStatus status) {
    return world.given(config, tags, status);
  }

  @Override
  protected void givenCallerReferenceTaken(String callerReference) {
    world.takeCallerReference(callerReference);
  }

  @Override
  protected Distribution givenChangedSince(Distribution read) {
    return world.edit(read.id());
  }

  @Override
  protected void givenAnotherWriterWinsTheNextUpdate(DistributionId id) {
    world.loseNextUpdateRace(id);
  }

  @Override
  protected void givenDeployedWhileAwaited(DistributionId id) {
    world.deployAfterOneRead(id);
  }
}
