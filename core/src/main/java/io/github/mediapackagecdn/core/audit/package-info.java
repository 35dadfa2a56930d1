/**
 * The fleet audit's report: {@link io.github.mediapackagecdn.core.audit.FleetAudit}, what
 * {@code ChannelCdn.audit()} and {@code ChannelCdnV2.audit()} answer for the whole account, with one
 * {@link io.github.mediapackagecdn.core.audit.LinkedChannel} per channel that has its distribution and one
 * {@link io.github.mediapackagecdn.core.audit.AuditFinding} per problem found. Values only, built from the model: the
 * audit itself is the engine's ({@code core.cdn}), each MediaPackage side giving its reads and rules, and reads
 * without writing.
 */
@ValueStyle
package io.github.mediapackagecdn.core.audit;

import io.github.mediapackagecdn.core.model.ValueStyle;
