package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CloudFront quotas a save can exceed, and the one check of them that v1 and v2 make before their first write:
 * cache behaviours, origins and origin groups a distribution, tags a distribution, query strings a cache policy. The
 * defaults are the CloudFront Developer Guide's "Quotas" page; an account whose quota AWS raised gives its figures
 * through {@code CdnSettings.cloudFrontQuotas}, so that the library refuses what CloudFront would refuse, and no
 * more. The testkit's fake CloudFront enforces the same type.
 *
 * @param cacheBehaviorsPerDistribution "Cache behaviors per distribution", the ordered behaviours (75)
 * @param originsPerDistribution "Origins per distribution" (25)
 * @param originGroupsPerDistribution "Origin groups per distribution" (10)
 * @param tagsPerDistribution "Tags that can be added to a distribution" (50)
 * @param queryStringsPerCachePolicy "Query strings per cache policy" (10)
 */
public record CloudFrontQuotas(int cacheBehaviorsPerDistribution, int originsPerDistribution,
    int originGroupsPerDistribution, int tagsPerDistribution, int queryStringsPerCachePolicy) {

  /** Cache behaviours a distribution, the default behaviour not counted: 75 (quotas page, checked 2026-12-07). */
  public static final int DEFAULT_CACHE_BEHAVIORS_PER_DISTRIBUTION = 75;

  /** Origins a distribution: 25 (UNCONFIRMED for today's page; see CONTRIBUTING.md). */
  public static final int DEFAULT_ORIGINS_PER_DISTRIBUTION = 25;

  /** Origin groups a distribution: 10. */
  public static final int DEFAULT_ORIGIN_GROUPS_PER_DISTRIBUTION = 10;

  /** Query strings in a cache policy's cache key: 10. */
  public static final int DEFAULT_QUERY_STRINGS_PER_CACHE_POLICY = 10;

  private static final String RAISED = "or, if AWS raised the quota for your account, give the raised figure with "
      + "CdnSettings.builder().cloudFrontQuotas(...)";

  /** Refuses a quota below 1, every such problem at once. */
  public CloudFrontQuotas {
    List<String> problems = new ArrayList<>();
    positive(problems, "cache behaviours a distribution", cacheBehaviorsPerDistribution);
    positive(problems, "origins a distribution", originsPerDistribution);
    positive(problems, "origin groups a distribution", originGroupsPerDistribution);
    positive(problems, "tags a distribution", tagsPerDistribution);
    positive(problems, "query strings a cache policy", queryStringsPerCachePolicy);
    ValidationException.throwIfAny(problems);
  }

  /** CloudFront's default quotas: 75 cache behaviours, 25 origins, 10 origin groups, 50 tags, 10 query strings. */
  public static CloudFrontQuotas defaults() {
    return new CloudFrontQuotas(DEFAULT_CACHE_BEHAVIORS_PER_DISTRIBUTION, DEFAULT_ORIGINS_PER_DISTRIBUTION,
        DEFAULT_ORIGIN_GROUPS_PER_DISTRIBUTION, Limits.MAX_TAGS, DEFAULT_QUERY_STRINGS_PER_CACHE_POLICY);
  }

  /** These quotas with {@code quota} cache behaviours a distribution. */
  public CloudFrontQuotas withCacheBehaviorsPerDistribution(int quota) {
    return new CloudFrontQuotas(quota, originsPerDistribution, originGroupsPerDistribution, tagsPerDistribution,
        queryStringsPerCachePolicy);
  }

  /** These quotas with {@code quota} origins a distribution. */
  public CloudFrontQuotas withOriginsPerDistribution(int quota) {
    return new CloudFrontQuotas(cacheBehaviorsPerDistribution, quota, originGroupsPerDistribution,
        tagsPerDistribution, queryStringsPerCachePolicy);
  }

  /** These quotas with {@code quota} origin groups a distribution. */
  public CloudFrontQuotas withOriginGroupsPerDistribution(int quota) {
    return new CloudFrontQuotas(cacheBehaviorsPerDistribution, originsPerDistribution, quota, tagsPerDistribution,
        queryStringsPerCachePolicy);
  }

  /** These quotas with {@code quota} tags a distribution. */
  public CloudFrontQuotas withTagsPerDistribution(int quota) {
    return new CloudFrontQuotas(cacheBehaviorsPerDistribution, originsPerDistribution, originGroupsPerDistribution,
        quota, queryStringsPerCachePolicy);
  }

  /** These quotas with {@code quota} query strings a cache policy. */
  public CloudFrontQuotas withQueryStringsPerCachePolicy(int quota) {
    return new CloudFrontQuotas(cacheBehaviorsPerDistribution, originsPerDistribution, originGroupsPerDistribution,
        tagsPerDistribution, quota);
  }

  /**
   * Refuses {@code changes} when, applied to {@code current}, they would give the distribution more cache behaviours,
   * origins or origin groups than these quotas allow. A count the changes do not raise is never refused, even above
   * its quota (the account's quota may be higher than the figure given here).
   *
   * @param distribution the distribution, as the message names it (such as {@code distribution E2QWRUHEXAMPLE})
   * @throws QuotaExceededException naming the quota, the figures and what to do
   */
  public void refuseChanges(String distribution, DistributionConfig current, ChangeSet changes) {
    if (changes.isEmpty()) {
      return;
    }
    DistributionConfig after = changes.applyTo(current);
    refuse(distribution, "cache behaviours", "Cache behaviors per distribution", current.cacheBehaviors().size(),
        after.cacheBehaviors().size(), cacheBehaviorsPerDistribution);
    refuse(distribution, "origins", "Origins per distribution", current.origins().size(), after.origins().size(),
        originsPerDistribution);
    refuse(distribution, "origin groups", "Origin groups per distribution", current.originGroups().size(),
        after.originGroups().size(), originGroupsPerDistribution);
  }

  /**
   * Refuses a new distribution's {@code tags} (the link tag among them) when there are more than
   * {@link #tagsPerDistribution()}.
   *
   * @throws QuotaExceededException naming the quota, the figures and what to do
   */
  public void refuseTags(String distribution, Map<String, String> tags) {
    if (tags.size() > tagsPerDistribution) {
      throw new QuotaExceededException(distribution + " would have " + tags.size() + " tags, the link tag included;"
          + " CloudFront allows " + tagsPerDistribution + " a distribution (quota \"Tags that can be added to a"
          + " distribution\"): give at most " + (tagsPerDistribution - 1) + " distribution tags, " + RAISED);
    }
  }

  /**
   * Refuses a cache policy whose cache key names more query strings than {@link #queryStringsPerCachePolicy()}.
   *
   * @throws QuotaExceededException naming the quota, the figures and what to do
   */
  public void refuseCachePolicy(String name, List<String> queryStrings) {
    if (queryStrings.size() > queryStringsPerCachePolicy) {
      throw new QuotaExceededException("cache policy " + name + " keys on " + queryStrings.size() + " query strings "
          + queryStrings + "; CloudFront allows " + queryStringsPerCachePolicy + " a cache policy (quota \"Query"
          + " strings per cache policy\"): request a higher quota and give it with"
          + " CdnSettings.builder().cloudFrontQuotas(...)");
    }
  }

  private static void refuse(String distribution, String what, String quota, int before, int after, int allowed) {
    if (after > allowed && after > before) {
      throw new QuotaExceededException(distribution + " would have " + after + " " + what + " (" + before + " now, "
          + (after - before) + " more for this save); CloudFront allows " + allowed + " a distribution (quota \""
          + quota + "\"): remove " + what + " it no longer needs, " + RAISED);
    }
  }

  private static void positive(List<String> problems, String what, int quota) {
    if (quota < 1) {
      problems.add("the quota of " + what + " is " + quota + "; it is 1 or more");
    }
  }
}
