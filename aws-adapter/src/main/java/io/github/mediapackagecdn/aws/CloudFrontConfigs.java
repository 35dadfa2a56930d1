package io.github.mediapackagecdn.aws;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudfront.model.AllowedMethods;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CacheBehaviors;
import software.amazon.awssdk.services.cloudfront.model.CachedMethods;
import software.amazon.awssdk.services.cloudfront.model.CustomErrorResponse;
import software.amazon.awssdk.services.cloudfront.model.CustomErrorResponses;
import software.amazon.awssdk.services.cloudfront.model.CustomHeaders;
import software.amazon.awssdk.services.cloudfront.model.CustomOriginConfig;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.FunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.OriginCustomHeader;
import software.amazon.awssdk.services.cloudfront.model.OriginGroup;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupFailoverCriteria;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMember;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMembers;
import software.amazon.awssdk.services.cloudfront.model.OriginGroups;
import software.amazon.awssdk.services.cloudfront.model.OriginShield;
import software.amazon.awssdk.services.cloudfront.model.OriginSslProtocols;
import software.amazon.awssdk.services.cloudfront.model.Origins;
import software.amazon.awssdk.services.cloudfront.model.StatusCodes;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.Tags;

/**
 * Converts between the core's model of a distribution and the SDK's full {@link DistributionConfig}, and applies
 * the core's {@link DistributionChange}s to the full SDK configuration. Every list is written with its
 * {@code Quantity}; fields the core does not model are carried over through {@code toBuilder()}.
 */
final class CloudFrontConfigs {

  /** CloudFront's ports and timeouts for a custom origin (the API model's defaults: read 30 s, keep-alive 5 s). */
  static final int HTTP_PORT = 80;

  static final int HTTPS_PORT = 443;
  static final int ORIGIN_READ_TIMEOUT_SECONDS = 30;
  static final int ORIGIN_KEEPALIVE_TIMEOUT_SECONDS = 5;

  private CloudFrontConfigs() {}

  // ---------------------------------------------------------------- core -> SDK

  /** The SDK configuration of a new distribution: the modelled fields and every list's quantity. */
  static DistributionConfig toSdk(io.github.mediapackagecdn.core.model.DistributionConfig config) {
    List<Origin> origins = config.origins().stream().map(CloudFrontConfigs::toSdk).toList();
    List<CacheBehavior> behaviors = config.cacheBehaviors().stream().map(CloudFrontConfigs::toSdk).toList();
    List<CustomErrorResponse> errors = new ArrayList<>();
    config.errorCachingMinTtl().forEach((code, ttl) ->
        errors.add(CustomErrorResponse.builder().errorCode(code).errorCachingMinTTL(ttl).build()));
    DistributionConfig.Builder sdk = DistributionConfig.builder()
        .callerReference(config.callerReference())
        .aliases(a -> a.quantity(config.aliases().size()).items(nonEmpty(config.aliases())))
        .origins(origins(origins))
        .defaultCacheBehavior(toSdkDefault(config.defaultBehavior()))
        .cacheBehaviors(behaviors(behaviors))
        .customErrorResponses(CustomErrorResponses.builder().quantity(errors.size()).items(nonEmpty(errors)).build())
        .comment(config.comment())
        .priceClass(config.priceClass())
        .enabled(config.enabled())
        .httpVersion(config.httpVersion())
        .isIPV6Enabled(config.ipv6Enabled());
    if (!config.webAclId().isEmpty()) {
      sdk.webACLId(config.webAclId());
    }
    if (!config.originGroups().isEmpty()) {
      sdk.originGroups(originGroups(config.originGroups().stream().map(CloudFrontConfigs::toSdk).toList()));
    }
    return sdk.build();
  }

