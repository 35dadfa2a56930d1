/**
 * Internal machinery shared by the v1 and v2 facades ({@code core.provisioning}, {@code core.v2.provisioning}): the
 * listener fan-out ({@code Listeners}) and the distribution updater ({@code DistributionUpdaters},
 * {@code DistributionUpdater}: one writer per distribution, concurrent requests coalesced, each facade planning its
 * own requests), the teardowns' removal of a distribution ({@code DistributionRemoval}), and when a CallerReference
 * refused as taken is passed over ({@code TakenReferences}). Not API: its types are
 * public only so that both packages can use them, and may change in any release.
 */
package io.github.mediapackagecdn.core.internal;
