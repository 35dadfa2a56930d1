package io.github.mediapackagecdn.core.v2.port;

import io.github.mediapackagecdn.core.v2.model.CachePolicy;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControl;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import java.util.List;
import java.util.Optional;

/**
 * CloudFront's account-wide settings a v2 distribution uses: origin access controls and custom cache policies, each
 * found by its name and created once. A name taken is a conflict with reason {@code ALREADY_EXISTS}
 * ({@code OriginAccessControlAlreadyExists}, {@code CachePolicyAlreadyExists}, 409); a quota a
 * {@link io.github.mediapackagecdn.core.error.QuotaExceededException} ({@code TooManyOriginAccessControls},
 * {@code TooManyCachePolicies}).
 */
public interface CloudFrontPolicies {

  /** The origin access control named {@code name} (ListOriginAccessControls, every page); empty if none. */
  Optional<OriginAccessControl> findOriginAccessControl(String name);

  /** Creates an origin access control (CreateOriginAccessControl). */
  OriginAccessControl createOriginAccessControl(OriginAccessControlConfig config);

  /** The custom cache policy named {@code name} (ListCachePolicies {@code Type=custom}, every page); empty if none. */
  Optional<CachePolicy> findCachePolicy(String name);

  /**
   * Every custom cache policy of the account (ListCachePolicies {@code Type=custom}, every page): one listing finds
   * the library's policies and the earlier ones its behaviours may still use.
   */
  List<CachePolicy> cachePolicies();

  /** Creates a cache policy (CreateCachePolicy). */
  CachePolicy createCachePolicy(CachePolicyConfig config);
}
