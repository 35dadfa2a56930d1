package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds a channel's distribution, whichever MediaPackage version: as {@link DistributionResolver} finds it (channel
 * tag, confirmed by the link tag, and the tag index), or else one this instance created or adopted for the channel so
 * recently ({@link RecentLinks}) that it may not be recorded or indexed yet, as long as its link tag, read from
 * CloudFront, still names the channel. Public only for the two facades' packages: not API.
 *
 * @param <C> the side's channel, as read
 */
public final class LinkResolution<C> {

  private final DistributionResolver<C> resolver;
  private final RecentLinks recentLinks;
  private final LinkTags<C> linkTags;

  /** The resolution by {@code resolver}'s rules, falling back on {@code recentLinks}, confirmed by {@code linkTags}. */
  public LinkResolution(DistributionResolver<C> resolver, RecentLinks recentLinks, LinkTags<C> linkTags) {
    this.resolver = resolver;
    this.recentLinks = recentLinks;
    this.linkTags = linkTags;
  }

  /**
   * The resolution of {@code channels}' distributions, found in {@code links} by the link rules under the settings'
   * two keys, as {@code settings} read them back after a write, recent links remembered on {@code clock} for the
   * visibility timeout: what each facade builds for its channels (and v2 for its groups).
   */
  public static <C> LinkResolution<C> of(TaggedChannels<C> channels, DistributionLinks links, CdnSettings settings,
      Clock clock) {
    LinkTags<C> linkTags = new LinkTags<>(channels, links, settings.linkTagKey(), settings.channelTagKey());
    return new LinkResolution<>(new DistributionResolver<>(linkTags, settings.channelTagsReadAfterWrite(),
        settings.visibilityTimeout()), new RecentLinks(clock, settings.visibilityTimeout()), linkTags);
  }

  /** The link rules this resolution confirms by. */
  public LinkTags<C> linkTags() {
    return linkTags;
  }

  /** The channel's distribution, or the outcome to report when it has none. */
  public DistributionResolver.Resolution resolve(C channel) {
    String arn = linkTags.linkValue(channel);
    DistributionResolver.Resolution found = resolver.resolve(channel);
    if (found.id().isPresent()) {
      recentLinks.forget(arn);
      return found;
    }
    Optional<DistributionId> recent = recentLinks.recent(arn);
    if (recent.isEmpty() || linkTags.servedByGroup(channel)) { // moved to its group's: one just made is not used yet
      return found;
    }
    // the tag index may lag; CloudFront's own tags do not, and a tag changed since creation ends the link. An index
    // that does not lag has shown every link already: the recent one has ended
    if (linkTags.lags() && linkTags.namesChannel(recent.get(), channel)) {
      return DistributionResolver.Resolution.found(recent.get(), false);
    }
    recentLinks.forget(arn);
    return found;
  }

  /**
   * As {@link #resolve}, empty when two distributions are tagged for the channel ({@code AMBIGUOUS_LINK}): for a save
   * that goes on without a distribution, and reports the conflict, if it is still there, where it looks again.
   */
  public Optional<DistributionResolver.Resolution> resolveUnlessAmbiguous(C channel) {
    try {
      return Optional.of(resolve(channel));
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.AMBIGUOUS_LINK) {
        throw e;
      }
      return Optional.empty();
    }
  }

  /** The channel, named without loss, for events and messages. */
  ChannelRef ref(C channel) {
    return linkTags.ref(channel);
  }

  /** Remembers a distribution just created or adopted for the channel. */
  public void remember(C channel, DistributionId id) {
    recentLinks.remember(linkTags.linkValue(channel), id);
  }

  /** A distribution created or adopted for the channel a moment ago, not confirmed. */
  public Optional<DistributionId> recent(C channel) {
    return recentLinks.recent(linkTags.linkValue(channel));
  }

  /** Records on the channel that it asked for a distribution; see {@link DistributionResolver#recordRequest}. */
  public void recordRequest(C channel) {
    resolver.recordRequest(channel);
  }

  /** Records the channel's distribution on the channel; see {@link DistributionResolver#record}. */
  public void record(C channel, DistributionId id) {
    resolver.record(channel, id);
  }
}
