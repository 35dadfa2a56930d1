package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.List;

/**
 * A CloudFront cache policy's settings ({@code CachePolicyConfig}), as far as the library sets them: TTLs and the
 * query strings in the cache key ({@code QueryStringsConfig}, behaviour {@code whitelist}); no header, no cookie
 * ({@code HeadersConfig}, {@code CookiesConfig} behaviour {@code none}), no gzip or brotli key
 * ({@code EnableAcceptEncodingGzip}, {@code EnableAcceptEncodingBrotli} false).
 *
 * @param name {@code Name}, unique in the account
 * @param comment {@code Comment}
 * @param minTtl {@code MinTTL} in seconds
 * @param defaultTtl {@code DefaultTTL}, used when the origin sends no {@code Cache-Control}
 * @param maxTtl {@code MaxTTL}
 * @param queryStrings {@code QueryStrings} of a {@code whitelist} {@code QueryStringBehavior}
 */
public record CachePolicyConfig(
    String name, String comment, long minTtl, long defaultTtl, long maxTtl, List<String> queryStrings) {

  /** Keeps an unmodifiable copy; refuses TTLs out of order. */
  public CachePolicyConfig {
    if (name == null || name.isEmpty() || comment == null || queryStrings == null) {
      throw new ValidationException("a cache policy has a name, a comment and its query strings");
    }
    if (minTtl < 0 || minTtl > defaultTtl || defaultTtl > maxTtl) {
      throw new ValidationException("cache policy " + name + ": TTLs must be 0 <= min <= default <= max");
    }
    queryStrings = List.copyOf(queryStrings);
  }
}
