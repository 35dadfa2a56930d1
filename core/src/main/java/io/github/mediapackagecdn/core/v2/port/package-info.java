/**
 * The MediaPackage v2 ports, in the domain's words, beside v1's: {@link
 * io.github.mediapackagecdn.core.v2.port.ChannelGroups} (channel groups, channels, origin endpoints and endpoint
 * policies; the {@code mediapackagev2} SDK client implements each method with one operation) and {@link
 * io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies} (origin access controls and cache policies). The
 * distribution and its links are v1's {@link io.github.mediapackagecdn.core.port.Distributions} and {@link
 * io.github.mediapackagecdn.core.port.DistributionLinks}, shared.
 */
package io.github.mediapackagecdn.core.v2.port;
