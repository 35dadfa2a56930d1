package io.github.mediapackagecdn.core.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The {@link DistributionChange.Editor} of the model's own {@link DistributionConfig}. */
final class ModelEditor implements DistributionChange.Editor<DistributionConfig> {

  static final ModelEditor INSTANCE = new ModelEditor();

  private ModelEditor() {}

  @Override
  public List<String> originIds(DistributionConfig config) {
    return config.origins().stream().map(Origin::id).toList();
  }

  @Override
  public Set<String> headerNames(DistributionConfig config, String originId) {
    return config.origin(originId).map(o -> o.customHeaders().keySet()).orElse(Set.of());
  }

  @Override
  public List<String> pathPatterns(DistributionConfig config) {
    return config.cacheBehaviors().stream().map(CacheBehavior::pathPattern).toList();
  }

  @Override
  public Optional<String> behaviorTarget(DistributionConfig config, String pathPattern) {
    return config.behavior(pathPattern).map(CacheBehavior::targetOriginId);
  }

  @Override
  public DistributionConfig retargetCacheBehavior(DistributionConfig config, String pathPattern, String targetId) {
    return editBehavior(config, pathPattern, b -> b.targetOriginId(targetId));
  }

  @Override
  public Optional<String> defaultTargetOriginId(DistributionConfig config) {
    return Optional.of(config.defaultBehavior().targetOriginId());
  }

