package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.DistributionPlanning;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The use case "what would the next save or reconcile change?", read-only: v1's side of the engine's
 * {@link DistributionPlanning}, which finds the channel's distribution as a save does, reads it, and asks v1's layout
 * ({@link DistributionLayout#changesFor}, the code the updater applies) for the changes. A dry run of a save checks
 * its input as the save does ({@link EndpointBatch}, {@link SavingChannel#refuseReservedTag}) and plans with the
 * endpoints as they would be saved. Never writes, never remembers a CDN identifier.
 *
 * <p>A distribution that is not managed (none, link tag changed, ambiguous, ...) is a plan with its reason. What the
 * save would fail with otherwise (an AWS error, a CDN identifier mismatch, several egress hosts) is thrown.
 */
final class Planning {

  private final Channels channels;
  private final DistributionPlanning<Channel> planning;
  private final CdnIdentifiers identifiers;
  private final VisibilityWait visibility;
  private final CdnSettings settings;
  private final LiveCdnSettings layoutSettings;

  Planning(Channels channels, DistributionPlanning<Channel> planning, CdnIdentifiers identifiers,
      VisibilityWait visibility, CdnSettings settings, LiveCdnSettings layoutSettings) {
    this.channels = channels;
    this.planning = planning;
    this.identifiers = identifiers;
    this.visibility = visibility;
    this.settings = settings;
    this.layoutSettings = layoutSettings;
  }

  /**
   * What reconciling the channel, or saving one of its endpoints unchanged, would change.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the channel does not exist
   */
  DistributionPlan plan(ChannelId channelId) {
    Channel channel = NotFound.existingChannel(channels, channelId);
    return planning.plan(channel, () -> layout(channels.endpointsOf(channelId), identifiers::identifierFor, true));
  }

  /** What saving {@code specs} would change, with the save's checks; nothing is saved. */
  DistributionPlan planSave(List<EndpointSpec> specs) {
    EndpointBatch batch = EndpointBatch.check(specs, channels, visibility);
    return planning.plan(batch.channel(), () -> {
      List<OriginEndpoint> listed = channels.endpointsOf(batch.channel().id());
      return layout(batch.asSaved(listed), batch.identifierOf(identifiers), batch.host(listed).isPresent());
    });
  }

  /** What saving the channel spec would change, with the save's checks; nothing is saved. */
  DistributionPlan planSave(ChannelSpec spec) {
    SavingChannel.refuseReservedTag(spec, settings);
    SavingChannel.refuseOverQuota(spec, settings);
    ChannelId channelId = spec.channelId();
    if (!spec.createDistribution()) {
      return DistributionPlanning.notRequested(channelId.ref());
    }
    String comment = spec.distributionComment().orElseGet(() -> DistributionLayout.defaultComment(channelId, settings));
    Optional<Channel> existing = channels.find(channelId);
    if (existing.isEmpty()) {
      return planning.planNewChannel(channelId.ref(), comment, spec.distributionTags());
    }
    Channel channel = existing.get();
    return planning.planSave(channel, () -> layout(channels.endpointsOf(channelId), identifiers::identifierFor, true),
        comment, spec.distributionTags(), () -> DistributionLayout.newDistribution(channelId,
            DistributionLayout.callerReference(channel.arn(), 0), comment, settings, layoutSettings));
  }

  /** v1's layout for {@code endpoints}: the changes the updater's planner ({@link EndpointUpdates}) gives. */
  private DistributionPlanning.Layout layout(List<OriginEndpoint> endpoints,
      Function<OriginEndpoint, Optional<CdnIdentifier>> identifierOf, boolean hostKnown) {
    return new DistributionPlanning.Layout() {
      @Override
      public boolean hasEndpoints() {
        return !endpoints.isEmpty();
      }

      @Override
      public ChangeSet changesFor(DistributionConfig current) {
        return DistributionLayout.changesFor(current, endpoints, settings, layoutSettings, identifierOf);
      }

      @Override
      public boolean egressHostKnown() {
        return hostKnown;
      }
    };
  }
}
