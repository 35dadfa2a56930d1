package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.v2.model.V2Limits;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One fake AWS account: MediaPackage channels and endpoints in one region, CloudFront distributions, and the tag
 * lookup, sharing one fake clock, one call log and one set of injected faults. Thread-safe; ids are deterministic
 * for a given seed.
 *
 * <pre>{@code
 * FakeAws aws = FakeAws.create();
 * ChannelCdn cdn = aws.channelCdn();
 * cdn.saveChannel(ChannelSpec.builder().id("live").createDistribution(true).build());
 * assertThat(aws.distributions().all()).hasSize(1);
 * }</pre>
 */
public final class FakeAws {

  private final Object lock = new Object();
  private final String region;
  private final String accountId;
  private final FakeClock clock;
  private final Duration propagationTime;
  private final Quotas quotas;
  private final boolean deletedCallerReferencesStayTaken;
  private final SplittableRandom random;
  private final List<RecordedCall> calls = new ArrayList<>();
  private final Map<Operation, Deque<Fault>> faults = new EnumMap<>(Operation.class);
  private Duration visibilityDelay = Duration.ZERO;
  private final InMemoryChannels channels;
  private final InMemoryDistributions distributions;
  private final InMemoryDistributionLinks links;
  private final InMemoryChannelGroups channelGroups;
  private final InMemoryCloudFrontPolicies cloudFrontPolicies;
  private final InMemoryCloudFrontTagLinks cloudFrontTagLinks;
  private final InMemorySecrets secrets;
  private final ViewerRequests viewerRequests;

  private FakeAws(Builder builder) {
    this.region = builder.region;
    this.accountId = builder.accountId;
    this.clock = builder.clock;
    this.propagationTime = builder.propagationTime;
    this.quotas = builder.quotas;
    this.deletedCallerReferencesStayTaken = builder.deletedCallerReferencesStayTaken;
    this.random = new SplittableRandom(builder.seed);
    this.channels = new InMemoryChannels(this);
    this.distributions = new InMemoryDistributions(this);
    this.links = new InMemoryDistributionLinks(this);
    this.channelGroups = new InMemoryChannelGroups(this);
    this.cloudFrontPolicies = new InMemoryCloudFrontPolicies(this);
    this.cloudFrontTagLinks = new InMemoryCloudFrontTagLinks(this);
    this.secrets = new InMemorySecrets(this);
    this.viewerRequests = new ViewerRequests(this);
  }

  /** A fake account {@code 123456789012} with MediaPackage in {@code us-west-2}, seed 1, five minutes to deploy. */
  public static FakeAws create() {
    return builder().build();
  }

  /** A builder of a fake account: region, account id, clock, propagation time, quotas (v1, CloudFront, v2), seed. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A {@link ChannelCdn} on this account's fakes with default settings and this account's CloudFront quotas
   * ({@link #settings()}): the one line a test needs.
   */
  public ChannelCdn channelCdn() {
    return channelCdn(builder -> {});
  }

  /** A {@link ChannelCdn} on this account's fakes, with the builder adjusted (settings, CDN identifiers). */
  public ChannelCdn channelCdn(Consumer<ChannelCdn.Builder> customizer) {
    ChannelCdn.Builder builder = ChannelCdn.builder()
        .channels(channels)
        .distributions(distributions)
        .links(links)
        .settings(settings())
        .clock(clock)
        .sleeper(clock::advance); // waiting for visibility moves simulated time, nothing sleeps
    customizer.accept(builder);
    return builder.build();
  }

  /**
   * The library's default common settings with this account's CloudFront quotas, which the v1 and v2 facades this
   * account builds are given; a customizer that sets settings of its own gives the quotas too
   * ({@code .cloudFrontQuotas(aws.quotas().cloudFront())}), or the library checks CloudFront's defaults.
   */
  public CdnSettings settings() {
    return CdnSettings.builder().cloudFrontQuotas(quotas.cloudFront()).build();
  }

  /** The fake MediaPackage: the {@code Channels} port. */
  public InMemoryChannels channels() {
    return channels;
  }

  /** The fake CloudFront: the {@code Distributions} port. */
  public InMemoryDistributions distributions() {
    return distributions;
  }

