package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.cdn.DistributionTeardown;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The teardown use case: a channel's endpoints, then, when asked, its distribution, then the channel.
 *
 * <p>The channel goes last because its ARN, the value of the distribution's link tag, is the only way to find the
 * distribution: a teardown that failed at any step leaves the channel, and running it again finds everything that is
 * left. Every step reads before it writes and treats what is gone as done, so running it again is always safe.
 *
 * <p>The distribution is deleted as CloudFront requires: disabled with UpdateDistribution (everything else written
 * back as read), awaited until that is {@code Deployed}, deleted with the ETag of the latest read; a stale ETag is
 * read again, a bounded number of times. Only a distribution whose link tag names the channel, as CloudFront itself
 * shows the tag (not only the lagging tag index), is touched, and the tag is read again right before each write; one
 * whose tag no longer names the channel is reported {@code NO_LONGER_LINKED} and left as it is. Two linked
 * distributions are an error before anything is deleted.
 */
final class TearingDown {

  private static final Logger log = LoggerFactory.getLogger(TearingDown.class);

  private final Channels channels;
  private final DistributionTeardown<Channel> distribution;

  TearingDown(Channels channels, Distributions distributions, LinkTags<Channel> linkTags, LinkResolution<Channel> links,
      VisibilityWait visibility, CdnSettings settings, Clock clock) {
    this.channels = channels;
    this.distribution = new DistributionTeardown<>(distributions, linkTags, links, visibility,
        settings.maxUpdateAttempts(), clock);
  }

  TeardownResult teardown(ChannelId channelId, TeardownOptions options) {
    Optional<Channel> found = channels.find(channelId);
    if (found.isEmpty()) {
      log.debug("channel {} is gone already", channelId);
      return DistributionTeardown.gone(channelId.ref(), options).build();
    }
    Channel channel = found.get();
    // resolved before anything is deleted: an ambiguous link stops the teardown with everything in place
    DistributionTeardown.Candidates candidates = distribution.candidates(channel, options);
    TeardownResult.Builder result = TeardownResult.builder().channelRef(channelId.ref());
    for (OriginEndpoint endpoint : channels.endpointsOf(channelId)) {
      if (deleteEndpoint(endpoint.id())) {
        result.addDeletedEndpoints(endpoint.id());
      }
    }
    distribution.remove(channel, candidates, options, result);
    try {
      channels.delete(channelId);
      log.debug("deleted channel {}", channelId);
      result.channel(TeardownResult.Removal.DELETED);
    } catch (ResourceNotFoundException e) {
      log.debug("channel {} was deleted meanwhile", channelId);
      result.channel(TeardownResult.Removal.ALREADY_GONE);
    }
    return result.build();
  }

  /** True if this call deleted it; false if it was gone already. */
  private boolean deleteEndpoint(OriginEndpointId id) {
    try {
      channels.deleteEndpoint(id);
      log.debug("deleted endpoint {}", id);
      return true;
    } catch (ResourceNotFoundException e) {
      log.debug("endpoint {} was deleted meanwhile", id);
      return false;
    }
  }
}
