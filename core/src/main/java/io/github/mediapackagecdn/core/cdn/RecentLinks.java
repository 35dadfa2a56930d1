package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.DistributionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The distributions this instance created or adopted a moment ago, by channel ARN, while their link tag may not be
 * indexed and the channel tag may not show yet. An entry expires after the visibility timeout (by then AWS shows the
 * tags) and expired entries are dropped whenever one is added, so the memory holds only the creations of the last
 * visibility timeout. Public only for the two facades' packages: not API.
 */
public final class RecentLinks {

  private final Clock clock;
  private final Duration timeout;
  private final Map<String, RecentLink> byChannel = new ConcurrentHashMap<>();

  /** A memory on {@code clock} whose entries expire after {@code timeout}, the settings' visibility timeout. */
  public RecentLinks(Clock clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Remembers that {@code id} was just created or adopted for the channel of ARN {@code channelArn}. */
  void remember(String channelArn, DistributionId id) {
    Instant now = clock.instant();
    byChannel.values().removeIf(link -> link.expired(now, timeout));
    byChannel.put(channelArn, new RecentLink(id, now));
  }

  /** The distribution created or adopted for the channel within the visibility timeout, if any. */
  Optional<DistributionId> recent(String channelArn) {
    RecentLink link = byChannel.get(channelArn);
    if (link == null) {
      return Optional.empty();
    }
    if (link.expired(clock.instant(), timeout)) {
      byChannel.remove(channelArn, link);
      return Optional.empty();
    }
    return Optional.of(link.id());
  }

  /** Forgets the channel's entry: its link is visible now, or has ended. */
  void forget(String channelArn) {
    byChannel.remove(channelArn);
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