  /**
   * A custom origin: HTTP 80, HTTPS 443, its protocol policy and TLS versions, its read and keep-alive timeouts (30 s
   * and 5 s unless set), and its connection timeout and attempts, response completion timeout and Origin Shield only
   * when set (CloudFront's defaults otherwise).
   */
  static Origin toSdk(io.github.mediapackagecdn.core.model.Origin origin) {
    ProtocolPolicy policy = origin.protocolPolicy().orElseThrow(() -> new ValidationException(
        "origin " + origin.id() + " has no protocol policy; the library creates custom (HTTPS) origins only"));
    List<String> tls = origin.sslProtocols().isEmpty() ? List.of("TLSv1.2") : origin.sslProtocols();
    List<OriginCustomHeader> headers = new ArrayList<>();
    origin.customHeaders().forEach((name, value) ->
        headers.add(OriginCustomHeader.builder().headerName(name).headerValue(value).build()));
    return Origin.builder()
        .id(origin.id())
        .domainName(origin.domainName())
        .originPath(origin.originPath())
        .originAccessControlId(origin.originAccessControlId().orElse(null))
        .customHeaders(headers(headers))
        .connectionTimeout(origin.connectionTimeoutSeconds().orElse(null))
        .connectionAttempts(origin.connectionAttempts().orElse(null))
        .responseCompletionTimeout(origin.responseCompletionTimeoutSeconds().orElse(null))
        .originShield(origin.originShieldRegion()
            .map(region -> OriginShield.builder().enabled(true).originShieldRegion(region).build()).orElse(null))
        .customOriginConfig(CustomOriginConfig.builder()
            .httpPort(HTTP_PORT)
            .httpsPort(HTTPS_PORT)
            .originProtocolPolicy(policy.wireName())
            .originSslProtocols(OriginSslProtocols.builder().quantity(tls.size()).itemsWithStrings(tls).build())
            .originReadTimeout(origin.readTimeoutSeconds().orElse(ORIGIN_READ_TIMEOUT_SECONDS))
            .originKeepaliveTimeout(origin.keepAliveTimeoutSeconds().orElse(ORIGIN_KEEPALIVE_TIMEOUT_SECONDS))
            .build())
        .build();
  }

  /** An origin group: its two members, primary first, its failover status codes, its selection criteria. */
  static OriginGroup toSdk(io.github.mediapackagecdn.core.model.OriginGroup group) {
    return OriginGroup.builder()
        .id(group.id())
        .members(OriginGroupMembers.builder().quantity(2).items(group.memberOriginIds().stream()
            .map(id -> OriginGroupMember.builder().originId(id).build()).toList()).build())
        .failoverCriteria(OriginGroupFailoverCriteria.builder().statusCodes(StatusCodes.builder()
            .quantity(group.failoverStatusCodes().size()).items(group.failoverStatusCodes()).build()).build())
        .selectionCriteria(group.selectionCriteria().wireName())
        .build();
  }

  static CacheBehavior toSdk(io.github.mediapackagecdn.core.model.CacheBehavior behavior) {
    return CacheBehavior.builder()
        .pathPattern(behavior.pathPattern())
        .targetOriginId(behavior.targetOriginId())
        .viewerProtocolPolicy(behavior.viewerProtocolPolicy().wireName())
        .allowedMethods(allowedMethods(behavior))
        .smoothStreaming(behavior.smoothStreaming())
        .compress(behavior.compress())
        .lambdaFunctionAssociations(LambdaFunctionAssociations.builder().quantity(0).build())
        .functionAssociations(FunctionAssociations.builder().quantity(0).build())
        .fieldLevelEncryptionId("")
        .cachePolicyId(cachePolicy(behavior))
        .originRequestPolicyId(behavior.originRequestPolicyId().orElse(null))
        .responseHeadersPolicyId(behavior.responseHeadersPolicyId().orElse(null))
        .build();
  }

  static DefaultCacheBehavior toSdkDefault(io.github.mediapackagecdn.core.model.CacheBehavior behavior) {
    return DefaultCacheBehavior.builder()
        .targetOriginId(behavior.targetOriginId())
        .viewerProtocolPolicy(behavior.viewerProtocolPolicy().wireName())
        .allowedMethods(allowedMethods(behavior))
        .smoothStreaming(behavior.smoothStreaming())
        .compress(behavior.compress())
        .lambdaFunctionAssociations(LambdaFunctionAssociations.builder().quantity(0).build())
        .functionAssociations(FunctionAssociations.builder().quantity(0).build())
        .fieldLevelEncryptionId("")
        .cachePolicyId(cachePolicy(behavior))
        .originRequestPolicyId(behavior.originRequestPolicyId().orElse(null))
        .responseHeadersPolicyId(behavior.responseHeadersPolicyId().orElse(null))
        .build();
  }

  static Tags tags(Map<String, String> tags) {
    List<Tag> items = new ArrayList<>();
    tags.forEach((key, value) -> items.add(Tag.builder().key(key).value(value).build()));
    return Tags.builder().items(items).build();
  }

