/**
 * The library's errors: one unchecked, sealed root, {@link io.github.mediapackagecdn.core.error.ProvisioningException},
 * with a subtype for each way a use case fails. Adapters translate service errors into these in one place.
 */
package io.github.mediapackagecdn.core.error;
