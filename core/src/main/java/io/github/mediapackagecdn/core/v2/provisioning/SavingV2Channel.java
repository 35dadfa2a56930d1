package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.cdn.Attaching;
import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.DistributionCreation;
import io.github.mediapackagecdn.core.cdn.Reconciling;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Limits;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2Limits;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The use case "save a v2 channel and get a distribution for it": the channel is created in its group, or updated
 * with its ETag when its description differs, then, when asked, the channel gets one distribution: the one linked to
 * it, or a new one tagged with the channel ARN, its CallerReference derived from the ARN, so that a second creation
 * is refused by CloudFront and the first one adopted; endpoints saved before it are served at once, and a channel
 * saved again has its endpoints served, so a save that an earlier CloudFront failure left incomplete completes. The
 * distribution is found and recorded on the channel by the engine's link rules, as v1's: the channel tag names it
 * (confirmed by its link tag, read from CloudFront), so another instance finds it while the tag index lags; the tag is
 * given with CreateChannel, or written just before CloudFront is asked, with the "requested" marker, then with the
 * distribution's id. A spec's tag with the library's key is refused before any call. With a secondary
 * Region, the channel is saved there too, with the same name, and has no distribution of its own. A CloudFront (or
 * secondary Region) failure is reported beside the saved channel. The CloudFront half is the engine's
 * {@link Attaching} (and {@link Reconciling}) over {@link V2Packager}, as v1's.
 */
final class SavingV2Channel {

  private final V2Side v2;
  private final LinkResolution<V2Channel> links;
  private final ServingEndpoints serving;
  private final DistributionCreation<V2Channel> creation;
  private final GroupDistributions groupScope;

  SavingV2Channel(V2Side v2, LinkTags<V2Channel> linkTags, LinkResolution<V2Channel> links,
      ServingEndpoints serving, GroupDistributions groupScope) {
    this.v2 = v2;
    this.groupScope = groupScope;
    this.serving = serving;
    this.links = links;
    this.creation = new DistributionCreation<>(v2.distributions(), linkTags, links, v2.visibility(),
        v2.settings().maxCallerReferenceGenerations(), v2.settings().visibilityTimeout(), v2.events().listeners());
  }

  /**
   * Gives an existing channel its distribution, as saving it with {@code createDistribution} would: the channel is
   * saved as it is (nothing written in MediaPackage), its distribution found, adopted or created, and its endpoints
   * served.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the group or channel does not exist
   */
  CdnOutcome attach(V2ChannelId id) {
    V2Channel channel = V2NotFound.channel(v2.groups(), id);
    return save(V2ChannelSpec.builder().id(id).description(channel.description()).inputType(channel.inputType())
        .publishMediaQualityScore(channel.publishMediaQualityScore()).createDistribution(true).build()).cdn();
  }

  /**
   * Brings the channel's distribution to what its endpoints need, with the idempotent merge of a save: never creates
   * a distribution, records on the channel one found through the tag index alone, writes nothing when nothing is
   * missing. A CloudFront failure is the outcome {@code FAILED}.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the group or channel does not exist
   */
  CdnOutcome reconcile(V2ChannelId id) {
    ChannelGroup group = V2NotFound.group(v2.groups(), id.group());
    V2Channel channel = V2NotFound.channel(v2.groups(), id);
    Reconciling<V2Channel, V2Endpoint> reconciling = new Reconciling<>(packager(group), links, v2.events().listeners());
    if (!groupScope.enabled()) {
      return reconciling.reconcile(channel);
    }
    try {
      DistributionResolver.Resolution found = links.resolve(channel);
      if (found.id().isPresent()) { // a distribution of its own: kept, and reconciled as in the channel scope
        return reconciling.reconcile(channel, found.id().get(), found.needsRecording());
      }
      DistributionResolver.Resolution byGroup = groupScope.resolve(group); // served by its group's, if it has one
      List<V2Endpoint> endpoints = v2.groups().endpointsOf(id);
      return byGroup.id().isEmpty() ? byGroup.none() : endpoints.isEmpty()
          ? CdnOutcome.of(CdnOutcome.Action.UNCHANGED, byGroup.id().get())
          : groupScope.serve(id, group, byGroup.id().get(), endpoints, endpoints, true).outcome();
    } catch (ProvisioningException e) {
      return v2.events().failed(id, Optional.empty(), e);
    }
  }

