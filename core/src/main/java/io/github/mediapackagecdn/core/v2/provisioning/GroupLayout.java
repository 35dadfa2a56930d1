package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Limits;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The layout of a channel group's distribution, pure: the group's origin (as {@link V2Layout#origin}), the default
 * behaviour on it, and cache behaviours for every channel of the group, whatever channels and endpoints come later:
 * {@code /out/v1/<group>/*.m3u8} and {@code /out/v1/<group>/*.mpd} with the manifest cache policy, then
 * {@code /out/v1/<group>/*} with the segment cache policy. A path pattern's {@code *} crosses {@code /}, so these
 * match every endpoint's manifests and segments of the group; a channel or an endpoint saved later needs no change.
 */
final class GroupLayout {

  /** The comment of a group's distribution: {@code MediaPackage v2 channel group <group>}. */
  static final String COMMENT_FORMAT = "MediaPackage v2 channel group %s";

  private GroupLayout() {}

  /** {@code /out/v1/<group>/}: the start of every egress path of the group's endpoints. */
  static String pathPrefix(String group) {
    return "/out/v1/" + group + "/";
  }

  /** The group's path patterns, in the behaviours' order: manifests ({@code *.m3u8}, {@code *.mpd}), then the rest. */
  static List<String> pathPatterns(String group) {
    String prefix = pathPrefix(group);
    return List.of(prefix + "*.m3u8", prefix + "*.mpd", prefix + "*");
  }

  /**
   * The group's cache behaviours, on {@code origin} (the group's origin, or the origin group of the two Regions):
   * manifests first, then everything else of the group.
   */
  static List<CacheBehavior> behaviors(String group, String origin, V2Layout.Policies policies, V2CdnSettings v2) {
    List<String> patterns = pathPatterns(group);
    List<CacheBehavior> behaviors = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      boolean manifest = i < patterns.size() - 1;
      behaviors.add(V2Layout.behavior(patterns.get(i), origin,
          manifest ? policies.manifestCachePolicyId() : policies.segmentCachePolicyId(), false, v2));
    }
    return behaviors;
  }

  /**
   * The group's new distribution: a channel's ({@link V2Layout#newDistribution}) with the group's behaviours; with a
   * {@code secondary} Region's group, its egress domain as a second origin ({@link V2Layout#secondaryOriginId}) and
   * the media-quality-based origin group of the two ({@link V2Layout#originGroup}), which the behaviours target.
   */
  static DistributionConfig newDistribution(ChannelGroup group, Optional<ChannelGroup> secondary,
      String callerReference, V2Layout.Policies policies, CdnSettings settings, V2CdnSettings v2) {
    DistributionConfig config = V2Layout.newDistribution(group, callerReference, comment(group.name()), policies,
        settings, v2);
    DistributionConfig.Builder builder = DistributionConfig.builder().from(config);
    String target = V2Layout.originId(group.name());
    if (secondary.isPresent()) {
      String secondId = V2Layout.secondaryOriginId(secondary.get());
      builder.addOrigins(V2Layout.origin(secondId, secondary.get(), policies.originAccessControlId(), settings, v2))
          .addOriginGroups(V2Layout.originGroup(group.name(), secondId));
      target = V2Layout.originGroupId(group.name());
    }
    return builder.cacheBehaviors(behaviors(group.name(), target, policies, v2)).build();
  }

  /**
   * What the group's distribution {@code config} lacks of its layout, as changes that only add: the group's origin
   * (with a {@code secondary} Region's group, its origin and the origin group of the two), and each of the group's
   * behaviours that has no behaviour with its path pattern, put before the next of the group's behaviours so that it is
   * matched first (a manifest pattern behind the group's catch-all would never be). What a person set (aliases, their
   * behaviours, one of the group's patterns they changed) is kept. Empty when nothing is missing; {@code ids} (the
   * shared policies, which may need a lookup) are asked for only when something is.
   */
  static ChangeSet changesFor(DistributionConfig config, ChannelGroup group, Optional<ChannelGroup> secondary,
      Supplier<V2Layout.Policies> ids, CdnSettings settings, V2CdnSettings v2) {
    String primary = V2Layout.originId(group.name());
    boolean complete = config.origin(primary).isPresent()
        && secondary.map(V2Layout::secondaryOriginId).map(id -> config.origin(id).isPresent()
            && config.originGroup(V2Layout.originGroupId(group.name())).isPresent()).orElse(true)
        && pathPatterns(group.name()).stream().allMatch(pattern -> config.behavior(pattern).isPresent());
    if (complete) {
      return ChangeSet.empty();
    }
    V2Layout.Policies policies = ids.get();
    List<DistributionChange> changes = new ArrayList<>();
    String target = primary;
    if (config.origin(target).isEmpty()) {
      changes.add(new DistributionChange.AddOrigin(V2Layout.origin(group, policies.originAccessControlId(), settings,
          v2)));
    }
    if (secondary.isPresent()) {
      String secondId = V2Layout.secondaryOriginId(secondary.get());
      if (config.origin(secondId).isEmpty()) {
        changes.add(new DistributionChange.AddOrigin(V2Layout.origin(secondId, secondary.get(),
            policies.originAccessControlId(), settings, v2)));
      }
      OriginGroup originGroup = V2Layout.originGroup(group.name(), secondId);
      if (config.originGroup(originGroup.id()).isEmpty()) {
        changes.add(new DistributionChange.AddOriginGroup(originGroup));
      }
      target = originGroup.id();
    }
    List<CacheBehavior> behaviors = behaviors(group.name(), target, policies, v2);
    for (int i = 0; i < behaviors.size(); i++) {
      if (config.behavior(behaviors.get(i).pathPattern()).isEmpty()) {
        Optional<String> next = behaviors.subList(i + 1, behaviors.size()).stream().map(CacheBehavior::pathPattern)
            .filter(pattern -> config.behavior(pattern).isPresent()).findFirst();
        changes.add(new DistributionChange.AddCacheBehavior(behaviors.get(i), next));
      }
    }
    return ChangeSet.of(changes);
  }

  /** The distribution's comment, cut to CloudFront's 128 characters. */
  static String comment(String group) {
    return Limits.fittedComment(String.format(COMMENT_FORMAT, group));
  }

  /** The group's distribution's tags: the link tag, whose value is the group's ARN. */
  static Map<String, String> tags(ChannelGroup group, CdnSettings settings) {
    return Map.of(settings.linkTagKey(), group.arn());
  }
}
