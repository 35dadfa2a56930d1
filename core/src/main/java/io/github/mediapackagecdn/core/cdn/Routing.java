package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * CloudFront's routing of a player's request, for both MediaPackage versions: the first ordered cache behaviour whose
 * path pattern matches the request path wins ({@code *} any run of characters, {@code ?} one character,
 * case-sensitive, a leading {@code /} optional), the default behaviour last; an origin group sends the request to its
 * primary member; CloudFront then fetches the origin's domain, plus its origin path, plus the request path. A CDN URL
 * reaches its endpoint only when that is the endpoint's own URL, the origin sends the header the endpoint requires,
 * and, where MediaPackage requires requests signed by CloudFront, the origin has an origin access control.
 */
public final class Routing {

  private Routing() {}

  /** What an endpoint requires of the origin that reaches it, besides its domain. */
  public record Requirements(Optional<String> header, boolean originAccessControl) {

    /** Nothing besides the domain. */
    public static Requirements none() {
      return new Requirements(Optional.empty(), false);
    }
  }

  /**
   * Why CloudFront would not bring a player's request for {@code url} (an endpoint's URL on MediaPackage's host) to
   * that URL: the behaviour and the origin in the way, or what the origin lacks. Empty when it would. Names ids,
   * domains and paths only, never a header value.
   *
   * @param endpoint how the reason names the endpoint
   */
  public static Optional<String> whyNotRouted(DistributionConfig config, String url, String endpoint,
      Requirements requirements) {
    URI uri = URI.create(url);
    String path = uri.getRawPath();
    CacheBehavior behavior = route(config, path);
    String which = behavior == config.defaultBehavior()
        ? "the default cache behaviour"
        : "cache behaviour '" + behavior.pathPattern() + "'";
    String targetId = config.originGroup(behavior.targetOriginId()).map(OriginGroup::primaryOriginId)
        .orElse(behavior.targetOriginId());
    Optional<Origin> origin = config.origin(targetId);
    if (origin.isEmpty()) {
      return Optional.of(which + " sends " + path + " to '" + behavior.targetOriginId()
          + "', which is not an origin of the distribution, not to endpoint " + endpoint);
    }
    Origin target = origin.get();
    String fetched = "https://" + target.domainName() + target.originPath() + path;
    String wanted = "https://" + uri.getHost() + path;
    if (!target.domainName().equalsIgnoreCase(uri.getHost()) || !target.originPath().isEmpty()) {
      return Optional.of(which + " sends " + path + " to origin '" + target.id() + "', so CloudFront would fetch "
          + fetched + ", not endpoint " + endpoint + "'s URL " + wanted);
    }
    if (requirements.header().isPresent()
        && target.customHeaders().keySet().stream().noneMatch(requirements.header().get()::equalsIgnoreCase)) {
      return Optional.of("origin '" + target.id() + "' does not send the " + requirements.header().get()
          + " header that endpoint " + endpoint + " requires, so MediaPackage would answer 403");
    }
    if (requirements.originAccessControl() && target.originAccessControlId().isEmpty()) {
      return Optional.of("origin '" + target.id() + "' has no origin access control, so its requests to endpoint "
          + endpoint + " are not signed and MediaPackage would answer 403");
    }
    return Optional.empty();
  }

  /**
   * What every cache behaviour the library lays out starts from, whichever MediaPackage version: {@code pathPattern}
   * sent to {@code originId}, viewers redirected to HTTPS, GET, HEAD and OPTIONS allowed, GET and HEAD cached by
   * {@code cachePolicyId}; each side adds the rest.
   */
  public static CacheBehavior.Builder behavior(String pathPattern, String originId, String cachePolicyId) {
    return CacheBehavior.builder()
        .pathPattern(pathPattern)
        .targetOriginId(originId)
        .viewerProtocolPolicy(ProtocolPolicy.REDIRECT_TO_HTTPS)
        .allowedMethods(List.of("GET", "HEAD", "OPTIONS"))
        .cachedMethods(List.of("GET", "HEAD"))
        .cachePolicyId(cachePolicyId);
  }

  /** The behaviour CloudFront applies to a request path: the first ordered one that matches, else the default. */
  public static CacheBehavior route(DistributionConfig config, String requestPath) {
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
  public static boolean matches(String pathPattern, String requestPath) {
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

  /**
   * The endpoints of {@code endpoints} that {@code why} gives a reason not to be served for, by their {@code id}, with
   * that reason, in their order: what an outcome's or a repair's {@code notServed} holds, for either side.
   */
  public static <E> Map<OriginEndpointId, String> notServed(List<E> endpoints, Function<E, OriginEndpointId> id,
      Function<E, Optional<String>> why) {
    Map<OriginEndpointId, String> notServed = new LinkedHashMap<>();
    endpoints.forEach(endpoint -> why.apply(endpoint).ifPresent(reason -> notServed.put(id.apply(endpoint), reason)));
    return notServed;
  }
}
