package io.github.mediapackagecdn.aws;

import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionSummary;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionWithTagsResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfigWithTags;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.paginators.ListDistributionsIterable;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionResponse;
import software.amazon.awssdk.services.cloudfront.waiters.CloudFrontWaiter;

/**
 * {@link Distributions} on CloudFront: CreateDistributionWithTags, GetDistribution, GetDistributionConfig +
 * UpdateDistribution with {@code If-Match}, ListDistributions and the SDK's {@code DistributionDeployed} waiter; for
 * teardown only, disabling (UpdateDistribution with {@code Enabled=false}) and DeleteDistribution.
 *
 * <p>An update applies the core's change set to the full configuration read with GetDistributionConfig, so every
 * field the core does not model is written back as it was read. Before writing, the raw GetDistributionConfig body is
 * compared with what the SDK parsed from it, at every depth ({@link UnmodelledSettings}): if CloudFront sent anything
 * the SDK's model does not hold, nothing is written and the update fails with an
 * {@link io.github.mediapackagecdn.core.error.UnsupportedSettingsException} naming it.
 */
final class CloudFrontDistributions implements Distributions {

  private static final Logger log = LoggerFactory.getLogger(CloudFrontDistributions.class);

  /** The page size (MaxItems) of ListDistributions: 100, the API's default page, with origins and behaviours. */
  static final int MAX_ITEMS = 100;

  private final CloudFrontClient cloudFront;
  /** Delay between two GetDistribution polls; null keeps the waiter's own (60 s, from the API model). */
  private final Duration pollInterval;
  /** Upper bound of GetDistribution polls; the timeout is the real bound. */
  private final int maxPolls;

  CloudFrontDistributions(CloudFrontClient cloudFront) {
    this(cloudFront, null, Integer.MAX_VALUE);
  }

  CloudFrontDistributions(CloudFrontClient cloudFront, Duration pollInterval, int maxPolls) {
    this.cloudFront = Objects.requireNonNull(cloudFront, "cloudFront");
    if (pollInterval != null && pollInterval.isNegative()) {
      throw new ValidationException("deployment poll interval " + pollInterval + " is negative");
    }
    if (maxPolls < 1) {
      throw new ValidationException("at least one deployment poll is needed, not " + maxPolls);
    }
    this.pollInterval = pollInterval;
    this.maxPolls = maxPolls;
  }

  @Override
  public Distribution create(DistributionConfig config, Map<String, String> tags) {
    DistributionConfigWithTags body = DistributionConfigWithTags.builder()
        .distributionConfig(CloudFrontConfigs.toSdk(config))
        .tags(CloudFrontConfigs.tags(tags))
        .build();
    CreateDistributionWithTagsResponse response = AwsErrors.call(AwsCall.CREATE_DISTRIBUTION_WITH_TAGS,
        config.callerReference(), () -> cloudFront.createDistributionWithTags(r -> r.distributionConfigWithTags(body)));
    Distribution created = AwsErrors.parse(AwsCall.CREATE_DISTRIBUTION_WITH_TAGS, config.callerReference(), response,
        () -> CloudFrontConfigs.toCore(response.distribution(), response.eTag()));
    log.debug("created distribution {} with caller reference {}", created.id(), config.callerReference());
    return created;
  }

  @Override
  public Optional<Distribution> find(DistributionId id) {
    try {
      GetDistributionResponse response = AwsErrors.call(AwsCall.GET_DISTRIBUTION, id.value(),
          () -> cloudFront.getDistribution(r -> r.id(id.value())));
      return Optional.of(AwsErrors.parse(AwsCall.GET_DISTRIBUTION, id.value(), response,
          () -> CloudFrontConfigs.toCore(response.distribution(), response.eTag())));
    } catch (ResourceNotFoundException e) {
      log.debug("distribution {} does not exist", id);
      return Optional.empty();
    }
  }

  @Override
  public Distribution update(DistributionId id, String etag, ChangeSet changes) {
    if (etag == null || etag.isBlank()) {
      // what CloudFront answers to a missing If-Match, said before any call
      throw new InvalidRequestException("The If-Match version is missing or not valid.", "InvalidIfMatchVersion",
          null, null);
    }
    return writeBack(id, etag, config -> CloudFrontConfigs.apply(config, changes),
        changes.changes().size() + " changes");
  }

