package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Limits;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** The distribution's comment, cut to CloudFront's 128 characters. */
  static String comment(String group) {
    String comment = String.format(COMMENT_FORMAT, group);
    return comment.length() <= Limits.MAX_COMMENT_LENGTH
        ? comment : comment.substring(0, Limits.MAX_COMMENT_LENGTH - 1) + "…";
  }

  /** The group's distribution's tags: the link tag, whose value is the group's ARN. */
  static Map<String, String> tags(ChannelGroup group, CdnSettings settings) {
    return Map.of(settings.linkTagKey(), group.arn());
  }
}
