/**
 * The use cases and the rules behind them. {@link io.github.mediapackagecdn.core.provisioning.ChannelCdn} is the entry
 * point: save a channel and get a distribution, save endpoints and the distribution gets the channel's origin and
 * live-streaming cache behaviours, read what the console's channel details page shows.
 *
 * <h2>How the package is built</h2>
 *
 * <ul>
 *   <li><b>Public API</b>: the facade {@code ChannelCdn} and its builder; the layout settings {@code LiveCdnSettings},
 *       {@code TeardownOptions} and {@code RepairOptions}; the results {@code ChannelSaveResult},
 *       {@code EndpointSaveResult}, {@code CdnOutcome}, {@code ChannelDetails}, {@code DistributionDetails},
 *       {@code EndpointDetails}, {@code TeardownResult}, {@code DeploymentProgress}, {@code RepairResult},
 *       {@code DistributionPlan} (in {@code core.cdn}, shared with v2). Everything
 *       else is package-private: the use cases, concerns and rules below can change without breaking a user. (The
 *       path patterns of each format are public on {@code Packaging}; the testkit's {@code SampleDistributions}
 *       gives tests distributions shaped like the library's.)</li>
 *   <li><b>Use cases</b>, one operation each, their collaborators given to the constructor (the facade wires them):
 *       {@code SavingChannel}, {@code SavingEndpoints}, the engine's {@code core.cdn.Attaching},
 *       {@code core.cdn.Reconciling} (over {@code V1Packager}) and {@code core.cdn.ReadingDetails} (over
 *       {@code V1Describer}), {@code AwaitingDeployment}, {@code TearingDown}, {@code AuditingFleet}, the engine's
 *       {@code core.cdn.FleetRepairing} (over {@code V1Packager}), {@code Planning} (read-only: the plan of the next
 *       save, and the dry runs, which check their input with {@code EndpointBatch} as the save does).</li>
 *   <li><b>Concerns</b>, each owning its state and tested alone: the engine's {@code core.cdn.LinkResolution} (the
 *       channel's distribution, through {@code DistributionResolver} and the memory {@code RecentLinks}, whose entries
 *       expire after the visibility timeout; v2 uses the same, v1's channels given to it by
 *       {@code ChannelCdn.taggedChannels});
 *       {@code VisibilityWait} (the one wait for what AWS does not show yet, through the
 *       {@code Sleeper} port); {@code DistributionCreation} (CallerReference generations and adoption);
 *       {@code CdnIdentifiers} (the bounded memory of CDN identifiers given in specs); {@code EndpointUpdates}
 *       (v1's planner for the shared {@code core.cdn.DistributionUpdaters}: one updater per distribution while
 *       it is updated, dropped once idle, concurrent saves coalesced into one update); {@code Listeners}
 *       (the {@link io.github.mediapackagecdn.core.event.ProvisioningListener}s given to the builder: each use case and
 *       concern tells them its own steps, and a listener that throws is logged once and changes nothing).</li>
 *   <li><b>Rules</b>, each defined once: the engine's {@code core.cdn.LinkTags} (the channel tag's parse, "the link
 *       tag still names the channel", "two distributions tagged for one channel"; v1's and v2's),
 *       {@code DistributionLayout} (the layout, as pure
 *       functions), {@code CdnUrls} (routing and CDN URLs), {@code UnchangedState} (when nothing needs writing),
 *       {@code CdnOutcome#reporting} (a CloudFront failure becomes the outcome {@code FAILED}), {@code NotFound}.</li>
 * </ul>
 *
 * <h2>The distribution layout</h2>
 *
 * <p>It is what the MediaPackage console's "Create a CloudFront distribution" does (MediaPackage User Guide,
 * <a href="https://docs.aws.amazon.com/mediapackage/latest/ug/cdns-create-mp.html">Creating a distribution from
 * MediaPackage</a>), with the values of {@link CdnSettings#defaults()} and {@link LiveCdnSettings#defaults()}:
 * <ul>
 *   <li><b>When a channel is saved</b> with {@code createDistribution(true)}: one distribution, tagged
 *       {@value CdnSettings#LINK_TAG_KEY} = the channel ARN. CloudFront
 *       requires an origin and a default behaviour before any endpoint exists, so it gets a placeholder origin
 *       {@code TEMP_ORIGIN_ID/channel} at {@code mediapackage.amazonaws.com}, and the default behaviour targets it. The
 *       comment names the channel; errors are cached 1 s. The CallerReference is derived from the channel ARN (plus a
 *       generation number), so a second save, or a second instance, gets {@code DistributionAlreadyExists} and adopts
 *       the first distribution instead of creating another. The distribution's id is also recorded on the channel,
 *       in the MediaPackage tag
 *       {@value CdnSettings#CHANNEL_TAG_KEY}, so that every instance
 *       finds it at once; the distribution's own link tag stays the authority.</li>
 *   <li><b>When an endpoint is saved</b>: one origin for the whole channel (the console "adds only one origin"), on the
 *       egress host of the endpoint URLs, id {@code EMP-<first host label>}, HTTPS only, TLSv1.2, with the
 *       {@value io.github.mediapackagecdn.core.provisioning.LiveCdnSettings#CDN_IDENTIFIER_HEADER} header when the
 *       endpoint uses CDN authorization. Then one cache behaviour per path pattern of the formats present (of every
 *       live format at once with {@code LiveCdnSettings.BehaviorLayout.ALL_LIVE_FORMATS}), first match wins: HLS {@code *.m3u8} {@code *.ts}; CMAF {@code *.m3u8} {@code *.mp4}; DASH {@code *.mpd} {@code *.mp4};
 *       MSS {@code *.ism/*} with smooth streaming on. Each redirects HTTP to HTTPS, allows GET, HEAD and OPTIONS, uses
 *       the managed cache policy {@code Elemental-MediaPackage} and does not compress.</li>
 *   <li><b>The default behaviour moves</b> from the placeholder to the channel origin only while it still targets the
 *       placeholder; the placeholder origin is removed once nothing targets it. A default behaviour a user pointed
 *       elsewhere stays where it is.</li>
 *   <li><b>CDN URLs</b>: an endpoint's URL with its host replaced by the distribution's domain (a CMAF endpoint: each
 *       HLS manifest URL).</li>
 *   <li><b>Nothing else</b>: every rule only adds what is missing, so a distribution that already has it gets no
 *       update at all, and everything a user set in CloudFront is written back as it was read. Saving never deletes or
 *       edits a distribution.</li>
 * </ul>
 *
 * <h2>Where the defaults come from</h2>
 *
 * <ul>
 *   <li>Path patterns per format, redirect to HTTPS, and the {@code m}, {@code start} and {@code end} cache keys:
 *       CloudFront Developer Guide,
 *       <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/live-streaming.html">Serving live
 *       video formatted with AWS Elemental MediaPackage</a>. The guide's MSS pattern {@code index.ism/*} matches only
 *       the manifest name {@code index}; {@code *.ism/*} matches every name (MSS URLs end in
 *       {@code <manifest name>.ism/Manifest},
 *       <a href="https://docs.aws.amazon.com/mediapackage/latest/ug/time-shifted.html">time-shifted viewing</a>).</li>
 *   <li>Cache policy {@code Elemental-MediaPackage}, id
 *       {@value io.github.mediapackagecdn.core.provisioning.LiveCdnSettings#ELEMENTAL_MEDIAPACKAGE_CACHE_POLICY_ID}:
 *       <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html">
 *       managed cache policies</a>.</li>
 *   <li>One origin per channel, no edit or delete from MediaPackage, the link tag that must not change:
 *       <a href="https://docs.aws.amazon.com/mediapackage/latest/ug/cdns-create-mp.html">cdns-create-mp</a>,
 *       <a href="https://docs.aws.amazon.com/mediapackage/latest/ug/cdns-edit.html">cdns-edit</a>. The docs do not
 *       name the tag key; {@code mediapackage:cloudfront_assoc} with the channel ARN as value is what AWS's own
 *       solutions read and write (Media Services Application Mapper's {@code docs/RESOURCE_TAGS.md}, Live Streaming on
 *       AWS).</li>
 *   <li>Finding the distribution by tag: the console's IAM policy grants {@code tag:GetResources}
 *       (<a href="https://docs.aws.amazon.com/mediapackage/latest/ug/setting-up-create-non-admin-iam-cf.html">policy
 *       for CloudFront</a>); the Tagging API returns CloudFront distributions in {@code us-east-1} only (observed, not
 *       documented by AWS).</li>
 *   <li>UpdateDistribution replaces the whole configuration and needs the current ETag in {@code If-Match}; a stale one
 *       gets {@code PreconditionFailed} (412), a reused CallerReference {@code DistributionAlreadyExists}:
 *       <a href="https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html">UpdateDistribution</a>,
 *       <a href="https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateDistributionWithTags.html">CreateDistributionWithTags</a>.</li>
 *   <li>{@code InProgress} until a change has propagated, then {@code Deployed}:
 *       <a href="https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/HowToUpdateDistribution.html">updating
 *       a distribution</a>.</li>
 *   <li>UNCONFIRMED, so settings: the placeholder origin's id and domain, the origin id prefix {@code EMP-} and the
 *       comment are copied from third-party reconstructions of the console's output; price class, HTTP version, IPv6
 *       and the origin TLS version are not documented for MediaPackage at all.</li>
 * </ul>
 */
@ValueStyle
package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.model.ValueStyle;
