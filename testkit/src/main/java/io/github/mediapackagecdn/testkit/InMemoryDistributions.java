package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.DistributionSummary;
import io.github.mediapackagecdn.core.model.Limits;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * CloudFront distributions in memory, with CloudFront's rules: ids like {@code E1U5RQF7T870K0}, ARNs
 * {@code arn:aws(-cn)?:cloudfront::<account>:distribution/<id>} ({@code aws-cn} in an {@code aws-cn} account), domains
 * {@code d….cloudfront.net}, a new ETag on every write, {@code PreconditionFailed} (412) on a stale {@code If-Match},
 * {@code InvalidIfMatchVersion} when it is missing, {@code IllegalUpdate} on a CallerReference change,
 * {@code DistributionAlreadyExists} on a CallerReference used before (by a deleted distribution too, unless
 * {@link FakeAws.Builder#deletedCallerReferencesStayTaken} says otherwise),
 * {@code InProgress} for {@link FakeAws#propagationTime()} after each write, then {@code Deployed}, and
 * {@code DistributionNotDisabled} on a delete unless it is disabled and that change is deployed,
 * {@code NoSuchResponseHeadersPolicy} for a behaviour naming a response headers policy that is neither managed nor
 * {@linkplain InMemoryCloudFrontPolicies#givenResponseHeadersPolicy given}.
 *
 * <p>Besides the port, it offers what a user does in the CloudFront console ({@link #edit}, {@link #tag},
 * {@link #untag}, {@link #delete}), which is not recorded as a call of the library.
 */
public final class InMemoryDistributions implements Distributions {

  /** How often the SDK's {@code DistributionDeployed} waiter polls GetDistribution. */
  static final Duration WAITER_POLL_INTERVAL = Duration.ofSeconds(60);

  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
  /** The page size (MaxItems) of ListDistributions the adapter asks for. */
  public static final int MAX_ITEMS = 100;

  /** CloudFront's default quota of origin groups a distribution; the fake enforces {@link FakeAws#quotas()}. */
  public static final int MAX_ORIGIN_GROUPS = CloudFrontQuotas.DEFAULT_ORIGIN_GROUPS_PER_DISTRIBUTION;

  private static final Set<Integer> ALLOWED_METHOD_COUNTS = Set.of(2, 3, 7);
  private static final Set<Integer> CACHED_METHOD_COUNTS = Set.of(2, 3);

  private final FakeAws aws;
  private final Map<DistributionId, Stored> distributions = new LinkedHashMap<>();
  private final Set<String> usedCallerReferences = new HashSet<>();

  InMemoryDistributions(FakeAws aws) {
    this.aws = aws;
  }

  @Override
  public Distribution create(DistributionConfig config, Map<String, String> tags) {
    return aws.call(Operation.CREATE_DISTRIBUTION_WITH_TAGS, List.of(config, tags), () -> {
      if (usedCallerReferences.contains(config.callerReference())) {
        throw new ResourceConflictException("The caller reference you attempted to create the distribution with is "
            + "associated with another distribution.", ResourceConflictException.Reason.ALREADY_EXISTS,
            config.callerReference(), "DistributionAlreadyExists", requestId(), null);
      }
      if (distributions.size() >= aws.quotas().distributions()) {
        throw new QuotaExceededException("Your request contains more distributions than are allowed.",
            "TooManyDistributions", requestId(), null);
      }
      validate(config);
      validateTags(tags);
      DistributionId id = DistributionId.of("E" + aws.randomString(UPPER, 13));
      String arn = "arn:" + cloudFrontPartition() + ":cloudfront::" + aws.accountId() + ":distribution/" + id;
      Stored stored = new Stored(id, arn,
          "d" + aws.randomString(LOWER, 13) + ".cloudfront.net", config, newEtag(), aws.clock().instant(),
          new LinkedHashMap<>(tags), aws.visibleFromNow());
      usedCallerReferences.add(config.callerReference());
      distributions.put(id, stored);
      return read(stored);
    });
  }

  @Override
  public Optional<Distribution> find(DistributionId id) {
    return aws.call(Operation.GET_DISTRIBUTION, List.of(id),
        () -> Optional.ofNullable(distributions.get(id)).filter(d -> aws.isVisible(d.visibleAt())).map(this::read));
  }

  /**
   * Like the adapter: a change set that changes nothing in the current configuration (every change is there already)
   * is not written, so the distribution keeps its ETag and status; otherwise UpdateDistribution with its checks.
   */
  @Override
  public Distribution update(DistributionId id, String etag, ChangeSet changes) {
    return aws.call(Operation.UPDATE_DISTRIBUTION, List.of(id, String.valueOf(etag), changes), () -> {
      Stored stored = distributions.get(id);
      if (stored != null && stored.etag().equals(etag) && changes.applyTo(stored.config()).equals(stored.config())) {
        return read(stored);
      }
      return write(id, etag, changes::applyTo);
    });
  }

  /** ListDistributions in pages of {@value #MAX_ITEMS}, each summary with its origins and behaviours. */
  @Override
  public List<DistributionSummary> list() {
    return aws.paged(Operation.LIST_DISTRIBUTIONS, List.of(), MAX_ITEMS, () -> distributions.values().stream()
        .filter(d -> aws.isVisible(d.visibleAt()))
        .map(this::read)
        .map(d -> DistributionSummary.builder()
            .id(d.id())
            .arn(d.arn())
            .domainName(d.domainName())
            .status(d.status())
            .comment(d.config().comment())
            .enabled(d.config().enabled())
            .origins(d.config().origins())
            .defaultBehavior(d.config().defaultBehavior())
            .cacheBehaviors(d.config().cacheBehaviors())
            .build())
        .toList());
  }

  /** Like the adapter's ListDistributions sweep with GetDistributionConfig: visible distributions only. */
  @Override
  public Optional<DistributionId> findByCallerReference(String callerReference, String commentHint) {
    return aws.call(Operation.LIST_DISTRIBUTIONS, List.of(callerReference), () -> distributions.values().stream()
        .filter(d -> aws.isVisible(d.visibleAt()))
        .filter(d -> d.config().callerReference().equals(callerReference))
        .map(Stored::id)
        .findFirst());
  }

  /**
   * Polls like the SDK's waiter, advancing the fake clock by its poll interval instead of sleeping.
   */
  @Override
  public Distribution awaitDeployed(DistributionId id, Duration timeout) {
    Duration waited = Duration.ZERO;
    while (true) {
      Distribution distribution = find(id)
          .orElseThrow(() -> new ResourceNotFoundException("The specified distribution does not exist.", id.value(),
              "NoSuchDistribution", requestId(), null));
      if (distribution.status() == DistributionStatus.DEPLOYED) {
        return distribution;
      }
      if (waited.plus(WAITER_POLL_INTERVAL).compareTo(timeout) > 0) {
        throw new DeploymentTimeoutException("distribution " + id + " is still InProgress after " + waited);
      }
      aws.clock().advance(WAITER_POLL_INTERVAL);
      waited = waited.plus(WAITER_POLL_INTERVAL);
    }
  }

  /**
   * UpdateDistribution with {@code Enabled=false} and everything else as stored, with UpdateDistribution's checks
   * ({@code If-Match}, {@code NoSuchDistribution}): a new ETag, and {@code InProgress} for
   * {@link FakeAws#propagationTime()} on the fake clock. Recorded as an UpdateDistribution call; a distribution
   * disabled already is answered as it is, with nothing written, as the adapter does.
   */
  @Override
  public Distribution disable(DistributionId id, String etag) {
    return aws.call(Operation.UPDATE_DISTRIBUTION, List.of(id, String.valueOf(etag), "Enabled=false"), () -> {
      Stored stored = distributions.get(id);
      if (stored != null && stored.etag().equals(etag) && !stored.config().enabled()) {
        return read(stored);
      }
      return write(id, etag, config -> DistributionConfig.builder().from(config).enabled(false).build());
    });
  }

  /**
   * DeleteDistribution with CloudFront's checks: {@code NoSuchDistribution} (404), {@code InvalidIfMatchVersion}
   * (400) without an ETag, {@code PreconditionFailed} (412) on a stale one, and {@code DistributionNotDisabled} (409)
   * unless the distribution is disabled and that change is deployed. Its CallerReference stays taken unless
   * {@link FakeAws#deletedCallerReferencesStayTaken()} says otherwise.
   */
  @Override
  public void delete(DistributionId id, String etag) {
    aws.call(Operation.DELETE_DISTRIBUTION, List.of(id, String.valueOf(etag)), () -> {
      Stored stored = existing(id);
      checkIfMatch(id, etag, stored);
      return remove(stored);
    });
  }

  /**
   * Writes a full configuration, as UpdateDistribution does (a full replacement), with CloudFront's checks: for
   * tests that play another tool or a user writing the distribution. Recorded as an UpdateDistribution call.
   */
  public Distribution replaceConfig(DistributionId id, String etag, DistributionConfig config) {
    return aws.call(Operation.UPDATE_DISTRIBUTION, List.of(id, String.valueOf(etag), config),
        () -> write(id, etag, current -> config));
  }

  /** A user's edit in the CloudFront console: applied at once, with a new ETag; not recorded as a call. */
  public Distribution edit(DistributionId id, UnaryOperator<DistributionConfig> edit) {
    return aws.locked(() -> {
      Stored stored = existing(id);
      return write(id, stored.etag(), edit);
    });
  }

  /** A user's change of a tag in the console. */
  public void tag(DistributionId id, String key, String value) {
    aws.locked(() -> {
      Map<String, String> tags = new LinkedHashMap<>(existing(id).tags());
      tags.put(key, value);
      validateTags(tags);
      return existing(id).tags().put(key, value);
    });
  }

  /** A user's removal of a tag in the console. */
  public void untag(DistributionId id, String key) {
    aws.locked(() -> existing(id).tags().remove(key));
  }

  /** The distribution's tags. */
  public Map<String, String> tags(DistributionId id) {
    return aws.locked(() -> Map.copyOf(existing(id).tags()));
  }

  /**
   * A user's deletion in the console: CloudFront allows it only once the distribution is disabled and that change is
   * deployed ({@code DistributionNotDisabled} otherwise). Its CallerReference stays taken unless
   * {@link FakeAws#deletedCallerReferencesStayTaken()} says otherwise.
   */
  public void delete(DistributionId id) {
    aws.locked(() -> remove(existing(id)));
  }

  /** Every distribution, in creation order, as GetDistribution would answer now; not recorded as a call. */
  public List<Distribution> all() {
    return aws.locked(() -> distributions.values().stream().map(this::read).toList());
  }

  /** The distribution as GetDistribution would answer now; not recorded as a call. */
  public Optional<Distribution> peek(DistributionId id) {
    return aws.locked(() -> Optional.ofNullable(distributions.get(id)).map(this::read));
  }

  /** The distributions tagged {@code key=value}, exactly, as the tag index shows them; not recorded. */
  List<DistributionId> taggedWith(String key, String value) {
    return aws.locked(() -> distributions.values().stream()
        .filter(d -> aws.isVisible(d.visibleAt()))
        .filter(d -> value.equals(d.tags().get(key)))
        .map(Stored::id)
        .toList());
  }

  /** Every distribution's id, visible or not yet; not recorded. */
  List<DistributionId> ids() {
    return aws.locked(() -> List.copyOf(distributions.keySet()));
  }

  /** ListTagsForResource of one distribution, recorded: the value of its tag {@code tagKey}, read from CloudFront. */
  Optional<String> listedTag(DistributionId distribution, String tagKey) {
    return aws.call(Operation.LIST_TAGS_FOR_RESOURCE, List.of(distribution, tagKey),
        () -> Optional.ofNullable(tagsOrEmpty(distribution).get(tagKey)));
  }

  /** The tags of a distribution, or none if it does not exist. */
  Map<String, String> tagsOrEmpty(DistributionId id) {
    return aws.locked(() -> {
      Stored stored = distributions.get(id);
      return stored == null ? Map.<String, String>of() : Map.copyOf(stored.tags());
    });
  }

  /** Every distribution carrying {@code key}, with the tag's value. */
  Map<DistributionId, String> tagValues(String key) {
    return aws.locked(() -> {
      Map<DistributionId, String> values = new LinkedHashMap<>();
      distributions.values().stream().filter(d -> aws.isVisible(d.visibleAt()) && d.tags().containsKey(key))
          .forEach(d -> values.put(d.id(), d.tags().get(key)));
      return values;
    });
  }

  /** Deletes a distribution that is disabled and deployed, or refuses as CloudFront does. */
  private Stored remove(Stored stored) {
    Distribution distribution = read(stored);
    if (distribution.config().enabled() || distribution.status() != DistributionStatus.DEPLOYED) {
      throw new ResourceConflictException("The distribution you are trying to delete has not been disabled.",
          ResourceConflictException.Reason.NOT_DISABLED, stored.id().value(), "DistributionNotDisabled", requestId(),
          null);
    }
    if (!aws.deletedCallerReferencesStayTaken()) {
      usedCallerReferences.remove(stored.config().callerReference());
    }
    return distributions.remove(stored.id());
  }

  private void checkIfMatch(DistributionId id, String etag, Stored stored) {
    if (etag == null || etag.isBlank()) {
      throw new InvalidRequestException("The If-Match version is missing or not valid.", "InvalidIfMatchVersion",
          requestId(), null);
    }
    if (!etag.equals(stored.etag())) {
      throw new ResourceConflictException(
          "The request failed because it didn't meet the preconditions in one or more request-header fields.",
          ResourceConflictException.Reason.STALE_VERSION, id.value(), "PreconditionFailed", requestId(), null);
    }
  }

  private Distribution write(DistributionId id, String etag, UnaryOperator<DistributionConfig> change) {
    Stored stored = existing(id);
    checkIfMatch(id, etag, stored);
    DistributionConfig config = change.apply(stored.config());
    if (!config.callerReference().equals(stored.config().callerReference())) {
      throw new InvalidRequestException("You cannot update Origin or CallerReference.", "IllegalUpdate",
          requestId(), null);
    }
    validate(config);
    Stored updated = new Stored(id, stored.arn(), stored.domainName(), config, newEtag(), aws.clock().instant(),
        stored.tags(), stored.visibleAt());
    distributions.put(id, updated);
    return read(updated);
  }

  /** CloudFront's checks of a configuration, with its error codes. */
  private void validate(DistributionConfig config) {
    if (config.comment().length() > Limits.MAX_COMMENT_LENGTH) {
      throw invalid("InvalidArgument", "The parameter Comment is too long (at most "
          + Limits.MAX_COMMENT_LENGTH + " characters).");
    }
    if (config.origins().isEmpty()) {
      throw invalid("InvalidArgument", "A distribution needs at least one origin.");
    }
    CloudFrontQuotas quotas = aws.quotas().cloudFront();
    if (config.origins().size() > quotas.originsPerDistribution()) {
      throw new QuotaExceededException("You cannot create more origins for the distribution.", "TooManyOrigins",
          requestId(), null);
    }
    if (config.cacheBehaviors().size() > quotas.cacheBehaviorsPerDistribution()) {
      throw new QuotaExceededException("Your request contains more cache behaviors than are allowed per distribution.",
          "TooManyCacheBehaviors", requestId(), null);
    }
    Set<String> originIds = new HashSet<>();
    for (Origin origin : config.origins()) {
      if (!originIds.add(origin.id())) {
        throw invalid("InvalidArgument", "Origin Id " + origin.id() + " is used by more than one origin."); // code UNCONFIRMED
      }
      if (origin.protocolPolicy().isPresent() && origin.sslProtocols().isEmpty()) {
        throw invalid("InvalidArgument", "Origin " + origin.id() + " needs at least one SSL protocol.");
      }
      validateTimeouts(origin);
    }
    Set<String> groupIds = validateOriginGroups(config, originIds);
    if (!config.defaultBehavior().pathPattern().equals(CacheBehavior.DEFAULT_PATH_PATTERN)) {
      throw invalid("InvalidArgument", "The default cache behavior has no path pattern other than *.");
    }
    Set<String> patterns = new HashSet<>();
    List<CacheBehavior> behaviors = new ArrayList<>(config.cacheBehaviors());
    behaviors.add(config.defaultBehavior());
    for (CacheBehavior behavior : behaviors) {
      if (behavior != config.defaultBehavior() && !patterns.add(behavior.pathPattern())) {
        throw invalid("InvalidArgument", "Path pattern " + behavior.pathPattern() + " is used twice."); // code UNCONFIRMED
      }
      Optional<String> headersPolicy = behavior.responseHeadersPolicyId();
      if (headersPolicy.isPresent() && !aws.cloudFrontPolicies().responseHeadersPolicyExists(headersPolicy.get())) {
        throw invalid("NoSuchResponseHeadersPolicy", "The response headers policy does not exist: "
            + headersPolicy.get() + " (cache behavior " + behavior.pathPattern() + ").");
      }
      if (!originIds.contains(behavior.targetOriginId()) && !groupIds.contains(behavior.targetOriginId())) {
        throw invalid("NoSuchOrigin", "One or more of your origins or origin groups do not exist: "
            + behavior.targetOriginId());
      }
      if (groupIds.contains(behavior.targetOriginId()) && behavior.allowedMethods().size() > 3) {
        throw invalid("InvalidArgument", "The cache behavior " + behavior.pathPattern() + " targets origin group "
            + behavior.targetOriginId() + ": it may allow GET, HEAD and OPTIONS only."); // code UNCONFIRMED
      }
      if (!ALLOWED_METHOD_COUNTS.contains(behavior.allowedMethods().size())
          || !CACHED_METHOD_COUNTS.contains(behavior.cachedMethods().size())
          || !behavior.allowedMethods().containsAll(behavior.cachedMethods())) {
        throw invalid("InvalidArgument", "Allowed methods of " + behavior.pathPattern()
            + " must be 2, 3 or 7 methods and include the 2 or 3 cached methods.");
      }
    }
  }

  /**
   * CloudFront's ranges of an origin's timeouts (API model: read and keep-alive 1 to 120 s, connection 1 to 10 s,
   * attempts 1 to 3, response completion at least the read timeout) and its Origin Shield Region; the codes of the
   * read and keep-alive errors are the model's, the others' UNCONFIRMED.
   */
  private void validateTimeouts(Origin origin) {
    if (origin.readTimeoutSeconds().filter(s -> s < 1 || s > 120).isPresent()) {
      throw invalid("InvalidOriginReadTimeout", "The read timeout of origin " + origin.id() + " must be 1 to 120 s.");
    }
    if (origin.keepAliveTimeoutSeconds().filter(s -> s < 1 || s > 120).isPresent()) {
      throw invalid("InvalidOriginKeepaliveTimeout", "The keep-alive timeout of origin " + origin.id()
          + " must be 1 to 120 s.");
    }
    if (origin.connectionTimeoutSeconds().filter(s -> s < 1 || s > 10).isPresent()) {
      throw invalid("InvalidArgument", "The connection timeout of origin " + origin.id() + " must be 1 to 10 s.");
    }
    if (origin.connectionAttempts().filter(n -> n < 1 || n > 3).isPresent()) {
      throw invalid("InvalidArgument", "The connection attempts of origin " + origin.id() + " must be 1 to 3.");
    }
    int read = origin.readTimeoutSeconds().orElse(30);
    if (origin.responseCompletionTimeoutSeconds().filter(s -> s < read).isPresent()) {
      throw invalid("InvalidArgument", "The response completion timeout of origin " + origin.id()
          + " must be at least its read timeout, " + read + " s.");
    }
    if (origin.originShieldRegion().filter(r -> r.length() > 32 || !r.matches("[a-z]{2}-[a-z]+-\\d")).isPresent()) {
      throw invalid("InvalidArgument", "The Origin Shield Region of origin " + origin.id() + " is not valid.");
    }
  }

  /**
   * CloudFront's checks of origin groups (codes UNCONFIRMED but NoSuchOrigin and TooManyOriginGroupsPerDistribution),
   * at most the account's quota of them:
   * ids unique among origins and groups, two distinct members that are origins of the distribution, failover status
   * codes of {@link OriginGroup#FAILOVER_STATUS_CODES}, and media-quality-based selection only between MediaPackage v2
   * origins (each signed by an origin access control of origin type {@code mediapackagev2}).
   */
  private Set<String> validateOriginGroups(DistributionConfig config, Set<String> originIds) {
    if (config.originGroups().size() > aws.quotas().cloudFront().originGroupsPerDistribution()) {
      throw new QuotaExceededException("Processing your request would cause you to exceed the maximum number of"
          + " origin groups allowed.", "TooManyOriginGroupsPerDistribution", requestId(), null);
    }
    Set<String> groupIds = new HashSet<>();
    for (OriginGroup group : config.originGroups()) {
      if (originIds.contains(group.id()) || !groupIds.add(group.id())) {
        throw invalid("InvalidArgument", "Origin group Id " + group.id() + " is used by another origin or group.");
      }
      if (group.primaryOriginId().equals(group.secondaryOriginId())) {
        throw invalid("InvalidArgument", "Origin group " + group.id() + " needs two different origins.");
      }
      for (String member : group.memberOriginIds()) {
        if (!originIds.contains(member)) {
          throw invalid("NoSuchOrigin", "Origin group " + group.id() + " names origin " + member
              + ", which does not exist.");
        }
      }
      if (group.failoverStatusCodes().isEmpty()
          || !OriginGroup.FAILOVER_STATUS_CODES.containsAll(group.failoverStatusCodes())) {
        throw invalid("InvalidArgument", "Origin group " + group.id() + " fails over on " + group.failoverStatusCodes()
            + "; the status codes must be some of " + new TreeSet<>(OriginGroup.FAILOVER_STATUS_CODES) + ".");
      }
      if (group.selectionCriteria() == OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED) {
        for (String member : group.memberOriginIds()) {
          Optional<String> oac = config.origin(member).flatMap(Origin::originAccessControlId);
          boolean mediaPackageV2 = oac.isPresent() && aws.cloudFrontPolicies().allOriginAccessControls().stream()
              .anyMatch(o -> o.id().equals(oac.get())
                  && o.config().originType().equals(OriginAccessControlConfig.ORIGIN_TYPE_MEDIAPACKAGEV2));
          if (!mediaPackageV2) {
            throw invalid("InvalidArgument", "Origin group " + group.id() + " selects media-quality-based, but origin "
                + member + " is not a MediaPackage v2 origin.");
          }
        }
      }
    }
    return groupIds;
  }

  private void validateTags(Map<String, String> tags) {
    List<String> problems = Limits.cloudFrontTagProblems(tags, aws.quotas().cloudFront().tagsPerDistribution());
    if (!problems.isEmpty()) {
      throw invalid("InvalidTagging", "The tags are not valid: " + String.join("; ", problems));
    }
  }

  private InvalidRequestException invalid(String code, String message) {
    return new InvalidRequestException(message, code, requestId(), null);
  }

  private Distribution read(Stored stored) {
    Instant deployedAt = stored.lastModified().plus(aws.propagationTime());
    DistributionStatus status = aws.clock().instant().isBefore(deployedAt)
        ? DistributionStatus.IN_PROGRESS
        : DistributionStatus.DEPLOYED;
    return Distribution.builder()
        .id(stored.id())
        .arn(stored.arn())
        .domainName(stored.domainName())
        .status(status)
        .etag(stored.etag())
        .config(stored.config())
        .lastModified(stored.lastModified())
        .build();
  }

  private Stored existing(DistributionId id) {
    Stored stored = distributions.get(id);
    if (stored == null) {
      throw new ResourceNotFoundException("The specified distribution does not exist.", id.value(),
          "NoSuchDistribution", requestId(), null);
    }
    return stored;
  }

  private String newEtag() {
    return "E" + aws.randomString(UPPER, 13);
  }

  private String requestId() {
    return aws.randomString("0123456789abcdef", 8) + "-fake";
  }

  private record Stored(
      DistributionId id, String arn, String domainName, DistributionConfig config, String etag, Instant lastModified,
      Map<String, String> tags, Instant visibleAt) {}

  /** CloudFront's partition: {@code aws-cn} in China, else {@code aws} (the API model's {@code ResourceARN} pattern). */
  private String cloudFrontPartition() {
    return "aws-cn".equals(aws.partition()) ? "aws-cn" : "aws";
  }
}
