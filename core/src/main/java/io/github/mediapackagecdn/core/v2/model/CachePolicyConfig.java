package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A CloudFront cache policy's settings ({@code CachePolicyConfig}): TTLs, and what is in the cache key
 * ({@code ParametersInCacheKeyAndForwardedToOrigin}): the query strings ({@code QueryStringsConfig}), headers
 * ({@code HeadersConfig}) and cookies ({@code CookiesConfig}), each with its behaviour and names, and whether the
 * normalized {@code Accept-Encoding} is in it so that CloudFront can serve gzip and brotli
 * ({@code EnableAcceptEncodingGzip}, {@code EnableAcceptEncodingBrotli}).
 *
 * @param name {@code Name}, unique in the account
 * @param comment {@code Comment}
 * @param minTtl {@code MinTTL} in seconds
 * @param defaultTtl {@code DefaultTTL}, used when the origin sends no {@code Cache-Control}
 * @param maxTtl {@code MaxTTL}
 * @param queryStrings {@code QueryStrings}, the names the query string behaviour lists
 * @param queryStringBehavior {@code QueryStringBehavior}: {@code none | whitelist | allExcept | all}
 * @param headerBehavior {@code HeaderBehavior}: {@code none | whitelist}
 * @param headers {@code Headers}, the names a {@code whitelist} lists
 * @param cookieBehavior {@code CookieBehavior}: {@code none | whitelist | allExcept | all}
 * @param cookies {@code Cookies}, the names the cookie behaviour lists
 * @param gzip {@code EnableAcceptEncodingGzip}
 * @param brotli {@code EnableAcceptEncodingBrotli}
 */
public record CachePolicyConfig(
    String name, String comment, long minTtl, long defaultTtl, long maxTtl, List<String> queryStrings,
    String queryStringBehavior, String headerBehavior, List<String> headers, String cookieBehavior,
    List<String> cookies, boolean gzip, boolean brotli) {

  /** The behaviour that puts nothing of its kind in the cache key. */
  public static final String NONE = "none";

  /** The behaviour that puts the listed names in the cache key. */
  public static final String WHITELIST = "whitelist";

  /** Keeps unmodifiable copies; refuses TTLs out of order and missing members. */
  public CachePolicyConfig {
    if (name == null || name.isEmpty() || comment == null || queryStrings == null || queryStringBehavior == null
        || headerBehavior == null || headers == null || cookieBehavior == null || cookies == null) {
      throw new ValidationException("a cache policy has a name, a comment, and its query strings, headers and"
          + " cookies with their behaviours");
    }
    if (minTtl < 0 || minTtl > defaultTtl || defaultTtl > maxTtl) {
      throw new ValidationException("cache policy " + name + ": TTLs must be 0 <= min <= default <= max");
    }
    queryStrings = List.copyOf(queryStrings);
    headers = List.copyOf(headers);
    cookies = List.copyOf(cookies);
  }

  /**
   * A policy keyed on {@code queryStrings} only ({@code whitelist}, or {@code none} when there is none), no header, no
   * cookie, without gzip or brotli.
   */
  public CachePolicyConfig(String name, String comment, long minTtl, long defaultTtl, long maxTtl,
      List<String> queryStrings) {
    this(name, comment, minTtl, defaultTtl, maxTtl, queryStrings, queryStrings.isEmpty() ? NONE : WHITELIST, NONE,
        List.of(), NONE, List.of(), false, false);
  }

  /** The same settings with gzip and brotli on or off: what CloudFront needs to serve compressed objects. */
  public CachePolicyConfig withCompression(boolean compressed) {
    return new CachePolicyConfig(name, comment, minTtl, defaultTtl, maxTtl, queryStrings, queryStringBehavior,
        headerBehavior, headers, cookieBehavior, cookies, compressed, compressed);
  }

  /**
   * The settings in which {@code found} differs from these, each as {@code Member: found value (wanted value)}; the
   * name and the comment are not compared, and lists of names compare in any order. Empty when it is the same policy.
   */
  public List<String> differences(CachePolicyConfig found) {
    List<String> differences = new ArrayList<>();
    differ(differences, "MinTTL", found.minTtl, minTtl);
    differ(differences, "DefaultTTL", found.defaultTtl, defaultTtl);
    differ(differences, "MaxTTL", found.maxTtl, maxTtl);
    differ(differences, "QueryStringBehavior", found.queryStringBehavior, queryStringBehavior);
    differ(differences, "QueryStrings", Set.copyOf(found.queryStrings), Set.copyOf(queryStrings));
    differ(differences, "HeaderBehavior", found.headerBehavior, headerBehavior);
    differ(differences, "Headers", Set.copyOf(found.headers), Set.copyOf(headers));
    differ(differences, "CookieBehavior", found.cookieBehavior, cookieBehavior);
    differ(differences, "Cookies", Set.copyOf(found.cookies), Set.copyOf(cookies));
    differ(differences, "EnableAcceptEncodingGzip", found.gzip, gzip);
    differ(differences, "EnableAcceptEncodingBrotli", found.brotli, brotli);
    return differences;
  }

  private static void differ(List<String> differences, String member, Object found, Object wanted) {
    if (!found.equals(wanted)) {
      differences.add(member + ": " + (found instanceof Set<?> set ? set.stream().sorted().toList() : found) + " ("
          + (wanted instanceof Set<?> set ? set.stream().sorted().toList() : wanted) + " wanted)");
    }
  }
}
