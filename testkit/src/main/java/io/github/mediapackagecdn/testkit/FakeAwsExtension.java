package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension (JUnit 5.10 and later, and 6) that gives each test a fresh {@link FakeAws} and what hangs
 * off it, by parameter type: {@link FakeAws}, {@link ChannelCdnV2}, {@link ChannelCdn}, {@link FakeClock},
 * {@link InMemoryChannelGroups}, {@link InMemoryChannels}, {@link InMemoryDistributions},
 * {@link InMemoryDistributionLinks}. All parameters of one test, and of its {@code @BeforeEach} and
 * {@code @AfterEach} methods, share one fake account (and one {@link ChannelCdnV2}, one {@link ChannelCdn}, each with
 * default settings); the next test gets a new one.
 *
 * <p>Register it with {@code @ExtendWith(FakeAwsExtension.class)}, or configured in a field; adjust one class or test
 * with {@link FakeAwsConfig}:
 *
 * <pre>{@code
 * class EventServiceTest {
 *   @RegisterExtension
 *   static FakeAwsExtension aws = FakeAwsExtension.builder().propagationTime(Duration.ofSeconds(30)).seed(7).build();
 *
 *   @Test
 *   void prepare(ChannelCdnV2 cdn, FakeAws aws) { ... }
 * }
 * }</pre>
 */
