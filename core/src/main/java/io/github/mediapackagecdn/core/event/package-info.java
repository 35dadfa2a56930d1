/**
 * What the library does to MediaPackage and CloudFront, step by step, for a backend to watch:
 * {@link io.github.mediapackagecdn.core.event.ProvisioningListener}, registered with
 * {@code ChannelCdn.builder().listener(...)}, receives one
 * {@link io.github.mediapackagecdn.core.event.ProvisioningEvent} per step (channel saved, distribution created or
 * adopted, change planned, update sent, coalesced or retried after a 412, throttled, visibility wait, failure; the
 * fleet audit's reads, the repair's channels and its rate waits).
 *
 * <p>Events never carry a secret: a CDN identifier or a header value never appears in them, nor in their
 * {@code toString}. A listener that throws is logged once and never changes what provisioning does. This package
 * depends on the model and the errors only.
 */
@ValueStyle
package io.github.mediapackagecdn.core.event;

import io.github.mediapackagecdn.core.model.ValueStyle;
