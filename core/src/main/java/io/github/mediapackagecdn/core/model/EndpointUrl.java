package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The egress URL of a live origin endpoint, {@code https://<host>/out/v1/<32 hex>/...}: what players and CDNs request.
 * Ingest URLs ({@code /in/v2/}) and VOD URLs ({@code mediapackage-vod}) are refused: they cannot be an origin.
 */
public record EndpointUrl(String value) {

  /** Refuses anything that is not a live endpoint's https egress URL. */
  public EndpointUrl {
    String problem = problemWith(value);
    if (problem != null) {
      throw new ValidationException(problem);
    }
  }

  /** The endpoint URL {@code value}, checked. */
  public static EndpointUrl of(String value) {
    return new EndpointUrl(value);
  }

  private static String problemWith(String value) {
    if (value == null || value.isBlank()) {
      return "endpoint URL is empty";
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return "endpoint URL '" + value + "' is not a URL: " + e.getReason();
    }
    String host = uri.getHost();
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!"https".equalsIgnoreCase(uri.getScheme()) || host == null) {
      return "endpoint URL '" + value + "' must be an absolute https URL";
    }
    if (path.startsWith("/in/")) {
      return "'" + value + "' is an ingest URL; an endpoint's egress URL (https://<host>/out/v1/...) belongs here";
    }
    if (host.toLowerCase(Locale.ROOT).contains("mediapackage-vod")) {
      return "'" + value + "' is a MediaPackage VOD URL; CloudFront distributions are created for live endpoints only";
    }
    if (!path.startsWith("/out/v1/") || path.length() <= "/out/v1/".length()) {
      return "'" + value + "' is not a live endpoint's egress URL (https://<host>/out/v1/<id>/...)";
    }
    return null;
  }

  /** The egress host, which becomes the distribution's origin domain. */
  public String host() {
    return URI.create(value).getHost();
  }

  /** This URL with its host replaced, the way a CDN URL is formed from an endpoint URL. */
  public String withHost(String newHost) {
    URI uri = URI.create(value);
    return "https://" + newHost + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  @Override
  public String toString() {
    return value;
  }
}
