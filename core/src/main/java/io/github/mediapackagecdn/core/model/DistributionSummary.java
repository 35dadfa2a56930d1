package io.github.mediapackagecdn.core.model;

import org.immutables.value.Value;

/** One distribution of a listing: identity, status and comment, without configuration. */
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

  /** A builder of a summary, for port implementations. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DistributionSummary}. */
  public static class Builder extends ImmutableDistributionSummary.Builder {}
}
