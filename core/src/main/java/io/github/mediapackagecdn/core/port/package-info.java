/**
 * The ports the use cases need, in the domain's words: {@link io.github.mediapackagecdn.core.port.Channels}
 * (MediaPackage), {@link io.github.mediapackagecdn.core.port.Distributions} (CloudFront) and
 * {@link io.github.mediapackagecdn.core.port.DistributionLinks} (finding a channel's distribution by tag). The
 * {@code aws-adapter} module implements them on the AWS SDK, the {@code testkit} module in memory.
 *
 * <p>They are the edge of the hexagon: {@code core} holds the model, the rules and the use cases and knows no SDK (an
 * architecture test keeps {@code software.amazon..} out of it); every AWS call goes through one of these interfaces.
 * Each port has an abstract contract suite in the testkit ({@code io.github.mediapackagecdn.testkit.contract}) that
 * the fakes and the AWS adapters pass with the same assertions, so the fakes cannot drift from what the adapters see.
 * Instances of the library coordinate only through AWS's own contracts: ETag and {@code If-Match}, CallerReference.
 */
package io.github.mediapackagecdn.core.port;
