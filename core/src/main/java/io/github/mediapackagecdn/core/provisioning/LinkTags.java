package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of the two tags that link a channel and its distribution, each defined once: the distribution's link tag
 * {@link LiveCdnSettings#linkTagKey()} (its value is the channel ARN; it is the authority), and the channel tag
 * {@link LiveCdnSettings#channelTagKey()} (the distribution id the library recorded, or the "requested" marker).
 */
final class LinkTags {

  /** What to do about an ambiguous link when saving. */
  static final String ON_SAVE = "keep the tag on the one that serves channel %s and remove it from the others";
  /** What to do about an ambiguous link when tearing down. */
  static final String ON_TEARDOWN = "nothing was deleted. Keep the tag on the one that serves channel %s, remove it "
      + "from the others, and tear down again";

  private static final Logger log = LoggerFactory.getLogger(LinkTags.class);

  private final DistributionLinks links;
  private final LiveCdnSettings settings;

  LinkTags(DistributionLinks links, LiveCdnSettings settings) {
    this.links = links;
    this.settings = settings;
  }

  /** What the channel tag says: the "requested" marker, or the distribution id recorded, or nothing. */
  record ChannelTag(boolean requested, Optional<DistributionId> recorded) {}

  /** The value of the link tag of the channel's distribution: the channel ARN. */
  static String linkValue(Channel channel) {
    return channel.arn().value();
  }

  /** Whether the distribution's own link tag, read from CloudFront (no lag), still names the channel. */
  boolean namesChannel(DistributionId id, Channel channel) {
    try {
      return links.tagValue(id, settings.linkTagKey()).filter(linkValue(channel)::equals).isPresent();
    } catch (ResourceNotFoundException e) {
      return false; // deleted
    }
  }

  /**
   * Whether the lookup's index may miss a link tag for a while after it is written (the tagging API's index); one
   * that does not lag (CloudFront's own tags) is as much the authority as {@link #namesChannel}, and needs no wait.
   */
  boolean lags() {
    return links.lagsAfterWrite();
  }

  /** The distributions the tag index (which lags after a create) lists for the channel. */
  List<DistributionId> indexed(Channel channel) {
    return links.find(settings.linkTagKey(), linkValue(channel));
  }

  /**
   * The one distribution linked to the channel, if any.
   *
   * @param advice what to do, {@link #ON_SAVE} or {@link #ON_TEARDOWN}, {@code %s} standing for the channel id
   * @throws ResourceConflictException ({@code AMBIGUOUS_LINK}) when two distributions are linked
   */
  Optional<DistributionId> atMostOne(Channel channel, Collection<DistributionId> linked, String advice) {
    if (linked.size() > 1) {
      throw new ResourceConflictException("distributions " + linked + " all carry the tag " + settings.linkTagKey()
          + "=" + linkValue(channel) + "; " + String.format(advice, channel.id()),
          ResourceConflictException.Reason.AMBIGUOUS_LINK, linkValue(channel));
    }
    return linked.stream().findFirst();
  }

  /** Parses the channel tag; a value that is no distribution id is ignored. */
  ChannelTag channelTag(Channel channel) {
    String value = channel.tags().get(settings.channelTagKey());
    if (value == null) {
      return new ChannelTag(false, Optional.empty());
    }
    if (value.equals(LiveCdnSettings.CHANNEL_TAG_REQUESTED)) {
      return new ChannelTag(true, Optional.empty());
    }
    try {
      return new ChannelTag(false, Optional.of(DistributionId.of(value)));
    } catch (ValidationException e) {
      log.debug("channel {} tag value '{}' is not a distribution id; ignored", channel.id(), value);
      return new ChannelTag(false, Optional.empty());
    }
  }
}
