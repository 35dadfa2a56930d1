package io.github.mediapackagecdn.core.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One distribution of a listing (CloudFront ListDistributions): identity, status, comment, and the origins and cache
 * behaviours, which CloudFront's {@code DistributionSummary} holds, so that a fleet can be checked without reading
 * each distribution. It has no CallerReference and no ETag of a configuration read.
 */
@Value.Immutable
public abstract class DistributionSummary {

  /** The distribution id. */
  public abstract DistributionId id();

  /** The distribution's ARN. */
  public abstract String arn();

  /** Such as {@code d111111abcdef8.cloudfront.net}. */
  public abstract String domainName();

  /** {@code InProgress} or {@code Deployed}. */
  public abstract DistributionStatus status();

  /** The distribution's comment (its description). */
  public abstract String comment();

  /** Whether the distribution serves requests. */
  @Value.Default
  public boolean enabled() {
    return true;
  }

  /** The origins, as listed. */
  public abstract List<Origin> origins();

  /** The default behaviour, as listed; empty from a listing that leaves the routing out. */
  public abstract Optional<CacheBehavior> defaultBehavior();

  /** The ordered cache behaviours, as listed. */
  public abstract List<CacheBehavior> cacheBehaviors();

  /** A builder of a summary, for port implementations. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DistributionSummary}. */
  public static class Builder extends ImmutableDistributionSummary.Builder {}
}
