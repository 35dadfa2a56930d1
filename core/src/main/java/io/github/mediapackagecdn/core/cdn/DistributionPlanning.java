package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Distributions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The plan algorithm, once for both MediaPackage versions: "what would the next save or reconcile change?", read-only.
 * It finds the channel's distribution as a save does ({@link LinkResolution}), reads it as the updater reads it, asks
 * the side's {@link Layout} for the changes (the code the side's updater planner applies, so that the plan equals
 * what the save sends), and checks them against the account's quotas as the save would. A distribution that is not
 * managed (none, link tag changed, ambiguous, requested but missing, not visible yet) is a plan with its reason. Never
 * writes. Public only for the two facades' packages: not API.
 *
 * @param <C> the side's channel, as read
 */
public final class DistributionPlanning<C> {

  /**
   * What one side says of the save planned, for a distribution as read; asked for once the distribution is found, so
   * that a plan reads as the save does, in the same order.
   */
  public interface Layout {

    /** False when the channel has no endpoint, even as the save would leave them: then nothing is read or changed. */
    default boolean hasEndpoints() {
      return true;
    }

    /**
     * The changes {@code current} needs, exactly as the side's updater would plan them; throws what the save would
     * throw (a CDN identifier mismatch, say).
     */
    ChangeSet changesFor(DistributionConfig current);

    /**
     * What the save would write in MediaPackage besides, for {@code distribution} as read, or for a distribution not
     * created yet when it is null; none unless the side says so.
     */
    default List<DistributionPlan.PackagerWrite> packagerWrites(Distribution distribution) {
      return List.of();
    }

    /**
     * What the save would create in CloudFront before it writes the distribution (v2: the shared settings the
     * account has not got yet); none unless the side says so.
     */
    default List<DistributionPlan.CloudFrontWrite> cloudFrontWrites() {
      return List.of();
    }

    /** False when the endpoints' egress host is not known yet (v1's dry run of a channel's first endpoints). */
    default boolean egressHostKnown() {
      return true;
    }
  }

  private final Distributions distributions;
  private final LinkResolution<C> links;
  private final LinkTags<C> linkTags;
  private final VisibilityWait visibility;
  private final CloudFrontQuotas quotas;

  /** Plans over the side's link rules, reading distributions through {@code distributions}. */
  public DistributionPlanning(Distributions distributions, LinkResolution<C> links, LinkTags<C> linkTags,
      VisibilityWait visibility, CloudFrontQuotas quotas) {
    this.distributions = distributions;
    this.links = links;
    this.linkTags = linkTags;
    this.visibility = visibility;
    this.quotas = quotas;
  }

  /**
   * What saving or reconciling {@code channel} would change: its distribution as found, read and given what the
   * {@code layout} (asked for once it is found) says; nothing is read of it when the channel has no endpoint. A
   * distribution that is not managed is a plan with its reason.
   */
  public DistributionPlan plan(C channel, Supplier<Layout> layout) {
    Resolved found = resolve(channel);
    if (found.id().isEmpty()) {
      return found.notManaged();
    }
    return update(channel, found.id().get(), found.resolution().needsRecording(), layout.get());
  }

  /**
   * What saving {@code channel} (it exists) with a distribution would change: as {@link #plan} when it has one;
   * otherwise the distribution the save would create ({@code created}, with {@code comment} and the user's
   * {@code tags} beside the link tag), and the changes {@code layout} gives it. Two distributions tagged for the
   * channel are a plan with reason {@code AMBIGUOUS_LINK}: the save creates nothing.
   */
  public DistributionPlan planSave(C channel, Supplier<Layout> layoutOf, String comment, Map<String, String> tags,
      Supplier<DistributionConfig> created) {
    Resolved found = resolve(channel);
    if (found.id().isPresent()) {
      return update(channel, found.id().get(), found.resolution().needsRecording(), layoutOf.get());
    }
    if (found.resolution() == null) {
      return found.notManaged(); // ambiguous: the save fails, and creates nothing
    }
    Layout layout = layoutOf.get();
    boolean hasEndpoints = layout.hasEndpoints();
    Map<String, String> withLink = new LinkedHashMap<>(tags);
    withLink.put(linkTags.linkTagKey(), linkTags.linkValue(channel));
    DistributionConfig config = created.get();
    ChangeSet changes = hasEndpoints ? layout.changesFor(config) : ChangeSet.empty();
    quotas.refuseChanges("the distribution of channel " + linkTags.ref(channel), config, changes); // as the save would
    return DistributionPlan.builder().channel(linkTags.ref(channel))
        .newDistribution(DistributionPlan.NewDistribution.builder().comment(comment).tags(withLink)
            .linkTagKey(linkTags.linkTagKey()).channelArnKnown(true).build())
        .changes(changes)
        .packagerWrites(hasEndpoints ? layout.packagerWrites(null) : List.of())
        .cloudFrontWrites(layout.cloudFrontWrites()) // a distribution is created with them, endpoints or not
        .egressHostKnown(layout.egressHostKnown()).recordsDistributionOnChannel(true).build();
  }