  /** The fake tag lookup: the {@code DistributionLinks} port. */
  public InMemoryDistributionLinks links() {
    return links;
  }

  /** MediaPackage v2: channel groups, channels, origin endpoints and their policies. */
  public InMemoryChannelGroups channelGroups() {
    return channelGroups;
  }

  /** CloudFront's origin access controls and cache policies, which v2 distributions use. */
  public InMemoryCloudFrontPolicies cloudFrontPolicies() {
    return cloudFrontPolicies;
  }

  /** A v2 facade on this account's fakes and clock, with {@link #settings()}. */
  public ChannelCdnV2 channelCdnV2() {
    return channelCdnV2(builder -> { });
  }

  /** A v2 facade on this account's fakes and clock, customised (listeners, settings, CDN identifiers). */
  public ChannelCdnV2 channelCdnV2(Consumer<ChannelCdnV2.Builder> customizer) {
    ChannelCdnV2.Builder builder = ChannelCdnV2.builder().channelGroups(channelGroups)
        .cloudFrontPolicies(cloudFrontPolicies).distributions(distributions).links(links).settings(settings())
        .clock(clock).sleeper(clock::advance); // waiting for visibility moves simulated time, nothing sleeps
    customizer.accept(builder);
    return builder.build();
  }

  /**
   * The tag lookup on CloudFront's own tags (the adapter's {@code CLOUDFRONT_TAGS}), which does not lag: give it with
   * {@code aws.channelCdn(b -> b.links(aws.cloudFrontTagLinks()))}.
   */
  public InMemoryCloudFrontTagLinks cloudFrontTagLinks() {
    return cloudFrontTagLinks;
  }

  /** The account's Secrets Manager, where MediaPackage reads the CDN identifiers of endpoints with CDN authorization. */
  public InMemorySecrets secrets() {
    return secrets;
  }

  /** A player's {@code GET} of {@code url}: see {@link #viewerRequest(String, String)}. */
  public ViewerResponse viewerRequest(String url) {
    return viewerRequest("GET", url);
  }

  /**
   * What a player gets for {@code method} ({@code GET} or {@code HEAD}) on {@code url}, as CloudFront and MediaPackage
   * would answer it from what this account holds now. Records no call. Each step that refuses gives its own status
   * and reason:
   * <ol>
   *   <li>the host is the {@code *.cloudfront.net} domain of one of the account's distributions (404 otherwise:
   *       on AWS the name would not resolve; aliases are not served); the distribution is enabled (403 otherwise) and
   *       {@code Deployed}: while it is {@code InProgress} CloudFront's edges may serve the previous configuration or
   *       the new one, and the fake, which keeps only the new one, answers 503 until the clock passes the
   *       propagation time;</li>
   *   <li>the first cache behaviour whose path pattern matches the path, in order, else the default one
   *       ({@code *} any run of characters including {@code /}, {@code ?} exactly one, case-sensitive, a leading
   *       {@code /} optional, the query string ignored); its viewer protocol policy (an {@code http} URL gets 301 on
   *       {@code redirect-to-https}, 403 on {@code https-only}) and its allowed methods (403);</li>
   *   <li>its target origin, or the primary member of its origin group; CloudFront asks that origin for its
   *       {@code OriginPath} followed by the request path; an origin that is neither a MediaPackage v1 egress host nor
   *       a v2 channel group's egress domain of this account answers 502;</li>
   *   <li>MediaPackage v1: the endpoint of that channel whose path is {@code /out/v1/<id>/} (404); with CDN
   *       authorization, the origin sends {@code X-MediaPackage-CDNIdentifier} with the identifier the endpoint's
   *       secret holds in {@link #secrets()} under {@value InMemorySecrets#V1_CDN_IDENTIFIER_KEY} (403);</li>
   *   <li>MediaPackage v2: the endpoint {@code /out/v1/<group>/<channel>/<endpoint>/} (404); an origin access control
   *       of origin type {@code mediapackagev2} signing with {@code sigv4} (403 for another type; without one, or
   *       with signing {@code never}, the request is anonymous); the endpoint's policy, evaluated as IAM does (an
   *       applying Deny wins), allows {@code cloudfront.amazonaws.com} {@code mediapackagev2:GetObject} for GET and
   *       {@code mediapackagev2:GetHeadObject} for HEAD with {@code aws:SourceArn} the distribution's ARN (403); when
   *       the policy has a {@code CdnAuthConfiguration} and a statement on
   *       {@code mediapackagev2:RequestHasMatchingCdnAuthHeader}, the origin sends
   *       {@code X-MediaPackageV2-CDNIdentifier} with an identifier one of its secrets holds under
   *       {@value InMemorySecrets#V2_CDN_IDENTIFIER_KEY} (403);</li>
   *   <li>the object: a manifest of the endpoint, a child playlist of an HLS manifest ({@code <manifest>_*.m3u8}),
   *       a segment of the endpoint's kind ({@code *.ts} for HLS and TS, {@code *.mp4}, init segments included, for
   *       DASH and CMAF, {@code <name>.ism/QualityLevels(...)/Fragments(...)} for smooth streaming), else 404.</li>
   * </ol>
   *
   * @throws IllegalArgumentException for another method, or a URL that is not {@code http} or {@code https}
   */
  public ViewerResponse viewerRequest(String method, String url) {
    return viewerRequests.request(method, url);
  }

