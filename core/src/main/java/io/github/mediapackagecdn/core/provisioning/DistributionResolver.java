package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.Channels;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a channel's distribution through a path that does not lag, and says what it can when it finds none.
 *
 * <p>The rules:
 * <ol>
 *   <li>The channel tag {@link LiveCdnSettings#channelTagKey()} (read with the channel, no lag) names the distribution
 *       the library created or adopted. It is used only if that distribution's own link tag, read from CloudFront
 *       (ListTagsForResource, no lag), still has the channel's ARN: the link tag stays the authority, and a changed or
 *       removed link tag ends management. A lookup that does not lag reads those very tags, so its answer confirms
 *       the recorded distribution without a second read.</li>
 *   <li>The tag index (which lags after a create) is asked too, without the recorded distribution if its link ended.
 *       Two different distributions between the two answers are an ambiguous link, refused.</li>
 *   <li>None found: {@code REQUESTED_BUT_MISSING} if the channel tag holds {@link
 *       LiveCdnSettings#CHANNEL_TAG_REQUESTED}; {@code NO_DISTRIBUTION} if the recorded distribution's link ended or
 *       the channel has no tag and {@link LiveCdnSettings#channelTagsReadAfterWrite()} holds; otherwise {@code
 *       NOT_VISIBLE_YET}, since a tag just written may not show yet.</li>
 * </ol>
 */
final class DistributionResolver {

  private static final Logger log = LoggerFactory.getLogger(DistributionResolver.class);

  /** A channel has at most 50 tags (MediaPackage). */
  private static final int MAX_CHANNEL_TAGS = 50;

  private final Channels channels;
  private final LinkTags linkTags;
  private final LiveCdnSettings settings;

  DistributionResolver(Channels channels, LinkTags linkTags, LiveCdnSettings settings) {
    this.channels = channels;
    this.linkTags = linkTags;
    this.settings = settings;
  }

  /** What the lookup found: a distribution, or the outcome to report when there is none. */
  record Resolution(Optional<DistributionId> id, boolean recorded, CdnOutcome none) {

    static Resolution found(DistributionId id, boolean recorded) {
      return new Resolution(Optional.of(id), recorded, null);
    }

    static Resolution none(CdnOutcome outcome) {
      return new Resolution(Optional.empty(), false, outcome);
    }

    /** Whether the channel tag holds the "requested" marker or a distribution other than the one found. */
    boolean needsRecording() {
      return id.isPresent() && !recorded;
    }
  }

  Resolution resolve(Channel channel) {
    LinkTags.ChannelTag tag = linkTags.channelTag(channel);
    Optional<DistributionId> recorded = tag.recorded();
    List<DistributionId> indexed = linkTags.indexed(channel);
    // an index that lags is confirmed by the link tag read from CloudFront; one that does not lag is that link tag
    Optional<DistributionId> confirmed = recorded
        .filter(id -> linkTags.lags() ? linkTags.namesChannel(id, channel) : indexed.contains(id));
    Set<DistributionId> found = new LinkedHashSet<>();
    confirmed.ifPresent(found::add);
    // the index may still show a distribution whose link tag CloudFront says was changed: the link tag decides
    indexed.stream()
        .filter(id -> confirmed.isPresent() || !recorded.map(id::equals).orElse(false))
        .forEach(found::add);
    Optional<DistributionId> linked = linkTags.atMostOne(channel, found, LinkTags.ON_SAVE);
    if (linked.isPresent()) {
      return Resolution.found(linked.get(), recorded.equals(linked));
    }
    if (tag.requested()) {
      return Resolution.none(CdnOutcome.advising(CdnOutcome.Action.REQUESTED_BUT_MISSING, "channel " + channel.id()
          + " asked for a distribution and has none recorded or visible: its creation failed, was cut off or is under way."
          + " Save the channel again (with createDistribution); it creates the distribution, or adopts the one already"
          + " made, never a second"));
    }
    if (recorded.isPresent() || settings.channelTagsReadAfterWrite()) {
      return Resolution.none(CdnOutcome.of(CdnOutcome.Action.NO_DISTRIBUTION));
    }
    return Resolution.none(CdnOutcome.advising(CdnOutcome.Action.NOT_VISIBLE_YET, "no distribution of channel "
        + channel.id() + " is visible yet, but the channel tag and the tag index may lag: call reconcile after "
        + settings.visibilityTimeout().toSeconds() + " s"));
  }

  /**
   * Records on the channel that it asked for a distribution, before the creation, so that a creation cut off is
   * reported as such. Nothing is written when the channel tag holds the marker already.
   */
  void recordRequest(Channel channel) {
    write(channel, LiveCdnSettings.CHANNEL_TAG_REQUESTED);
  }

  /** Records the channel's distribution on the channel; nothing is written when the tag names it already. */
  void record(Channel channel, DistributionId id) {
    write(channel, id.value());
  }

  private void write(Channel channel, String value) {
    String key = settings.channelTagKey();
    if (value.equals(channel.tags().get(key))) {
      return;
    }
    if (!channel.tags().containsKey(key) && channel.tags().size() >= MAX_CHANNEL_TAGS) {
      throw new QuotaExceededException("channel " + channel.id() + " has " + channel.tags().size() + " tags, the most"
          + " MediaPackage allows; remove one so the library can record the channel's distribution on tag " + key);
    }
    channels.tag(channel.arn(), Map.of(key, value));
    log.debug("recorded {}={} on channel {}", key, value, channel.id());
  }
}
