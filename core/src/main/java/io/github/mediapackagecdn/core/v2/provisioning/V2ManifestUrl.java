package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import java.util.Optional;

/**
 * One manifest of one endpoint, with its MediaPackage URL and its CDN URL.
 *
 * @param endpoint the endpoint
 * @param manifest the manifest, its {@code Url} on the egress domain
 * @param cdnUrl the same path on the distribution's domain; empty while there is no distribution, and when the
 *     distribution does not bring the endpoint's requests to it (see {@link V2ChannelDetails#notServed()})
 */
public record V2ManifestUrl(V2EndpointId endpoint, Manifest manifest, Optional<String> cdnUrl) {}