  @Override
  public Set<String> behaviorTargets(DistributionConfig config) {
    return Stream.concat(Stream.of(config.defaultBehavior()), config.cacheBehaviors().stream())
        .map(CacheBehavior::targetOriginId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  @Override
  public Set<String> originGroupMembers(DistributionConfig config) {
    return config.originGroups().stream().flatMap(g -> g.memberOriginIds().stream())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  @Override
  public List<String> originGroupIds(DistributionConfig config) {
    return config.originGroups().stream().map(OriginGroup::id).toList();
  }

  @Override
  public DistributionConfig addOriginGroup(DistributionConfig config, OriginGroup group) {
    return DistributionConfig.builder().from(config).addOriginGroups(group).build();
  }

  @Override
  public DistributionConfig addOrigin(DistributionConfig config, Origin origin) {
    return DistributionConfig.builder().from(config).addOrigins(origin).build();
  }

  @Override
  public DistributionConfig addOriginHeader(DistributionConfig config, String originId, String name, String value) {
    return editOrigin(config, originId, o -> o.putCustomHeaders(name, value));
  }

  @Override
  public DistributionConfig addCacheBehavior(DistributionConfig config, CacheBehavior behavior) {
    return DistributionConfig.builder().from(config).addCacheBehaviors(behavior).build();
  }

  @Override
  public DistributionConfig insertCacheBehavior(DistributionConfig config, int index, CacheBehavior behavior) {
    List<CacheBehavior> behaviors = new ArrayList<>(config.cacheBehaviors());
    behaviors.add(index, behavior);
    return DistributionConfig.builder().from(config).cacheBehaviors(behaviors).build();
  }

  @Override
  public DistributionConfig retargetDefaultBehavior(DistributionConfig config, String originId) {
    return editDefaultBehavior(config, b -> b.targetOriginId(originId));
  }

  @Override
  public DistributionConfig removeOrigin(DistributionConfig config, String originId) {
    List<Origin> origins = new ArrayList<>(config.origins());
    origins.removeIf(o -> o.id().equals(originId));
    return DistributionConfig.builder().from(config).origins(origins).build();
  }

  @Override
  public Optional<String> cachePolicyId(DistributionConfig config, String pathPattern) {
    return config.behavior(pathPattern).flatMap(CacheBehavior::cachePolicyId);
  }

  @Override
  public Optional<String> defaultCachePolicyId(DistributionConfig config) {
    return config.defaultBehavior().cachePolicyId();
  }

  @Override
  public DistributionConfig useCachePolicy(DistributionConfig config, String pathPattern, String cachePolicyId,
      boolean compress) {
    return editBehavior(config, pathPattern, b -> b.cachePolicyId(cachePolicyId).compress(compress));
  }

  @Override
  public DistributionConfig useDefaultCachePolicy(DistributionConfig config, String cachePolicyId, boolean compress) {
    return editDefaultBehavior(config, b -> b.cachePolicyId(cachePolicyId).compress(compress));
  }

  @Override
  public Optional<String> responseHeadersPolicyId(DistributionConfig config, String pathPattern) {
    return config.behavior(pathPattern).flatMap(CacheBehavior::responseHeadersPolicyId);
  }

  @Override
  public Optional<String> defaultResponseHeadersPolicyId(DistributionConfig config) {
    return config.defaultBehavior().responseHeadersPolicyId();
  }

  @Override
  public DistributionConfig useResponseHeadersPolicy(DistributionConfig config, String pathPattern,
      String responseHeadersPolicyId) {
    return editBehavior(config, pathPattern, b -> b.responseHeadersPolicyId(responseHeadersPolicyId));
  }

  @Override
  public DistributionConfig useDefaultResponseHeadersPolicy(DistributionConfig config,
      String responseHeadersPolicyId) {
    return editDefaultBehavior(config, b -> b.responseHeadersPolicyId(responseHeadersPolicyId));
  }

  @Override
  public Optional<DistributionChange.OriginSettings> originSettings(DistributionConfig config, String originId) {
    return config.origin(originId).map(o -> new DistributionChange.OriginSettings(o.connectionTimeoutSeconds(),
        o.readTimeoutSeconds(), o.keepAliveTimeoutSeconds(), o.responseCompletionTimeoutSeconds(),
        o.originShieldRegion()));
  }

  @Override
  public DistributionConfig useOriginSettings(DistributionConfig config, String originId,
      DistributionChange.OriginSettings settings) {
    return editOrigin(config, originId, edited -> {
      settings.connectionTimeoutSeconds().ifPresent(edited::connectionTimeoutSeconds);
      settings.readTimeoutSeconds().ifPresent(edited::readTimeoutSeconds);
      settings.keepAliveTimeoutSeconds().ifPresent(edited::keepAliveTimeoutSeconds);
      settings.responseCompletionTimeoutSeconds().ifPresent(edited::responseCompletionTimeoutSeconds);
      settings.originShieldRegion().ifPresent(edited::originShieldRegion);
      return edited;
    });
  }

  /** {@code config} with origin {@code originId} as {@code edit} makes it, every other origin kept. */
  private static DistributionConfig editOrigin(DistributionConfig config, String originId,
      UnaryOperator<Origin.Builder> edit) {
    List<Origin> origins = new ArrayList<>(config.origins());
    origins.replaceAll(o -> o.id().equals(originId) ? edit.apply(Origin.builder().from(o)).build() : o);
    return DistributionConfig.builder().from(config).origins(origins).build();
  }

  /** {@code config} with the ordered behaviour with {@code pathPattern} edited by {@code edit}, the rest kept. */
  private static DistributionConfig editBehavior(DistributionConfig config, String pathPattern,
      UnaryOperator<CacheBehavior.Builder> edit) {
    List<CacheBehavior> behaviors = new ArrayList<>(config.cacheBehaviors());
    behaviors.replaceAll(b -> b.pathPattern().equals(pathPattern) ? edit.apply(CacheBehavior.builder().from(b)).build()
        : b);
    return DistributionConfig.builder().from(config).cacheBehaviors(behaviors).build();
  }

  /** {@code config} with its default behaviour edited by {@code edit}, everything else kept. */
  private static DistributionConfig editDefaultBehavior(DistributionConfig config,
      UnaryOperator<CacheBehavior.Builder> edit) {
    return DistributionConfig.builder().from(config)
        .defaultBehavior(edit.apply(CacheBehavior.builder().from(config.defaultBehavior())).build()).build();
  }
}
