package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.model.Channel;
import org.immutables.value.Value;

/** The channel MediaPackage saved, and what happened to its distribution. */
@Value.Immutable
public abstract class ChannelSaveResult {

  /** The channel as saved in MediaPackage; saved even when the CloudFront side failed. */
  @Value.Parameter
  public abstract Channel channel();

  /** What happened on the CloudFront side. */
  @Value.Parameter
  public abstract CdnOutcome cdn();

  static ChannelSaveResult of(Channel channel, CdnOutcome cdn) {
    return ImmutableChannelSaveResult.of(channel, cdn);
  }
}
