package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a v2 channel's distribution by its link tag (the channel ARN), as v1 does. The tag index lags after a create,
 * so the distributions this instance created or adopted are remembered by channel ARN (at most 30 channels an
 * account and region by v2's quotas) and confirmed by their own tag, read from CloudFront. Two distributions tagged
 * for one channel are a conflict ({@code AMBIGUOUS_LINK}): the library never guesses. The last distribution this
 * instance saw linked to each channel is remembered after the link ends, so that its deletion can be proven.
 */
final class V2Links {

  private final DistributionLinks links;
  private final LiveCdnSettings settings;
  private final Map<String, DistributionId> remembered = new ConcurrentHashMap<>();
  private final Map<String, DistributionId> lastLinked = new ConcurrentHashMap<>();

  V2Links(DistributionLinks links, LiveCdnSettings settings) {
    this.links = links;
    this.settings = settings;
  }

  /** The channel's one distribution, if any. */
  Optional<DistributionId> resolve(V2Channel channel) {
    DistributionId recent = remembered.get(channel.arn());
    if (recent != null) {
      if (namesChannel(recent, channel)) {
        return Optional.of(recent);
      }
      remembered.remove(channel.arn(), recent);
    }
    Optional<DistributionId> indexed = indexed(channel);
    indexed.ifPresent(id -> lastLinked.put(channel.arn(), id));
    return indexed;
  }

  /** The last distribution this instance saw linked to the channel, linked still or not; no call. */
  Optional<DistributionId> lastLinked(V2Channel channel) {
    return Optional.ofNullable(lastLinked.get(channel.arn()));
  }

  /** The distribution this instance created or adopted for the channel, unchecked; no call. */
  Optional<DistributionId> recent(V2Channel channel) {
    return Optional.ofNullable(remembered.get(channel.arn()));
  }

  /** The distribution the tag index lists for the channel, if any. */
  Optional<DistributionId> indexed(V2Channel channel) {
    List<DistributionId> found = links.find(settings.linkTagKey(), channel.arn());
    if (found.size() > 1) {
      throw new ResourceConflictException("distributions " + found + " all carry the tag " + settings.linkTagKey()
          + "=" + channel.arn() + "; keep the tag on the one that serves channel " + channel.id()
          + " and remove it from the others", ResourceConflictException.Reason.AMBIGUOUS_LINK, channel.arn());
    }
    return found.stream().findFirst();
  }

  /** Whether the distribution's own link tag, read from CloudFront, names the channel. */
  boolean namesChannel(DistributionId id, V2Channel channel) {
    try {
      return links.tagValue(id, settings.linkTagKey()).filter(channel.arn()::equals).isPresent();
    } catch (ResourceNotFoundException e) {
      return false; // deleted
    }
  }

  /** Remembers the distribution created or adopted for the channel. */
  void remember(V2Channel channel, DistributionId id) {
    remembered.put(channel.arn(), id);
    lastLinked.put(channel.arn(), id);
  }
}
