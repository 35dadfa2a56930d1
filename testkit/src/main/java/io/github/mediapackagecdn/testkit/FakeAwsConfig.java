package io.github.mediapackagecdn.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How {@link FakeAwsExtension} builds each test's {@link FakeAws}: on a test class, a {@code @Nested} class or a test
 * method. Only the attributes given count; the others keep what the enclosing class, the registered extension
 * ({@link FakeAwsExtension#builder()}) or {@link FakeAws#create()} set. The nearest annotation wins: method, then
 * class, then enclosing class. The quotas are those of {@link FakeAws.Quotas}: the facades the fake builds are given
 * its CloudFront quotas, so that they refuse before writing what the fake CloudFront would refuse.
 *
 * <pre>{@code
 * @ExtendWith(FakeAwsExtension.class)
 * @FakeAwsConfig(region = "eu-west-1", propagationSeconds = 60)
 * class EventServiceTest {
 *   @Test
 *   @FakeAwsConfig(maxChannelsPerGroup = 1)
 *   void secondChannel_hitsTheQuota(ChannelCdnV2 cdn) { ... }
 *
 *   @Test
 *   @FakeAwsConfig(maxDistributions = 1)
 *   void secondEvent_hitsTheQuota(ChannelCdn cdn) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FakeAwsConfig {

  /** The value of a number attribute that is not given. */
  long UNSET = -1;

  /** The value of {@link #seed()} when it is not given (a seed of -1 is a valid seed). */
  long UNSET_SEED = Long.MIN_VALUE;

  /** The MediaPackage region, such as {@code eu-west-1}; empty: not given. */
  String region() default "";

  /** The 12-digit account id; empty: not given. */
  String accountId() default "";

  /** The seed of the generated ids, ARNs, hosts and ETags; {@link #UNSET_SEED}: not given. */
  long seed() default UNSET_SEED;

  /** Seconds a distribution stays {@code InProgress} after a change, 0 or more; {@link #UNSET}: not given. */
  long propagationSeconds() default UNSET;

  /** The MediaPackage channel quota; {@link #UNSET}: not given. */
  int maxChannels() default (int) UNSET;

  /** The quota of endpoints a channel; {@link #UNSET}: not given. */
  int maxEndpointsPerChannel() default (int) UNSET;

  /** The CloudFront distribution quota; {@link #UNSET}: not given. */
  int maxDistributions() default (int) UNSET;

  /** The quota of origins a distribution; {@link #UNSET}: not given. */
  int maxOriginsPerDistribution() default (int) UNSET;

  /** The quota of cache behaviours a distribution; {@link #UNSET}: not given. */
  int maxCacheBehaviorsPerDistribution() default (int) UNSET;

  /** The quota of origin groups a distribution; {@link #UNSET}: not given. */
  int maxOriginGroupsPerDistribution() default (int) UNSET;

  /** The quota of tags a distribution, the link tag included; {@link #UNSET}: not given. */
  int maxTagsPerDistribution() default (int) UNSET;

  /** The quota of query strings a CloudFront cache policy; {@link #UNSET}: not given. */
  int maxQueryStringsPerCachePolicy() default (int) UNSET;

  /** MediaPackage v2: the quota of channel groups; {@link #UNSET}: not given. */
  int maxChannelGroups() default (int) UNSET;

  /** MediaPackage v2: the quota of channels a channel group; {@link #UNSET}: not given. */
  int maxChannelsPerGroup() default (int) UNSET;

  /** MediaPackage v2: the quota of origin endpoints a channel; {@link #UNSET}: not given. */
  int maxV2EndpointsPerChannel() default (int) UNSET;

  /** MediaPackage v2: the quota of manifests an origin endpoint; {@link #UNSET}: not given. */
  int maxManifestsPerEndpoint() default (int) UNSET;

  /** The quota of CloudFront custom cache policies an account (v2 creates two); {@link #UNSET}: not given. */
  int maxCachePolicies() default (int) UNSET;

  /** The quota of CloudFront origin access controls an account (v2 creates one); {@link #UNSET}: not given. */
  int maxOriginAccessControls() default (int) UNSET;
}
