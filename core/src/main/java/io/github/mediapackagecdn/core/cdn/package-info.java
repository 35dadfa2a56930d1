/**
 * The CloudFront side of the library, written once for both MediaPackage versions: what the v1 facade
 * ({@code core.provisioning}) and the v2 facade ({@code core.v2.provisioning}) share, knowing neither of them.
 *
 * <p>What applications read: the outcome of a save ({@code CdnOutcome}), a read of a wait
 * ({@code DeploymentProgress}), what a teardown removed ({@code TeardownResult}), a dry run's plan
 * ({@code DistributionPlan}) and a fleet repair's result ({@code RepairResult}); what they give: the settings both
 * versions share ({@code CdnSettings}), a teardown's options ({@code TeardownOptions}) and a fleet repair's options
 * ({@code RepairOptions}); what they call: the setters of the facades' builder base ({@code FacadeBuilder}).
 *
 * <p>The algorithms, each once: the link between a channel and its distribution ({@code LinkTags},
 * {@code DistributionResolver}, {@code RecentLinks}, {@code LinkResolution}: the channel tag naming the distribution,
 * confirmed by the distribution's link tag read from CloudFront, then the tag index, ambiguous links refused, over
 * each side's {@code TaggedChannels}); creation and adoption ({@code DistributionCreation}, with
 * {@code TakenReferences}); the fleet audit and repair ({@code FleetAuditing}, {@code FleetRepairing}, over each
 * side's reads and rules); serving ({@code DistributionUpdaters}, {@code DistributionUpdater}: one writer per
 * distribution, concurrent requests coalesced, each facade planning its own requests); CloudFront's routing of a
 * player's request ({@code Routing}); plans, read-only, equal to what the save applies ({@code DistributionPlanning},
 * each side giving its layout's changes); batches ({@code BatchSave}); waiting ({@code VisibilityWait} for what AWS does
 * not show yet, {@code AwaitingDeployment} for "ready for players"); teardown ({@code DistributionTeardown} over
 * {@code DistributionRemoval}); the listener fan-out ({@code Listeners}); the facades' life ({@code Lifecycle}). The
 * use cases themselves, each once over what a side implements (its SPI, package-private in the side's package):
 * {@code Attaching} and {@code Reconciling} over {@code Packager}, {@code ReadingDetails} over {@code Describer}.
 * Those are public only so that both facades can use them: not API, they may change in any release.
 */
@ValueStyle
package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.ValueStyle;
