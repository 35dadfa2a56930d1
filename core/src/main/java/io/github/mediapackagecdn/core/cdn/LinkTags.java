package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of the two tags that link a channel and its distribution, each defined once for both MediaPackage
 * versions: the distribution's link tag (its value is the channel ARN; it is the authority), and the channel tag (the
 * distribution id the library recorded, or the "requested" marker {@value #REQUESTED}). Public only for the two
 * facades' packages: not API.
 *
 * @param <C> the side's channel, as read
 */
public final class LinkTags<C> {

  /** What to do about an ambiguous link when saving. */
  public static final String ON_SAVE = "keep the tag on the one that serves channel %s and remove it from the others";
  /** What to do about an ambiguous link when tearing down. */
  public static final String ON_TEARDOWN = "nothing was deleted. Keep the tag on the one that serves channel %s, "
      + "remove it from the others, and tear down again";
  /**
   * The value of the channel tag while the channel has asked for a distribution and none is recorded yet: a save cut
   * off between asking CloudFront and recording the id leaves it, and it says "save the channel again".
   */
  public static final String REQUESTED = "requested";
  /**
   * The value of the channel tag of a channel moved, on request, to a distribution shared by its group: the channel is
   * served by that distribution, even while one linked to the channel itself is still in place (until torn down).
   */
  public static final String SERVED_BY_GROUP = "channel-group";
  /**
   * What follows {@link #SERVED_BY_GROUP} in the channel tag when the move deleted the channel's own distribution:
   * {@code channel-group:<id>}. The deleted id stays recorded so that a later distribution of the channel's own can
   * prove its predecessor deleted (CloudFront may keep a deleted distribution's CallerReference taken).
   */
  private static final String DELETED_BY_MOVE = SERVED_BY_GROUP + ":";

  private static final Logger log = LoggerFactory.getLogger(LinkTags.class);

  private final TaggedChannels<C> channels;
  private final DistributionLinks links;
  private final String linkTagKey;
  private final String channelTagKey;

  /**
   * The rules for the channels of one side, whose distributions {@code links} finds by {@code linkTagKey}, and on
   * which the library records the distribution under {@code channelTagKey}.
   */
  public LinkTags(TaggedChannels<C> channels, DistributionLinks links, String linkTagKey, String channelTagKey) {
    this.channels = channels;
    this.links = links;
    this.linkTagKey = linkTagKey;
    this.channelTagKey = channelTagKey;
  }

  /** What the channel tag says: the "requested" marker, or the distribution id recorded, or nothing. */
  public record ChannelTag(boolean requested, Optional<DistributionId> recorded) {}

  /** The channels these rules read and tag. */
  TaggedChannels<C> channels() {
    return channels;
  }

  /** The key of the channel tag. */
  String channelTagKey() {
    return channelTagKey;
  }

  /** The key of the distribution's link tag. */
  String linkTagKey() {
    return linkTagKey;
  }

  /**
   * Refuses, before any call, a user's channel tags that hold the library's own channel tag key: that tag records the
   * channel's distribution, and only the library writes it.
   *
   * @throws ValidationException when {@code tags} hold {@code channelTagKey}
   */
  public static void refuseReservedTag(Map<String, String> tags, String channelTagKey) {
    if (tags.containsKey(channelTagKey)) {
      throw new ValidationException("tag key '" + channelTagKey + "' is the library's own: it records the channel's"
          + " distribution; choose another key");
    }
  }

  /**
   * The tags of a new distribution, whichever MediaPackage version: the user's {@code extraTags}, and the link tag
   * (under the settings' key, which wins over a user's tag of that key), whose value is {@code linkValue}.
   */
  public static Map<String, String> newDistributionTags(String linkValue, Map<String, String> extraTags,
      CdnSettings settings) {
    Map<String, String> tags = new LinkedHashMap<>(extraTags);
    tags.put(settings.linkTagKey(), linkValue);
    return tags;
  }

  /** The channel, named without loss. */
  public ChannelRef ref(C channel) {
    return channels.ref(channel);
  }

  /** The value of the link tag of the channel's distribution: the channel ARN. */
  public String linkValue(C channel) {
    return channels.arn(channel);
  }

  /** Whether the distribution's own link tag, read from CloudFront (no lag), still names the channel. */
  public boolean namesChannel(DistributionId id, C channel) {
    try {
      return links.tagValue(id, linkTagKey).filter(linkValue(channel)::equals).isPresent();
    } catch (ResourceNotFoundException e) {
      return false; // deleted
    }
  }

  /**
   * Whether the lookup's index may miss a link tag for a while after it is written (the tagging API's index); one
   * that does not lag (CloudFront's own tags) is as much the authority as {@link #namesChannel}, and needs no wait.
   */
  public boolean lags() {
    return links.lagsAfterWrite();
  }

  /** The distributions the tag index (which lags after a create) lists for the channel. */
  public List<DistributionId> indexed(C channel) {
    return links.find(linkTagKey, linkValue(channel));
  }

  /**
   * The one distribution linked to the channel, if any.
   *
   * @param advice what to do, {@link #ON_SAVE} or {@link #ON_TEARDOWN}, {@code %s} standing for the channel
   * @throws ResourceConflictException ({@code AMBIGUOUS_LINK}) when two distributions are linked
   */
  public Optional<DistributionId> atMostOne(C channel, Collection<DistributionId> linked, String advice) {
    if (linked.size() > 1) {
      throw new ResourceConflictException("distributions " + linked + " all carry the tag " + linkTagKey
          + "=" + linkValue(channel) + "; " + String.format(advice, channels.ref(channel)),
          ResourceConflictException.Reason.AMBIGUOUS_LINK, linkValue(channel));
    }
    return linked.stream().findFirst();
  }

  /**
   * The channel tag of a channel moved to its group's distribution by a move that deletes its own distribution
   * {@code deleted}: {@link #SERVED_BY_GROUP}, then the deleted id.
   */
  public static String servedByGroupAfterDeleting(DistributionId deleted) {
    return DELETED_BY_MOVE + deleted.value();
  }

  /**
   * Whether the channel tag holds {@link #SERVED_BY_GROUP} (alone, or with the id a move deleted): the channel was
   * moved to its group's distribution.
   */
  public boolean servedByGroup(C channel) {
    String value = channels.tags(channel).get(channelTagKey);
    return SERVED_BY_GROUP.equals(value) || value != null && value.startsWith(DELETED_BY_MOVE);
  }

  /**
   * The channel's own distribution that its move to the group's deleted, recorded in the channel tag after
   * {@link #SERVED_BY_GROUP}; empty otherwise (a value that is no distribution id is ignored).
   */
  public Optional<DistributionId> deletedByMove(C channel) {
    String value = channels.tags(channel).get(channelTagKey);
    if (value == null || !value.startsWith(DELETED_BY_MOVE)) {
      return Optional.empty();
    }
    try {
      return Optional.of(DistributionId.of(value.substring(DELETED_BY_MOVE.length())));
    } catch (ValidationException e) {
      log.debug("channel {} tag value '{}' names no distribution id; ignored", channels.ref(channel), value);
      return Optional.empty();
    }
  }

  /** Parses the channel tag; a value that is no distribution id is ignored. */
  public ChannelTag channelTag(C channel) {
    String value = channels.tags(channel).get(channelTagKey);
    if (value == null || value.equals(SERVED_BY_GROUP) || value.startsWith(DELETED_BY_MOVE)) {
      return new ChannelTag(false, Optional.empty());
    }
    if (value.equals(REQUESTED)) {
      return new ChannelTag(true, Optional.empty());
    }
    try {
      return new ChannelTag(false, Optional.of(DistributionId.of(value)));
    } catch (ValidationException e) {
      log.debug("channel {} tag value '{}' is not a distribution id; ignored", channels.ref(channel), value);
      return new ChannelTag(false, Optional.empty());
    }
  }
}
