package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.v2.model.CachePolicy;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControl;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The account-wide settings every v2 distribution shares, each found by its name or created once, never one per save:
 * the origin access control and the manifest and segment cache policies (CloudFront's quota of them is small). Once
 * found, the ids are remembered by this instance; two instances creating at once both end with the one CloudFront
 * kept ({@code AlreadyExists}: read again by name). The cache policies' query strings are checked against the
 * account's quota before anything is created ({@link #refuseOverQuota}, which the saves call before their first
 * write). Thread-safe.
 */
final class SharedPolicies {

  /** The stand-in of an id not known yet, in a plan only counted. */
  private static final String NOT_CREATED_YET = "not-looked-up-yet";

  private final CloudFrontPolicies policies;
  private final String accessControlName;
  private final CachePolicyConfig manifestPolicy;
  private final CachePolicyConfig segmentPolicy;
  private final CloudFrontQuotas quotas;
  /** Guarded by {@code this}. */
  private V2Layout.Policies known;

  SharedPolicies(CloudFrontPolicies policies, String accessControlName, String manifestPolicyName,
      String segmentPolicyName, CloudFrontQuotas quotas) {
    this.policies = policies;
    this.accessControlName = accessControlName;
    this.manifestPolicy = V2Layout.manifestPolicy(manifestPolicyName);
    this.segmentPolicy = V2Layout.segmentPolicy(segmentPolicyName);
    this.quotas = quotas;
  }

  /**
   * Refuses, without a call, cache policies with more query strings than the account's quota allows; a save calls it
   * before its first write.
   *
   * @throws io.github.mediapackagecdn.core.error.QuotaExceededException naming the policy and the figures
   */
  void refuseOverQuota() {
    for (CachePolicyConfig policy : List.of(manifestPolicy, segmentPolicy)) {
      quotas.refuseCachePolicy(policy.name(), policy.queryStrings());
    }
  }

  /**
   * The three ids when this instance knows them; otherwise stand-ins, so that a plan can be counted against the
   * quotas before anything is looked up or created. Never sent.
   */
  synchronized V2Layout.Policies knownOrStandIns() {
    return known != null ? known : new V2Layout.Policies(NOT_CREATED_YET, NOT_CREATED_YET, NOT_CREATED_YET);
  }

  /** The three ids, looked up or created on the first call only. */
  synchronized V2Layout.Policies ids() {
    if (known == null) {
      refuseOverQuota();
      OriginAccessControl oac = findOrCreate(() -> policies.findOriginAccessControl(accessControlName),
          () -> policies.createOriginAccessControl(OriginAccessControlConfig.forMediaPackageV2(accessControlName)));
      String manifests = cachePolicy(manifestPolicy);
      String segments = cachePolicy(segmentPolicy);
      known = new V2Layout.Policies(oac.id(), manifests, segments);
    }
    return known;
  }

  private String cachePolicy(CachePolicyConfig config) {
    return findOrCreate(() -> policies.findCachePolicy(config.name()), () -> policies.createCachePolicy(config))
        .id();
  }

  private static <T> T findOrCreate(Supplier<Optional<T>> find, Supplier<T> create) {
    Optional<T> found = find.get();
    if (found.isPresent()) {
      return found.get();
    }
    try {
      return create.get();
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
        throw e;
      }
      return find.get().orElseThrow(() -> e); // created by another instance a moment ago
    }
  }
}
