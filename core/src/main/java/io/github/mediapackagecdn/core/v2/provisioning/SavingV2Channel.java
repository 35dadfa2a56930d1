package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.cdn.TakenReferences;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2Limits;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The use case "save a v2 channel and get a distribution for it": the channel is created in its group, or updated
 * with its ETag when its description differs, then, when asked, the channel gets one distribution: the one linked to
 * it, or a new one tagged with the channel ARN, its CallerReference derived from the ARN, so that a second creation
 * is refused by CloudFront and the first one adopted; endpoints saved before it are served at once, and a channel
 * saved again has its endpoints served, so a save that an earlier CloudFront failure left incomplete completes. With a secondary
 * Region, the channel is saved there too, with the same name, and has no distribution of its own. A CloudFront (or
 * secondary Region) failure is reported beside the saved channel.
 */
final class SavingV2Channel {

  private final ChannelGroups groups;
  private final Optional<ChannelGroups> secondary;
  private final Distributions distributions;
  private final V2Links links;
  private final SharedPolicies shared;
  private final ServingEndpoints serving;
  private final LiveCdnSettings settings;
  private final V2Events events;
  private final TakenReferences taken;

  SavingV2Channel(ChannelGroups groups, Optional<ChannelGroups> secondary, Distributions distributions, V2Links links,
      SharedPolicies shared, ServingEndpoints serving, LiveCdnSettings settings, V2Events events) {
    this.serving = serving;
    this.groups = groups;
    this.secondary = secondary;
    this.distributions = distributions;
    this.links = links;
    this.shared = shared;
    this.settings = settings;
    this.events = events;
    this.taken = new TakenReferences(events::now, settings.visibilityTimeout());
  }

  V2ChannelSaveResult save(V2ChannelSpec spec) {
    if (secondary.isPresent() && (spec.inputType() != InputType.CMAF || !spec.publishMediaQualityScore())) {
      throw new ValidationException("channel " + spec.id() + " is saved in two Regions for media quality-aware"
          + " resiliency, which compares the media quality scores of CMAF channels: give it input type CMAF and"
          + " publishMediaQualityScore(true)");
    }
    ChannelGroup group = V2NotFound.group(groups, spec.id().group());
    if (spec.createDistribution()) {
      shared.check(); // the distribution needs them: one found by name that is not the library's is refused first
    }
    Instant start = events.now();
    Saved saved = saveIn(groups, spec);
    V2Channel channel = saved.channel();
    events.emit(V2Events.event(ProvisioningEvent.Step.CHANNEL_SAVED, channel.id()).operation(saved.operation())
        .duration(events.since(start)));
    Optional<DistributionId> linked = Optional.empty();
    try {
      if (secondary.isPresent()) {
        V2NotFound.secondaryGroup(secondary.get(), spec.id().group());
        saveIn(secondary.get(), spec);
      }
      if (!spec.createDistribution()) {
        return new V2ChannelSaveResult(channel, CdnOutcome.of(CdnOutcome.Action.NOT_REQUESTED));
      }
      linked = links.resolve(channel);
      if (linked.isPresent()) { // saved again: the distribution gets what an earlier save could not give it
        List<V2Endpoint> endpoints = groups.endpointsOf(channel.id());
        return new V2ChannelSaveResult(channel, endpoints.isEmpty()
            ? CdnOutcome.of(CdnOutcome.Action.UNCHANGED, linked.get())
            : serving.serve(channel.id(), group, linked.get(), endpoints, endpoints, List.of(), Map.of())
                .outcome(linked.get(), endpoints));
      }
      CdnOutcome outcome = create(channel, group, spec);
      linked = outcome.distributionId();
      List<V2Endpoint> endpoints = groups.endpointsOf(channel.id());
      if (!endpoints.isEmpty()) { // saved before the distribution: it serves them at once
        serving.serve(channel.id(), group, linked.orElseThrow(), endpoints, endpoints, List.of(), Map.of());
      }
      return new V2ChannelSaveResult(channel, outcome);
    } catch (ProvisioningException e) {
      return new V2ChannelSaveResult(channel, events.failed(spec.id(), linked, e));
    }
  }

  /** The channel as saved in one Region's MediaPackage, and the operation that wrote it (empty when none did). */
  private record Saved(V2Channel channel, String operation) {}

