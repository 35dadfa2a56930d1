package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * CDN URLs: an endpoint's URL with its host replaced by the distribution's domain (CMAF: each HLS manifest URL), and
 * the routing check that decides whether CloudFront would bring such a URL to its endpoint.
 *
 * <p>Routing is CloudFront's: the first ordered cache behaviour whose path pattern matches the request path wins
 * ({@code *} any run of characters, {@code ?} one character, case-sensitive, a leading {@code /} optional), the
 * default behaviour last; CloudFront then fetches the target origin's domain, plus its origin path, plus the request
 * path. A CDN URL reaches its endpoint only when that is the endpoint's own URL, and, for an endpoint with CDN
 * authorization, the origin sends the {@value LiveCdnSettings#CDN_IDENTIFIER_HEADER} header.
 */
final class CdnUrls {

  private CdnUrls() {}

  /** The URL players use through CloudFront for one endpoint URL. */
  static String of(EndpointUrl endpointUrl, String distributionDomain) {
    return endpointUrl.withHost(distributionDomain);
  }

  /**
   * The CDN URLs of an endpoint on a distribution: every one of them when the distribution routes each to the
   * endpoint, none otherwise (see {@link #whyNotServed}).
   */
  static List<String> of(OriginEndpoint endpoint, Distribution distribution) {
    if (whyNotServed(endpoint, distribution.config()).isPresent()) {
      return List.of();
    }
    return endpoint.urls().stream().map(url -> of(url, distribution.domainName())).toList();
  }

  /**
   * Why the distribution does not bring the endpoint's CDN URLs to the endpoint: the behaviour and the origin in the
   * way. Empty when every URL of the endpoint reaches it. An endpoint without a URL (a CMAF endpoint without HLS
   * manifests) is not served. Names ids, domains and paths only, never a header value.
   */
  static Optional<String> whyNotServed(OriginEndpoint endpoint, DistributionConfig config) {
    if (endpoint.urls().isEmpty()) {
      return Optional.of("endpoint " + endpoint.id() + " has no URL to serve");
    }
    for (EndpointUrl url : endpoint.urls()) {
      String path = URI.create(url.value()).getRawPath();
      CacheBehavior behavior = route(config, path);
      String which = behavior == config.defaultBehavior()
          ? "the default cache behaviour"
          : "cache behaviour '" + behavior.pathPattern() + "'";
      Optional<Origin> origin = config.origin(behavior.targetOriginId());
      if (origin.isEmpty()) {
        return Optional.of(which + " sends " + path + " to '" + behavior.targetOriginId()
            + "', which is not an origin of the distribution, not to endpoint " + endpoint.id());
      }
      Origin target = origin.get();
      String fetched = "https://" + target.domainName() + target.originPath() + path;
      String wanted = "https://" + url.host() + path;
      if (!target.domainName().equalsIgnoreCase(url.host()) || !(target.originPath() + path).equals(path)) {
        return Optional.of(which + " sends " + path + " to origin '" + target.id() + "', so CloudFront would fetch "
            + fetched + ", not endpoint " + endpoint.id() + "'s URL " + wanted);
      }
      if (endpoint.authorization().isPresent() && target.customHeaders().keySet().stream()
          .noneMatch(LiveCdnSettings.CDN_IDENTIFIER_HEADER::equalsIgnoreCase)) {
        return Optional.of("origin '" + target.id() + "' does not send the " + LiveCdnSettings.CDN_IDENTIFIER_HEADER
            + " header that endpoint " + endpoint.id() + " requires, so MediaPackage would answer 403");
      }
    }
    return Optional.empty();
  }

  /** The behaviour CloudFront applies to a request path: the first ordered one that matches, else the default. */
  static CacheBehavior route(DistributionConfig config, String requestPath) {
    return config.cacheBehaviors().stream()
        .filter(b -> matches(b.pathPattern(), requestPath))
        .findFirst()
        .orElse(config.defaultBehavior());
  }

  /**
   * Whether a CloudFront path pattern matches a request path: {@code *} matches any run of characters (also none and
   * {@code /}), {@code ?} exactly one, every other character itself, case-sensitively; a leading {@code /} is
   * optional on both.
   */
  static boolean matches(String pathPattern, String requestPath) {
    String pattern = pathPattern.startsWith("/") ? pathPattern.substring(1) : pathPattern;
    String path = requestPath.startsWith("/") ? requestPath.substring(1) : requestPath;
    // iterative wildcard match with backtracking to the last '*'
    int p = 0;
    int s = 0;
    int star = -1;
    int starMatch = 0;
    while (s < path.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        starMatch = s;
      } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == path.charAt(s))) {
        p++;
        s++;
      } else if (star >= 0) {
        p = star + 1;
        s = ++starMatch;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