  V2ChannelSaveResult save(V2ChannelSpec spec) {
    LinkTags.refuseReservedTag(spec.tags(), v2.settings().channelTagKey());
    if (spec.createDistribution() && groupScope.enabled()) {
      // group scope: the channel is saved without a distribution of its own, then gets its group's; a channel that
      // has its own keeps it (nothing moves by itself) and is saved as in the channel scope
      Optional<V2Channel> existing = v2.groups().findChannel(spec.id());
      if (existing.isEmpty() || links.resolve(existing.get()).id().isEmpty()) {
        V2ChannelSaveResult saved = save(V2ChannelSpec.builder().from(spec).createDistribution(false).build());
        return new V2ChannelSaveResult(saved.channel(), groupScope.channelSaved(spec.id()));
      }
    }
    if (v2.secondary().isPresent() && (spec.inputType() != InputType.CMAF || !spec.publishMediaQualityScore())) {
      throw new ValidationException("channel " + spec.id() + " is saved in two Regions for media quality-aware"
          + " resiliency, which compares the media quality scores of CMAF channels: give it input type CMAF and"
          + " publishMediaQualityScore(true)");
    }
    ChannelGroup group = V2NotFound.group(v2.groups(), spec.id().group());
    Optional<V2Channel> existing = v2.groups().findChannel(spec.id());
    Lookup before = spec.createDistribution() ? refuseBeforeWriting(spec, group, existing) : Lookup.NOT_YET;
    if (spec.createDistribution()) {
      v2.shared().check(); // the distribution needs them: one found by name that is not the library's is refused first
    }
    Instant start = v2.events().now();
    Saved saved = saveIn(v2.groups(), spec, existing, creation(spec));
    V2Channel channel = saved.channel();
    v2.events().emit(V2Events.event(ProvisioningEvent.Step.CHANNEL_SAVED, channel.id()).operation(saved.operation())
        .duration(v2.events().since(start)));
    try {
      if (v2.secondary().isPresent()) {
        V2NotFound.secondaryGroup(v2.secondary().get(), spec.id().group());
        saveIn(v2.secondary().get(), spec, v2.secondary().get().findChannel(spec.id()), spec); // no channel tag there
      }
      if (!spec.createDistribution()) {
        return new V2ChannelSaveResult(channel, CdnOutcome.of(CdnOutcome.Action.NOT_REQUESTED));
      }
      Attaching<V2Channel, V2Endpoint> attaching =
          new Attaching<>(packager(group), links, creation, v2.events().listeners());
      return new V2ChannelSaveResult(channel, before.found().isPresent()
          ? attaching.attach(channel, before.found().get(), spec.distributionComment(), spec.distributionTags())
          : attaching.attach(channel, spec.distributionComment(), spec.distributionTags()));
    } catch (ProvisioningException e) {
      return new V2ChannelSaveResult(channel, v2.events().failed(spec.id(), before.linked(), e));
    }
  }

