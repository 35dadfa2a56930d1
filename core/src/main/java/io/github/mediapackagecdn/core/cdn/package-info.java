/**
 * The CloudFront side of the library, written once for both MediaPackage versions: what the v1 facade
 * ({@code core.provisioning}) and the v2 facade ({@code core.v2.provisioning}) share. Today: CloudFront's routing of a
 * player's request ({@code Routing}), which decides whether a CDN URL reaches its endpoint. The engine's types are
 * for the two facades; applications use the facades.
 */
package io.github.mediapackagecdn.core.cdn;