  /**
   * The requests a player makes for the manifest at {@code url}, each answered as {@link #viewerRequest(String)}
   * answers it: the manifest, then one of each other kind of path its endpoint serves (a child playlist, a segment,
   * an init segment for DASH and CMAF, a fragment for smooth streaming), named after the manifest in the same
   * directory. The player plays only when every one is {@link ViewerResponse#ok()}.
   */
  public List<ViewerResponse> playerRequests(String url) {
    return viewerRequests.playerRequests(url);
  }

  /**
   * {@link #playerRequests(String)} as if the distribution were {@code Deployed} already: what players will get, from
   * the configuration the account holds now, once CloudFront has deployed it (unless it changes before). For a check
   * at the moment a save answers, while its change is still {@code InProgress}; every other step is as
   * {@link #viewerRequest(String, String)} describes.
   */
  public List<ViewerResponse> playerRequestsOnceDeployed(String url) {
    return viewerRequests.playerRequestsOnceDeployed(url);
  }

  /** The simulated clock every fake reads; advance it to let distributions deploy. */
  public FakeClock clock() {
    return clock;
  }

  /** The MediaPackage region of the channels' ARNs and URLs. */
  public String region() {
    return region;
  }

  /** The twelve-digit account id in every ARN. */
  public String accountId() {
    return accountId;
  }

  /**
   * The partition of the region, the second field of every ARN the fakes give: {@code aws-cn} for {@code cn-*}
   * regions, {@code aws-us-gov} for {@code us-gov-*}, {@code aws} otherwise (botocore's {@code partitions.json}).
   */
  public String partition() {
    return partitionOf(region);
  }

  /** The DNS suffix of the region's service hosts: {@code amazonaws.com.cn} in {@code aws-cn}, else {@code amazonaws.com}. */
  public String dnsSuffix() {
    return "aws-cn".equals(partition()) ? "amazonaws.com.cn" : "amazonaws.com";
  }

  /** {@code arn:<partition>:<service>:<region>:<account>:}, the start of an ARN of {@code service} in the region. */
  String arnPrefix(String service) {
    return "arn:" + partition() + ":" + service + ":" + region + ":" + accountId + ":";
  }

  static String partitionOf(String region) {
    if (region.matches("cn-\\w+-\\d+")) {
      return "aws-cn";
    }
    return region.matches("us-gov-\\w+-\\d+") ? "aws-us-gov" : "aws";
  }

  /** How long a distribution stays {@code InProgress} after it is created or updated. */
  public Duration propagationTime() {
    return propagationTime;
  }

  /** The service quotas the fakes enforce. */
  public Quotas quotas() {
    return quotas;
  }


  /**
   * Whether a deleted distribution's CallerReference stays taken (CreateDistributionWithTags with it answers
   * {@code DistributionAlreadyExists}), which no AWS document settles: yes unless the builder said otherwise.
   */
  public boolean deletedCallerReferencesStayTaken() {
    return deletedCallerReferencesStayTaken;
  }

  /** Every call the fakes received, in order. */
  public List<RecordedCall> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  /** The calls of one operation, in order. */
  public List<RecordedCall> calls(Operation operation) {
    synchronized (lock) {
      return calls.stream().filter(c -> c.operation() == operation).toList();
    }
  }