  /**
   * GetDistributionConfig, then UpdateDistribution of that full configuration with {@code Enabled=false} and
   * {@code If-Match: etag}: every other field goes back exactly as read, and nothing is written when the SDK did not
   * hold all of it (see {@link #update}). Nothing is written when it is disabled already.
   */
  @Override
  public Distribution disable(DistributionId id, String etag) {
    requireEtag(etag);
    return writeBack(id, etag, config -> config.toBuilder().enabled(false).build(), "Enabled=false");
  }

  /**
   * The one read-modify-write of a full configuration: GetDistributionConfig (its raw body kept), the ETag checked,
   * {@code edit} applied, nothing written when the edit changes nothing, and no UpdateDistribution when CloudFront
   * sent anything the SDK model does not hold.
   */
  private Distribution writeBack(DistributionId id, String etag,
      UnaryOperator<software.amazon.awssdk.services.cloudfront.model.DistributionConfig> edit, String what) {
    RawResponseBody raw = new RawResponseBody();
    GetDistributionConfigResponse current = AwsErrors.call(AwsCall.GET_DISTRIBUTION_CONFIG, id.value(),
        () -> cloudFront.getDistributionConfig(r -> r.id(id.value())
            .overrideConfiguration(o -> o.addPlugin(raw.plugin()))));
    if (!etag.equals(current.eTag())) {
      throw stale(id, etag, current.eTag());
    }
    software.amazon.awssdk.services.cloudfront.model.DistributionConfig changed = edit.apply(current.distributionConfig());
    if (changed.equals(current.distributionConfig())) {
      log.debug("distribution {} already has {}; nothing to write", id, what);
      Distribution unchanged = find(id).orElseThrow(() ->
          new ResourceNotFoundException("distribution " + id + " does not exist", id.value()));
      if (!unchanged.etag().equals(etag)) {
        throw stale(id, etag, unchanged.etag());
      }
      return unchanged;
    }
    refuseUnmodelledSettings(id, raw, current.distributionConfig());
    UpdateDistributionResponse response = AwsErrors.call(AwsCall.UPDATE_DISTRIBUTION, id.value(),
        () -> cloudFront.updateDistribution(r -> r.id(id.value()).ifMatch(etag).distributionConfig(changed)));
    log.debug("updated distribution {} with {}", id, what);
    return AwsErrors.parse(AwsCall.UPDATE_DISTRIBUTION, id.value(), response,
        () -> CloudFrontConfigs.toCore(response.distribution(), response.eTag()));
  }

  /** DeleteDistribution with {@code If-Match: etag}. */
  @Override
  public void delete(DistributionId id, String etag) {
    requireEtag(etag);
    AwsErrors.run(AwsCall.DELETE_DISTRIBUTION, id.value(),
        () -> cloudFront.deleteDistribution(r -> r.id(id.value()).ifMatch(etag)));
    log.debug("deleted distribution {}", id);
  }

  /** What CloudFront answers to a missing If-Match, said before any call. */
  private static void requireEtag(String etag) {
    if (etag == null || etag.isBlank()) {
      throw new InvalidRequestException("The If-Match version is missing or not valid.", "InvalidIfMatchVersion",
          null, null);
    }
  }

  @Override
  public List<DistributionSummary> list() {
    return AwsErrors.call(AwsCall.LIST_DISTRIBUTIONS, null, () -> {
      List<DistributionSummary> summaries = new ArrayList<>();
      new ListDistributionsIterable(cloudFront, listRequest()).items()
          .forEach(s -> summaries.add(AwsErrors.parse(AwsCall.LIST_DISTRIBUTIONS, s.id(), null,
              () -> CloudFrontConfigs.toCore(s))));
      return summaries;
    });
  }

  /** The ListDistributions request of every sweep: {@value #MAX_ITEMS} summaries a page. */
  static ListDistributionsRequest listRequest() {
    return ListDistributionsRequest.builder().maxItems(String.valueOf(MAX_ITEMS)).build();
  }

