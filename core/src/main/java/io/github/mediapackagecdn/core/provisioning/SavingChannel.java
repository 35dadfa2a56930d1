package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.Attaching;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.Limits;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use case "save a live channel and get a distribution for it": the channel is created, or updated when it
 * differs from the spec, then, when the spec asks for it, the engine's {@link Attaching} gives it its distribution. A
 * CloudFront failure is reported beside the saved channel.
 */
final class SavingChannel {

  private static final Logger log = LoggerFactory.getLogger(SavingChannel.class);

  private final Channels channels;
  private final CdnSettings settings;
  private final Attaching<Channel, OriginEndpoint> attaching;
  private final Listeners listeners;

  SavingChannel(Channels channels, CdnSettings settings, Attaching<Channel, OriginEndpoint> attaching,
      Listeners listeners) {
    this.listeners = listeners;
    this.channels = channels;
    this.settings = settings;
    this.attaching = attaching;
  }

  ChannelSaveResult save(ChannelSpec spec) {
    refuseReservedTag(spec, settings);
    refuseOverQuota(spec, settings);
    AtomicBoolean created = new AtomicBoolean();
    Channel channel = saveInMediaPackage(spec, created);
    if (!spec.createDistribution()) {
      return ChannelSaveResult.of(channel, CdnOutcome.of(CdnOutcome.Action.NOT_REQUESTED));
    }
    return ChannelSaveResult.of(channel, listeners.reporting(channel.id().ref(), Optional.empty(),
        () -> created.get()
            ? attaching.attachToNew(channel, spec.distributionComment(), spec.distributionTags())
            : attaching.attach(channel, spec.distributionComment(), spec.distributionTags())));
  }

  /**
   * Refuses a spec that sets the library's own channel tag, before any call: the check a save and its dry run make.
   *
   * @throws ValidationException when the spec's tags hold {@link CdnSettings#channelTagKey()}
   */
  static void refuseReservedTag(ChannelSpec spec, CdnSettings settings) {
    LinkTags.refuseReservedTag(spec.tags(), settings.channelTagKey());
  }

  /**
   * Refuses, before any call, a spec whose distribution would have more tags (the link tag included) than the
   * account's CloudFront quota allows: the check a save and its dry run make.
   *
   * @throws io.github.mediapackagecdn.core.error.QuotaExceededException naming the quota and the figures
   */
  static void refuseOverQuota(ChannelSpec spec, CdnSettings settings) {
    if (spec.createDistribution()) {
      Map<String, String> tags = new LinkedHashMap<>(spec.distributionTags());
      tags.put(settings.linkTagKey(), "<the channel's ARN>");
      settings.cloudFrontQuotas().refuseTags("the distribution of channel " + spec.id(), tags);
    }
  }

  /**
   * Refuses a channel whose ARN is too long to be the value of its distribution's link tag, which CloudFront would
   * refuse: such a channel can never get its distribution.
   *
   * @throws ValidationException with the ARN's length and the limit
   */
  static void refuseLinkTagValue(Channel channel) {
    ValidationException.throwIfAny(Limits.linkTagValueProblem(channel.id().value(), channel.arn().value().length(),
        false).stream().toList());
  }

  /** Saves the channel; {@code created} is set when this call created it (its ARN is new). */
  private Channel saveInMediaPackage(ChannelSpec spec, AtomicBoolean created) {
    Instant start = listeners.now();
    Optional<Channel> existing = channels.find(spec.channelId());
    if (existing.isPresent() && spec.createDistribution()) {
      refuseLinkTagValue(existing.get()); // before the channel is written; a new channel's ARN is checked once made
    }
    if (existing.isPresent() && UnchangedState.unchanged(spec, existing.get())) {
      log.debug("channel {} is unchanged", spec.id());
      return saved(existing.get(), "", start); // nothing to write
    }
    Channel channel = existing.isPresent()
        ? channels.update(spec)
        : createOrUpdate(() -> {
          Channel made = channels.create(creation(spec));
          created.set(true);
          return made;
        }, () -> channels.update(spec));
    log.debug("saved channel {} ({})", channel.id(), channel.arn());
    return saved(channel, existing.isPresent() ? "UpdateChannel" : "CreateChannel", start);
  }

  /**
   * What CreateChannel sends: the spec, and when it asks for a distribution, the channel tag with the "requested"
   * marker, given with the channel rather than by a TagResource of its own, so that a creation cut off stays
   * detectable from the first moment (see
   * {@link io.github.mediapackagecdn.core.cdn.DistributionResolver#recordRequest}).
   */
  private ChannelSpec creation(ChannelSpec spec) {
    if (!spec.createDistribution()) {
      return spec;
    }
    Map<String, String> tags = new LinkedHashMap<>(spec.tags());
    tags.put(settings.channelTagKey(), CdnSettings.CHANNEL_TAG_REQUESTED);
    // the flag only reserves the tag's slot in the spec's checks: the tag is in the map now
    return ChannelSpec.builder().from(spec).tags(tags).createDistribution(false).build();
  }

  private Channel saved(Channel channel, String operation, Instant start) {
    listeners.emit(Listeners.event(ProvisioningEvent.Step.CHANNEL_SAVED, channel.id()).operation(operation)
        .duration(listeners.since(start)));
    return channel;
  }

  /** Creates, or updates what another writer created a moment ago (MediaPackage answers "already exists"). */
  static <T> T createOrUpdate(Supplier<T> create, Supplier<T> update) {
    try {
      return create.get();
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
        throw e;
      }
      return update.get();
    }
  }
}
