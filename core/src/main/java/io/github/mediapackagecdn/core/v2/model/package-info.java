/**
 * The MediaPackage v2 model, immutable and validated when built: channel groups (with their egress domain), channels
 * and origin endpoints with their manifests, endpoint policies, and the CloudFront origin access controls and cache
 * policies a v2 distribution uses. Every field names the {@code mediapackagev2} (2022-12-25) or {@code cloudfront}
 * (2020-05-31) API member it maps to. Input values report every problem at once, before any AWS call; the quotas
 * and name rules are in {@link io.github.mediapackagecdn.core.v2.model.V2Limits}. Separate from the v1 model: a v2
 * channel group or policy is never a v1 type.
 */
@ValueStyle
package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.model.ValueStyle;
