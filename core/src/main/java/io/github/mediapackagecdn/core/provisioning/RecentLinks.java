package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The distributions this instance created or adopted a moment ago, by channel, while their link tag may not be
 * indexed and the channel tag may not show yet. An entry expires after {@link LiveCdnSettings#visibilityTimeout()}
 * (by then AWS shows the tags) and expired entries are dropped whenever one is added, so the memory holds only the
 * creations of the last visibility timeout.
 */
final class RecentLinks {

  private final Clock clock;
  private final Duration timeout;
  private final Map<String, RecentLink> byChannel = new ConcurrentHashMap<>();

  RecentLinks(Clock clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Remembers that {@code id} was just created or adopted for the channel. */
  void remember(Channel channel, DistributionId id) {
    Instant now = clock.instant();
    byChannel.values().removeIf(link -> link.expired(now, timeout));
    byChannel.put(LinkTags.linkValue(channel), new RecentLink(id, now));
  }

  /** The distribution created or adopted for the channel within the visibility timeout, if any. */
  Optional<DistributionId> recent(Channel channel) {
    String key = LinkTags.linkValue(channel);
    RecentLink link = byChannel.get(key);
    if (link == null) {
      return Optional.empty();
    }
    if (link.expired(clock.instant(), timeout)) {
      byChannel.remove(key, link);
      return Optional.empty();
    }
    return Optional.of(link.id());
  }

  /** Forgets the channel's entry: its link is visible now, or has ended. */
  void forget(Channel channel) {
    byChannel.remove(LinkTags.linkValue(channel));
  }

  /** How many entries are held; for tests. */
  int size() {
    return byChannel.size();
  }

  private record RecentLink(DistributionId id, Instant at) {
    boolean expired(Instant now, Duration timeout) {
      return !now.isBefore(at.plus(timeout));
    }
  }
}
