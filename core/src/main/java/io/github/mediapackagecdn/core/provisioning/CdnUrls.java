package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.Routing;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import java.util.List;
import java.util.Optional;

/**
 * CDN URLs of a v1 endpoint: its URL with its host replaced by the distribution's domain (CMAF: each HLS manifest
 * URL), given only when CloudFront's routing ({@link Routing}) brings each, and a segment beside it, to the endpoint;
 * an endpoint with CDN authorization needs the {@value LiveCdnSettings#CDN_IDENTIFIER_HEADER} header on the origin.
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
    Routing.Requirements requirements = new Routing.Requirements(
        endpoint.authorization().map(a -> LiveCdnSettings.CDN_IDENTIFIER_HEADER), false);
    return endpoint.urls().stream().flatMap(url -> withSegment(endpoint, url.value()).stream())
        .flatMap(url -> Routing.whyNotRouted(config, url, endpoint.id().value(), requirements).stream())
        .findFirst();
  }

  /** The file name, without its suffix, of the segment whose routing is checked beside each manifest's. */
  private static final String SEGMENT_SAMPLE = "segment_1";

  /**
   * The manifest's URL and a segment's beside it (a sample of the paths the segment behaviour serves: {@code .ts} for
   * HLS, {@code .mp4} for DASH and CMAF); Smooth Streaming's fragments are under the manifest's own {@code .ism/}
   * path, the manifest's URL alone checks them.
   */
  private static List<String> withSegment(OriginEndpoint endpoint, String manifestUrl) {
    String directory = manifestUrl.substring(0, manifestUrl.lastIndexOf('/') + 1);
    return switch (endpoint.packaging()) {
      case HLS -> List.of(manifestUrl, directory + SEGMENT_SAMPLE + ".ts");
      case DASH, CMAF -> List.of(manifestUrl, directory + SEGMENT_SAMPLE + ".mp4");
      case MSS -> List.of(manifestUrl);
    };
  }
}