  /** The calls that change something (create, update, delete). */
  public List<RecordedCall> writes() {
    synchronized (lock) {
      return calls.stream().filter(c -> c.operation().isWrite()).toList();
    }
  }

  /** Forgets the calls recorded so far. */
  public void clearCalls() {
    synchronized (lock) {
      calls.clear();
    }
  }

  /**
   * The next call of {@code operation} fails; say how in the same sentence:
   * {@code aws.failNext(Operation.UPDATE_DISTRIBUTION).withThrottling()},
   * {@code aws.failNext(Operation.CREATE_CHANNEL).times(2).withServiceUnavailable()},
   * {@code aws.failNext(Operation.UPDATE_DISTRIBUTION).withLostResponse()}, or {@code .with(error)}.
   */
  public NextFailures failNext(Operation operation) {
    return new NextFailures(this, operation, 1);
  }

  /** The next call of {@code operation} fails with {@code error} without acting. */
  public void failNext(Operation operation, RuntimeException error) {
    failNext(operation, 1, () -> error);
  }

  /** The next {@code times} calls of {@code operation} fail with a fresh error each, without acting. */
  public void failNext(Operation operation, int times, Supplier<? extends RuntimeException> error) {
    for (int i = 0; i < times; i++) {
      addFault(operation, new Fault(Fault.Kind.BEFORE, error, null));
    }
  }

  /**
   * The next call of {@code operation} acts, then its response is lost: the caller gets an
   * {@link io.github.mediapackagecdn.core.error.UnknownOutcomeException} although AWS did the work.
   */
  public void loseNextResponse(Operation operation) {
    addFault(operation, new Fault(Fault.Kind.AFTER, Faults.lostResponse(operation), null));
  }

  /** Runs {@code action} just before the next call of {@code operation} acts: a concurrent writer, for races. */
  public void beforeNext(Operation operation, Runnable action) {
    addFault(operation, new Fault(Fault.Kind.HOOK, null, action));
  }

  /**
   * From now on, what is created (channels, endpoints, distributions, and the tags the tag lookup indexes) stays
   * invisible to reads for {@code delay} on the fake clock, as AWS's eventually consistent reads do right after a
   * create. {@link Duration#ZERO} turns it off.
   */
  public void delayVisibility(Duration delay) {
    synchronized (lock) {
      this.visibilityDelay = delay;
    }
  }

  /** When something created now becomes visible to reads. */
  java.time.Instant visibleFromNow() {
    synchronized (lock) {
      return clock.instant().plus(visibilityDelay);
    }
  }

  /** Whether something visible from {@code visibleAt} can be read now. */
  boolean isVisible(java.time.Instant visibleAt) {
    return !clock.instant().isBefore(visibleAt);
  }

  /** Drops every fault not yet triggered. */
  public void clearFaults() {
    synchronized (lock) {
      faults.clear();
    }
  }

  private void addFault(Operation operation, Fault fault) {
    synchronized (lock) {
      faults.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(fault);
    }
  }

  /** Records the call, applies the next injected fault, runs it: every fake operation goes through here. */
  <T> T call(Operation operation, List<Object> arguments, Supplier<T> action) {
    synchronized (lock) {
      calls.add(new RecordedCall(operation, arguments, clock.instant()));
      Deque<Fault> pending = faults.get(operation);
      Fault fault = pending == null ? null : pending.poll();
      if (fault != null && fault.kind() == Fault.Kind.BEFORE) {
        throw fault.error().get();
      }
      if (fault != null && fault.kind() == Fault.Kind.HOOK) {
        fault.hook().run();
      }
      T result = action.get();
      if (fault != null && fault.kind() == Fault.Kind.AFTER) {
        throw fault.error().get();
      }
      return result;
    }
  }

