/**
 * The CloudFront side of the library, written once for both MediaPackage versions: what the v1 facade
 * ({@code core.provisioning}) and the v2 facade ({@code core.v2.provisioning}) share, knowing neither of them: the
 * outcome of a save ({@code CdnOutcome}) and a read of a wait ({@code DeploymentProgress}), the types here
 * applications read; the wait for "ready for players" ({@code AwaitingDeployment}), CloudFront's routing of a player's request
 * ({@code Routing}, which decides whether a CDN URL reaches its endpoint), a batch of endpoints saved one by one
 * ({@code BatchSave}), the wait for what AWS does not show yet ({@code VisibilityWait}), the listener fan-out
 * ({@code Listeners}), the distribution updater ({@code DistributionUpdaters}, {@code DistributionUpdater}: one
 * writer per distribution, concurrent requests coalesced, each facade planning its own requests), the teardowns'
 * removal of a distribution ({@code DistributionRemoval}), and the link between a channel and its distribution
 * ({@code LinkTags}, {@code DistributionResolver}, {@code RecentLinks}, {@code LinkResolution}: the channel tag naming
 * the distribution, confirmed by the distribution's link tag read from CloudFront, then the tag index, ambiguous links
 * refused), over each side's {@code TaggedChannels}. The facades' builders share one base ({@code FacadeBuilder}: listeners,
 * CDN identifier source, sleeper, clock, scheduler, resources to close) and the facades one life ({@code Lifecycle}:
 * the closed check, the closing of what was handed over, the null checks). Besides {@code CdnOutcome}, {@code DeploymentProgress} and the setters of
 * {@code FacadeBuilder} (called on either facade's builder), its types are public only so that both facades can use
 * them: not API, they may change in any release.
 */
package io.github.mediapackagecdn.core.cdn;
