package io.github.mediapackagecdn.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change the library makes to an existing distribution. Every change only adds what is missing or moves what
 * still has the library's own placeholder value, and does nothing otherwise: applying it to a configuration that
 * someone changed since it was computed can never overwrite their setting. Adapters apply the same changes to the
 * full configuration they read, so that fields the model does not hold are sent back unchanged.
 */
public sealed interface DistributionChange {

  /** The configuration with this change applied; the same configuration when there is nothing to do. */
  DistributionConfig applyTo(DistributionConfig config);

  /** Adds {@code origin} unless an origin with its id exists. */
  record AddOrigin(Origin origin) implements DistributionChange {
    @Override
    public DistributionConfig applyTo(DistributionConfig config) {
      if (config.origin(origin.id()).isPresent()) {
        return config;
      }
      return DistributionConfig.builder().from(config).addOrigins(origin).build();
    }
  }

  /** Adds a custom header to an origin unless the origin already sends a header of that name. */
  record AddOriginHeader(String originId, String name, String value) implements DistributionChange {
    @Override
    public DistributionConfig applyTo(DistributionConfig config) {
      Origin origin = config.origin(originId).orElse(null);
      if (origin == null || origin.customHeaders().keySet().stream().anyMatch(name::equalsIgnoreCase)) {
        return config;
      }
      Map<String, String> headers = new LinkedHashMap<>(origin.customHeaders());
      headers.put(name, value);
      Origin changed = Origin.builder().from(origin).customHeaders(headers).build();
      List<Origin> origins = new ArrayList<>(config.origins());
      origins.replaceAll(o -> o.id().equals(originId) ? changed : o);
      return DistributionConfig.builder().from(config).origins(origins).build();
    }

    @Override
    public String toString() {
      return "AddOriginHeader[originId=" + originId + ", name=" + name + ", value=****]";
    }
  }

  /** Appends {@code behavior} after the existing ordered behaviours unless one has its path pattern. */
  record AddCacheBehavior(CacheBehavior behavior) implements DistributionChange {
    @Override
    public DistributionConfig applyTo(DistributionConfig config) {
      if (config.behavior(behavior.pathPattern()).isPresent()) {
        return config;
      }
      return DistributionConfig.builder().from(config).addCacheBehaviors(behavior).build();
    }
  }

  /** Points the default behaviour at {@code toOriginId}, only while it still targets {@code fromOriginId}. */
  record RetargetDefaultBehavior(String fromOriginId, String toOriginId) implements DistributionChange {
    @Override
    public DistributionConfig applyTo(DistributionConfig config) {
      if (!config.defaultBehavior().targetOriginId().equals(fromOriginId) || config.origin(toOriginId).isEmpty()) {
        return config;
      }
      CacheBehavior moved = CacheBehavior.builder().from(config.defaultBehavior()).targetOriginId(toOriginId).build();
      return DistributionConfig.builder().from(config).defaultBehavior(moved).build();
    }
  }

  /** Removes origin {@code originId} once no behaviour targets it. */
  record RemoveOrigin(String originId) implements DistributionChange {
    @Override
    public DistributionConfig applyTo(DistributionConfig config) {
      if (config.origin(originId).isEmpty() || config.targets(originId)) {
        return config;
      }
      List<Origin> origins = new ArrayList<>(config.origins());
      origins.removeIf(o -> o.id().equals(originId));
      return DistributionConfig.builder().from(config).origins(origins).build();
    }
  }
}
