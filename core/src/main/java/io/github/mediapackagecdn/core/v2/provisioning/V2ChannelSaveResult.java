package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.v2.model.V2Channel;

/**
 * A saved v2 channel and what was done to its distribution.
 *
 * @param channel the channel as MediaPackage answered it
 * @param cdn what was done to its distribution
 */
public record V2ChannelSaveResult(V2Channel channel, CdnOutcome cdn) {}