  /**
   * A paged listing as AWS answers it: one recorded call (with its faults) per page of {@code pageSize}, the first
   * without a token, each next one with the token the previous page gave ({@code page-<offset>}); the last page has
   * no token. An empty listing is one call.
   */
  <T> List<T> paged(Operation operation, List<Object> arguments, int pageSize, Supplier<List<T>> items) {
    List<T> listed = new ArrayList<>();
    int offset = 0;
    boolean more;
    do {
      int from = offset;
      List<Object> pageArguments = new ArrayList<>(arguments);
      pageArguments.add(from == 0 ? "first page" : "page-" + from);
      Page<T> page = call(operation, pageArguments, () -> {
        List<T> all = items.get();
        int to = Math.min(all.size(), from + pageSize);
        return new Page<>(List.copyOf(all.subList(Math.min(from, to), to)), to < all.size());
      });
      listed.addAll(page.items());
      offset += pageSize;
      more = page.more();
    } while (more);
    return listed;
  }

  private record Page<T>(List<T> items, boolean more) {}

  /** Runs {@code action} under the account's lock without recording it: the fakes' own inspection and seeding. */
  <T> T locked(Supplier<T> action) {
    synchronized (lock) {
      return action.get();
    }
  }

  /** {@code length} random characters from {@code alphabet}, deterministic for the seed. */
  String randomString(String alphabet, int length) {
    synchronized (lock) {
      StringBuilder s = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return s.toString();
    }
  }

  String hex(int length) {
    return randomString("0123456789abcdef", length);
  }

  private record Fault(Kind kind, Supplier<? extends RuntimeException> error, Runnable hook) {
    enum Kind {
      BEFORE,
      AFTER,
      HOOK
    }
  }

  /**
   * The service quotas the fakes enforce; defaults are the documented ones (see the README's sources). The CloudFront
   * ones are the library's own type, {@link CloudFrontQuotas}, and the facades this account builds
   * ({@link #channelCdn()}, {@link #channelCdnV2()}) are given them, as an application gives the library its account's
   * quotas: a save the fake CloudFront would refuse is refused before it writes.
   *
   * @param channels MediaPackage v1 channels an account (30)
   * @param endpointsPerChannel MediaPackage v1 endpoints a channel (10)
   * @param distributions CloudFront distributions an account (200)
   * @param cloudFront CloudFront's quotas a distribution and a cache policy ({@link CloudFrontQuotas#defaults()})
   * @param v2 MediaPackage v2's quotas, and those of the CloudFront policies v2 distributions use
   */
  public record Quotas(int channels, int endpointsPerChannel, int distributions, CloudFrontQuotas cloudFront, V2 v2) {

    /** Checks that no quota is negative. */
    public Quotas {
      if (channels < 0 || endpointsPerChannel < 0 || distributions < 0) {
        throw new IllegalArgumentException("a quota is zero or more: " + channels + ", " + endpointsPerChannel + ", "
            + distributions);
      }
      if (cloudFront == null || v2 == null) {
        throw new IllegalArgumentException("the CloudFront and v2 quotas are given");
      }
    }

    /**
     * The v1 quotas, with {@code originsPerDistribution} and {@code cacheBehaviorsPerDistribution} and the other
     * quotas' defaults.
     */
    public Quotas(int channels, int endpointsPerChannel, int distributions, int originsPerDistribution,
        int cacheBehaviorsPerDistribution) {
      this(channels, endpointsPerChannel, distributions, CloudFrontQuotas.defaults()
          .withOriginsPerDistribution(originsPerDistribution)
          .withCacheBehaviorsPerDistribution(cacheBehaviorsPerDistribution), V2.defaults());
    }

    /**
     * 30 channels, 10 endpoints a channel, 200 distributions; CloudFront's 75 cache behaviours, 25 origins, 10 origin
     * groups and 50 tags a distribution, 10 query strings a cache policy; v2's defaults.
     */
    public static Quotas defaults() {
      return new Quotas(30, 10, 200, CloudFrontQuotas.defaults(), V2.defaults());
    }

    /** The quota of origins a distribution. */
    public int originsPerDistribution() {
      return cloudFront.originsPerDistribution();
    }

    /** The quota of cache behaviours a distribution. */
    public int cacheBehaviorsPerDistribution() {
      return cloudFront.cacheBehaviorsPerDistribution();
    }

    /** These quotas with {@code cloudFront} as CloudFront's. */
    public Quotas withCloudFront(CloudFrontQuotas cloudFront) {
      return new Quotas(channels, endpointsPerChannel, distributions, cloudFront, v2);
    }

