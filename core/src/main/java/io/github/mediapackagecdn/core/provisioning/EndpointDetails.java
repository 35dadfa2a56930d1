package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.OriginEndpoint;
import java.util.List;
import org.immutables.value.Value;

/** An endpoint and its CloudFront CDN URLs: the URLs to give downstream players (empty until the origin exists). */
@Value.Immutable
public abstract class EndpointDetails {

  /** The endpoint as MediaPackage reports it. */
  @Value.Parameter
  public abstract OriginEndpoint endpoint();

  /** The endpoint's URLs on the distribution's domain; empty while the distribution does not serve it. */
  @Value.Parameter
  public abstract List<String> cdnUrls();

  static EndpointDetails of(OriginEndpoint endpoint, List<String> cdnUrls) {
    return ImmutableEndpointDetails.of(endpoint, cdnUrls);
  }
}