  /**
   * What CloudFront would refuse once the channel is written, refused before: a channel ARN too long for the link
   * tag's value, more distribution tags than the account's quota, cache policies over its quota of query strings, and
   * for a channel that has endpoints but no distribution yet, a new distribution that could not serve them within
   * the quotas. Writes nothing. Answers an existing channel's distribution as found (the save does not look it up
   * again); empty for a new channel, or when two distributions are tagged for it (the save reports that once the
   * channel is written).
   */
  private Lookup refuseBeforeWriting(V2ChannelSpec spec, ChannelGroup group, Optional<V2Channel> existing) {
    String arn = existing.map(V2Channel::arn).orElseGet(() -> V2Limits.channelArn(group.arn(), spec.id().channel()));
    ValidationException.throwIfAny(existing.isPresent()
        ? Limits.linkTagValueProblem(spec.id().toString(), arn.length(), false).stream().toList()
        : V2Limits.linkTagProblems(spec.id(), group.arn()));
    String distribution = "the distribution of channel " + spec.id();
    v2.settings().cloudFrontQuotas().refuseTags(distribution,
        V2Layout.tags(arn, spec.distributionTags(), v2.settings()));
    v2.shared().refuseOverQuota();
    if (existing.isEmpty()) {
      return Lookup.NOT_YET; // a new channel has no endpoint, and no distribution, yet
    }
    Optional<DistributionResolver.Resolution> found = links.resolveUnlessAmbiguous(existing.get());
    if (found.isEmpty()) {
      return Lookup.NOT_YET;
    }
    Optional<DistributionId> linked = found.get().id();
    List<V2Endpoint> endpoints = linked.isPresent() ? List.of() : v2.groups().endpointsOf(spec.id());
    if (!endpoints.isEmpty()) {
      Optional<ChannelGroup> secondGroup = v2.secondaryGroup(spec.id().group());
      String comment = spec.distributionComment().orElseGet(() -> V2Layout.defaultComment(spec.id(), v2.settings()));
      DistributionConfig config = V2Layout.newDistribution(group, V2Layout.callerReference(arn), comment,
          // counted, never sent: nothing is looked up or created for it
          v2.shared().knownOrStandIns(), v2.settings(), v2.v2Settings());
      serving.refuseOverQuota(distribution, null, config, spec.id(), group, secondGroup, endpoints,
          Optional.empty());
    }
    return new Lookup(found);
  }

  /** What the lookup of the channel's distribution before the writes found; empty when it was not made. */
  private record Lookup(Optional<DistributionResolver.Resolution> found) {
    static final Lookup NOT_YET = new Lookup(Optional.empty());

    Optional<DistributionId> linked() {
      return found.flatMap(DistributionResolver.Resolution::id);
    }
  }

  /** The channel as saved in one Region's MediaPackage, and the operation that wrote it (empty when none did). */
  private record Saved(V2Channel channel, String operation) {}

  /**
   * What CreateChannel sends in the first Region: the spec, and when it asks for a distribution, the channel tag with
   * the "requested" marker, given with the channel rather than by a TagResource of its own, so that a creation cut off
   * stays detectable from the first moment, as v1's.
   */
  private V2ChannelSpec creation(V2ChannelSpec spec) {
    if (!spec.createDistribution()) {
      return spec;
    }
    Map<String, String> tags = new LinkedHashMap<>(spec.tags());
    tags.put(v2.settings().channelTagKey(), LinkTags.REQUESTED);
    // the flag only reserves the tag's slot in the spec's checks: the tag is in the map now
    return V2ChannelSpec.builder().from(spec).tags(tags).createDistribution(false).build();
  }

  /**
   * Saves the channel in one Region, as {@code existing} was just read there, creating it with {@code creation} when
   * it does not exist.
   */
  private Saved saveIn(ChannelGroups port, V2ChannelSpec spec, Optional<V2Channel> existing,
      V2ChannelSpec creation) {
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
      return new Saved(port.createChannel(creation), "CreateChannel");
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
        throw e;
      }
      // another writer (or a try whose answer was lost) created it a moment ago, and MediaPackage may not show it
      // yet; EtagRetry hands back the read itself when it sent no update
      V2Channel winner = v2.visibility().until(spec.id().ref(), "GetChannel", () -> port.findChannel(spec.id()))
          .orElseThrow(() -> V2NotFound.noChannel(spec.id()));
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
        v2.settings().maxUpdateAttempts());
  }

  /** MediaPackage v2 under the engine's use cases, for the channels of {@code group}. */
  private V2Packager packager(ChannelGroup group) {
    return new V2Packager(v2, group, serving);
  }
}
