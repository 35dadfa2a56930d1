package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.OriginEndpoint;
import java.util.List;
import org.immutables.value.Value;

/** The endpoints MediaPackage saved, in the order given, and what happened to the channel's distribution. */
@Value.Immutable
public abstract class EndpointSaveResult {

  /** The endpoints as saved in MediaPackage; saved even when the CloudFront side failed. */
  @Value.Parameter
  public abstract List<OriginEndpoint> endpoints();

  /** What happened on the CloudFront side. */
  @Value.Parameter
  public abstract CdnOutcome cdn();

  /** The endpoint saved, when one was. */
  public OriginEndpoint endpoint() {
    return endpoints().get(0);
  }

  static EndpointSaveResult of(List<OriginEndpoint> endpoints, CdnOutcome cdn) {
    return ImmutableEndpointSaveResult.of(endpoints, cdn);
  }
}
