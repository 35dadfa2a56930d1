/**
 * Runnable programs on the library's public API: {@link io.github.mediapackagecdn.examples.QuickStart}, and
 * {@link io.github.mediapackagecdn.examples.LiveEventService}, a small backend service whose test shows the testkit,
 * and {@link io.github.mediapackagecdn.examples.ProvisioningMetrics}, a recipe binding the provisioning events to
 * Micrometer (a dependency of the examples only).
 */
package io.github.mediapackagecdn.examples;
