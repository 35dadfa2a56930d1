package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.v2.model.CachePolicy;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControl;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * CloudFront's origin access controls and custom cache policies in memory: names unique in the account
 * ({@code OriginAccessControlAlreadyExists}, {@code CachePolicyAlreadyExists}), listings in pages of
 * {@value #PAGE_SIZE}, and the account's quotas ({@link FakeAws.Quotas.V2}: {@value #MAX_ORIGIN_ACCESS_CONTROLS}
 * origin access controls and {@value #MAX_CACHE_POLICIES} custom cache policies unless set) and the quota of query
 * strings a cache policy ({@code TooManyQueryStringsInCachePolicy}). Every call goes through {@link FakeAws}.
 *
 * <p>Response headers policies: AWS's managed ones ({@link #MANAGED_RESPONSE_HEADERS_POLICY_IDS}) and the custom ones
 * made outside the library ({@link #givenResponseHeadersPolicy}); a distribution naming any other is refused
 * {@code NoSuchResponseHeadersPolicy}, as CloudFront refuses it.
 */
public final class InMemoryCloudFrontPolicies implements CloudFrontPolicies {

  /** The page size of ListOriginAccessControls and ListCachePolicies ({@code MaxItems}) the fake answers in. */
  public static final int PAGE_SIZE = 100;

  /** Origin access controls an account, CloudFront's default quota. */
  public static final int MAX_ORIGIN_ACCESS_CONTROLS = 100;

  /** Custom cache policies an account, CloudFront's default quota. */
  public static final int MAX_CACHE_POLICIES = 20;

  /**
   * The ids of CloudFront's managed response headers policies, as the CloudFront Developer Guide lists them:
   * CORS-and-SecurityHeadersPolicy, CORS-With-Preflight, CORS-with-preflight-and-SecurityHeadersPolicy,
   * SecurityHeadersPolicy and SimpleCORS.
   */
  public static final Set<String> MANAGED_RESPONSE_HEADERS_POLICY_IDS = Set.of(
      "e61eb60c-9c35-4d20-a928-2b84e02af89c", "5cc3b908-e619-4b99-88e5-2cf7f45965bd",
      "eaab4381-ed33-4a86-88ca-d9558dc6cd63", "67f7725c-6f97-4210-82d7-5512b31e9d03",
      "60669652-455b-4ae9-85a4-c4c02393f86c");

  private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final FakeAws aws;
  private final List<OriginAccessControl> accessControls = new ArrayList<>();
  private final List<CachePolicy> cachePolicies = new ArrayList<>();
  private final Set<String> customResponseHeadersPolicies = new HashSet<>();

  InMemoryCloudFrontPolicies(FakeAws aws) {
    this.aws = aws;
  }

  @Override
  public Optional<OriginAccessControl> findOriginAccessControl(String name) {
    return aws.paged(Operation.LIST_ORIGIN_ACCESS_CONTROLS, List.of(), PAGE_SIZE, () -> List.copyOf(accessControls))
        .stream().filter(oac -> oac.config().name().equals(name)).findFirst();
  }

  @Override
  public OriginAccessControl createOriginAccessControl(OriginAccessControlConfig config) {
    return aws.call(Operation.CREATE_ORIGIN_ACCESS_CONTROL, List.of(config), () -> {
      if (accessControls.stream().anyMatch(oac -> oac.config().name().equals(config.name()))) {
        throw new ResourceConflictException("An origin access control with name " + config.name()
            + " already exists", ResourceConflictException.Reason.ALREADY_EXISTS, config.name(),
            "OriginAccessControlAlreadyExists", "fake-request", null);
      }
      if (accessControls.size() >= aws.quotas().v2().originAccessControls()) {
        throw new QuotaExceededException("Too many origin access controls", "TooManyOriginAccessControls",
            "fake-request", null);
      }
      OriginAccessControl oac = new OriginAccessControl("E" + aws.randomString(ID_ALPHABET, 13), config);
      accessControls.add(oac);
      return oac;
    });
  }

  @Override
  public Optional<CachePolicy> findCachePolicy(String name) {
    return aws.paged(Operation.LIST_CACHE_POLICIES, List.of("custom"), PAGE_SIZE, () -> List.copyOf(cachePolicies))
        .stream().filter(policy -> policy.config().name().equals(name)).findFirst();
  }

  @Override
  public List<CachePolicy> cachePolicies() {
    return aws.paged(Operation.LIST_CACHE_POLICIES, List.of("custom"), PAGE_SIZE, () -> List.copyOf(cachePolicies));
  }

  @Override
  public CachePolicy createCachePolicy(CachePolicyConfig config) {
    return aws.call(Operation.CREATE_CACHE_POLICY, List.of(config), () -> {
      if (cachePolicies.stream().anyMatch(p -> p.config().name().equals(config.name()))) {
        throw new ResourceConflictException("A cache policy with name " + config.name() + " already exists",
            ResourceConflictException.Reason.ALREADY_EXISTS, config.name(), "CachePolicyAlreadyExists",
            "fake-request", null);
      }
      if (cachePolicies.size() >= aws.quotas().v2().cachePolicies()) {
        throw new QuotaExceededException("Too many cache policies", "TooManyCachePolicies", "fake-request", null);
      }
      if (config.queryStrings().size() > aws.quotas().cloudFront().queryStringsPerCachePolicy()) {
        throw new QuotaExceededException("The number of query strings in the cache policy exceeds the maximum.",
            "TooManyQueryStringsInCachePolicy", "fake-request", null);
      }
      CachePolicy policy = new CachePolicy(aws.hex(8) + "-" + aws.hex(4) + "-" + aws.hex(4) + "-" + aws.hex(4) + "-"
          + aws.hex(12), config);
      cachePolicies.add(policy);
      return policy;
    });
  }

  /**
   * Changes the origin access control named {@code name} as a user would (UpdateOriginAccessControl), keeping its id,
   * without recording a call.
   *
   * @throws IllegalArgumentException when there is none of that name
   */
  public void editOriginAccessControl(String name, UnaryOperator<OriginAccessControlConfig> edit) {
    aws.locked(() -> {
      int at = indexOf(accessControls, oac -> oac.config().name().equals(name), name);
      OriginAccessControl oac = accessControls.get(at);
      accessControls.set(at, new OriginAccessControl(oac.id(), edit.apply(oac.config())));
      return null;
    });
  }

  /**
   * Changes the custom cache policy named {@code name} as a user would (UpdateCachePolicy), keeping its id, without
   * recording a call.
   *
   * @throws IllegalArgumentException when there is none of that name
   */
  public void editCachePolicy(String name, UnaryOperator<CachePolicyConfig> edit) {
    aws.locked(() -> {
      int at = indexOf(cachePolicies, policy -> policy.config().name().equals(name), name);
      CachePolicy policy = cachePolicies.get(at);
      cachePolicies.set(at, new CachePolicy(policy.id(), edit.apply(policy.config())));
      return null;
    });
  }

  /**
   * A custom response headers policy of id {@code id} exists in the account, made outside the library (console,
   * CreateResponseHeadersPolicy): distributions may name it. Records no call.
   */
  public void givenResponseHeadersPolicy(String id) {
    aws.locked(() -> customResponseHeadersPolicies.add(id));
  }

  /** Whether a distribution may name the response headers policy {@code id}: a managed one, or one given. */
  boolean responseHeadersPolicyExists(String id) {
    return MANAGED_RESPONSE_HEADERS_POLICY_IDS.contains(id)
        || aws.locked(() -> customResponseHeadersPolicies.contains(id));
  }

  private static <T> int indexOf(List<T> items, Predicate<T> named, String name) {
    for (int i = 0; i < items.size(); i++) {
      if (named.test(items.get(i))) {
        return i;
      }
    }
    throw new IllegalArgumentException("nothing is named " + name);
  }

  /** Every origin access control, as stored; records no call. */
  public List<OriginAccessControl> allOriginAccessControls() {
    return aws.locked(() -> List.copyOf(accessControls));
  }

  /** Every custom cache policy, as stored; records no call. */
  public List<CachePolicy> allCachePolicies() {
    return aws.locked(() -> List.copyOf(cachePolicies));
  }
}
