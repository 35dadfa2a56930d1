package io.github.mediapackagecdn.core.model;

import org.immutables.value.Value;

/** One distribution of a listing: identity, status and comment, without configuration. */
@Value.Immutable
public abstract class DistributionSummary {

  public abstract DistributionId id();

  public abstract String arn();

  public abstract String domainName();

  public abstract DistributionStatus status();

  public abstract String comment();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DistributionSummary}. */
  public static class Builder extends ImmutableDistributionSummary.Builder {}
}
