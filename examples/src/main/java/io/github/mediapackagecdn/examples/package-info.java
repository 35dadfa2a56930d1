/**
 * Runnable programs on the library's public API: {@link io.github.mediapackagecdn.examples.QuickStart}, and
 * {@link io.github.mediapackagecdn.examples.LiveEventService}, a small backend service whose test shows the testkit.
 */
package io.github.mediapackagecdn.examples;
