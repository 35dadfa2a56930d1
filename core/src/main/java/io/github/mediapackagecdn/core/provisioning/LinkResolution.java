package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.util.Optional;

/**
 * Finds a channel's distribution: as {@link DistributionResolver} finds it (channel tag, confirmed by the link tag,
 * and the tag index), or else one this instance created or adopted for the channel so recently ({@link RecentLinks})
 * that it may not be recorded or indexed yet, as long as its link tag, read from CloudFront, still names the channel.
 */
final class LinkResolution {

  private final DistributionResolver resolver;
  private final RecentLinks recentLinks;
  private final LinkTags linkTags;

  LinkResolution(DistributionResolver resolver, RecentLinks recentLinks, LinkTags linkTags) {
    this.resolver = resolver;
    this.recentLinks = recentLinks;
    this.linkTags = linkTags;
  }

  /** The channel's distribution, or the outcome to report when it has none. */
  DistributionResolver.Resolution resolve(Channel channel) {
    DistributionResolver.Resolution found = resolver.resolve(channel);
    if (found.id().isPresent()) {
      recentLinks.forget(channel);
      return found;
    }
    Optional<DistributionId> recent = recentLinks.recent(channel);
    if (recent.isEmpty()) {
      return found;
    }
    // the tag index may lag; CloudFront's own tags do not, and a tag changed since creation ends the link. An index
    // that does not lag has shown every link already: the recent one has ended
    if (linkTags.lags() && linkTags.namesChannel(recent.get(), channel)) {
      return DistributionResolver.Resolution.found(recent.get(), false);
    }
    recentLinks.forget(channel);
    return found;
  }

  /** Remembers a distribution just created or adopted for the channel. */
  void remember(Channel channel, DistributionId id) {
    recentLinks.remember(channel, id);
  }

  /** A distribution created or adopted for the channel a moment ago, not confirmed. */
  Optional<DistributionId> recent(Channel channel) {
    return recentLinks.recent(channel);
  }

  /** Records on the channel that it asked for a distribution; see {@link DistributionResolver#recordRequest}. */
  void recordRequest(Channel channel) {
    resolver.recordRequest(channel);
  }

  /** Records the channel's distribution on the channel; see {@link DistributionResolver#record}. */
  void record(Channel channel, DistributionId id) {
    resolver.record(channel, id);
  }
}
