/**
 * The domain model, immutable and validated when built: channels and origin endpoints of AWS Elemental MediaPackage,
 * CloudFront distributions (the part of their configuration the library manages), and the change sets applied to
 * them. Input values ({@link io.github.mediapackagecdn.core.model.ChannelSpec},
 * {@link io.github.mediapackagecdn.core.model.EndpointSpec}) report every problem at once.
 */
@ValueStyle
package io.github.mediapackagecdn.core.model;