  private static String cachePolicy(io.github.mediapackagecdn.core.model.CacheBehavior behavior) {
    return behavior.cachePolicyId().orElseThrow(() -> new ValidationException("cache behaviour "
        + behavior.pathPattern() + " has no cache policy; the library writes no legacy cache settings"));
  }

  private static AllowedMethods allowedMethods(io.github.mediapackagecdn.core.model.CacheBehavior behavior) {
    AllowedMethods.Builder allowed = AllowedMethods.builder()
        .quantity(behavior.allowedMethods().size())
        .itemsWithStrings(behavior.allowedMethods());
    if (!behavior.cachedMethods().isEmpty()) {
      allowed.cachedMethods(CachedMethods.builder()
          .quantity(behavior.cachedMethods().size())
          .itemsWithStrings(behavior.cachedMethods())
          .build());
    }
    return allowed.build();
  }

  // ---------------------------------------------------------------- SDK -> core

  static io.github.mediapackagecdn.core.model.Distribution toCore(Distribution distribution, String etag) {
    return io.github.mediapackagecdn.core.model.Distribution.builder()
        .id(DistributionId.of(distribution.id()))
        .arn(distribution.arn())
        .domainName(distribution.domainName())
        .status(DistributionStatus.fromWire(distribution.status()))
        .etag(etag == null ? "" : etag)
        .config(toCore(distribution.distributionConfig()))
        .lastModified(Optional.ofNullable(distribution.lastModifiedTime()))
        .build();
  }

  static io.github.mediapackagecdn.core.model.DistributionSummary toCore(DistributionSummary summary) {
    return io.github.mediapackagecdn.core.model.DistributionSummary.builder()
        .id(DistributionId.of(summary.id()))
        .arn(summary.arn())
        .domainName(summary.domainName())
        .status(DistributionStatus.fromWire(summary.status()))
        .comment(Objects.requireNonNullElse(summary.comment(), ""))
        .enabled(Boolean.TRUE.equals(summary.enabled()))
        .origins(summary.origins() == null || summary.origins().items() == null ? List.of()
            : summary.origins().items().stream().map(CloudFrontConfigs::toCore).toList())
        .defaultBehavior(Optional.ofNullable(summary.defaultCacheBehavior()).map(CloudFrontConfigs::toCore))
        .cacheBehaviors(summary.cacheBehaviors() == null || summary.cacheBehaviors().items() == null ? List.of()
            : summary.cacheBehaviors().items().stream().map(CloudFrontConfigs::toCore).toList())
        .build();
  }

  /** The part of {@code config} the core models. */
  static io.github.mediapackagecdn.core.model.DistributionConfig toCore(DistributionConfig config) {
    var core = io.github.mediapackagecdn.core.model.DistributionConfig.builder()
        .callerReference(config.callerReference())
        .comment(Objects.requireNonNullElse(config.comment(), ""))
        .enabled(Boolean.TRUE.equals(config.enabled()))
        .origins(origins(config).stream().map(CloudFrontConfigs::toCore).toList())
        .originGroups(originGroups(config).stream().flatMap(g -> toCore(g).stream()).toList())
        .defaultBehavior(toCore(config.defaultCacheBehavior()))
        .cacheBehaviors(behaviors(config).stream().map(CloudFrontConfigs::toCore).toList())
        .aliases(config.aliases() == null ? List.of() : config.aliases().items())
        .webAclId(Objects.requireNonNullElse(config.webACLId(), ""));
    if (config.priceClassAsString() != null) {
      core.priceClass(config.priceClassAsString());
    }
    if (config.httpVersionAsString() != null) {
      core.httpVersion(config.httpVersionAsString());
    }
    if (config.isIPV6Enabled() != null) {
      core.ipv6Enabled(config.isIPV6Enabled());
    }
    Map<Integer, Long> errorCaching = new LinkedHashMap<>();
    if (config.customErrorResponses() != null) {
      for (CustomErrorResponse response : config.customErrorResponses().items()) {
        if (response.errorCode() != null && response.errorCachingMinTTL() != null) {
          errorCaching.put(response.errorCode(), response.errorCachingMinTTL());
        }
      }
    }
    return core.errorCachingMinTtl(errorCaching).build();
  }

