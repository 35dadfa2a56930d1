package io.github.mediapackagecdn.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An origin of a distribution: where CloudFront fetches content. Custom header values are secrets (the CDN
 * identifier) and are redacted from {@link #toString()}.
 */
@Value.Immutable
public abstract class Origin {

  /** The origin's id within its distribution, such as {@code EMP-<host label>}. */
  public abstract String id();

  /** The host CloudFront fetches from. */
  public abstract String domainName();

  /** The path CloudFront puts before every request path; empty for the channel origin. */
  @Value.Default
  public String originPath() {
    return "";
  }

  /** The custom origin's protocol policy; empty for S3 and VPC origins. */
  public abstract Optional<ProtocolPolicy> protocolPolicy();

  /** TLS versions CloudFront may use to the origin, such as {@code TLSv1.2}. */
  public abstract List<String> sslProtocols();

  /**
   * The origin access control CloudFront signs requests to this origin with (CloudFront {@code
   * Origin.OriginAccessControlId}); empty for an origin without one, such as every MediaPackage v1 origin.
   */
  public abstract Optional<String> originAccessControlId();

  /** Seconds CloudFront waits to connect to the origin ({@code Origin.ConnectionTimeout}); empty: CloudFront's. */
  public abstract Optional<Integer> connectionTimeoutSeconds();

  /** How many times CloudFront tries to connect ({@code Origin.ConnectionAttempts}); empty: CloudFront's. */
  public abstract Optional<Integer> connectionAttempts();

  /** Seconds CloudFront waits for a response ({@code CustomOriginConfig.OriginReadTimeout}); empty: CloudFront's. */
  public abstract Optional<Integer> readTimeoutSeconds();

  /** Seconds CloudFront keeps a connection ({@code CustomOriginConfig.OriginKeepaliveTimeout}); empty: its default. */
  public abstract Optional<Integer> keepAliveTimeoutSeconds();

  /** Seconds a request may wait for its whole response ({@code Origin.ResponseCompletionTimeout}); empty: none. */
  public abstract Optional<Integer> responseCompletionTimeoutSeconds();

  /** The Region of Origin Shield when it is enabled ({@code Origin.OriginShield}); empty when it is not. */
  public abstract Optional<String> originShieldRegion();

  /** Headers CloudFront adds to every request to this origin. */
  @Value.Redacted
  public abstract Map<String, String> customHeaders();

  /** A builder of an origin. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Origin}. */
  public static class Builder extends ImmutableOrigin.Builder {}
}
