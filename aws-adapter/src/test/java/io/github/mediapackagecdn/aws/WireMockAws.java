package io.github.mediapackagecdn.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.aws.fixtures.Answers;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontPoliciesWorld;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontWorld;
import io.github.mediapackagecdn.aws.fixtures.MediaPackageV2World;
import io.github.mediapackagecdn.aws.fixtures.MediaPackageWorld;
import io.github.mediapackagecdn.aws.fixtures.TaggingWorld;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.mediapackagev2.MediaPackageV2Client;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A JUnit 5 extension for the contract runs: a WireMock server answering as CloudFront, MediaPackage v1 and the
 * Resource Groups Tagging API do (the {@code fixtures} worlds), and the adapter's ports pointed at it (endpoint
 * override, static credentials, us-east-1 for CloudFront and tagging, no retries).
 *
 * <p>Register it on an instance field ({@code @RegisterExtension final WireMockAws aws = new WireMockAws();}): each
 * test starts its own server on a dynamic port with empty worlds, and gets new ports; after the test the clients are
 * closed and the server stops. Nothing is static, so runs cannot leak state into each other.
 */
public final class WireMockAws implements BeforeEachCallback, AfterEachCallback {

  /** Status reads before {@code awaitDeployed} gives up; the waiter reads without pause, so waiting takes no time. */
  public static final int POLLS = 4;

  private final Answers answers = new Answers();
  private final WireMockExtension server = Wire.extension(answers);
  private final CloudFrontWorld cloudFront = new CloudFrontWorld(server, answers);
  private final MediaPackageWorld mediaPackage = new MediaPackageWorld(server, answers);
  private final TaggingWorld tagging = new TaggingWorld(server, answers, cloudFront);
  private final MediaPackageV2World mediaPackageV2 = new MediaPackageV2World(server, answers);
  private final CloudFrontPoliciesWorld cloudFrontPolicies = new CloudFrontPoliciesWorld(server, answers);
  private MediaPackageV2Client mediaPackageV2Client;
  /** The SDK clients built during the current test, closed after it; null outside a test. */
  private List<SdkAutoCloseable> clients;
  private CloudFrontClient cloudFrontClient;
  private MediaPackageClient mediaPackageClient;
  private ResourceGroupsTaggingApiClient taggingClient;

  /** A server that starts before each test; register the instance with {@code @RegisterExtension}. */
  public WireMockAws() {}

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server.beforeEach(context);
    answers.clear();
    cloudFront.install();
    mediaPackage.install();
    tagging.install();
    mediaPackageV2.install();
    cloudFrontPolicies.install();
    clients = new ArrayList<>();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      if (clients != null) {
        for (SdkAutoCloseable client : clients) {
          client.close();
        }
      }
    } finally {
      clients = null;
      cloudFrontClient = null;
      mediaPackageClient = null;
      taggingClient = null;
      mediaPackageV2Client = null;
      server.afterEach(context);
    }
  }

  /** CloudFront on WireMock: its distributions and tags. */
  public CloudFrontWorld cloudFront() {
    return cloudFront;
  }

  /** MediaPackage v1 on WireMock: its channels and endpoints. */
  public MediaPackageWorld mediaPackage() {
    return mediaPackage;
  }

  /** The Resource Groups Tagging API on WireMock, over the CloudFront world's distributions. */
  public TaggingWorld tagging() {
    return tagging;
  }

  /** MediaPackage v2 on WireMock: its channel groups, channels, endpoints and endpoint policies. */
  public MediaPackageV2World mediaPackageV2() {
    return mediaPackageV2;
  }

  /** CloudFront's origin access controls and cache policies on WireMock. */
  public CloudFrontPoliciesWorld cloudFrontPolicies() {
    return cloudFrontPolicies;
  }

  /** The MediaPackage v2 adapter. */
  public ChannelGroups channelGroups() {
    if (mediaPackageV2Client == null) {
      mediaPackageV2Client = built(Wire.mediaPackageV2(server));
    }
    return AwsChannelCdn.channelGroups(mediaPackageV2Client);
  }

  /**
   * The v2 library as {@link AwsChannelCdn#v2Builder()} builds it, on this server's MediaPackage v2, CloudFront and
   * tagging clients (closed after the test), waiting for a deployment without pause.
   */
  public ChannelCdnV2 channelCdnV2() {
    return channelCdnV2(V2CdnSettings.defaults());
  }

  /** {@link #channelCdnV2()} with v2's settings {@code v2Settings} (the distribution scope, say). */
  public ChannelCdnV2 channelCdnV2(V2CdnSettings v2Settings) {
    if (mediaPackageV2Client == null) {
      mediaPackageV2Client = built(Wire.mediaPackageV2(server));
    }
    return AwsChannelCdn.v2Builder()
        .v2Settings(v2Settings)
        .mediaPackageRegion(Region.US_WEST_2)
        .mediaPackageV2Client(mediaPackageV2Client)
        .cloudFrontClient(cloudFrontClient())
        .taggingClient(taggingClient())
        .deploymentPollInterval(Duration.ZERO)
        .build();
  }

  /** The CloudFront origin access control and cache policy adapter. */
  public CloudFrontPolicies cloudFrontPoliciesPort() {
    return AwsChannelCdn.cloudFrontPolicies(cloudFrontClient());
  }

  /** The requests the server received that match {@code pattern}, in order. */
  public List<LoggedRequest> requests(RequestPatternBuilder pattern) {
    return server.findAll(pattern);
  }

  /** The MediaPackage adapter. */
  public Channels channels() {
    return AwsChannelCdn.channels(mediaPackageClient());
  }

  /** The CloudFront adapter, waiting for a deployment over at most {@link #POLLS} status reads without pause. */
  public Distributions distributions() {
    return new CloudFrontDistributions(cloudFrontClient(), Duration.ZERO, POLLS);
  }

  /** The links adapter on the Resource Groups Tagging API (and CloudFront for a single distribution's tags). */
  public DistributionLinks taggingApiLinks() {
    return AwsChannelCdn.taggingApiLinks(taggingClient(), cloudFrontClient());
  }

  /** The links adapter on CloudFront's ListDistributions and ListTagsForResource alone. */
  public DistributionLinks cloudFrontTagLinks() {
    return AwsChannelCdn.cloudFrontTagLinks(cloudFrontClient());
  }

  private CloudFrontClient cloudFrontClient() {
    if (cloudFrontClient == null) {
      cloudFrontClient = built(Wire.cloudFront(server));
    }
    return cloudFrontClient;
  }

  private MediaPackageClient mediaPackageClient() {
    if (mediaPackageClient == null) {
      mediaPackageClient = built(Wire.mediaPackage(server));
    }
    return mediaPackageClient;
  }

  private ResourceGroupsTaggingApiClient taggingClient() {
    if (taggingClient == null) {
      taggingClient = built(Wire.tagging(server));
    }
    return taggingClient;
  }

  private <C extends SdkAutoCloseable> C built(C client) {
    if (clients == null) {
      client.close();
      throw new IllegalStateException("WireMockAws is used outside a test: register it with @RegisterExtension");
    }
    clients.add(client);
    return client;
  }
}
