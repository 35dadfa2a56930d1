package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import org.immutables.value.Value;

/** The distribution as the channel details page shows it: id (linking to the CloudFront console), description, status. */
@Value.Immutable
public abstract class DistributionDetails {

  /** The distribution id. */
  public abstract DistributionId id();

  /** The distribution's comment. */
  public abstract String description();

  /** {@code InProgress} or {@code Deployed}. */
  public abstract DistributionStatus status();

  /** Whether it accepts viewer requests; a disabled distribution serves nothing, even when {@code Deployed}. */
  public abstract boolean enabled();

  /** The distribution's domain, the host of every CDN URL. */
  public abstract String domainName();

  /** The distribution's page in the CloudFront console, where it is edited or deleted. */
  public abstract String consoleUrl();

  static ImmutableDistributionDetails.Builder builder() {
    return ImmutableDistributionDetails.builder();
  }
}
