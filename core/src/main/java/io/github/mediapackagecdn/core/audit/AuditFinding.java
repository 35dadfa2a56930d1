package io.github.mediapackagecdn.core.audit;

import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One problem the fleet audit found, with the channel, distributions and endpoint it concerns, and what it is. */
@Value.Immutable
public abstract class AuditFinding {

  /** What kind of problem. */
  public enum Kind {
    /** The channel's distribution lacks its origin or cache behaviours (deleted in the console, say). */
    NOT_SERVED,
    /** Two or more distributions carry the link tag of one channel. */
    AMBIGUOUS_LINK,
    /** A distribution is tagged for a channel that no longer exists. */
    ORPHAN,
    /** An endpoint has no CDN URL: no distribution routes it, or it has no URL at all. */
    ENDPOINT_WITHOUT_CDN_URL,
    /** The channel asked for a distribution (its channel tag) and has none. */
    REQUESTED_BUT_MISSING,
    /** The distribution recorded on the channel no longer carries the channel's link tag (changed or removed). */
    LINK_TAG_CHANGED,
    /** The distribution recorded on the channel no longer exists (deleted). */
    DISTRIBUTION_GONE,
    /**
     * MediaPackage v2: an endpoint's policy lacks the statement that lets the channel's distribution read it, or its
     * statement names another distribution's ARN; CloudFront's requests for the endpoint are then refused (403).
     */
    ENDPOINT_POLICY_WITHOUT_STATEMENT,
    /**
     * MediaPackage v2: an origin access control or cache policy that every v2 distribution shares, found by the
     * library's name, no longer has the library's settings (changed by hand).
     */
    SHARED_POLICY_CHANGED,
    /**
     * MediaPackage v2, distribution scope per channel group: the channel has no distribution of its own, its group
     * asked for one, and no distribution carries the group's link tag any more (deleted, or its tag removed); the
     * channel's CDN URLs are not served. Save the group with {@code createDistribution} again.
     */
    GROUP_DISTRIBUTION_GONE
  }

  /** What kind of problem. */
  public abstract Kind kind();

  /**
   * The channel concerned, if any (an orphan's channel is gone, a shared policy is no one channel's): {@code live-news}
   * for v1, {@code live/news} for v2.
   */
  public abstract Optional<ChannelRef> channel();

  /** The distributions concerned, if any. */
  public abstract List<DistributionId> distributions();

  /** The endpoint concerned, if any. */
  public abstract Optional<OriginEndpointId> endpoint();

  /** What was found, in words: ids, tags, origins and patterns, never a header value. */
  public abstract String detail();

  /** A builder of a finding. */
  public static Builder builder() {
    return new Builder();
  }

  /** One line: the kind, then the channel, distributions and endpoint, then the detail. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(kind().name());
    channel().ifPresent(c -> line.append(" channel ").append(c));
    if (!distributions().isEmpty()) {
      line.append(" distribution").append(distributions().size() > 1 ? "s " : " ").append(distributions());
    }
    endpoint().ifPresent(e -> line.append(" endpoint ").append(e));
    return line.append(": ").append(detail()).toString();
  }

  /** Builds an {@link AuditFinding}. */
  public static class Builder extends ImmutableAuditFinding.Builder {}
}
