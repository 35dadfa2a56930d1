package io.github.mediapackagecdn.core.v2.provisioning;

import static io.github.mediapackagecdn.core.cdn.Lifecycle.kind;
import static io.github.mediapackagecdn.core.cdn.Lifecycle.require;

import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.cdn.AwaitingDeployment;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.DistributionPlanning;
import io.github.mediapackagecdn.core.cdn.FacadeBuilder;
import io.github.mediapackagecdn.core.cdn.FleetAuditing;
import io.github.mediapackagecdn.core.cdn.FleetRepairing;
import io.github.mediapackagecdn.core.cdn.Lifecycle;
import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.TaggedChannels;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.ReadingDetails;
import io.github.mediapackagecdn.core.cdn.RepairOptions;
import io.github.mediapackagecdn.core.cdn.RepairResult;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.port.Scheduler;
import io.github.mediapackagecdn.core.port.Sleeper;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The same one-save automation for MediaPackage v2: save a channel in its channel group and get one CloudFront
 * distribution for it, save its origin endpoints and the distribution serves them through an origin access control.
 *
 * <pre>{@code
 * ChannelCdnV2 cdn = ChannelCdnV2.builder()
 *     .channelGroups(groups)
 *     .cloudFrontPolicies(policies)
 *     .distributions(distributions)
 *     .links(links)
 *     .build();
 * cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
 * cdn.saveChannel(V2ChannelSpec.builder().id(V2ChannelId.of("live", "news")).createDistribution(true).build());
 * cdn.saveEndpoint(V2EndpointSpec.builder().id(V2EndpointId.of("live", "news", "hls"))
 *     .containerType(ContainerType.TS).addManifests(Manifest.of(ManifestType.HLS, "index")).build());
 * V2ChannelDetails details = cdn.details(V2ChannelId.of("live", "news"));
 * }</pre>
 *
 * <p>The distribution's origin is the group's egress domain, HTTPS only, signed by the account's one origin access
 * control {@value #ORIGIN_ACCESS_CONTROL_NAME} (origin type {@code mediapackagev2}, signing {@code always},
 * {@code sigv4}), found by name or created once. Each endpoint gets cache behaviours for
 * {@code /out/v1/<group>/<channel>/<endpoint>/}, compressed: manifests with the cache policy
 * {@value #MANIFEST_CACHE_POLICY_NAME}{@code -<8 hex>} (the query strings of {@link V2CdnSettings}), segments with
 * {@value #SEGMENT_CACHE_POLICY_NAME}{@code -<8 hex>} (none), both found by name or created once. Each endpoint's policy gets
 * one statement letting CloudFront read it for this distribution only, merged into the user's statements; an endpoint
 * with CDN authorization also gets AWS's statement allowing requests with a matching {@value #CDN_IDENTIFIER_HEADER},
 * which the origin then sends. Saving never changes what a user set in CloudFront; v2 updates send the ETag of the
 * latest read and are re-applied after a stale one, a bounded number of times. The steps are told to the listeners as
 * v1's {@link ProvisioningListener} events. With {@link Builder#secondaryRegion} every save is made in a second Region
 * too, and the distribution serves the endpoints from a media-quality-based origin group of the two. Only
 * {@link #teardown} deletes anything.
 * Thread-safe. {@link #close()} releases what was handed over with {@link Builder#onClose(AutoCloseable)} (the AWS
 * adapter hands over the SDK clients it created itself, never clients the application gave it); a closed instance
 * refuses every call with an {@link IllegalStateException}, before any call to AWS.
 */
public final class ChannelCdnV2 implements AutoCloseable {

  /** The name of the account's one origin access control for MediaPackage v2 origins. */
  public static final String ORIGIN_ACCESS_CONTROL_NAME = "mediapackage-cdn-v2";

  /**
   * The start of the names of the library's manifest cache policies: {@code mediapackage-cdn-v2-manifests-<8 hex>},
   * the hex digits a digest of the policy's settings, so that other settings make another policy. Names that start so
   * are the library's: its behaviours still on an earlier one move to the current one.
   */
  public static final String MANIFEST_CACHE_POLICY_NAME = "mediapackage-cdn-v2-manifests";

  /** The start of the names of the library's segment cache policies, as {@link #MANIFEST_CACHE_POLICY_NAME}. */
  public static final String SEGMENT_CACHE_POLICY_NAME = "mediapackage-cdn-v2-segments";

  /**
   * The header the origin sends MediaPackage v2 when an endpoint uses CDN authorization (v1's is
   * {@code X-MediaPackage-CDNIdentifier}): its value is the CDN identifier, 8 to 256 characters, that the secret holds
   * under the JSON key {@code MediaPackageV2CDNIdentifier}.
   */
  public static final String CDN_IDENTIFIER_HEADER = "X-MediaPackageV2-CDNIdentifier";

  private final SavingChannelGroup savingGroup;
  private final SavingV2Channel savingChannel;
  private final SavingV2Endpoints savingEndpoints;
  private final ChannelGroups groups;
  private final ReadingDetails<V2Channel, V2Describer.Listed, V2ChannelDetails> readingDetails;
  private final PlanningV2 planning;
  private final AwaitingDeployment<V2ChannelId, V2ChannelDetails> awaitingDeployment;
  private final TearingDownV2 tearingDown;
  private final FleetAuditing<V2Channel> auditing;
  private final FleetRepairing<V2Channel, V2Endpoint> repairing;
  private final GroupDistributions groupDistributions;
  private final TearingDownGroup tearingDownGroup;
  private final MovingV2Channel moving;
  private final String description;
  private final Lifecycle lifecycle;

  private ChannelCdnV2(Builder builder, FacadeBuilder.Options options) {
    List<String> problems = new ArrayList<>();
    if (builder.groups == null) {
      problems.add("channel groups port is not set");
    }
    if (builder.policies == null) {
      problems.add("CloudFront policies port is not set");
    }
    if (builder.distributions == null) {
      problems.add("distributions port is not set");
    }
    if (builder.links == null) {
      problems.add("distribution links port is not set");
    }
    ValidationException.throwIfAny(problems);
    CdnSettings settings = builder.settings;
    V2Events events = new V2Events(options.listeners(), options.clock());
    LinkResolution<V2Channel> links = LinkResolution.of(TaggedChannels.of(channel -> channel.id().ref(),
        V2Channel::arn, V2Channel::tags, (channel, tags) -> builder.groups.tagChannel(channel.arn(), tags)),
        builder.links, settings, options.clock());
    LinkTags<V2Channel> linkTags = links.linkTags();
    VisibilityWait visibility = new VisibilityWait(options.sleeper(), settings.visibilityBackoff(),
        settings.visibilityTimeout(), events.listeners());
    SharedPolicies shared = new SharedPolicies(builder.policies, ORIGIN_ACCESS_CONTROL_NAME,
        V2Layout.manifestPolicy(builder.v2Settings), V2Layout.segmentPolicy(builder.v2Settings), settings.cloudFrontQuotas());
    Optional<ChannelGroups> secondary = Optional.ofNullable(builder.secondary);
    V2Side v2 = new V2Side(builder.groups, secondary, builder.distributions, shared, visibility, settings,
        builder.v2Settings, events);
    this.savingGroup = new SavingChannelGroup(builder.groups, secondary);
    V2EndpointUpdates planner = new V2EndpointUpdates(settings, builder.v2Settings);
    DistributionUpdaters<V2EndpointUpdates.Request> updaters = DistributionUpdaters.of(builder.distributions,
        planner, settings, visibility, V2NotFound::distribution, events.listeners());
    // a group's distribution: named <group>/* (every channel of the group), linked by the group's ARN, tagged on it
    LinkResolution<ChannelGroup> groupLinks = LinkResolution.of(TaggedChannels.of(
        group -> ChannelRef.of(group.name(), GroupDistributions.EVERY_CHANNEL), ChannelGroup::arn, ChannelGroup::tags,
        (group, tags) -> builder.groups.tagGroup(group.arn(), tags)), builder.links, settings, options.clock());
    LinkTags<ChannelGroup> groupTags = groupLinks.linkTags();
    this.groupDistributions = new GroupDistributions(v2, groupTags, groupLinks, DistributionUpdaters.of(
            builder.distributions, new GroupLayoutUpdates(settings, builder.v2Settings), settings, visibility,
            V2NotFound::distribution, events.listeners()));
    this.tearingDownGroup = new TearingDownGroup(builder.groups, builder.distributions, groupTags, groupLinks,
        visibility, settings.maxUpdateAttempts(), options.clock());
    ServingEndpoints serving = new ServingEndpoints(v2, options.identifierSource(), planner, updaters);
    this.savingChannel = new SavingV2Channel(v2, linkTags, links, serving, groupDistributions);
    this.savingEndpoints = new SavingV2Endpoints(v2, links, serving, groupDistributions);
    this.groups = builder.groups;
    this.readingDetails =
        new ReadingDetails<>(new V2Describer(builder.groups, settings, groupDistributions), builder.distributions,
            links);
    this.planning = new PlanningV2(v2, new DistributionPlanning<>(builder.distributions, links, linkTags, visibility,
        settings.cloudFrontQuotas()), serving, planner, groupDistributions, new DistributionPlanning<>(
            builder.distributions, groupLinks, groupTags, visibility, settings.cloudFrontQuotas()));
    this.lifecycle = options.lifecycle("ChannelCdnV2", "v2 channel CDN");
    this.awaitingDeployment = new AwaitingDeployment<>(
        id -> readingDetails.waitTarget(V2NotFound.channel(builder.groups, id)), lifecycle, builder.distributions,
        options.sleeper(), options.clock(), options.scheduler(), events.listeners());
    this.tearingDown = new TearingDownV2(v2, linkTags, links, options.clock());
    this.auditing = new FleetAuditing<>(new AuditingV2Fleet(builder.groups, shared, settings, builder.v2Settings),
        linkTags, builder.distributions, builder.links, events.listeners());
    this.repairing = new FleetRepairing<>(new RepairingV2Fleet(builder.groups,
        group -> new V2Packager(v2, group, serving), groupDistributions), links, options.sleeper(), events.listeners());
    this.moving = new MovingV2Channel(v2, linkTags, links, groupDistributions, serving, options.clock());
    this.description = "ChannelCdnV2[channel groups " + kind(builder.groups)
        + secondary.map(second -> ", secondary Region " + kind(second)).orElse("")
        + ", policies " + kind(builder.policies) + ", distributions " + kind(builder.distributions)
        + ", links " + kind(builder.links) + ", "
        + events.size() + " listeners]";
  }

  /** A builder taking the four ports; settings, CDN identifiers, sleeper, clock and listeners have defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Makes sure the channel group exists: an existing one is answered as it is, a missing one created (at most
   * 3 an account). With {@link ChannelGroupSpec#createDistribution()}, in the distribution scope
   * {@link V2CdnSettings.DistributionScope#CHANNEL_GROUP}, the group then has its one distribution: the one linked to
   * it by the link tag (value: the group's ARN), or a new one, its CallerReference derived from the group's ARN (never
   * a second, whichever instance saves), with cache behaviours for every channel of the group. Saving a channel or an
   * endpoint of the group then writes nothing to CloudFront.
   *
   * @throws ValidationException when the spec asks for a distribution in the channel scope, before any call
   * @throws io.github.mediapackagecdn.core.error.QuotaExceededException when the account has 3 groups already
   * @throws io.github.mediapackagecdn.core.error.ProvisioningException when CloudFront fails: the group IS saved;
   *     save it again (never a second distribution)
   */
  public ChannelGroup saveChannelGroup(ChannelGroupSpec spec) {
    lifecycle.open(spec, "channel group spec");
    if (spec.createDistribution() && !groupDistributions.enabled()) {
      throw new ValidationException("channel group " + spec.name() + " asks for a distribution of its own, which"
          + " needs the v2 setting distributionScope(CHANNEL_GROUP); in the scope CHANNEL each channel gets its own");
    }
    ChannelGroup group = savingGroup.save(spec);
    if (spec.createDistribution()) {
      groupDistributions.ensure(group);
    }
    return group;
  }

  /**
   * Saves the channel in its group (created, or updated with its ETag when its description differs), then, when
   * {@link V2ChannelSpec#createDistribution()} is set, makes sure it has one distribution, tagged with its ARN, and
   * records the distribution's id on the channel in the tag {@link CdnSettings#channelTagKey()} (TagResource), as
   * v1 does, so that every instance finds it while the tag index lags. A CloudFront failure is reported in the result
   * beside the saved channel; saving again never makes a second one. In the distribution scope
   * {@link V2CdnSettings.DistributionScope#CHANNEL_GROUP}, the channel gets its group's distribution instead (made now
   * when the group has none) and the save writes nothing to CloudFront once the group has it, unless the group's
   * layout lacks something (a behaviour a person removed), which it completes; a channel that has a distribution of
   * its own keeps it.
   *
   * @throws ValidationException when the spec's tags hold the library's own key {@link CdnSettings#channelTagKey()}
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the group does not exist
   * @throws io.github.mediapackagecdn.core.error.QuotaExceededException when the group has 10 channels already
   */
  public V2ChannelSaveResult saveChannel(V2ChannelSpec spec) {
    return savingChannel.save(lifecycle.open(spec, "channel spec"));
  }

  /**
   * Adds a distribution to a channel that exists already, created elsewhere (SDK, CloudFormation, Terraform) or saved
   * without one, as v1's {@code attachDistribution}: its endpoints are then served. Idempotent: a channel that has its
   * distribution keeps it. A CloudFront failure is the outcome {@code FAILED}; call again to complete it.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the group or channel does not exist
   */
  public CdnOutcome attachDistribution(V2ChannelId channel) {
    return savingChannel.attach(lifecycle.open(channel, "channel id"));
  }

  /**
   * Brings the channel's distribution to what its endpoints need, as v1's {@code reconcile}: after a save whose
   * CloudFront part failed, or once a distribution tagged by hand shows in the tag index. Never creates a
   * distribution; writes nothing when nothing is missing. {@code NO_DISTRIBUTION}, {@code REQUESTED_BUT_MISSING} or
   * {@code NOT_VISIBLE_YET} (with {@link CdnOutcome#advice()}) when the channel has none. In the distribution scope
   * {@link V2CdnSettings.DistributionScope#CHANNEL_GROUP}, a channel served by its group's distribution has that
   * distribution brought to the group's layout (what a person removed of it is added back, with the ETag of the read,
   * their own settings kept) and its endpoints' policies given the statement for it.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the group or channel does not exist
   */
  public CdnOutcome reconcile(V2ChannelId channel) {
    return savingChannel.reconcile(lifecycle.open(channel, "channel id"));
  }

  /** Saves one endpoint, as {@link #saveEndpoints(List)}. */
  public V2EndpointSaveResult saveEndpoint(V2EndpointSpec spec) {
    return saveEndpoints(List.of(require(spec, "endpoint spec")));
  }

  /**
   * Saves endpoints of one channel, then, when the channel has a distribution, gives each endpoint's policy the
   * library's statement and the distribution the origin and behaviours they need, in one update. Refused before any
   * call with a {@link ValidationException}: names given twice, an endpoint of another channel, more than 10, two
   * different CDN identifiers. With CDN authorization, refused before any write when the distribution could not
   * serve it (the distribution is read first): an identifier other than the one the origin sends, or none known (not
   * in the spec, not from {@link Builder#cdnIdentifiers}) while the origin sends none; MediaPackage would answer 403.
   * An endpoint whose policy already has CDN authorization that cannot be served is a {@code FAILED} outcome, with
   * nothing written to its policy or the distribution. The distribution is found through the id recorded on the
   * channel (confirmed by the distribution's link tag, read from CloudFront), so an instance that did not create it
   * finds it at once; with none, the outcome says why: {@code NO_DISTRIBUTION}, {@code REQUESTED_BUT_MISSING} (save
   * the channel again) or {@code NOT_VISIBLE_YET}. In the distribution scope
   * {@link V2CdnSettings.DistributionScope#CHANNEL_GROUP}, a channel without a distribution of its own is served by its
   * group's: each endpoint's policy gets the statement for it, nothing is written to CloudFront, and the outcome is
   * {@code UNCHANGED} (or {@code NOT_SERVED} when a behaviour of yours sends an endpoint elsewhere); CDN authorization
   * is refused there before any call.
   *
   * @throws io.github.mediapackagecdn.core.error.QuotaExceededException when the channel would have more than 10
   * @throws ValidationException when a spec gives CDN authorization, no identifier is known and the origin sends none
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException ({@code CDN_IDENTIFIER_MISMATCH}) when the
   *     origin already sends another identifier (the library does not rotate identifiers)
   */
  public V2EndpointSaveResult saveEndpoints(List<V2EndpointSpec> specs) {
    return savingEndpoints.save(lifecycle.open(specs, "endpoint specs"));
  }

  /**
   * What the next save or reconcile of the channel would do, as v1's {@code ChannelCdn.plan}: the changes to its
   * distribution, exactly as the update then sends them (its {@code CHANGE_PLANNED} event carries the same change
   * set), and the endpoint policies the save would write ({@link DistributionPlan#packagerWrites()}). Read-only:
   * nothing is written in MediaPackage or CloudFront, and no shared policy is created (one not created yet is a
   * stand-in id in the plan). A distribution that is not managed (none, link tag changed, ambiguous, requested but
   * missing, not visible yet) is a plan that says why ({@link DistributionPlan#notManaged()}), not an exception.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the group or channel does not exist
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException ({@code CDN_IDENTIFIER_MISMATCH}) when an
   *     origin sends another identifier than the one the save would use, as the save reports it
   */
  public DistributionPlan plan(V2ChannelId channel) {
    return planning.plan(lifecycle.open(channel, "channel id"));
  }

  /** {@link #planSave(List)} of one endpoint: a dry run of {@link #saveEndpoint(V2EndpointSpec)}. */
  public DistributionPlan planSave(V2EndpointSpec spec) {
    return planSave(List.of(require(spec, "endpoint spec")));
  }

  /**
   * A dry run of {@link #saveEndpoints(List)}: the specs are checked as the save checks them (same typed errors,
   * before any call), then the plan is made with the channel's endpoints as the save would leave them, the specs'
   * CDN authorization and identifier included. Nothing is saved.
   *
   * @throws ValidationException as the save, for bad input
   * @throws io.github.mediapackagecdn.core.error.QuotaExceededException as the save, when the channel would have more
   *     than 10 endpoints or the distribution would exceed a quota
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the group or channel does not exist
   */
  public DistributionPlan planSave(List<V2EndpointSpec> specs) {
    return planning.planSave(lifecycle.open(specs, "endpoint specs"));
  }

  /**
   * A dry run of {@link #saveChannel(V2ChannelSpec)}: a channel with no distribution gets a plan that creates one
   * ({@link DistributionPlan#newDistribution()}: its comment and tags), with the changes and policy writes its
   * endpoints need on it; a spec without {@code createDistribution} is a plan with reason {@code NOT_REQUESTED}; an
   * ambiguous link is a plan with reason {@code AMBIGUOUS_LINK}. Nothing is saved.
   *
   * @throws ValidationException as the save, for the library's own tag key or a channel ARN too long for the link tag
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the group does not exist
   */
  public DistributionPlan planSave(V2ChannelSpec spec) {
    return planning.planSave(lifecycle.open(spec, "channel spec"));
  }

  /** The channel's distribution and the CDN URL of every manifest of every endpoint. */
  public V2ChannelDetails details(V2ChannelId channel) {
    return readingDetails.read(V2NotFound.channel(groups, lifecycle.open(channel, "channel id")));
  }

  /**
   * Waits until the channel is {@link V2ChannelDetails#readyForPlayers() ready for players}, as v1's: its
   * distribution is {@code Deployed}, enabled, and routes every endpoint; answers the details then. The three waits,
   * what they read and what they throw: {@link DeploymentProgress}.
   */
  public V2ChannelDetails awaitDeployed(V2ChannelId channel, Duration timeout) {
    return awaitingDeployment.await(channel, timeout);
  }

  /** The same wait, on the calling thread with a progress after each read (see {@link DeploymentProgress}). */
  public V2ChannelDetails awaitDeployed(V2ChannelId channel, Duration timeout, Consumer<DeploymentProgress> progress) {
    return awaitingDeployment.await(channel, timeout, progress);
  }

  /** {@link #awaitDeployedAsync(V2ChannelId, Duration, Consumer)} without progress. */
  public CompletableFuture<V2ChannelDetails> awaitDeployedAsync(V2ChannelId channel, Duration timeout) {
    return awaitDeployedAsync(channel, timeout, ignored -> { });
  }

  /** The same wait on the {@link Builder#scheduler(Scheduler) scheduler}, holding no thread. */
  public CompletableFuture<V2ChannelDetails> awaitDeployedAsync(V2ChannelId channel, Duration timeout,
      Consumer<DeploymentProgress> progress) {
    return awaitingDeployment.awaitAsync(channel, timeout, progress);
  }

  /**
   * Removes the channel as v1's {@code teardown} does (the walk: {@link TeardownResult}): its endpoints, whose
   * policies go with them, then, when {@link TeardownOptions#deleteDistribution()} is set, its own distribution, then
   * the channel; with a secondary Region, its endpoints and channel there too. The channel group is kept, and so is
   * a group's distribution ({@link #teardownGroup}).
   */
  public TeardownResult teardown(V2ChannelId channel, TeardownOptions options) {
    return tearingDown.teardown(lifecycle.open(channel, "channel id"), require(options, "teardown options"));
  }

  /**
   * Audits every v2 channel of the region and every distribution of the account, read-only, as v1's
   * {@code ChannelCdn.audit()}: each channel with its distribution and whether it serves every endpoint (what is
   * missing: the group's origin, its origin access control, behaviours, endpoint policies' statements, the CDN
   * identifier header), and the findings: v1's ({@code NOT_SERVED}, {@code AMBIGUOUS_LINK}, {@code ORPHAN},
   * {@code ENDPOINT_WITHOUT_CDN_URL}, {@code REQUESTED_BUT_MISSING}, {@code LINK_TAG_CHANGED},
   * {@code DISTRIBUTION_GONE}) and v2's own ({@code ENDPOINT_POLICY_WITHOUT_STATEMENT},
   * {@code SHARED_POLICY_CHANGED}, {@code GROUP_DISTRIBUTION_GONE}). In the distribution scope
   * {@link V2CdnSettings.DistributionScope#CHANNEL_GROUP}, a channel without a distribution of its own (or moved to
   * its group's) is judged by its group's distribution and the group's layout (origin, manifest and segment
   * behaviours); none carrying the group's tag while the group asked for one is {@code GROUP_DISTRIBUTION_GONE}. Read
   * in pages of 100: with G groups, C channels, D distributions and T link tags, and G' groups and E' endpoints of
   * channels judged (with a linked distribution, or in group scope without one of their own: their group is read
   * to find its distribution), {@code 1 + G + 2C + 2 + 1 + 1 + G' + E'}
   * calls while each listing fits in one page (v2 lists neither a channel's tags nor a group's egress domain, so
   * GetChannel and GetChannelGroup; a policy is read only for a linked channel's endpoint). The listeners hear
   * {@code AUDIT_READ} per read and one {@code AUDIT_COMPLETED}.
   */
  public FleetAudit audit() {
    lifecycle.requireOpen();
    return auditing.audit();
  }

  /**
   * {@link #repair(FleetAudit, RepairOptions)} at the default rate, one channel every
   * {@link RepairOptions#DEFAULT_UPDATE_INTERVAL}.
   */
  public RepairResult repair(FleetAudit audit) {
    return repair(audit, RepairOptions.defaults());
  }

  /**
   * Repairs what the audit found that v2's rules own, as v1's {@code ChannelCdn.repair}: each channel
   * {@code NOT_SERVED} gets its endpoint policies' statements for its distribution and the origin, header and
   * behaviours the distribution lacks, with the merge of a {@link #reconcile}: at most one
   * {@code UpdateDistribution} per channel; a channel served by its group's distribution gets the group's origin and
   * behaviours back on it (one update for the group: the channels after the first find nothing missing) and its
   * policies' statements for it. Never touches orphans, changed link tags, distributions gone, ambiguous
   * links or shared policies changed by hand: they are in {@link RepairResult#leftForPerson()}. Each channel and its
   * link are read again first, so an old audit is safe. Keeps to {@link RepairOptions#updateInterval()} between
   * channels, pausing with the {@link Builder#sleeper(Sleeper) sleeper}; resumable: {@code repair(result.remaining())}
   * (or the same audit again) goes on without repeating a write.
   *
   * @throws ValidationException when an argument is null, before any call
   */
  public RepairResult repair(FleetAudit audit, RepairOptions options) {
    return repairing.repair(lifecycle.open(audit, "audit"), require(options, "repair options"));
  }

  /**
   * Removes the distribution of the channel group {@code group} (distribution scope
   * {@link V2CdnSettings.DistributionScope#CHANNEL_GROUP}), when no channel of the group remains and
   * {@link TeardownOptions#deleteDistribution()} is set: the distribution whose own link tag names the group's ARN,
   * disabled, awaited until {@code Deployed}, deleted. The group itself is kept. A channel's {@link #teardown} never
   * touches its group's distribution. Idempotent: {@code ALREADY_GONE} when none is linked, {@code NOT_LOOKED_UP}
   * when the group is gone. The result names the group as {@code <group>/*} and the distribution deleted, or left
   * because its link tag no longer names the group.
   *
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException with reason {@code IN_USE}, naming the
   *     channels, when the group still has channels, before anything is deleted
   * @throws io.github.mediapackagecdn.core.error.DeploymentTimeoutException when the disabled distribution is not
   *     {@code Deployed} within {@link TeardownOptions#deploymentTimeout()}; run again later
   */
  public TeardownResult teardownGroup(String group, TeardownOptions options) {
    return tearingDownGroup.teardown(lifecycle.open(group, "channel group name"),
        require(options, "teardown options"));
  }

  /**
   * Moves a channel that has a distribution of its own to its group's (distribution scope
   * {@link V2CdnSettings.DistributionScope#CHANNEL_GROUP}); nothing moves otherwise, not even by a save. In this order,
   * each step idempotent, so that players are served at every step and running it again after a failure goes on from
   * where it stopped: the group's distribution, made when missing; each endpoint policy gains the group
   * distribution's statement and keeps the own distribution's; the channel tag records the move (only then are the
   * details' CDN URLs on the group distribution's domain); then, only with {@link TeardownOptions#deleteDistribution()},
   * the own distribution, if its link tag still names the channel, is disabled, awaited and deleted, and its
   * statement leaves the policies. Without it, the own distribution stays in place and keeps serving its URLs: tear it
   * down with this option later. The listeners hear {@code CHANNEL_MOVED} once the channel tag records the move, then
   * {@code PREVIOUS_ACCESS_REMOVED} when asked for, or {@code FAILED} (the exception follows).
   *
   * @throws ValidationException in the scope {@code CHANNEL}, before any call
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException ({@code NOT_SERVED}) when the group's
   *     distribution does not route an endpoint of the channel (a behaviour of yours in the way), or, with a
   *     {@link Builder#secondaryRegion}, does not send its requests to the media-quality-based origin group of both
   *     Regions (a group's distribution made without the secondary Region), before any write
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException ({@code SHARED_POLICY_MISMATCH}) when the
   *     group has no distribution yet and a shared setting found by the library's name is not the library's, before
   *     any write
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the group or channel does not exist
   */
  public V2MoveResult moveToGroupDistribution(V2ChannelId channel, TeardownOptions options) {
    return moving.move(lifecycle.open(channel, "channel id"), V2MovePlan.Target.GROUP_DISTRIBUTION,
        require(options, "teardown options"));
  }

  /**
   * Moves a channel served by its group's distribution to a distribution of its own (distribution scope
   * {@link V2CdnSettings.DistributionScope#CHANNEL_GROUP}): the one still linked to it from before, or a new one,
   * its CallerReference derived from the channel's ARN (never a second). In this order, each step idempotent: the
   * channel tag says it is served by the group (so that the new distribution's link does not move its URLs yet), the
   * distribution, each endpoint policy gains its statement and keeps the group's, the distribution gets the
   * endpoints' behaviours, then the channel tag records it (only then are the details' CDN URLs on its domain); with
   * {@link TeardownOptions#deleteDistribution()}, the group's statement then leaves the policies. The group's
   * distribution is never touched. A distribution that does not route an endpoint is {@code NOT_SERVED} in
   * {@link V2MoveResult#to()}, and the channel stays on its group's (the endpoint policies written, the channel tag
   * not; {@link #planMove} says so beforehand). The listeners hear the creation's and update's
   * steps, {@code CHANNEL_MOVED} once the channel tag records the move, then {@code PREVIOUS_ACCESS_REMOVED} when asked
   * for, or {@code FAILED}. After a move to the group that deleted the
   * channel's own distribution, the channel tag still records the deleted id, so a new one is made as after a console
   * deletion: with the next CallerReference generation when CloudFront keeps the deleted one's taken.
   *
   * @throws ValidationException in the scope {@code CHANNEL}, before any call
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException ({@code SHARED_POLICY_MISMATCH}) when a
   *     shared setting found by the library's name is not the library's (the move creates the distribution, or gives
   *     it the endpoints' behaviours), before any write
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the group or channel does not exist
   */
  public V2MoveResult moveToOwnDistribution(V2ChannelId channel, TeardownOptions options) {
    return moving.move(lifecycle.open(channel, "channel id"), V2MovePlan.Target.OWN_DISTRIBUTION,
        require(options, "teardown options"));
  }

  /**
   * A dry run of {@link #moveToGroupDistribution} or {@link #moveToOwnDistribution} ({@code target}) with these
   * options: the distributions before and after, whether one is created, the MediaPackage writes in order, and
   * whether the previous access goes. Reads only. It makes the move's checks and is refused with the move's typed
   * errors, so that it never lists writes the move would refuse to make. When the channel's own distribution would
   * not route an endpoint, {@link V2MovePlan#notServed()} says why and the plan lists only the endpoint policies: the
   * move ends {@code NOT_SERVED} there.
   *
   * @throws ValidationException in the scope {@code CHANNEL}, or a null argument, before any call
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException ({@code NOT_SERVED}) as
   *     {@link #moveToGroupDistribution} refuses: the group's distribution exists and does not route an endpoint of the
   *     channel (a behaviour of yours in the way), or, with a {@link Builder#secondaryRegion}, does not send its
   *     requests to the media-quality-based origin group of both Regions; same message, after the same reads
   * @throws io.github.mediapackagecdn.core.error.ResourceConflictException ({@code SHARED_POLICY_MISMATCH}) as both
   *     moves refuse a shared setting found by the library's name that is not the library's; same message, after the
   *     same reads
   * @throws io.github.mediapackagecdn.core.error.ResourceNotFoundException when the group or channel does not exist
   */
  public V2MovePlan planMove(V2ChannelId channel, V2MovePlan.Target target, TeardownOptions options) {
    return moving.plan(lifecycle.open(channel, "channel id"), require(target, "target"),
        require(options, "teardown options"));
  }

  /**
   * Closes everything handed over with {@link Builder#onClose(AutoCloseable)}, each even when an earlier one failed;
   * later calls do nothing.
   *
   * @throws IllegalStateException when a resource failed to close, with every failure (the first as its cause, the
   *     others suppressed)
   */
  @Override
  public void close() {
    lifecycle.close(awaitingDeployment::close, () -> { });
  }

  /** The kind of each port and the number of listeners; never a secret. */
  @Override
  public String toString() {
    return description;
  }

  /**
   * Builds a {@link ChannelCdnV2} from its four ports; the options both facades share are set as on v1's builder. A
   * v2 secret given to {@link #cdnIdentifiers} holds its identifier under the JSON key
   * {@code MediaPackageV2CDNIdentifier}.
   */
  public static final class Builder extends FacadeBuilder<Builder> {
    private ChannelGroups groups;
    private ChannelGroups secondary;
    private CloudFrontPolicies policies;
    private Distributions distributions;
    private DistributionLinks links;
    private CdnSettings settings = CdnSettings.defaults();
    private V2CdnSettings v2Settings = V2CdnSettings.defaults();

    private Builder() {}

    /** The MediaPackage v2 port. */
    public Builder channelGroups(ChannelGroups groups) {
      this.groups = groups;
      return this;
    }

    /**
     * MediaPackage v2 in a second Region, for CloudFront's media quality-aware resiliency; none unless set. Then every
     * channel group, channel and endpoint saved is saved there too, with the same names and settings, each endpoint's
     * policy there gets the same statement, and the distribution gets the second group's egress domain as a second
     * origin ({@code EMP2-<group>-<Region>}) and an origin group of the two ({@code EMP2-<group>-mqar}, selection
     * criteria {@code media-quality-based}, failing over on 404 and 5xx) that the endpoints' cache behaviours
     * target; behaviours saved before on the group's origin are moved to it. The encoders must send both channels
     * epoch-locked CMAF ingest for the two Regions' segments to match.
     */
    public Builder secondaryRegion(ChannelGroups secondary) {
      require(secondary, "secondary Region's channel groups port");
      this.secondary = secondary;
      return this;
    }

    /** The CloudFront origin access controls and cache policies port. */
    public Builder cloudFrontPolicies(CloudFrontPolicies policies) {
      this.policies = policies;
      return this;
    }

    /** The CloudFront distributions port, shared with v1. */
    public Builder distributions(Distributions distributions) {
      this.distributions = distributions;
      return this;
    }

    /** The port that finds a channel's distribution by its link tag, shared with v1. */
    public Builder links(DistributionLinks links) {
      this.links = links;
      return this;
    }

    /**
     * The settings both versions share: the link and channel tag keys, the price class, HTTP version, IPv6, origin TLS
     * versions, error caching, comment format, console link, CloudFront quotas, the visibility wait and the bounds of
     * update attempts and CallerReference generations; {@link CdnSettings#defaults()} unless set. v2's layout has its
     * own settings, {@link #v2Settings(V2CdnSettings)}.
     */
    public Builder settings(CdnSettings settings) {
      require(settings, "settings");
      this.settings = settings;
      return this;
    }

    /**
     * The v2-only settings (the manifests' cache key query strings, the timeouts and Origin Shield of the origins the
     * library creates); {@link V2CdnSettings#defaults()} unless set. A change takes effect on the next save of each
     * channel: its behaviours still on the library's earlier cache policy move to the policy of the new settings, and
     * those without a response headers policy get the one the settings name; an origin that already exists keeps its
     * timeouts and Origin Shield.
     */
    public Builder v2Settings(V2CdnSettings v2Settings) {
      require(v2Settings, "v2 settings");
      this.v2Settings = v2Settings;
      return this;
    }

    /** Checks that the four ports are set and builds the facade. */
    public ChannelCdnV2 build() {
      return new ChannelCdnV2(this, options());
    }
  }
}
