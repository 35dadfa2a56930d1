package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.v2.model.CachePolicy;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControl;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The account-wide settings every v2 distribution shares, each found by its name or created once, never one per save:
 * the origin access control and the manifest and segment cache policies (CloudFront's quota of them is small). Once
 * found, the ids are remembered by this instance; two instances creating at once both end with the one CloudFront
 * kept ({@code AlreadyExists}: read again by name). Thread-safe.
 */
final class SharedPolicies {

  private final CloudFrontPolicies policies;
  private final String accessControlName;
  private final String manifestPolicyName;
  private final String segmentPolicyName;
  /** Guarded by {@code this}. */
  private V2Layout.Policies known;

  SharedPolicies(CloudFrontPolicies policies, String accessControlName, String manifestPolicyName,
      String segmentPolicyName) {
    this.policies = policies;
    this.accessControlName = accessControlName;
    this.manifestPolicyName = manifestPolicyName;
    this.segmentPolicyName = segmentPolicyName;
  }

  /** The three ids, looked up or created on the first call only. */
  synchronized V2Layout.Policies ids() {
    if (known == null) {
      OriginAccessControl oac = findOrCreate(() -> policies.findOriginAccessControl(accessControlName),
          () -> policies.createOriginAccessControl(OriginAccessControlConfig.forMediaPackageV2(accessControlName)));
      String manifests = cachePolicy(V2Layout.manifestPolicy(manifestPolicyName));
      String segments = cachePolicy(V2Layout.segmentPolicy(segmentPolicyName));
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