  private static io.github.mediapackagecdn.core.model.Origin toCore(Origin origin) {
    var core = io.github.mediapackagecdn.core.model.Origin.builder()
        .id(origin.id())
        .domainName(origin.domainName())
        .originPath(Objects.requireNonNullElse(origin.originPath(), ""));
    if (origin.originAccessControlId() != null && !origin.originAccessControlId().isEmpty()) {
      core.originAccessControlId(origin.originAccessControlId());
    }
    CustomOriginConfig custom = origin.customOriginConfig();
    if (custom != null) {
      core.protocolPolicy(ProtocolPolicy.fromWire(custom.originProtocolPolicyAsString()));
      if (custom.originSslProtocols() != null) {
        core.sslProtocols(custom.originSslProtocols().itemsAsStrings());
      }
      core.readTimeoutSeconds(Optional.ofNullable(custom.originReadTimeout()))
          .keepAliveTimeoutSeconds(Optional.ofNullable(custom.originKeepaliveTimeout()));
    }
    core.connectionTimeoutSeconds(Optional.ofNullable(origin.connectionTimeout()))
        .connectionAttempts(Optional.ofNullable(origin.connectionAttempts()))
        .responseCompletionTimeoutSeconds(Optional.ofNullable(origin.responseCompletionTimeout()));
    OriginShield shield = origin.originShield();
    if (shield != null && Boolean.TRUE.equals(shield.enabled()) && shield.originShieldRegion() != null) {
      core.originShieldRegion(shield.originShieldRegion());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (origin.customHeaders() != null) {
      origin.customHeaders().items().forEach(h -> headers.putIfAbsent(h.headerName(), h.headerValue()));
    }
    return core.customHeaders(headers).build();
  }

  /**
   * The group as the core models it; empty for a group the core cannot model (not two members), which is still sent
   * back as it was.
   */
  private static Optional<io.github.mediapackagecdn.core.model.OriginGroup> toCore(OriginGroup group) {
    List<String> members = group.members() == null || group.members().items() == null ? List.of()
        : group.members().items().stream().map(OriginGroupMember::originId).toList();
    if (members.size() != 2) {
      return Optional.empty();
    }
    List<Integer> codes = group.failoverCriteria() == null || group.failoverCriteria().statusCodes() == null
        || group.failoverCriteria().statusCodes().items() == null
        ? List.of() : group.failoverCriteria().statusCodes().items();
    return Optional.of(io.github.mediapackagecdn.core.model.OriginGroup.builder()
        .id(group.id())
        .primaryOriginId(members.get(0))
        .secondaryOriginId(members.get(1))
        .failoverStatusCodes(codes)
        .selectionCriteria(io.github.mediapackagecdn.core.model.OriginGroup.SelectionCriteria.fromWire(
            group.selectionCriteriaAsString()))
        .build());
  }

  private static io.github.mediapackagecdn.core.model.CacheBehavior toCore(DefaultCacheBehavior behavior) {
    return behavior(io.github.mediapackagecdn.core.model.CacheBehavior.DEFAULT_PATH_PATTERN,
        behavior.targetOriginId(), behavior.viewerProtocolPolicyAsString(), behavior.allowedMethods(),
        behavior.cachePolicyId(), behavior.originRequestPolicyId(), behavior.responseHeadersPolicyId(),
        behavior.compress(), behavior.smoothStreaming());
  }

  private static io.github.mediapackagecdn.core.model.CacheBehavior toCore(CacheBehavior behavior) {
    return behavior(behavior.pathPattern(), behavior.targetOriginId(), behavior.viewerProtocolPolicyAsString(),
        behavior.allowedMethods(), behavior.cachePolicyId(), behavior.originRequestPolicyId(),
        behavior.responseHeadersPolicyId(), behavior.compress(), behavior.smoothStreaming());
  }

  private static io.github.mediapackagecdn.core.model.CacheBehavior behavior(String pathPattern, String targetOriginId,
      String viewerProtocolPolicy, AllowedMethods allowed, String cachePolicyId, String originRequestPolicyId,
      String responseHeadersPolicyId, Boolean compress, Boolean smoothStreaming) {
    List<String> allowedMethods = allowed == null ? List.of() : allowed.itemsAsStrings();
    List<String> cachedMethods = allowed == null || allowed.cachedMethods() == null
        ? List.of()
        : allowed.cachedMethods().itemsAsStrings();
    return io.github.mediapackagecdn.core.model.CacheBehavior.builder()
        .pathPattern(pathPattern)
        .targetOriginId(targetOriginId)
        .viewerProtocolPolicy(ProtocolPolicy.fromWire(viewerProtocolPolicy))
        .allowedMethods(allowedMethods)
        .cachedMethods(cachedMethods)
        .cachePolicyId(blankToEmpty(cachePolicyId))
        .originRequestPolicyId(blankToEmpty(originRequestPolicyId))
        .responseHeadersPolicyId(blankToEmpty(responseHeadersPolicyId))
        .compress(Boolean.TRUE.equals(compress))
        .smoothStreaming(Boolean.TRUE.equals(smoothStreaming))
        .build();
  }

  // ---------------------------------------------------------------- changes on the full SDK config

  /**
   * {@code config} with every change applied as the core defines it ({@link ChangeSet#applyTo(Object,
   * DistributionChange.Editor)}): this class only reads and edits the SDK configuration, every other field carried
   * over through {@code toBuilder()}.
   */
  static DistributionConfig apply(DistributionConfig config, ChangeSet changes) {
    return changes.applyTo(config, SdkEditor.INSTANCE);
  }

  /** Reads and edits the SDK's full configuration for the core's changes; every list written with its quantity. */
  private static final class SdkEditor implements DistributionChange.Editor<DistributionConfig> {

    static final SdkEditor INSTANCE = new SdkEditor();

    @Override
    public List<String> originIds(DistributionConfig config) {
      return origins(config).stream().map(Origin::id).toList();
    }

    @Override
    public Set<String> headerNames(DistributionConfig config, String originId) {
      return findOrigin(config, originId)
          .filter(o -> o.customHeaders() != null)
          .map(o -> o.customHeaders().items().stream().map(OriginCustomHeader::headerName).filter(Objects::nonNull)
              .collect(Collectors.toSet()))
          .orElse(Set.of());
    }

    @Override
    public List<String> pathPatterns(DistributionConfig config) {
      return behaviors(config).stream().map(CacheBehavior::pathPattern).toList();
    }

    @Override
    public Optional<String> behaviorTarget(DistributionConfig config, String pathPattern) {
      return behaviors(config).stream().filter(b -> pathPattern.equals(b.pathPattern())).findFirst()
          .map(CacheBehavior::targetOriginId);
    }

    @Override
    public DistributionConfig retargetCacheBehavior(DistributionConfig config, String pathPattern, String targetId) {
      List<CacheBehavior> behaviors = new ArrayList<>(behaviors(config));
      behaviors.replaceAll(b ->
          pathPattern.equals(b.pathPattern()) ? b.toBuilder().targetOriginId(targetId).build() : b);
      return config.toBuilder().cacheBehaviors(behaviors(behaviors)).build();
    }

    @Override
    public Optional<String> defaultTargetOriginId(DistributionConfig config) {
      return Optional.ofNullable(config.defaultCacheBehavior()).map(DefaultCacheBehavior::targetOriginId);
    }

    @Override
    public Set<String> behaviorTargets(DistributionConfig config) {
      return Stream.concat(defaultTargetOriginId(config).stream(),
              behaviors(config).stream().map(CacheBehavior::targetOriginId))
          .filter(Objects::nonNull)
          .collect(Collectors.toSet());
    }

    @Override
    public Set<String> originGroupMembers(DistributionConfig config) {
      return originGroups(config).stream()
          .map(OriginGroup::members)
          .filter(Objects::nonNull)
          .flatMap(m -> m.items().stream())
          .map(OriginGroupMember::originId)
          .filter(Objects::nonNull)
          .collect(Collectors.toSet());
    }

    @Override
    public List<String> originGroupIds(DistributionConfig config) {
      return originGroups(config).stream().map(OriginGroup::id).toList();
    }

    @Override
    public DistributionConfig addOriginGroup(DistributionConfig config,
        io.github.mediapackagecdn.core.model.OriginGroup group) {
      List<OriginGroup> groups = new ArrayList<>(originGroups(config));
      groups.add(toSdk(group));
      return config.toBuilder().originGroups(originGroups(groups)).build();
    }

    @Override
    public DistributionConfig addOrigin(DistributionConfig config, io.github.mediapackagecdn.core.model.Origin origin) {
      List<Origin> origins = new ArrayList<>(origins(config));
      origins.add(toSdk(origin));
      return config.toBuilder().origins(origins(origins)).build();
    }

    @Override
    public DistributionConfig addOriginHeader(DistributionConfig config, String originId, String name, String value) {
      List<Origin> origins = new ArrayList<>(origins(config));
      origins.replaceAll(o -> {
        if (!originId.equals(o.id())) {
          return o;
        }
        List<OriginCustomHeader> headers = o.customHeaders() == null
            ? new ArrayList<>()
            : new ArrayList<>(o.customHeaders().items());
        headers.add(OriginCustomHeader.builder().headerName(name).headerValue(value).build());
        return o.toBuilder().customHeaders(headers(headers)).build();
      });
      return config.toBuilder().origins(origins(origins)).build();
    }

    @Override
    public DistributionConfig addCacheBehavior(DistributionConfig config,
        io.github.mediapackagecdn.core.model.CacheBehavior behavior) {
      List<CacheBehavior> behaviors = new ArrayList<>(behaviors(config));
      behaviors.add(toSdk(behavior));
      return config.toBuilder().cacheBehaviors(behaviors(behaviors)).build();
    }

    @Override
    public DistributionConfig insertCacheBehavior(DistributionConfig config, int index,
        io.github.mediapackagecdn.core.model.CacheBehavior behavior) {
      List<CacheBehavior> behaviors = new ArrayList<>(behaviors(config));
      behaviors.add(index, toSdk(behavior));
      return config.toBuilder().cacheBehaviors(behaviors(behaviors)).build();
    }

    @Override
    public DistributionConfig retargetDefaultBehavior(DistributionConfig config, String originId) {
      return config.toBuilder()
          .defaultCacheBehavior(config.defaultCacheBehavior().toBuilder().targetOriginId(originId).build())
          .build();
    }

    @Override
    public DistributionConfig removeOrigin(DistributionConfig config, String originId) {
      List<Origin> origins = new ArrayList<>(origins(config));
      origins.removeIf(o -> originId.equals(o.id()));
      return config.toBuilder().origins(origins(origins)).build();
    }

    @Override
    public Optional<String> cachePolicyId(DistributionConfig config, String pathPattern) {
      return behaviors(config).stream().filter(b -> pathPattern.equals(b.pathPattern())).findFirst()
          .map(CacheBehavior::cachePolicyId);
    }

    @Override
    public Optional<String> defaultCachePolicyId(DistributionConfig config) {
      return Optional.ofNullable(config.defaultCacheBehavior()).map(DefaultCacheBehavior::cachePolicyId);
    }

    @Override
    public DistributionConfig useCachePolicy(DistributionConfig config, String pathPattern, String cachePolicyId,
        boolean compress) {
      List<CacheBehavior> behaviors = new ArrayList<>(behaviors(config));
      behaviors.replaceAll(b -> pathPattern.equals(b.pathPattern())
          ? b.toBuilder().cachePolicyId(cachePolicyId).compress(compress).build() : b);
      return config.toBuilder().cacheBehaviors(behaviors(behaviors)).build();
    }

    @Override
    public DistributionConfig useDefaultCachePolicy(DistributionConfig config, String cachePolicyId,
        boolean compress) {
      return config.toBuilder().defaultCacheBehavior(config.defaultCacheBehavior().toBuilder()
          .cachePolicyId(cachePolicyId).compress(compress).build()).build();
    }

    @Override
    public Optional<String> responseHeadersPolicyId(DistributionConfig config, String pathPattern) {
      return behaviors(config).stream().filter(b -> pathPattern.equals(b.pathPattern())).findFirst()
          .flatMap(b -> blankToEmpty(b.responseHeadersPolicyId()));
    }

    @Override
    public Optional<String> defaultResponseHeadersPolicyId(DistributionConfig config) {
      return Optional.ofNullable(config.defaultCacheBehavior())
          .flatMap(b -> blankToEmpty(b.responseHeadersPolicyId()));
    }

    @Override
    public DistributionConfig useResponseHeadersPolicy(DistributionConfig config, String pathPattern,
        String responseHeadersPolicyId) {
      List<CacheBehavior> behaviors = new ArrayList<>(behaviors(config));
      behaviors.replaceAll(b -> pathPattern.equals(b.pathPattern())
          ? b.toBuilder().responseHeadersPolicyId(responseHeadersPolicyId).build() : b);
      return config.toBuilder().cacheBehaviors(behaviors(behaviors)).build();
    }

    @Override
    public DistributionConfig useDefaultResponseHeadersPolicy(DistributionConfig config,
        String responseHeadersPolicyId) {
      return config.toBuilder().defaultCacheBehavior(config.defaultCacheBehavior().toBuilder()
          .responseHeadersPolicyId(responseHeadersPolicyId).build()).build();
    }

    @Override
    public Optional<DistributionChange.OriginSettings> originSettings(DistributionConfig config, String originId) {
      return findOrigin(config, originId).map(o -> {
        CustomOriginConfig custom = o.customOriginConfig();
        OriginShield shield = o.originShield();
        return new DistributionChange.OriginSettings(Optional.ofNullable(o.connectionTimeout()),
            Optional.ofNullable(custom == null ? null : custom.originReadTimeout()),
            Optional.ofNullable(custom == null ? null : custom.originKeepaliveTimeout()),
            Optional.ofNullable(o.responseCompletionTimeout()),
            shield != null && Boolean.TRUE.equals(shield.enabled()) ? blankToEmpty(shield.originShieldRegion())
                : Optional.empty());
      });
    }

    @Override
    public DistributionConfig useOriginSettings(DistributionConfig config, String originId,
        DistributionChange.OriginSettings settings) {
      List<Origin> origins = new ArrayList<>(origins(config));
      origins.replaceAll(o -> originId.equals(o.id()) ? withSettings(o, settings) : o);
      return config.toBuilder().origins(origins(origins)).build();
    }

    private static Origin withSettings(Origin origin, DistributionChange.OriginSettings settings) {
      Origin.Builder edited = origin.toBuilder();
      settings.connectionTimeoutSeconds().ifPresent(edited::connectionTimeout);
      settings.responseCompletionTimeoutSeconds().ifPresent(edited::responseCompletionTimeout);
      settings.originShieldRegion().ifPresent(region -> edited.originShield((origin.originShield() == null
          ? OriginShield.builder() : origin.originShield().toBuilder()).enabled(true).originShieldRegion(region)
          .build()));
      CustomOriginConfig custom = origin.customOriginConfig();
      if (custom != null) {
        CustomOriginConfig.Builder timeouts = custom.toBuilder();
        settings.readTimeoutSeconds().ifPresent(timeouts::originReadTimeout);
        settings.keepAliveTimeoutSeconds().ifPresent(timeouts::originKeepaliveTimeout);
        edited.customOriginConfig(timeouts.build());
      }
      return edited.build();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static Optional<Origin> findOrigin(DistributionConfig config, String originId) {
    return origins(config).stream().filter(o -> originId.equals(o.id())).findFirst();
  }

  private static List<Origin> origins(DistributionConfig config) {
    return config.origins() == null ? List.of() : config.origins().items();
  }

  private static List<OriginGroup> originGroups(DistributionConfig config) {
    return config.originGroups() == null || config.originGroups().items() == null ? List.of()
        : config.originGroups().items();
  }

  private static OriginGroups originGroups(List<OriginGroup> groups) {
    return OriginGroups.builder().quantity(groups.size()).items(nonEmpty(groups)).build();
  }

  private static List<CacheBehavior> behaviors(DistributionConfig config) {
    return config.cacheBehaviors() == null ? List.of() : config.cacheBehaviors().items();
  }

  private static Origins origins(List<Origin> origins) {
    return Origins.builder().quantity(origins.size()).items(origins).build();
  }

  private static CacheBehaviors behaviors(List<CacheBehavior> behaviors) {
    return CacheBehaviors.builder().quantity(behaviors.size()).items(nonEmpty(behaviors)).build();
  }

  private static CustomHeaders headers(List<OriginCustomHeader> headers) {
    return CustomHeaders.builder().quantity(headers.size()).items(nonEmpty(headers)).build();
  }

  /** Null for an empty list, so that the SDK writes no empty {@code Items} element next to {@code Quantity 0}. */
  private static <T> Collection<T> nonEmpty(List<T> items) {
    return items.isEmpty() ? null : items;
  }

  private static Optional<String> blankToEmpty(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
