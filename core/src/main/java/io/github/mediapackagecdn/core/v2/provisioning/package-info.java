/**
 * MediaPackage v2 provisioning: {@link io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2}, the public
 * facade, over package-private use cases ({@code SavingV2Channel}, {@code SavingV2Endpoints}; the engine's
 * {@code Attaching}, {@code Reconciling} and {@code ReadingDetails} over {@code V2Packager} and {@code V2Describer}),
 * concerns ({@code SharedPolicies}: the origin access control and the two cache policies,
 * found by name or created once; {@code EtagRetry}: v2's {@code x-amzn-update-if-match}; {@code V2Events};
 * {@code V2EndpointUpdates}: v2's planner for the distribution updater v1 uses too, serialized per distribution,
 * concurrent saves coalesced, CloudFront's {@code If-Match} re-read on a 412) and pure rules ({@code V2Layout},
 * {@code EndpointPolicies}).
 * The distribution, its links, the change set and the events are v1's, shared.
 */
@ValueStyle // no @Generated in V2CdnSettings's generated class: a consumer building it compiles without a warning
package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.model.ValueStyle;
