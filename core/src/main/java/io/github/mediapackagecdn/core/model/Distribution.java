package io.github.mediapackagecdn.core.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A CloudFront distribution as read: identity, status, the ETag of this read, and its modelled configuration. */
@Value.Immutable
public abstract class Distribution {

  /** The distribution id, such as {@code E1U5RQF7T870K0}. */
  public abstract DistributionId id();

  /** The distribution's ARN, {@code arn:<partition>:cloudfront::<account>:distribution/<id>}. */
  public abstract String arn();

  /** Such as {@code d111111abcdef8.cloudfront.net}; the host of every CDN URL. */
  public abstract String domainName();

  /** {@code InProgress} while a change propagates, then {@code Deployed}. */
  public abstract DistributionStatus status();

  /** The version this read saw; an update must send it in {@code If-Match}. */
  public abstract String etag();

  /** The part of the configuration the library models. */
  public abstract DistributionConfig config();

  /** When CloudFront last changed the distribution, if it said. */
  public abstract Optional<Instant> lastModified();

  /**
   * Whether CloudFront accepts viewer requests for it ({@code Enabled}): a disabled distribution serves nothing,
   * {@code Deployed} or not, so it is never ready for players.
   */
  public boolean servesViewers() {
    return config().enabled();
  }

  /** Why distribution {@code id} is not ready for players while it is disabled: the one wording of it. */
  public static String disabledReason(DistributionId id) {
    return "distribution " + id + " is disabled: CloudFront accepts no viewer request for it; enable it in CloudFront";
  }

  /** A builder of a distribution, for port implementations. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Distribution}. */
  public static class Builder extends ImmutableDistribution.Builder {}
}