  /**
   * What saving a channel that does not exist yet would do: create it, then a distribution with {@code comment} and
   * the user's {@code tags}, and the link tag whose value, the channel's ARN, MediaPackage gives.
   */
  public DistributionPlan planNewChannel(ChannelRef channel, String comment, Map<String, String> tags) {
    return planNewChannel(channel, comment, tags, List.of());
  }

  /**
   * {@link #planNewChannel(ChannelRef, String, Map)}, the save first creating {@code cloudFrontWrites} in CloudFront
   * (v2: the shared settings the account has not got yet).
   */
  public DistributionPlan planNewChannel(ChannelRef channel, String comment, Map<String, String> tags,
      List<DistributionPlan.CloudFrontWrite> cloudFrontWrites) {
    return DistributionPlan.builder().channel(channel).cloudFrontWrites(cloudFrontWrites).newDistribution(DistributionPlan.NewDistribution.builder()
        .comment(comment).tags(tags).linkTagKey(linkTags.linkTagKey()).channelArnKnown(false).build())
        .recordsDistributionOnChannel(true).build();
  }

  /** The plan of a channel spec that asks for no distribution: saving it changes none. */
  public static DistributionPlan notRequested(ChannelRef channel) {
    return DistributionPlan.notManaged(channel, DistributionPlan.Reason.NOT_REQUESTED, "the spec does not ask "
        + "for a distribution (createDistribution is false): saving it changes no distribution");
  }

  /**
   * The channel's distribution as a save finds it ({@code resolution}), or the plan that says why none is changed
   * ({@code notManaged}; {@code resolution} is null when the link is ambiguous).
   */
  private record Resolved(DistributionResolver.Resolution resolution, DistributionPlan notManaged) {
    Optional<DistributionId> id() {
      return notManaged == null ? resolution.id() : Optional.empty();
    }
  }

  private Resolved resolve(C channel) {
    ChannelRef ref = linkTags.ref(channel);
    DistributionResolver.Resolution resolution;
    try {
      resolution = links.resolve(channel);
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.AMBIGUOUS_LINK) {
        throw e;
      }
      return new Resolved(null,
          DistributionPlan.notManaged(ref, DistributionPlan.Reason.AMBIGUOUS_LINK, e.getMessage()));
    }
    if (resolution.id().isPresent()) {
      return new Resolved(resolution, null);
    }
    CdnOutcome none = resolution.none();
    String arn = linkTags.linkValue(channel);
    return new Resolved(resolution, switch (none.action()) {
      case REQUESTED_BUT_MISSING -> DistributionPlan.notManaged(ref,
          DistributionPlan.Reason.REQUESTED_BUT_MISSING, none.advice().orElseThrow());
      case NOT_VISIBLE_YET -> DistributionPlan.notManaged(ref, DistributionPlan.Reason.NOT_VISIBLE_YET,
          none.advice().orElseThrow());
      default -> linkTags.channelTag(channel).recorded()
          .map(recorded -> DistributionPlan.notManaged(ref, DistributionPlan.Reason.LINK_TAG_CHANGED,
              "distribution " + recorded + " recorded on channel " + ref + " no longer carries the tag "
                  + linkTags.linkTagKey() + "=" + arn + " (changed, removed, or the "
                  + "distribution is gone): the library no longer manages it, and a save changes no distribution"))
          .orElseGet(() -> DistributionPlan.notManaged(ref, DistributionPlan.Reason.NO_DISTRIBUTION,
              "channel " + ref + " has no distribution: it never asked for one, and none carries the tag "
                  + linkTags.linkTagKey() + "=" + arn + ". Save the channel with createDistribution, or attach one"));
    });
  }

  /** The plan of the update of distribution {@code id}, read as the updater reads it. */
  private DistributionPlan update(C channel, DistributionId id, boolean record, Layout layout) {
    ChannelRef ref = linkTags.ref(channel);
    if (!layout.hasEndpoints()) {
      return DistributionPlan.builder().channel(ref).distributionId(id).recordsDistributionOnChannel(record).build();
    }
    Distribution distribution = visibility.until(ref, "GetDistribution", () -> distributions.find(id))
        .orElseThrow(() -> new ResourceNotFoundException("distribution " + id + " does not exist", id.value()));
    ChangeSet changes = layout.changesFor(distribution.config());
    quotas.refuseChanges("distribution " + id, distribution.config(), changes); // as the save would
    return DistributionPlan.builder().channel(ref).distributionId(id).changes(changes)
        .packagerWrites(layout.packagerWrites(distribution)).cloudFrontWrites(layout.cloudFrontWrites())
        .egressHostKnown(layout.egressHostKnown())
        .recordsDistributionOnChannel(record).build();
  }
}
