package io.github.mediapackagecdn.core.port;

import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CloudFront distributions. A reused CallerReference is a conflict with reason {@code ALREADY_EXISTS}; a stale
 * {@code If-Match} one with reason {@code STALE_VERSION}.
 */
public interface Distributions {

  /** Creates a distribution with its tags in one call (CreateDistributionWithTags). */
  Distribution create(DistributionConfig config, Map<String, String> tags);

  /** The distribution with the ETag of this read. */
  Optional<Distribution> find(DistributionId id);

  /**
   * Applies {@code changes} to the distribution's full current configuration and writes it with {@code If-Match:
   * etag}. Fields the model does not hold are written back exactly as read.
   */
  Distribution update(DistributionId id, String etag, ChangeSet changes);

  /**
   * The distribution created with {@code callerReference}, if one is visible: CloudFront answers
   * {@code DistributionAlreadyExists} for a used reference without saying which distribution holds it. Distributions
   * whose comment is {@code commentHint} are checked first.
   */
  Optional<DistributionId> findByCallerReference(String callerReference, String commentHint);

  /**
   * Every distribution of the account, with its origins and behaviours (ListDistributions, in pages of 100): the
   * fleet view, one call per page.
   */
  List<DistributionSummary> list();

  /**
   * Waits until the distribution's status is {@code Deployed}.
   *
   * @throws io.github.mediapackagecdn.core.error.DeploymentTimeoutException if it is not within {@code timeout}
   */
  Distribution awaitDeployed(DistributionId id, Duration timeout);

  /**
   * Disables the distribution, the first step of deleting it: its full current configuration is written back with
   * {@code Enabled=false} and {@code If-Match: etag} (UpdateDistribution), every other field exactly as read.
   * CloudFront then deploys the change; the answer is {@code InProgress}, with the new ETag. A distribution that is
   * disabled already is answered as it is, and nothing is written. Only teardown calls this.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException with reason {@code STALE_VERSION} when
   *     {@code etag} is not the current one: read again
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the distribution does not exist
   */
  Distribution disable(DistributionId id, String etag);

  /**
   * Deletes a distribution that is disabled and whose disabling is {@code Deployed} (DeleteDistribution with
   * {@code If-Match: etag}, the ETag of the latest read). Whether its CallerReference stays taken is not documented;
   * the library handles both. Only teardown calls this.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException with reason {@code NOT_DISABLED} when it is
   *     enabled or its disabling is still {@code InProgress}, {@code STALE_VERSION} when {@code etag} is not current
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the distribution does not exist
   */
  void delete(DistributionId id, String etag);
}