public final class FakeAwsExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeAwsExtension.class);
  private static final Set<Class<?>> RESOLVED = Set.of(FakeAws.class, ChannelCdnV2.class, ChannelCdn.class,
      FakeClock.class, InMemoryChannelGroups.class, InMemoryChannels.class, InMemoryDistributions.class,
      InMemoryDistributionLinks.class);

  private final Builder base;

  /** The extension with {@link FakeAws#create()}'s settings; what {@code @ExtendWith(FakeAwsExtension.class)} uses. */
  public FakeAwsExtension() {
    this(new Builder());
  }

  private FakeAwsExtension(Builder base) {
    this.base = base.copy();
  }

  /** Starts an extension whose fakes have other settings than {@link FakeAws#create()}'s. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return RESOLVED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (parameter.getDeclaringExecutable() instanceof Constructor || context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException("FakeAwsExtension gives each test its own fake account: ask for "
          + type.getSimpleName() + " in a test, @BeforeEach or @AfterEach method, not in "
          + parameter.getDeclaringExecutable());
    }
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    FakeAws aws = computeOnce(store, FakeAws.class, key -> newFake(context));
    if (type == ChannelCdnV2.class) {
      return computeOnce(store, ChannelCdnV2.class, key -> aws.channelCdnV2());
    }
    if (type == ChannelCdn.class) {
      return computeOnce(store, ChannelCdn.class, key -> aws.channelCdn());
    }
    if (type == InMemoryChannelGroups.class) {
      return aws.channelGroups();
    }
    if (type == FakeClock.class) {
      return aws.clock();
    }
    if (type == InMemoryChannels.class) {
      return aws.channels();
    }
    if (type == InMemoryDistributions.class) {
      return aws.distributions();
    }
    if (type == InMemoryDistributionLinks.class) {
      return aws.links();
    }
    return aws;
  }

  /**
   * The test's value of type {@code key}, computed at its first use. {@code Store.getOrComputeIfAbsent} is the one
   * method for this in every supported JUnit: JUnit 6 deprecates it for {@code computeIfAbsent}, which JUnit 5 lacks
   * (calling it there is a {@code NoSuchMethodError}).
   */
  @SuppressWarnings("deprecation") // deprecated in JUnit 6 only, and the testkit runs on JUnit 5 too: see above
  private static <V> V computeOnce(ExtensionContext.Store store, Class<V> key, Function<Class<V>, V> compute) {
    return store.getOrComputeIfAbsent(key, compute, key);
  }

  /** The test's fake: this extension's settings, then each {@link FakeAwsConfig} from the outermost class inwards. */
  private FakeAws newFake(ExtensionContext context) {
    Deque<AnnotatedElement> elements = new ArrayDeque<>();
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      c.get().getElement().ifPresent(elements::push);
    }
    Builder settings = base.copy();
    for (AnnotatedElement element : elements) {
      FakeAwsConfig config = element.getAnnotation(FakeAwsConfig.class);
      if (config != null) {
        try {
          settings.apply(config);
        } catch (IllegalArgumentException | ValidationException e) {
          throw new ParameterResolutionException("@FakeAwsConfig on " + element + ": " + e.getMessage(), e);
        }
      }
    }
    return settings.fakeAwsBuilder().build();
  }

  /** Builds a {@link FakeAwsExtension}; unset values keep {@link FakeAws#create()}'s. Checks each value as it is set. */
  public static final class Builder {
    private String region;
    private String accountId;
    private Long seed;
    private Duration propagationTime;
    private FakeAws.Quotas quotas = FakeAws.Quotas.defaults();

    private Builder() {}

    /** The MediaPackage region of every test's fake. */
    public Builder region(String region) {
      if (region == null || region.isBlank()) {
        throw new IllegalArgumentException("a region has a name, such as us-west-2");
      }
      this.region = region;
      return this;
    }

    /** The 12-digit account id of every test's fake. */
    public Builder accountId(String accountId) {
      FakeAws.builder().accountId(accountId); // the fake's own check
      this.accountId = accountId;
      return this;
    }

    /** The seed of the generated ids, ARNs, hosts and ETags: every test starts from the same seed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How long a distribution stays {@code InProgress} after a change, on the fake clock. */
    public Builder propagationTime(Duration propagationTime) {
      FakeAws.builder().propagationTime(Objects.requireNonNull(propagationTime, "propagationTime"));
      this.propagationTime = propagationTime;
      return this;
    }

    /** The service quotas every test's fake enforces. */
    public Builder quotas(FakeAws.Quotas quotas) {
      this.quotas = Objects.requireNonNull(quotas, "quotas");
      return this;
    }


    /** The extension; the builder may be reused. */
    public FakeAwsExtension build() {
      return new FakeAwsExtension(this);
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.region = region;
      copy.accountId = accountId;
      copy.seed = seed;
      copy.propagationTime = propagationTime;
      copy.quotas = quotas;
      return copy;
    }

    private void apply(FakeAwsConfig config) {
      if (!config.region().isEmpty()) {
        region(config.region());
      }
      if (!config.accountId().isEmpty()) {
        accountId(config.accountId());
      }
      if (config.seed() != FakeAwsConfig.UNSET_SEED) {
        seed(config.seed());
      }
      if (config.propagationSeconds() != FakeAwsConfig.UNSET) {
        propagationTime(Duration.ofSeconds(config.propagationSeconds()));
      }
      CloudFrontQuotas cloudFront = quotas.cloudFront();
      FakeAws.Quotas.V2 v2 = quotas.v2();
      quotas(new FakeAws.Quotas(
          given(config.maxChannels(), quotas.channels()),
          given(config.maxEndpointsPerChannel(), quotas.endpointsPerChannel()),
          given(config.maxDistributions(), quotas.distributions()),
          new CloudFrontQuotas(
              given(config.maxCacheBehaviorsPerDistribution(), cloudFront.cacheBehaviorsPerDistribution()),
              given(config.maxOriginsPerDistribution(), cloudFront.originsPerDistribution()),
              given(config.maxOriginGroupsPerDistribution(), cloudFront.originGroupsPerDistribution()),
              given(config.maxTagsPerDistribution(), cloudFront.tagsPerDistribution()),
              given(config.maxQueryStringsPerCachePolicy(), cloudFront.queryStringsPerCachePolicy())),
          new FakeAws.Quotas.V2(
              given(config.maxChannelGroups(), v2.channelGroups()),
              given(config.maxChannelsPerGroup(), v2.channelsPerGroup()),
              given(config.maxV2EndpointsPerChannel(), v2.endpointsPerChannel()),
              given(config.maxManifestsPerEndpoint(), v2.manifestsPerEndpoint()),
              given(config.maxCachePolicies(), v2.cachePolicies()),
              given(config.maxOriginAccessControls(), v2.originAccessControls()))));
    }

    private static int given(int value, int otherwise) {
      return value == FakeAwsConfig.UNSET ? otherwise : value;
    }

    private FakeAws.Builder fakeAwsBuilder() {
      FakeAws.Builder builder = FakeAws.builder().quotas(quotas);
      if (region != null) {
        builder.region(region);
      }
      if (accountId != null) {
        builder.accountId(accountId);
      }
      if (seed != null) {
        builder.seed(seed);
      }
      if (propagationTime != null) {
        builder.propagationTime(propagationTime);
      }
      return builder;
    }
  }
}
