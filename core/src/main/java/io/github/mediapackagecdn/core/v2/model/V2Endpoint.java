package io.github.mediapackagecdn.core.v2.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A v2 origin endpoint as read ({@code GetOriginEndpointResponse}, or an {@code OriginEndpointListConfiguration} of
 * ListOriginEndpoints, which has no ETag).
 */
@Value.Immutable
public abstract class V2Endpoint {

  /** {@code ChannelGroupName}, {@code ChannelName} and {@code OriginEndpointName}. */
  public abstract V2EndpointId id();

  /** {@code Arn}: {@code arn:aws:mediapackagev2:<region>:<account>:channelGroup/<g>/channel/<c>/originEndpoint/<e>}. */
  public abstract String arn();

  /** {@code ContainerType}. */
  public abstract ContainerType containerType();

  /**
   * Every manifest with its {@code Url}, in the order {@code HlsManifests}, {@code LowLatencyHlsManifests},
   * {@code DashManifests}, {@code MssManifests}.
   */
  public abstract List<Manifest> manifests();

  /** {@code Description}. */
  @Value.Default
  public String description() {
    return "";
  }

  /** {@code StartoverWindowSeconds}. */
  public abstract Optional<Integer> startoverWindowSeconds();

  /** {@code ETag} of this read (GetOriginEndpoint); empty from a listing. */
  public abstract Optional<String> etag();

  /** A builder, for port implementations. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link V2Endpoint}. */
  public static class Builder extends ImmutableV2Endpoint.Builder {}
}