  /**
   * ListDistributions, then GetDistributionConfig of each summary (those with the hinted comment first) until one has
   * the reference: CloudFront does not say which distribution holds a reference it refused.
   */
  @Override
  public Optional<DistributionId> findByCallerReference(String callerReference, String commentHint) {
    List<DistributionSummary> summaries = new ArrayList<>(list());
    summaries.sort(Comparator.comparing(s -> !s.comment().equals(commentHint)));
    for (DistributionSummary summary : summaries) {
      try {
        String reference = AwsErrors.call(AwsCall.GET_DISTRIBUTION_CONFIG, summary.id().value(),
            () -> cloudFront.getDistributionConfig(r -> r.id(summary.id().value())).distributionConfig()
                .callerReference());
        if (callerReference.equals(reference)) {
          return Optional.of(summary.id());
        }
      } catch (ResourceNotFoundException e) {
        log.debug("distribution {} was deleted during the sweep", summary.id());
      }
    }
    return Optional.empty();
  }

  @Override
  public Distribution awaitDeployed(DistributionId id, Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new ValidationException("timeout " + timeout + " must be zero or positive");
    }
    WaiterOverrideConfiguration.Builder override = WaiterOverrideConfiguration.builder()
        // The SDK wants a positive timeout: zero means "read once", which the smallest timeout does.
        .waitTimeout(timeout.isZero() ? Duration.ofMillis(1) : timeout)
        .maxAttempts(maxPolls);
    if (pollInterval != null) {
      override.backoffStrategyV2(pollInterval.isZero()
          ? BackoffStrategy.retryImmediately()
          : BackoffStrategy.fixedDelayWithoutJitter(pollInterval));
    }
    try (CloudFrontWaiter waiter = CloudFrontWaiter.builder()
        .client(cloudFront)
        .overrideConfiguration(override.build())
        .build()) {
      WaiterResponse<GetDistributionResponse> outcome =
          waiter.waitUntilDistributionDeployed(r -> r.id(id.value()));
      GetDistributionResponse response = outcome.matched().response().orElseThrow(() ->
          new IllegalStateException("the waiter reported success without a response"));
      log.debug("distribution {} is deployed after {} polls", id, outcome.attemptsExecuted());
      return AwsErrors.parse(AwsCall.GET_DISTRIBUTION, id.value(), response,
          () -> CloudFrontConfigs.toCore(response.distribution(), response.eTag()));
    } catch (SdkClientException e) {
      if (e.getCause() instanceof SdkException cause) {
        // A poll failed: the waiter wraps what GetDistribution threw.
        throw AwsErrors.translate(cause, AwsCall.GET_DISTRIBUTION, id.value());
      }
      if (e.getCause() == null || e.getCause() instanceof InterruptedException) {
        throw new DeploymentTimeoutException(
            "distribution " + id + " is not Deployed after waiting " + timeout + " (" + e.getMessage() + ")",
            null, null, e);
      }
      throw AwsErrors.translate(e, AwsCall.GET_DISTRIBUTION, id.value());
    }
  }

  /**
   * UpdateDistribution replaces the whole configuration, and the SDK writes back only what its model holds: when the
   * configuration CloudFront sent has an element or value the parsed one lacks, writing would drop it, so nothing is
   * written.
   */
  private static void refuseUnmodelledSettings(DistributionId id, RawResponseBody raw,
      software.amazon.awssdk.services.cloudfront.model.DistributionConfig parsed) {
    byte[] body = raw.body().orElseThrow(() -> AwsErrors.unverifiedWriteBack(AwsCall.GET_DISTRIBUTION_CONFIG,
        id.value(), "its raw response body was not seen", null));
    List<String> unmodelled;
    try {
      unmodelled = UnmodelledSettings.of(body, parsed);
    } catch (IllegalArgumentException e) {
      throw AwsErrors.unverifiedWriteBack(AwsCall.GET_DISTRIBUTION_CONFIG, id.value(), e.getMessage(), e);
    }
    if (!unmodelled.isEmpty()) {
      throw AwsErrors.unsupportedSettings(id.value(), unmodelled);
    }
  }

  private static ResourceConflictException stale(DistributionId id, String expected, String actual) {
    return new ResourceConflictException("distribution " + id + " changed since it was read (ETag " + expected
        + ", now " + actual + "); read it again", ResourceConflictException.Reason.STALE_VERSION, id.value(),
        "PreconditionFailed", null, null);
  }
}