  private Saved saveIn(ChannelGroups port, V2ChannelSpec spec) {
    Optional<V2Channel> existing = port.findChannel(spec.id());
    if (existing.isPresent() && existing.get().inputType() != spec.inputType()) {
      throw new ResourceConflictException("channel " + spec.id() + " has input type " + existing.get().inputType()
          + ", which MediaPackage never changes; the spec asks " + spec.inputType() + ": delete the channel and save"
          + " it again, or save it with input type " + existing.get().inputType(),
          ResourceConflictException.Reason.IMMUTABLE_SETTING, spec.id().toString());
    }
    if (existing.isPresent() && unchanged(existing.get(), spec)) {
      return new Saved(existing.get(), "");
    }
    if (existing.isPresent()) {
      return new Saved(update(port, existing.get(), spec), "UpdateChannel");
    }
    int channels = port.channelNames(spec.id().group()).size();
    if (channels >= V2Limits.MAX_CHANNELS_PER_GROUP) {
      throw new QuotaExceededException("channel group " + spec.id().group() + " has " + channels + " channels;"
          + " MediaPackage v2 allows " + V2Limits.MAX_CHANNELS_PER_GROUP + " a group");
    }
    try {
      return new Saved(port.createChannel(spec), "CreateChannel");
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
        throw e;
      }
      // another writer created it a moment ago; EtagRetry hands back the read itself when it sent no update
      V2Channel winner = V2NotFound.channel(port, spec.id());
      V2Channel saved = update(port, winner, spec);
      return new Saved(saved, saved == winner ? "" : "UpdateChannel");
    }
  }

  /** Whether the channel already is as the spec says: description and the media quality score published. */
  private static boolean unchanged(V2Channel channel, V2ChannelSpec spec) {
    return channel.description().equals(spec.description())
        && channel.publishMediaQualityScore() == spec.publishMediaQualityScore();
  }

  private V2Channel update(ChannelGroups port, V2Channel current, V2ChannelSpec spec) {
    return EtagRetry.update(current, V2Channel::etag, () -> V2NotFound.channel(port, spec.id()),
        read -> unchanged(read, spec), etag -> port.updateChannel(spec, etag),
        settings.maxUpdateAttempts());
  }

  /**
   * {@code CREATED} or {@code ADOPTED}, as v1's creation: a reference taken by this channel's distribution (another
   * instance's, or one whose tag is not indexed yet) adopts it; one whose holder is proven no longer linked (its link
   * tag, read from CloudFront, names another channel or none) gives way to the next generation, up to the settings'
   * bound; one whose holder does not show gives way only by v1's rule, {@link TakenReferences}: the distribution last
   * linked to the channel (as this instance saw it) is proven deleted, and the reference has been refused for the
   * visibility timeout, so over two saves (v2 does not wait). Otherwise it is a conflict, never a guess.
   */
  private CdnOutcome create(V2Channel channel, ChannelGroup group, V2ChannelSpec spec) {
    String comment = spec.distributionComment().orElseGet(() -> V2Layout.defaultComment(channel.id(), settings));
    Map<String, String> tags = V2Layout.tags(channel.arn(), spec.distributionTags(), settings);
    for (int generation = 0; generation < settings.maxCallerReferenceGenerations(); generation++) {
      String callerReference = V2Layout.callerReference(channel.arn(), generation);
      DistributionConfig config = V2Layout.newDistribution(group, callerReference, comment, shared.ids(), settings);
      Instant start = events.now();
      try {
        Distribution created = distributions.create(config, tags);
        links.remember(channel, created.id());
        events.emit(V2Events.event(ProvisioningEvent.Step.DISTRIBUTION_CREATED, channel.id())
            .distributionId(created.id()).operation("CreateDistributionWithTags").attempt(generation + 1)
            .duration(events.since(start)));
        return CdnOutcome.of(CdnOutcome.Action.CREATED, created.id());
      } catch (ResourceConflictException e) {
        if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
          throw e;
        }
        // the reference is taken: by this channel's distribution, whose tag is not indexed yet, by one no longer
        // linked, or by one deleted
        taken.refused(callerReference);
        Optional<DistributionId> indexed = links.indexed(channel);
        Optional<DistributionId> shown = indexed.isPresent() ? indexed
            : distributions.findByCallerReference(callerReference, comment);
        if (shown.isEmpty()) {
          taken.passOver(channel.id().toString(), callerReference,
              links.lastLinked(channel).filter(last -> distributions.find(last).isEmpty()));
          events.emit(V2Events.event(ProvisioningEvent.Step.CALLER_REFERENCE_GENERATION_TAKEN, channel.id())
              .operation("CreateDistributionWithTags").attempt(generation + 1).duration(events.since(start)));
          continue;
        }
        DistributionId holder = shown.get();
        taken.holderShown(callerReference);
        if (indexed.isPresent() || links.namesChannel(holder, channel)) {
          links.remember(channel, holder);
          events.emit(V2Events.event(ProvisioningEvent.Step.DISTRIBUTION_ADOPTED, channel.id())
              .distributionId(holder).operation("CreateDistributionWithTags").attempt(generation + 1)
              .duration(events.since(start)));
          return CdnOutcome.of(CdnOutcome.Action.ADOPTED, holder);
        }
        events.emit(V2Events.event(ProvisioningEvent.Step.CALLER_REFERENCE_GENERATION_TAKEN, channel.id())
            .distributionId(holder).operation("CreateDistributionWithTags").attempt(generation + 1)
            .duration(events.since(start)));
      }
    }
    throw new ResourceConflictException("the first " + settings.maxCallerReferenceGenerations()
        + " caller references of channel " + channel.id() + " are taken by distributions no longer linked to it",
        ResourceConflictException.Reason.ALREADY_EXISTS, channel.arn());
  }
}
