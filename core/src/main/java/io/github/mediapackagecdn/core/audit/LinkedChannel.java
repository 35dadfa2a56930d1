package io.github.mediapackagecdn.core.audit;

import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A channel with its one linked distribution, and what the distribution lacks to serve every endpoint: the change set
 * the layout rules compute, empty when it serves them all.
 */
@Value.Immutable
public abstract class LinkedChannel {

  /** The channel: {@code live-news} for v1, {@code live/news} for v2. */
  public abstract ChannelRef channel();

  /** Its linked distribution. */
  public abstract DistributionId distribution();

  /** How many endpoints the channel has. */
  public abstract int endpoints();

  /** What the distribution lacks (origin, header, behaviours, default behaviour); empty when it serves every endpoint. */
  public abstract ChangeSet missing();

  /**
   * What the channel lacks beyond its distribution's configuration, one short phrase each (for v2: an endpoint
   * policy's statement for the distribution, the origin access control on the group's origin); empty for v1.
   */
  @Value.Default
  public List<String> missingElsewhere() {
    return List.of();
  }

  /** Why the rules could not say what is missing (two egress hosts, an unknown CDN identifier), if they could not. */
  public abstract Optional<String> unknown();

  /** Whether the distribution has everything every endpoint needs. */
  public boolean served() {
    return missing().isEmpty() && missingElsewhere().isEmpty() && unknown().isEmpty();
  }

  /**
   * What is missing, one short phrase per change, in the order the rules give them, then what is missing elsewhere;
   * never a header value.
   */
  public List<String> missingDescribed() {
    return java.util.stream.Stream.concat(missing().changes().stream().map(LinkedChannel::describe),
        missingElsewhere().stream()).toList();
  }

  static String describe(DistributionChange change) {
    if (change instanceof DistributionChange.AddOrigin add) {
      return "origin " + add.origin().id() + " (" + add.origin().domainName() + ")";
    }
    if (change instanceof DistributionChange.AddOriginGroup group) {
      return "origin group " + group.group().id() + " of " + String.join(" and ", group.group().memberOriginIds());
    }
    if (change instanceof DistributionChange.AddOriginHeader header) {
      return "header " + header.name() + " on origin " + header.originId();
    }
    if (change instanceof DistributionChange.AddCacheBehavior behavior) {
      return "cache behaviour " + behavior.behavior().pathPattern();
    }
    if (change instanceof DistributionChange.RetargetDefaultBehavior retarget) {
      return "default behaviour on " + retarget.toOriginId() + " (not " + retarget.fromOriginId() + ")";
    }
    if (change instanceof DistributionChange.RetargetCacheBehavior retarget) {
      return "cache behaviour " + retarget.pathPattern() + " on " + retarget.toTargetId() + " (not "
          + retarget.fromOriginId() + ")";
    }
    if (change instanceof DistributionChange.UseCachePolicy use) {
      return "cache behaviour " + use.pathPattern() + " on cache policy " + use.toCachePolicyId();
    }
    if (change instanceof DistributionChange.UseDefaultCachePolicy use) {
      return "default behaviour on cache policy " + use.toCachePolicyId();
    }
    if (change instanceof DistributionChange.UseResponseHeadersPolicy use) {
      return "cache behaviour " + use.pathPattern() + " with response headers policy "
          + use.toResponseHeadersPolicyId();
    }
    if (change instanceof DistributionChange.UseDefaultResponseHeadersPolicy use) {
      return "default behaviour with response headers policy " + use.toResponseHeadersPolicyId();
    }
    if (change instanceof DistributionChange.UseOriginSettings use) {
      return "origin " + use.originId() + " with " + use.settings();
    }
    if (change instanceof DistributionChange.RemoveOrigin remove) {
      return "placeholder origin " + remove.originId() + " removed";
    }
    return change.toString();
  }

  /** A builder of a linked channel. */
  public static Builder builder() {
    return new Builder();
  }

  /** One line: channel, distribution, endpoint count, and served or what is missing. */
  @Override
  public String toString() {
    return channel() + " -> " + distribution() + ", " + endpoints() + " endpoint" + (endpoints() == 1 ? "" : "s")
        + ": " + (served() ? "serves every endpoint"
            : unknown().map(u -> "cannot tell (" + u + ")").orElse("missing " + String.join(", ", missingDescribed())));
  }

  /** Builds a {@link LinkedChannel}. */
  public static class Builder extends ImmutableLinkedChannel.Builder {}
}