    /** These quotas with {@code v2} as MediaPackage v2's. */
    public Quotas withV2(V2 v2) {
      return new Quotas(channels, endpointsPerChannel, distributions, cloudFront, v2);
    }

    /**
     * MediaPackage v2's quotas (the v2 user guide's, {@link V2Limits}), and those of CloudFront's account-wide
     * policies that v2 distributions use.
     *
     * @param channelGroups channel groups an account (3)
     * @param channelsPerGroup channels a channel group (10)
     * @param endpointsPerChannel origin endpoints a channel (10)
     * @param manifestsPerEndpoint manifests an origin endpoint (25)
     * @param cachePolicies CloudFront custom cache policies an account (20)
     * @param originAccessControls CloudFront origin access controls an account (100)
     */
    public record V2(int channelGroups, int channelsPerGroup, int endpointsPerChannel, int manifestsPerEndpoint,
        int cachePolicies, int originAccessControls) {

      /** Checks that no quota is negative. */
      public V2 {
        if (channelGroups < 0 || channelsPerGroup < 0 || endpointsPerChannel < 0 || manifestsPerEndpoint < 0
            || cachePolicies < 0 || originAccessControls < 0) {
          throw new IllegalArgumentException("a quota is zero or more: " + channelGroups + ", " + channelsPerGroup
              + ", " + endpointsPerChannel + ", " + manifestsPerEndpoint + ", " + cachePolicies + ", "
              + originAccessControls);
        }
      }

      /** 3 channel groups, 10 channels a group, 10 endpoints a channel, 25 manifests, 20 cache policies, 100 OACs. */
      public static V2 defaults() {
        return new V2(V2Limits.MAX_CHANNEL_GROUPS, V2Limits.MAX_CHANNELS_PER_GROUP, V2Limits.MAX_ENDPOINTS_PER_CHANNEL,
            V2Limits.MAX_MANIFESTS_PER_ENDPOINT, InMemoryCloudFrontPolicies.MAX_CACHE_POLICIES,
            InMemoryCloudFrontPolicies.MAX_ORIGIN_ACCESS_CONTROLS);
      }
    }
  }


  /** Builds a {@link FakeAws}. */
  public static final class Builder {
    private String region = "us-west-2";
    private String accountId = "123456789012";
    private FakeClock clock = FakeClock.create();
    private Duration propagationTime = Duration.ofMinutes(5);
    private Quotas quotas = Quotas.defaults();
    private boolean deletedCallerReferencesStayTaken = true;
    private long seed = 1;

    private Builder() {}

    /**
     * The MediaPackage region; its partition ({@link FakeAws#partition()}) is in every ARN, so {@code cn-north-1}
     * gives an {@code aws-cn} account.
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** The twelve-digit account id; {@code 123456789012} unless set. */
    public Builder accountId(String accountId) {
      if (!accountId.matches("[0-9]{12}")) {
        throw new IllegalArgumentException("an AWS account id has 12 digits: " + accountId);
      }
      this.accountId = accountId;
      return this;
    }

    /** The simulated clock; 2026-01-01T00:00:00Z unless set. */
    public Builder clock(FakeClock clock) {
      this.clock = clock;
      return this;
    }

    /** How long a distribution stays {@code InProgress} after a change; real CloudFront takes minutes. */
    public Builder propagationTime(Duration propagationTime) {
      if (propagationTime.isNegative()) {
        throw new IllegalArgumentException("a distribution cannot deploy before it changes: " + propagationTime);
      }
      this.propagationTime = propagationTime;
      return this;
    }

    /** The service quotas to enforce; the documented defaults unless set. */
    public Builder quotas(Quotas quotas) {
      this.quotas = quotas;
      return this;
    }


    /**
     * Whether CloudFront keeps a deleted distribution's CallerReference taken, which no AWS document settles (the
     * library handles both): {@code true} unless set, the answer the library assumes; {@code false} frees it.
     */
    public Builder deletedCallerReferencesStayTaken(boolean stayTaken) {
      this.deletedCallerReferencesStayTaken = stayTaken;
      return this;
    }

    /** The seed of the generated ids, ARNs, hosts and ETags. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the fake account. */
    public FakeAws build() {
      return new FakeAws(this);
    }
  }
}
