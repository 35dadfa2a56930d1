package io.github.mediapackagecdn.aws;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.port.Scheduler;
import io.github.mediapackagecdn.core.port.CdnIdentifierSource;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.mediapackagev2.MediaPackageV2Client;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds a {@link ChannelCdn} on AWS: MediaPackage v1 for channels and endpoints, CloudFront for distributions, and
 * the Resource Groups Tagging API (or CloudFront's own tags) to find a channel's distribution.
 *
 * <p>From defaults, with the default credential chain:
 * <pre>{@code
 * ChannelCdn cdn = AwsChannelCdn.create(Region.EU_WEST_1);
 * }</pre>
 *
 * <p>From the application's own clients, which keep their credentials, retry strategy and HTTP client (CloudFront
 * and tagging clients must use {@code us-east-1}, where CloudFront's global resources are):
 * <pre>{@code
 * ChannelCdn cdn = AwsChannelCdn.builder()
 *     .mediaPackageClient(mediaPackage)
 *     .cloudFrontClient(cloudFront)
 *     .taggingClient(tagging)
 *     .settings(CdnSettings.defaults())
 *     .build();
 * }</pre>
 *
 * <p>Clients the builder creates itself use {@link UrlConnectionHttpClient} and {@link #defaultRetryStrategy()}:
 * CloudFront's control plane allows few requests per second, so throttled calls are retried more often and after
 * longer pauses than the SDK's default, while a connection that cannot be opened fails fast. {@link ChannelCdn#close()} closes the clients the builder created, and only
 * those: a client the application gave stays open for the application to close.
 * <pre>{@code
 * try (ChannelCdn cdn = AwsChannelCdn.create(Region.EU_WEST_1)) {
 *   cdn.saveChannel(ChannelSpec.builder().id("live-news").createDistribution(true).build());
 * }
 * }</pre>
 *
 * <p>The port implementations are available one by one too ({@link #distributions(CloudFrontClient)}, ...), for
 * tests and for applications that compose {@link ChannelCdn} themselves.
 *
 * <p>MediaPackage v2 (channel groups, origin access control) has its own facade, {@link ChannelCdnV2}, built the same
 * way on the {@code mediapackagev2} client with {@link #v2Builder()}:
 * <pre>{@code
 * try (ChannelCdnV2 cdn = AwsChannelCdn.createV2(Region.EU_WEST_1)) {
 *   cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
 *   cdn.saveChannel(V2ChannelSpec.builder().id(V2ChannelId.of("live", "news")).createDistribution(true).build());
 * }
 * }</pre>
 */
public final class AwsChannelCdn {

  /** Where CloudFront's global resources and their tags are served. */
  public static final Region CLOUDFRONT_REGION = Region.US_EAST_1;

  /** How many attempts a throttled or failed call gets in {@link #defaultRetryStrategy()}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 8;

  /**
   * How many attempts a call gets in {@link #defaultRetryStrategy()} when the connection cannot be opened (refused,
   * unknown host, no route, connect timeout): a wrong endpoint or region fails in well under a second.
   */
  public static final int DEFAULT_CONNECTION_ATTEMPTS = 2;

  /** First pause of the exponential backoff (with full jitter) after a server error or lost connection. */
  static final Duration BACKOFF_BASE = Duration.ofMillis(100);
  /** Longest pause after a server error or lost connection. */
  static final Duration BACKOFF_MAX = Duration.ofSeconds(20);
  /** First pause of the exponential backoff (with full jitter) after throttling: CloudFront allows few writes. */
  static final Duration THROTTLING_BACKOFF_BASE = Duration.ofSeconds(2);
  /** Longest pause after throttling. */
  static final Duration THROTTLING_BACKOFF_MAX = Duration.ofSeconds(60);

  /** How the distribution of a channel is found by its link tag. */
  public enum LinkLookup {
    /** Resource Groups Tagging API {@code GetResources} in us-east-1: one paged query (needs {@code tag:GetResources}). */
    TAGGING_API,
    /**
     * CloudFront alone: ListDistributions and ListTagsForResource for each distribution. For accounts that deny
     * {@code tag:GetResources} and AWS-compatible endpoints without the tagging API; one call per distribution.
     */
    CLOUDFRONT_TAGS
  }

  private AwsChannelCdn() {}

  /**
   * A {@link ChannelCdn} from defaults: MediaPackage in {@code mediaPackageRegion}, CloudFront and tagging in
   * us-east-1, the default credential chain, {@link UrlConnectionHttpClient}, {@link #defaultRetryStrategy()}. Close
   * it to close the three clients.
   */
  public static ChannelCdn create(Region mediaPackageRegion) {
    return builder().mediaPackageRegion(mediaPackageRegion).build();
  }

  /** A builder taking the application's own SDK clients, or creating the ones not given. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A {@link ChannelCdnV2} from defaults: MediaPackage v2 in {@code mediaPackageRegion}, CloudFront and tagging in
   * us-east-1, the default credential chain, {@link UrlConnectionHttpClient}, {@link #defaultRetryStrategy()}. Close
   * it to close the three clients.
   */
  public static ChannelCdnV2 createV2(Region mediaPackageRegion) {
    return v2Builder().mediaPackageRegion(mediaPackageRegion).build();
  }

  /** A builder of {@link ChannelCdnV2} taking the application's own SDK clients, or creating the ones not given. */
  public static V2Builder v2Builder() {
    return new V2Builder();
  }

  /**
   * The retry strategy of the clients the builder creates: the SDK's standard strategy (its retryable errors, token
   * bucket and throttling detection) with
   * <ul>
   *   <li>{@value #DEFAULT_MAX_ATTEMPTS} attempts for a throttled call, with exponential backoff and full jitter from
   *       2 s up to 60 s: CloudFront's control plane allows few requests per second, and waiting pays;</li>
   *   <li>{@value #DEFAULT_MAX_ATTEMPTS} attempts for a server error or a connection lost mid-call, from 100 ms up
   *       to 20 s (the SDK's standard backoff);</li>
   *   <li>{@value #DEFAULT_CONNECTION_ATTEMPTS} attempts when the connection cannot be opened (refused, unknown
   *       host, no route, connect timeout), from 100 ms: a wrong endpoint or region fails in well under a second
   *       instead of after the 24 to 44 s that {@value #DEFAULT_MAX_ATTEMPTS} attempts with long pauses take.</li>
   * </ul>
   * Each call to this method returns a new strategy, with its own token bucket.
   */
  public static RetryStrategy defaultRetryStrategy() {
    return retryStrategy(BackoffStrategy.exponentialDelay(BACKOFF_BASE, BACKOFF_MAX),
        BackoffStrategy.exponentialDelay(THROTTLING_BACKOFF_BASE, THROTTLING_BACKOFF_MAX));
  }

  /** {@link #defaultRetryStrategy()} with other pauses; tests give pauses they can count without waiting. */
  static ConnectionAwareRetryStrategy retryStrategy(BackoffStrategy backoff, BackoffStrategy throttlingBackoff) {
    return new ConnectionAwareRetryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(DEFAULT_MAX_ATTEMPTS)
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(throttlingBackoff)
        .build(), DEFAULT_CONNECTION_ATTEMPTS);
  }

  /** MediaPackage channels and endpoints on {@code client}. */
  public static Channels channels(MediaPackageClient client) {
    return new MediaPackageChannels(requireClient(client, "MediaPackage client"));
  }

  /** MediaPackage v2 channel groups, channels, origin endpoints and endpoint policies on {@code client}. */
  public static ChannelGroups channelGroups(MediaPackageV2Client client) {
    return new MediaPackageV2ChannelGroups(requireClient(client, "MediaPackage v2 client"));
  }

  /** CloudFront origin access controls and custom cache policies on {@code client}; it must use us-east-1. */
  public static CloudFrontPolicies cloudFrontPolicies(CloudFrontClient client) {
    return new CloudFrontOriginAccessAndCachePolicies(requireClient(client, "CloudFront client"));
  }

  /** CloudFront distributions on {@code client}; it must use us-east-1 (or the global endpoint). */
  public static Distributions distributions(CloudFrontClient client) {
    return new CloudFrontDistributions(requireClient(client, "CloudFront client"));
  }

  /**
   * Links found with the Resource Groups Tagging API; {@code client} must use us-east-1. A single distribution's tag
   * is read from CloudFront with {@code cloudFront}, which shows it as soon as the distribution exists.
   */
  public static DistributionLinks taggingApiLinks(ResourceGroupsTaggingApiClient client, CloudFrontClient cloudFront) {
    return new TaggingApiDistributionLinks(requireClient(client, "tagging client"),
        requireClient(cloudFront, "CloudFront client"));
  }

  /** Links found with CloudFront's ListDistributions and ListTagsForResource. */
  public static DistributionLinks cloudFrontTagLinks(CloudFrontClient client) {
    return new CloudFrontTagDistributionLinks(requireClient(client, "CloudFront client"));
  }

  private static <T> T requireClient(T client, String what) {
    if (client == null) {
      throw new ValidationException(what + " is null");
    }
    return client;
  }

  /**
   * Builds a {@link ChannelCdn}. Every client not given is created from defaults; giving a client means the
   * builder's endpoint, credential and retry options do not apply to it.
   */
  public static final class Builder {
    private Region mediaPackageRegion;
    private MediaPackageClient mediaPackage;
    private CloudFrontClient cloudFront;
    private ResourceGroupsTaggingApiClient tagging;
    private LinkLookup linkLookup = LinkLookup.TAGGING_API;
    private URI endpointOverride;
    private AwsCredentialsProvider credentialsProvider;
    private RetryStrategy retryStrategy;
    private Duration deploymentPollInterval;
    private CdnSettings settings = CdnSettings.defaults();
    private LiveCdnSettings layoutSettings = LiveCdnSettings.defaults();
    private CdnIdentifierSource cdnIdentifiers = CdnIdentifierSource.none();
    private SdkHttpClient.Builder<?> httpClient = UrlConnectionHttpClient.builder();
    private final List<ProvisioningListener> listeners = new ArrayList<>();
    private final List<MetricPublisher> metricPublishers = new ArrayList<>();
    private Scheduler scheduler;
    private boolean schedulerGiven;

    private Builder() {}

    /** The region of the MediaPackage channels; needed unless {@link #mediaPackageClient} is given. */
    public Builder mediaPackageRegion(Region region) {
      this.mediaPackageRegion = region;
      return this;
    }

    /** The application's MediaPackage client, in the channels' region, with its own credentials, retry and HTTP. */
    public Builder mediaPackageClient(MediaPackageClient client) {
      this.mediaPackage = client;
      return this;
    }

    /** A CloudFront client in us-east-1 (or on the global endpoint). */
    public Builder cloudFrontClient(CloudFrontClient client) {
      this.cloudFront = client;
      return this;
    }

    /** A tagging client in us-east-1: the only region where the API returns CloudFront distributions. */
    public Builder taggingClient(ResourceGroupsTaggingApiClient client) {
      this.tagging = client;
      return this;
    }

    /** How a channel's distribution is found; {@link LinkLookup#TAGGING_API} unless set. */
    public Builder linkLookup(LinkLookup lookup) {
      this.linkLookup = lookup;
      return this;
    }

    /** One endpoint for every client the builder creates, such as an AWS-compatible emulator. */
    public Builder endpointOverride(URI endpoint) {
      this.endpointOverride = endpoint;
      return this;
    }

    /** Credentials for the clients the builder creates; the default credential chain unless set. */
    public Builder credentialsProvider(AwsCredentialsProvider provider) {
      this.credentialsProvider = provider;
      return this;
    }

    /** Retry strategy for the clients the builder creates; {@link #defaultRetryStrategy()} unless set. */
    public Builder retryStrategy(RetryStrategy strategy) {
      this.retryStrategy = strategy;
      return this;
    }

    /** How long to wait between two status reads while awaiting {@code Deployed}; the SDK waiter's 60 s unless set. */
    public Builder deploymentPollInterval(Duration interval) {
      this.deploymentPollInterval = interval;
      return this;
    }

    /** The settings v1 and v2 share (tags, quotas, waits, retries); {@link CdnSettings#defaults()} unless set. */
    public Builder settings(CdnSettings settings) {
      this.settings = settings;
      return this;
    }

    /** v1's layout of the distributions and behaviours; {@link LiveCdnSettings#defaults()} unless set. */
    public Builder layoutSettings(LiveCdnSettings layoutSettings) {
      this.layoutSettings = layoutSettings;
      return this;
    }

    /** Where the CDN identifiers of endpoints with CDN authorization come from; none unless set. */
    public Builder cdnIdentifiers(CdnIdentifierSource source) {
      this.cdnIdentifiers = source;
      return this;
    }

    /**
     * Adds a listener of every provisioning step (see {@link ProvisioningListener}); may be called several times, the
     * listeners are called in this order.
     */
    public Builder listener(ProvisioningListener listener) {
      listeners.add(listener);
      return this;
    }

    /**
     * Adds the SDK's own metric publisher to the clients the builder creates, for the HTTP-level view (every call,
     * its attempts and latency); may be called several times. Clients given with {@link #mediaPackageClient} and the
     * like keep their own configuration: add the publisher to them yourself.
     */
    public Builder metricPublisher(MetricPublisher publisher) {
      metricPublishers.add(publisher);
      return this;
    }

    /**
     * Where {@link ChannelCdn#awaitDeployedAsync} polls; unless set, one daemon thread that the {@link ChannelCdn}
     * creates when first needed and stops when it is closed.
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = scheduler;
      this.schedulerGiven = true;
      return this;
    }

    /** The HTTP client of the clients the builder creates, which the SDK closes with them; for tests. */
    Builder httpClientBuilder(SdkHttpClient.Builder<?> builder) {
      this.httpClient = builder;
      return this;
    }

    /**
     * Checks the options, creates the clients not given and builds the {@link ChannelCdn}, which closes the created
     * clients when it is closed.
     *
     * @throws ValidationException naming every option that is missing or invalid
     */
    public ChannelCdn build() {
      List<String> problems = new ArrayList<>();
      if (!(mediaPackage != null || mediaPackageRegion != null)) {
        problems.add("MediaPackage region is not set (or give a MediaPackage client)");
      }
      if (layoutSettings == null) {
        problems.add("layout settings are null");
      }
      checkOptions(problems);
      ValidationException.throwIfAny(problems);

      List<SdkAutoCloseable> created = new ArrayList<>();
      try {
        MediaPackageClient mp = mediaPackage != null ? mediaPackage : created(created,
            configure(MediaPackageClient.builder(), mediaPackageRegion).build());
        CloudFrontClient cf = cloudFrontClient(created);
        ChannelCdn.Builder cdn = ChannelCdn.builder()
            .channels(new MediaPackageChannels(mp))
            .distributions(new CloudFrontDistributions(cf, deploymentPollInterval, Integer.MAX_VALUE))
            .links(links(cf, created))
            .settings(settings)
            .layoutSettings(layoutSettings)
            .cdnIdentifiers(cdnIdentifiers);
        listeners.forEach(cdn::listener);
        if (schedulerGiven) {
          cdn.scheduler(scheduler);
        }
        created.forEach(cdn::onClose);
        return cdn.build();
      } catch (RuntimeException e) {
        created.forEach(SdkAutoCloseable::close); // nobody else holds them
        throw e;
      }
    }

    /** Adds the problems of every option but the MediaPackage client or region, which v1 and v2 name differently. */
    private void checkOptions(List<String> problems) {
      if (!(linkLookup != null)) {
        problems.add("link lookup is null");
      }
      if (!(settings != null)) {
        problems.add("settings are null");
      }
      if (!(cdnIdentifiers != null)) {
        problems.add("CDN identifier source is null");
      }
      if (!(deploymentPollInterval == null || !deploymentPollInterval.isNegative())) {
        problems.add("deployment poll interval is negative");
      }
      if (schedulerGiven && scheduler == null) {
        problems.add("scheduler is null");
      }
      if (listeners.contains(null)) {
        problems.add("a listener is null");
      }
      if (metricPublishers.contains(null)) {
        problems.add("a metric publisher is null");
      }
      if (!(endpointOverride == null || endpointOverride.isAbsolute())) {
        problems.add("endpoint override " + endpointOverride + " is not an absolute URI");
      }
    }

    /** The CloudFront client given, or one created (and added to {@code created}). */
    private CloudFrontClient cloudFrontClient(List<SdkAutoCloseable> created) {
      return cloudFront != null ? cloudFront
          : created(created, configure(CloudFrontClient.builder(), CLOUDFRONT_REGION).build());
    }

    /** The links of {@link #linkLookup}, on the tagging client given or one created (added to {@code created}). */
    private DistributionLinks links(CloudFrontClient cf, List<SdkAutoCloseable> created) {
      return switch (linkLookup) {
        case TAGGING_API -> new TaggingApiDistributionLinks(tagging != null ? tagging
            : created(created, configure(ResourceGroupsTaggingApiClient.builder(), CLOUDFRONT_REGION).build()), cf);
        case CLOUDFRONT_TAGS -> new CloudFrontTagDistributionLinks(cf);
      };
    }

    private static <C extends SdkAutoCloseable> C created(List<SdkAutoCloseable> created, C client) {
      created.add(client);
      return client;
    }

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
        & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>> B configure(B builder, Region region) {
      builder.region(region)
          .httpClientBuilder(httpClient)
          .overrideConfiguration(c -> {
            c.retryStrategy(retryStrategy != null ? retryStrategy : defaultRetryStrategy());
            metricPublishers.forEach(c::addMetricPublisher);
          });
      if (credentialsProvider != null) {
        builder.credentialsProvider(credentialsProvider);
      }
      if (endpointOverride != null) {
        builder.endpointOverride(endpointOverride);
      }
      return builder;
    }
  }

  /**
   * Builds a {@link ChannelCdnV2} on MediaPackage v2, CloudFront and the tagging API, with the same options as
   * {@link Builder} (but a scheduler: v2 does not await deployments in the background). Every client not given is
   * created from defaults; giving a client means the builder's endpoint, credential and retry options do not apply to
   * it.
   */
  public static final class V2Builder {
    /** The options shared with v1: CloudFront and tagging clients, link lookup, endpoint, credentials, retries. */
    private final Builder shared = new Builder();
    private Region mediaPackageRegion;
    private MediaPackageV2Client mediaPackageV2;
    private Region secondaryRegion;
    private MediaPackageV2Client secondaryMediaPackageV2;
    private V2CdnSettings v2Settings = V2CdnSettings.defaults();

    private V2Builder() {}

    /** The v2-only settings (cache key, origins, distribution scope); {@link V2CdnSettings#defaults()} unless set. */
    public V2Builder v2Settings(V2CdnSettings settings) {
      this.v2Settings = settings;
      return this;
    }

    /** The region of the MediaPackage v2 channel groups; needed unless {@link #mediaPackageV2Client} is given. */
    public V2Builder mediaPackageRegion(Region region) {
      this.mediaPackageRegion = region;
      return this;
    }

    /** The application's MediaPackage v2 client, in the channel groups' region. */
    public V2Builder mediaPackageV2Client(MediaPackageV2Client client) {
      this.mediaPackageV2 = client;
      return this;
    }

    /**
     * A second Region for CloudFront's media quality-aware resiliency, as {@link ChannelCdnV2.Builder#secondaryRegion}:
     * every group, channel and endpoint is saved there too, and the distribution serves the endpoints from a
     * media-quality-based origin group of the two Regions. None unless set (or a secondary client given).
     */
    public V2Builder secondaryRegion(Region region) {
      this.secondaryRegion = region;
      return this;
    }

    /** The application's MediaPackage v2 client in the secondary Region; see {@link #secondaryRegion(Region)}. */
    public V2Builder secondaryMediaPackageV2Client(MediaPackageV2Client client) {
      this.secondaryMediaPackageV2 = client;
      return this;
    }

    /** A CloudFront client in us-east-1 (or on the global endpoint). */
    public V2Builder cloudFrontClient(CloudFrontClient client) {
      shared.cloudFrontClient(client);
      return this;
    }

    /** A tagging client in us-east-1: the only region where the API returns CloudFront distributions. */
    public V2Builder taggingClient(ResourceGroupsTaggingApiClient client) {
      shared.taggingClient(client);
      return this;
    }

    /** How a channel's distribution is found; {@link LinkLookup#TAGGING_API} unless set. */
    public V2Builder linkLookup(LinkLookup lookup) {
      shared.linkLookup(lookup);
      return this;
    }

    /** One endpoint for every client the builder creates, such as an AWS-compatible emulator. */
    public V2Builder endpointOverride(URI endpoint) {
      shared.endpointOverride(endpoint);
      return this;
    }

    /** Credentials for the clients the builder creates; the default credential chain unless set. */
    public V2Builder credentialsProvider(AwsCredentialsProvider provider) {
      shared.credentialsProvider(provider);
      return this;
    }

    /** Retry strategy for the clients the builder creates; {@link #defaultRetryStrategy()} unless set. */
    public V2Builder retryStrategy(RetryStrategy strategy) {
      shared.retryStrategy(strategy);
      return this;
    }

    /** How long to wait between two status reads while awaiting {@code Deployed}; the SDK waiter's 60 s unless set. */
    public V2Builder deploymentPollInterval(Duration interval) {
      shared.deploymentPollInterval(interval);
      return this;
    }

    /** The settings v1 and v2 share (tags, quotas, waits, retries); {@link CdnSettings#defaults()} unless set. */
    public V2Builder settings(CdnSettings settings) {
      shared.settings(settings);
      return this;
    }

    /** Where the CDN identifiers of endpoints with CDN authorization come from; none unless set. */
    public V2Builder cdnIdentifiers(CdnIdentifierSource source) {
      shared.cdnIdentifiers(source);
      return this;
    }

    /** Adds a listener of every provisioning step; may be called several times, called in this order. */
    public V2Builder listener(ProvisioningListener listener) {
      shared.listener(listener);
      return this;
    }

    /** Adds the SDK's own metric publisher to the clients the builder creates; may be called several times. */
    public V2Builder metricPublisher(MetricPublisher publisher) {
      shared.metricPublisher(publisher);
      return this;
    }

    /** The HTTP client of the clients the builder creates, which the SDK closes with them; for tests. */
    V2Builder httpClientBuilder(SdkHttpClient.Builder<?> builder) {
      shared.httpClientBuilder(builder);
      return this;
    }

    /**
     * Checks the options, creates the clients not given and builds the {@link ChannelCdnV2}, which closes the created
     * clients when it is closed.
     *
     * @throws ValidationException naming every option that is missing or invalid
     */
    public ChannelCdnV2 build() {
      List<String> problems = new ArrayList<>();
      if (!(mediaPackageV2 != null || mediaPackageRegion != null)) {
        problems.add("MediaPackage region is not set (or give a MediaPackage v2 client)");
      }
      if (secondaryRegion != null && secondaryRegion.equals(mediaPackageRegion)) {
        problems.add("the secondary Region " + secondaryRegion + " is the MediaPackage region: give another one");
      }
      shared.checkOptions(problems);
      ValidationException.throwIfAny(problems);

      List<SdkAutoCloseable> created = new ArrayList<>();
      try {
        MediaPackageV2Client mp = mediaPackageV2 != null ? mediaPackageV2 : Builder.created(created,
            shared.configure(MediaPackageV2Client.builder(), mediaPackageRegion).build());
        MediaPackageV2Client second = secondaryMediaPackageV2 != null ? secondaryMediaPackageV2
            : secondaryRegion == null ? null : Builder.created(created,
                shared.configure(MediaPackageV2Client.builder(), secondaryRegion).build());
        CloudFrontClient cf = shared.cloudFrontClient(created);
        ChannelCdnV2.Builder cdn = ChannelCdnV2.builder()
            .channelGroups(new MediaPackageV2ChannelGroups(mp))
            .cloudFrontPolicies(new CloudFrontOriginAccessAndCachePolicies(cf))
            .distributions(new CloudFrontDistributions(cf, shared.deploymentPollInterval, Integer.MAX_VALUE))
            .links(shared.links(cf, created))
            .settings(shared.settings)
            .v2Settings(v2Settings)
            .cdnIdentifiers(shared.cdnIdentifiers);
        if (second != null) {
          cdn.secondaryRegion(new MediaPackageV2ChannelGroups(second));
        }
        shared.listeners.forEach(cdn::listener);
        created.forEach(cdn::onClose);
        return cdn.build();
      } catch (RuntimeException e) {
        created.forEach(SdkAutoCloseable::close); // nobody else holds them
        throw e;
      }
    }
  }
}
