/**
 * The use cases and the rules behind them. {@link io.github.mediapackagecdn.core.provisioning.ChannelCdn} is the entry
 * point: save a channel and get a distribution, save endpoints and the distribution gets the channel's origin and
 * live-streaming cache behaviours, read what the console's channel details page shows.
 * {@link io.github.mediapackagecdn.core.provisioning.DistributionLayout} holds the layout rules as pure functions.
 */
@ValueStyle
package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.ValueStyle;
