/**
 * The ports the use cases need, in the domain's words: {@link io.github.mediapackagecdn.core.port.Channels}
 * (MediaPackage), {@link io.github.mediapackagecdn.core.port.Distributions} (CloudFront) and
 * {@link io.github.mediapackagecdn.core.port.DistributionLinks} (finding a channel's distribution by tag). The
 * {@code aws-adapter} module implements them on the AWS SDK, the {@code testkit} module in memory.
 */
package io.github.mediapackagecdn.core.port;
