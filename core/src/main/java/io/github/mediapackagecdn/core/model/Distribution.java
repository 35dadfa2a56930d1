package io.github.mediapackagecdn.core.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A CloudFront distribution as read: identity, status, the ETag of this read, and its modelled configuration. */
@Value.Immutable
public abstract class Distribution {

  public abstract DistributionId id();

  public abstract String arn();

  /** Such as {@code d111111abcdef8.cloudfront.net}; the host of every CDN URL. */
  public abstract String domainName();

  public abstract DistributionStatus status();

  /** The version this read saw; an update must send it in {@code If-Match}. */
  public abstract String etag();

  public abstract DistributionConfig config();

  public abstract Optional<Instant> lastModified();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Distribution}. */
  public static class Builder extends ImmutableDistribution.Builder {}
}
