package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.Distributions;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The use case "what would the next save or reconcile change?", read-only: it finds the channel's distribution as a
 * save does, reads it, and builds the plan with {@link DistributionPlan#updating}, the code the updater applies. A
 * dry run of a save checks its input as the save does ({@link EndpointBatch}, {@link SavingChannel#refuseReservedTag})
 * and plans with the endpoints as they would be saved. Never writes, never remembers a CDN identifier.
 *
 * <p>A distribution that is not managed (none, link tag changed, ambiguous, ...) is a plan with its reason. What the
 * save would fail with otherwise (an AWS error, a CDN identifier mismatch, several egress hosts) is thrown.
 */
final class Planning {

  private final Channels channels;
  private final Distributions distributions;
  private final LinkResolution<Channel> links;
  private final LinkTags<Channel> linkTags;
  private final CdnIdentifiers identifiers;
  private final VisibilityWait visibility;
  private final CdnSettings settings;
  private final LiveCdnSettings layout;

  Planning(Channels channels, Distributions distributions, LinkResolution<Channel> links, LinkTags<Channel> linkTags,
      CdnIdentifiers identifiers, VisibilityWait visibility, CdnSettings settings, LiveCdnSettings layout) {
    this.channels = channels;
    this.distributions = distributions;
    this.links = links;
    this.linkTags = linkTags;
    this.identifiers = identifiers;
    this.visibility = visibility;
    this.settings = settings;
    this.layout = layout;
  }

  /**
   * What reconciling the channel, or saving one of its endpoints unchanged, would change.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the channel does not exist
   */
  DistributionPlan plan(ChannelId channelId) {
    Channel channel = NotFound.existingChannel(channels, channelId);
    Resolved found = resolve(channel);
    if (found.id().isEmpty()) {
      return found.notManaged();
    }
    return update(channel, found.id().get(), channels.endpointsOf(channelId), identifiers::identifierFor, true,
        found.resolution().needsRecording());
  }

  /** What saving {@code specs} would change, with the save's checks; nothing is saved. */
  DistributionPlan planSave(List<EndpointSpec> specs) {
    EndpointBatch batch = EndpointBatch.check(specs, channels, visibility);
    Channel channel = batch.channel();
    Resolved found = resolve(channel);
    if (found.id().isEmpty()) {
      return found.notManaged();
    }
    List<OriginEndpoint> listed = channels.endpointsOf(channel.id());
    return update(channel, found.id().get(), batch.asSaved(listed), batch.identifierOf(identifiers),
        batch.host(listed).isPresent(), false);
  }

  /** What saving the channel spec would change, with the save's checks; nothing is saved. */
  DistributionPlan planSave(ChannelSpec spec) {
    SavingChannel.refuseReservedTag(spec, settings);
    SavingChannel.refuseOverQuota(spec, settings);
    ChannelId channelId = spec.channelId();
    if (!spec.createDistribution()) {
      return DistributionPlan.notManaged(channelId, DistributionPlan.Reason.NOT_REQUESTED, "the spec does not ask "
          + "for a distribution (createDistribution is false): saving it changes no distribution");
    }
    String comment = spec.distributionComment().orElseGet(() -> DistributionLayout.defaultComment(channelId, settings));
    Optional<Channel> existing = channels.find(channelId);
    if (existing.isEmpty()) {
      return DistributionPlan.builder().channelId(channelId).newDistribution(DistributionPlan.NewDistribution.builder()
          .comment(comment).tags(spec.distributionTags()).linkTagKey(settings.linkTagKey()).channelArnKnown(false)
          .build()).recordsDistributionOnChannel(true).build();
    }
    Channel channel = existing.get();
    Resolved found = resolve(channel);
    List<OriginEndpoint> endpoints = channels.endpointsOf(channelId);
    if (found.id().isPresent()) {
      return update(channel, found.id().get(), endpoints, identifiers::identifierFor, true,
          found.resolution().needsRecording());
    }
    if (found.resolution() == null) {
      return found.notManaged(); // ambiguous: the save fails, and creates nothing
    }
    DistributionConfig created = DistributionLayout.newDistribution(channelId,
        DistributionLayout.callerReference(channel.arn(), 0), comment, settings, layout);
    return DistributionPlan.builder().channelId(channelId)
        .newDistribution(DistributionPlan.NewDistribution.builder().comment(comment)
            .tags(DistributionLayout.tags(channel, spec.distributionTags(), settings))
            .linkTagKey(settings.linkTagKey()).channelArnKnown(true).build())
        .changes(DistributionPlan.changes(created, endpoints, settings, layout, identifiers::identifierFor))
        .recordsDistributionOnChannel(true).build();
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

  private Resolved resolve(Channel channel) {
    DistributionResolver.Resolution resolution;
    try {
      resolution = links.resolve(channel);
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.AMBIGUOUS_LINK) {
        throw e;
      }
      return new Resolved(null,
          DistributionPlan.notManaged(channel.id(), DistributionPlan.Reason.AMBIGUOUS_LINK, e.getMessage()));
    }
    if (resolution.id().isPresent()) {
      return new Resolved(resolution, null);
    }
    CdnOutcome none = resolution.none();
    return new Resolved(resolution, switch (none.action()) {
      case REQUESTED_BUT_MISSING -> DistributionPlan.notManaged(channel.id(),
          DistributionPlan.Reason.REQUESTED_BUT_MISSING, none.advice().orElseThrow());
      case NOT_VISIBLE_YET -> DistributionPlan.notManaged(channel.id(), DistributionPlan.Reason.NOT_VISIBLE_YET,
          none.advice().orElseThrow());
      default -> linkTags.channelTag(channel).recorded()
          .map(recorded -> DistributionPlan.notManaged(channel.id(), DistributionPlan.Reason.LINK_TAG_CHANGED,
              "distribution " + recorded + " recorded on channel " + channel.id() + " no longer carries the tag "
                  + settings.linkTagKey() + "=" + channel.arn().value() + " (changed, removed, or the "
                  + "distribution is gone): the library no longer manages it, and a save changes no distribution"))
          .orElseGet(() -> DistributionPlan.notManaged(channel.id(), DistributionPlan.Reason.NO_DISTRIBUTION,
              "channel " + channel.id() + " has no distribution: it never asked for one, and none carries the tag "
                  + settings.linkTagKey() + "=" + channel.arn().value()
                  + ". Save the channel with createDistribution, or attach one"));
    });
  }

  /** The plan of the update of distribution {@code id}, read as the updater reads it. */
  private DistributionPlan update(Channel channel, DistributionId id, List<OriginEndpoint> endpoints,
      Function<OriginEndpoint, Optional<CdnIdentifier>> identifierOf, boolean hostKnown, boolean record) {
    if (endpoints.isEmpty()) {
      return DistributionPlan.builder().channelId(channel.id()).distributionId(id).recordsDistributionOnChannel(record)
          .build();
    }
    DistributionConfig current = visibility.until(channel.id().ref(), "GetDistribution", () -> distributions.find(id))
        .orElseThrow(() -> NotFound.distribution(id)).config();
    DistributionPlan plan = DistributionPlan.updating(channel.id(), id, current, endpoints, settings, layout,
        identifierOf);
    settings.cloudFrontQuotas().refuseChanges("distribution " + id, current, plan.changes()); // as the save would
    return DistributionPlan.builder().from(plan).egressHostKnown(hostKnown).recordsDistributionOnChannel(record)
        .build();
  }
}
