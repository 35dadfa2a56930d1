package io.github.mediapackagecdn.core.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One change the library makes to an existing distribution. Every change only adds what is missing or moves what
 * still has the library's own value (its placeholder origin, one of its earlier cache policies), and does nothing
 * otherwise: applying it to a configuration that
 * someone changed since it was computed can never overwrite their setting.
 *
 * <p>Each change is defined once, here: whether it applies is decided by the change, on what an {@link Editor}
 * reports about a configuration, and the editor only makes the edit it is told to. The model's own configuration has
 * its editor ({@link #applyTo(DistributionConfig)}); an adapter gives one over the full configuration it read, so
 * that fields the model does not hold are sent back unchanged and the adapter decides nothing.
 */
public sealed interface DistributionChange {

  /**
   * {@code config} with this change applied, through {@code editor}; the same configuration when there is nothing to
   * do.
   */
  <C> C applyTo(C config, Editor<C> editor);

  /** The configuration with this change applied; the same configuration when there is nothing to do. */
  default DistributionConfig applyTo(DistributionConfig config) {
    return applyTo(config, ModelEditor.INSTANCE);
  }

  /**
   * Reads and edits one representation {@code C} of a distribution's configuration, without deciding anything: the
   * changes ask it what the configuration holds and tell it what to edit. Implementations are stateless and return a
   * new configuration from every edit.
   *
   * @param <C> the configuration type, such as the model's {@link DistributionConfig} or an SDK's
   */
  interface Editor<C> {

    /** The ids of the origins, in order. */
    List<String> originIds(C config);

    /** The names of the custom headers origin {@code originId} sends, as written; empty when there is no such origin. */
    Set<String> headerNames(C config, String originId);

    /** The path patterns of the ordered cache behaviours. */
    List<String> pathPatterns(C config);

    /** The origin (or origin group) the ordered behaviour with {@code pathPattern} targets; empty without one. */
    Optional<String> behaviorTarget(C config, String pathPattern);

    /** The origin the default behaviour targets; empty when the configuration has no default behaviour. */
    Optional<String> defaultTargetOriginId(C config);

    /** The origins the default and the ordered behaviours target. */
    Set<String> behaviorTargets(C config);

    /** The origins that are members of an origin group. */
    Set<String> originGroupMembers(C config);

    /** The ids of the origin groups, in order. */
    List<String> originGroupIds(C config);

    /** Appends {@code group}. */
    C addOriginGroup(C config, OriginGroup group);

    /** Appends {@code origin}. */
    C addOrigin(C config, Origin origin);

    /** Appends the header {@code name: value} to origin {@code originId}'s custom headers. */
    C addOriginHeader(C config, String originId, String name, String value);

    /** Appends {@code behavior} after the ordered cache behaviours. */
    C addCacheBehavior(C config, CacheBehavior behavior);

    /** Inserts {@code behavior} at {@code index} of the ordered cache behaviours, those from there on moved down. */
    C insertCacheBehavior(C config, int index, CacheBehavior behavior);

    /** Points the default behaviour at {@code originId}, everything else about it kept. */
    C retargetDefaultBehavior(C config, String originId);

    /** Points the ordered behaviour with {@code pathPattern} at {@code targetId}, everything else about it kept. */
    C retargetCacheBehavior(C config, String pathPattern, String targetId);

    /** Removes origin {@code originId}. */
    C removeOrigin(C config, String originId);

    /** The cache policy of the ordered behaviour with {@code pathPattern}; empty without one (or without it). */
    Optional<String> cachePolicyId(C config, String pathPattern);

    /** The cache policy of the default behaviour; empty without one. */
    Optional<String> defaultCachePolicyId(C config);

    /**
     * Gives the ordered behaviour with {@code pathPattern} the cache policy {@code cachePolicyId} and {@code Compress}
     * {@code compress}, everything else about it kept.
     */
    C useCachePolicy(C config, String pathPattern, String cachePolicyId, boolean compress);

    /** Gives the default behaviour the cache policy and {@code Compress}, everything else about it kept. */
    C useDefaultCachePolicy(C config, String cachePolicyId, boolean compress);

    /** The response headers policy of the ordered behaviour with {@code pathPattern}; empty without one (or it). */
    Optional<String> responseHeadersPolicyId(C config, String pathPattern);

    /** The response headers policy of the default behaviour; empty without one. */
    Optional<String> defaultResponseHeadersPolicyId(C config);

    /**
     * Gives the ordered behaviour with {@code pathPattern} the response headers policy {@code responseHeadersPolicyId},
     * everything else about it kept.
     */
    C useResponseHeadersPolicy(C config, String pathPattern, String responseHeadersPolicyId);

    /** Gives the default behaviour the response headers policy, everything else about it kept. */
    C useDefaultResponseHeadersPolicy(C config, String responseHeadersPolicyId);

    /** The timeouts and Origin Shield Region origin {@code originId} has; empty when there is no such origin. */
    Optional<OriginSettings> originSettings(C config, String originId);

    /** Gives origin {@code originId} each of {@code settings} that is set, everything else about it kept. */
    C useOriginSettings(C config, String originId, OriginSettings settings);
  }

  /**
   * An origin's timeouts (seconds) and Origin Shield Region, as the library converges them; an empty one is left as
   * the origin has it.
   */
  record OriginSettings(Optional<Integer> connectionTimeoutSeconds, Optional<Integer> readTimeoutSeconds,
      Optional<Integer> keepAliveTimeoutSeconds, Optional<Integer> responseCompletionTimeoutSeconds,
      Optional<String> originShieldRegion) {

    /** Whether no setting is set. */
    public boolean isEmpty() {
      return connectionTimeoutSeconds.isEmpty() && readTimeoutSeconds.isEmpty() && keepAliveTimeoutSeconds.isEmpty()
          && responseCompletionTimeoutSeconds.isEmpty() && originShieldRegion.isEmpty();
    }

    /** Whether {@code current} already has each setting set here. */
    public boolean heldBy(OriginSettings current) {
      return held(connectionTimeoutSeconds, current.connectionTimeoutSeconds)
          && held(readTimeoutSeconds, current.readTimeoutSeconds)
          && held(keepAliveTimeoutSeconds, current.keepAliveTimeoutSeconds)
          && held(responseCompletionTimeoutSeconds, current.responseCompletionTimeoutSeconds)
          && held(originShieldRegion, current.originShieldRegion);
    }

    private static boolean held(Optional<?> wanted, Optional<?> current) {
      return wanted.isEmpty() || wanted.equals(current);
    }

    @Override
    public String toString() {
      List<String> set = new java.util.ArrayList<>();
      connectionTimeoutSeconds.ifPresent(s -> set.add("connection timeout " + s + " s"));
      readTimeoutSeconds.ifPresent(s -> set.add("read timeout " + s + " s"));
      keepAliveTimeoutSeconds.ifPresent(s -> set.add("keep-alive " + s + " s"));
      responseCompletionTimeoutSeconds.ifPresent(s -> set.add("response completion timeout " + s + " s"));
      originShieldRegion.ifPresent(r -> set.add("Origin Shield " + r));
      return String.join(", ", set);
    }
  }

  /** Adds {@code origin} unless an origin with its id exists. */
  record AddOrigin(Origin origin) implements DistributionChange {
    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      if (editor.originIds(config).contains(origin.id())) {
        return config;
      }
      return editor.addOrigin(config, origin);
    }
  }

  /**
   * Adds {@code group} unless an origin or origin group has its id (they share one namespace), and only once both its
   * members exist.
   */
  record AddOriginGroup(OriginGroup group) implements DistributionChange {
    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      List<String> origins = editor.originIds(config);
      if (origins.contains(group.id()) || editor.originGroupIds(config).contains(group.id())
          || !origins.containsAll(group.memberOriginIds())) {
        return config;
      }
      return editor.addOriginGroup(config, group);
    }
  }

  /**
   * Adds a custom header to an origin unless the origin already sends a header of that name (in any case: HTTP header
   * names are case-insensitive).
   */
  record AddOriginHeader(String originId, String name, String value) implements DistributionChange {
    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      if (!editor.originIds(config).contains(originId)
          || editor.headerNames(config, originId).stream().anyMatch(name::equalsIgnoreCase)) {
        return config;
      }
      return editor.addOriginHeader(config, originId, name, value);
    }

    @Override
    public String toString() {
      return "AddOriginHeader[originId=" + originId + ", name=" + name + ", value=****]";
    }
  }

  /**
   * Adds {@code behavior} unless an ordered behaviour has its path pattern: just before the behaviour with path
   * pattern {@code before} when there is one (CloudFront takes the first behaviour whose pattern matches, so a
   * pattern added behind a broader one would never be used), else after the existing ordered behaviours.
   */
  record AddCacheBehavior(CacheBehavior behavior, Optional<String> before) implements DistributionChange {

    /** Appends {@code behavior} after the existing ordered behaviours unless one has its path pattern. */
    public AddCacheBehavior(CacheBehavior behavior) {
      this(behavior, Optional.empty());
    }

    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      List<String> patterns = editor.pathPatterns(config);
      if (patterns.contains(behavior.pathPattern())) {
        return config;
      }
      int index = before.map(patterns::indexOf).orElse(-1);
      return index < 0 ? editor.addCacheBehavior(config, behavior)
          : editor.insertCacheBehavior(config, index, behavior);
    }
  }

  /**
   * Points the default behaviour at {@code toOriginId}, only while it still targets {@code fromOriginId} and
   * {@code toOriginId} exists.
   */
  record RetargetDefaultBehavior(String fromOriginId, String toOriginId) implements DistributionChange {
    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      if (!editor.defaultTargetOriginId(config).filter(fromOriginId::equals).isPresent()
          || !editor.originIds(config).contains(toOriginId)) {
        return config;
      }
      return editor.retargetDefaultBehavior(config, toOriginId);
    }
  }

  /**
   * Points the ordered behaviour with {@code pathPattern} at {@code toTargetId}, only while it still targets
   * {@code fromOriginId} and an origin or origin group {@code toTargetId} exists.
   */
  record RetargetCacheBehavior(String pathPattern, String fromOriginId, String toTargetId)
      implements DistributionChange {
    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      if (!editor.behaviorTarget(config, pathPattern).filter(fromOriginId::equals).isPresent()
          || !(editor.originIds(config).contains(toTargetId) || editor.originGroupIds(config).contains(toTargetId))) {
        return config;
      }
      return editor.retargetCacheBehavior(config, pathPattern, toTargetId);
    }
  }

  /**
   * Moves the ordered behaviour with {@code pathPattern} onto the cache policy the library uses now
   * ({@code toCachePolicyId}) with {@code Compress} {@code compress}, only while it still targets {@code targetId} and
   * uses one of the library's earlier cache policies ({@code fromCachePolicyIds}): a behaviour the library made, left
   * as it made it. A behaviour a user gave another cache policy or another target is left as it is.
   */
  record UseCachePolicy(String pathPattern, String targetId, Set<String> fromCachePolicyIds, String toCachePolicyId,
      boolean compress) implements DistributionChange {

    /** Keeps an unmodifiable copy of the earlier policies. */
    public UseCachePolicy {
      fromCachePolicyIds = Set.copyOf(fromCachePolicyIds);
    }

    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      if (!editor.behaviorTarget(config, pathPattern).filter(targetId::equals).isPresent()
          || !editor.cachePolicyId(config, pathPattern).filter(fromCachePolicyIds::contains).isPresent()) {
        return config;
      }
      return editor.useCachePolicy(config, pathPattern, toCachePolicyId, compress);
    }
  }

  /** {@link UseCachePolicy} for the default behaviour. */
  record UseDefaultCachePolicy(String targetId, Set<String> fromCachePolicyIds, String toCachePolicyId,
      boolean compress) implements DistributionChange {

    /** Keeps an unmodifiable copy of the earlier policies. */
    public UseDefaultCachePolicy {
      fromCachePolicyIds = Set.copyOf(fromCachePolicyIds);
    }

    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      if (!editor.defaultTargetOriginId(config).filter(targetId::equals).isPresent()
          || !editor.defaultCachePolicyId(config).filter(fromCachePolicyIds::contains).isPresent()) {
        return config;
      }
      return editor.useDefaultCachePolicy(config, toCachePolicyId, compress);
    }
  }

  /**
   * Gives the ordered behaviour with {@code pathPattern} the response headers policy the library's settings name now
   * ({@code toResponseHeadersPolicyId}), only while it is the library's, left as it made it: it targets
   * {@code targetId}, uses one of the library's cache policies ({@code libraryCachePolicyIds}, the current one or an
   * earlier one) and has another response headers policy, or none: the library's behaviours follow the setting given,
   * as its origins do. A behaviour a user gave another cache policy or another target is left as it is, and so is
   * every behaviour of the user's.
   */
  record UseResponseHeadersPolicy(String pathPattern, String targetId, Set<String> libraryCachePolicyIds,
      String toResponseHeadersPolicyId) implements DistributionChange {

    /** Keeps an unmodifiable copy of the library's cache policies. */
    public UseResponseHeadersPolicy {
      libraryCachePolicyIds = Set.copyOf(libraryCachePolicyIds);
    }

    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      if (!editor.behaviorTarget(config, pathPattern).filter(targetId::equals).isPresent()
          || !editor.cachePolicyId(config, pathPattern).filter(libraryCachePolicyIds::contains).isPresent()
          || editor.responseHeadersPolicyId(config, pathPattern).filter(toResponseHeadersPolicyId::equals)
              .isPresent()) {
        return config;
      }
      return editor.useResponseHeadersPolicy(config, pathPattern, toResponseHeadersPolicyId);
    }
  }

  /** {@link UseResponseHeadersPolicy} for the default behaviour. */
  record UseDefaultResponseHeadersPolicy(String targetId, Set<String> libraryCachePolicyIds,
      String toResponseHeadersPolicyId) implements DistributionChange {

    /** Keeps an unmodifiable copy of the library's cache policies. */
    public UseDefaultResponseHeadersPolicy {
      libraryCachePolicyIds = Set.copyOf(libraryCachePolicyIds);
    }

    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      if (!editor.defaultTargetOriginId(config).filter(targetId::equals).isPresent()
          || !editor.defaultCachePolicyId(config).filter(libraryCachePolicyIds::contains).isPresent()
          || editor.defaultResponseHeadersPolicyId(config).filter(toResponseHeadersPolicyId::equals).isPresent()) {
        return config;
      }
      return editor.useDefaultResponseHeadersPolicy(config, toResponseHeadersPolicyId);
    }
  }

  /**
   * Gives origin {@code originId} the timeouts and Origin Shield Region the library's settings name now, only those set
   * in {@code settings} and only when the origin exists and lacks one of them; every other field of the origin is kept,
   * and a setting left unset never touches it.
   */
  record UseOriginSettings(String originId, OriginSettings settings) implements DistributionChange {
    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      Optional<OriginSettings> current = editor.originSettings(config, originId);
      if (current.isEmpty() || settings.isEmpty() || settings.heldBy(current.get())) {
        return config;
      }
      return editor.useOriginSettings(config, originId, settings);
    }
  }

  /**
   * Removes origin {@code originId} once nothing uses it: no behaviour targets it and no origin group has it as a
   * member (CloudFront refuses a configuration whose origin group names a missing origin, and the group is the user's).
   */
  record RemoveOrigin(String originId) implements DistributionChange {
    @Override
    public <C> C applyTo(C config, Editor<C> editor) {
      if (!editor.originIds(config).contains(originId)
          || editor.behaviorTargets(config).contains(originId)
          || editor.originGroupMembers(config).contains(originId)) {
        return config;
      }
      return editor.removeOrigin(config, originId);
    }
  }
}
