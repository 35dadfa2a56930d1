package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import java.util.List;

/** CDN URLs: an endpoint's URL with its host replaced by the distribution's domain (CMAF: each HLS manifest URL). */
public final class CdnUrls {

  private CdnUrls() {}

  /** The URL players use through CloudFront for one endpoint URL. */
  public static String of(EndpointUrl endpointUrl, String distributionDomain) {
    return endpointUrl.withHost(distributionDomain);
  }

  /**
   * The CDN URLs of an endpoint on a distribution; empty while the distribution has no origin for the endpoint's
   * host, because CloudFront could not serve them yet.
   */
  public static List<String> of(OriginEndpoint endpoint, Distribution distribution) {
    boolean served = endpoint.host()
        .map(host -> distribution.config().origins().stream().anyMatch(o -> o.domainName().equalsIgnoreCase(host)))
        .orElse(false);
    if (!served) {
      return List.of();
    }
    return endpoint.urls().stream().map(url -> of(url, distribution.domainName())).toList();
  }
}
