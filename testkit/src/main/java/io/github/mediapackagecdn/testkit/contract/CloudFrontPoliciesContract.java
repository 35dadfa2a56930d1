package io.github.mediapackagecdn.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.v2.model.CachePolicy;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControl;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CloudFrontPolicies}: origin access controls and custom cache policies are found by name
 * once created, and a name is unique in the account. The world starts empty for every test.
 */
public abstract class CloudFrontPoliciesContract {

  /** The port under test. */
  protected abstract CloudFrontPolicies policies();

  /** A cache policy's settings. */
  protected static CachePolicyConfig cachePolicy(String name) {
    return new CachePolicyConfig(name, "test", 0, 1, 31_536_000, List.of("m"));
  }

  @Test
  void createOriginAccessControl_thenFindByName_answersIt() {
    OriginAccessControl created =
        policies().createOriginAccessControl(OriginAccessControlConfig.forMediaPackageV2("oac"));

    assertThat(created.id()).isNotBlank();
    assertThat(policies().findOriginAccessControl("oac")).hasValueSatisfying(found -> {
      assertThat(found.id()).isEqualTo(created.id());
      assertThat(found.config().originType()).isEqualTo("mediapackagev2");
      assertThat(found.config().signingBehavior()).isEqualTo("always");
      assertThat(found.config().signingProtocol()).isEqualTo("sigv4");
    });
  }

  @Test
  void findOriginAccessControl_whenNoneHasTheName_isEmpty() {
    policies().createOriginAccessControl(OriginAccessControlConfig.forMediaPackageV2("other"));

    assertThat(policies().findOriginAccessControl("oac")).isEmpty();
  }

  @Test
  void createOriginAccessControl_whenNameTaken_isAlreadyExists() {
    policies().createOriginAccessControl(OriginAccessControlConfig.forMediaPackageV2("oac"));

    assertThatThrownBy(() -> policies().createOriginAccessControl(OriginAccessControlConfig.forMediaPackageV2("oac")))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS));
  }

  @Test
  void createCachePolicy_thenFindByName_answersItsSettings() {
    CachePolicy created = policies().createCachePolicy(cachePolicy("segments"));

    assertThat(policies().findCachePolicy("segments")).hasValueSatisfying(found -> {
      assertThat(found.id()).isEqualTo(created.id());
      assertThat(found.config().queryStrings()).containsExactly("m");
      assertThat(found.config().minTtl()).isZero();
    });
    assertThat(policies().findCachePolicy("manifests")).isEmpty();
  }

  @Test
  void createCachePolicy_withEveryMemberOfItsCacheKey_isFoundWithTheSameSettings() {
    CachePolicyConfig config = new CachePolicyConfig("keyed", "every member", 1, 2, 3, List.of("a", "b"),
        "whitelist", "whitelist", List.of("Origin"), "none", List.of(), true, true);

    policies().createCachePolicy(config);

    assertThat(policies().findCachePolicy("keyed")).hasValueSatisfying(found -> {
      assertThat(found.config()).isEqualTo(config);
      assertThat(config.differences(found.config())).isEmpty();
    });
  }

  @Test
  void cachePolicies_listsEveryCustomPolicy() {
    CachePolicy segments = policies().createCachePolicy(cachePolicy("segments"));
    CachePolicy manifests = policies().createCachePolicy(cachePolicy("manifests"));

    assertThat(policies().cachePolicies()).extracting(CachePolicy::id)
        .containsExactlyInAnyOrder(segments.id(), manifests.id());
  }

  @Test
  void createCachePolicy_whenNameTaken_isAlreadyExists() {
    policies().createCachePolicy(cachePolicy("segments"));

    assertThatThrownBy(() -> policies().createCachePolicy(cachePolicy("segments")))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS));
  }
}
