package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Limits;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a channel's distribution through a path that does not lag, and says what it can when it finds none; one set
 * of rules for both MediaPackage versions. Public only for the two facades' packages: not API.
 *
 * <p>The rules:
 * <ol>
 *   <li>The channel tag (read with the channel, no lag) names the distribution the library created or adopted. It is
 *       used only if that distribution's own link tag, read from CloudFront (ListTagsForResource, no lag), still has
 *       the channel's ARN: the link tag stays the authority, and a changed or removed link tag ends management. A
 *       lookup that does not lag reads those very tags, so its answer confirms the recorded distribution without a
 *       second read.</li>
 *   <li>The tag index (which lags after a create) is asked too, without the recorded distribution if its link ended.
 *       Two different distributions between the two answers are an ambiguous link, refused.</li>
 *   <li>A channel tag {@value LinkTags#SERVED_BY_GROUP} (a channel moved to its group's distribution) is
 *       {@code NO_DISTRIBUTION} at once: a distribution still linked to the channel is no longer its own.</li>
 *   <li>None found: {@code REQUESTED_BUT_MISSING} if the channel tag holds the "requested" marker
 *       ({@value LinkTags#REQUESTED}); {@code NO_DISTRIBUTION} if the recorded distribution's link ended or the channel
 *       has no tag and channel tags are read after write; otherwise {@code NOT_VISIBLE_YET}, since a tag just written
 *       may not show yet.</li>
 * </ol>
 *
 * @param <C> the side's channel, as read
 */
public final class DistributionResolver<C> {

  private static final Logger log = LoggerFactory.getLogger(DistributionResolver.class);

  private final LinkTags<C> linkTags;
  private final boolean channelTagsReadAfterWrite;
  private final Duration visibilityTimeout;

  /**
   * The rules over {@code linkTags}; {@code channelTagsReadAfterWrite} says whether a channel tag just written shows at
   * once, {@code visibilityTimeout} when to reconcile when it may not.
   */
  public DistributionResolver(LinkTags<C> linkTags, boolean channelTagsReadAfterWrite, Duration visibilityTimeout) {
    this.linkTags = linkTags;
    this.channelTagsReadAfterWrite = channelTagsReadAfterWrite;
    this.visibilityTimeout = visibilityTimeout;
  }

  /**
   * What the lookup found: a distribution, or the outcome to report when there is none.
   *
   * @param id the channel's distribution, if one was found
   * @param recorded whether the channel tag names it already
   * @param none the outcome to report when none was found; null when one was
   */
  public record Resolution(Optional<DistributionId> id, boolean recorded, CdnOutcome none) {

    /** A distribution found, named by the channel tag already when {@code recorded}. */
    public static Resolution found(DistributionId id, boolean recorded) {
      return new Resolution(Optional.of(id), recorded, null);
    }

    /** None found, and the outcome that says so. */
    public static Resolution none(CdnOutcome outcome) {
      return new Resolution(Optional.empty(), false, outcome);
    }

    /** Whether the channel tag holds the "requested" marker or a distribution other than the one found. */
    public boolean needsRecording() {
      return id.isPresent() && !recorded;
    }
  }

  /** The channel's distribution by the rules above, or the outcome to report when it has none. */
  public Resolution resolve(C channel) {
    if (linkTags.servedByGroup(channel)) { // moved to its group's distribution on request: one of its own is not used
      return Resolution.none(CdnOutcome.of(CdnOutcome.Action.NO_DISTRIBUTION));
    }
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
    ChannelRef ref = linkTags.channels().ref(channel);
    if (tag.requested()) {
      return Resolution.none(CdnOutcome.advising(CdnOutcome.Action.REQUESTED_BUT_MISSING, "channel " + ref
          + " asked for a distribution and has none recorded or visible: its creation failed, was cut off or is under way."
          + " Save the channel again (with createDistribution); it creates the distribution, or adopts the one already"
          + " made, never a second"));
    }
    if (recorded.isPresent() || channelTagsReadAfterWrite) {
      return Resolution.none(CdnOutcome.of(CdnOutcome.Action.NO_DISTRIBUTION));
    }
    return Resolution.none(CdnOutcome.advising(CdnOutcome.Action.NOT_VISIBLE_YET, "no distribution of channel "
        + ref + " is visible yet, but the channel tag and the tag index may lag: call reconcile after "
        + visibilityTimeout.toSeconds() + " s"));
  }

  /**
   * Records on the channel that it asked for a distribution, before the creation, so that a creation cut off is
   * reported as such. Nothing is written when the channel tag holds the marker already.
   *
   * @throws QuotaExceededException when the channel has {@value Limits#MAX_TAGS} tags and not the channel tag
   */
  public void recordRequest(C channel) {
    write(channel, LinkTags.REQUESTED);
  }

  /**
   * Records the channel's distribution on the channel; nothing is written when the tag names it already.
   *
   * @throws QuotaExceededException when the channel has {@value Limits#MAX_TAGS} tags and not the channel tag
   */
  public void record(C channel, DistributionId id) {
    write(channel, id.value());
  }

  /** Writes the channel tag alone (TagResource keeps the channel's other tags), unless it has the value already. */
  private void write(C channel, String value) {
    TaggedChannels<C> channels = linkTags.channels();
    String key = linkTags.channelTagKey();
    Map<String, String> tags = channels.tags(channel);
    if (value.equals(tags.get(key))) {
      return;
    }
    if (!tags.containsKey(key) && tags.size() >= Limits.MAX_TAGS) {
      throw new QuotaExceededException("channel " + channels.ref(channel) + " has " + tags.size() + " tags, the most"
          + " MediaPackage allows; remove one so the library can record the channel's distribution on tag " + key);
    }
    channels.tag(channel, Map.of(key, value));
    log.debug("recorded {}={} on channel {}", key, value, channels.ref(channel));
  }
}
