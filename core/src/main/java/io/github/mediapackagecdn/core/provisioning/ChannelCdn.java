package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.DistributionPlanning;
import static io.github.mediapackagecdn.core.cdn.Lifecycle.kind;
import static io.github.mediapackagecdn.core.cdn.Lifecycle.require;

import io.github.mediapackagecdn.core.cdn.Attaching;
import io.github.mediapackagecdn.core.cdn.AwaitingDeployment;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.FacadeBuilder;
import io.github.mediapackagecdn.core.cdn.Lifecycle;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.cdn.DistributionCreation;
import io.github.mediapackagecdn.core.cdn.LinkTags;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.TaggedChannels;
import io.github.mediapackagecdn.core.cdn.ReadingDetails;
import io.github.mediapackagecdn.core.cdn.FleetAuditing;
import io.github.mediapackagecdn.core.cdn.FleetRepairing;
import io.github.mediapackagecdn.core.cdn.Reconciling;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.cdn.RepairOptions;
import io.github.mediapackagecdn.core.cdn.RepairResult;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.port.Scheduler;
import io.github.mediapackagecdn.core.port.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MediaPackage console's CloudFront automation: save a live channel and get a distribution for it, save its
 * endpoints and the distribution gets the channel's origin and live-streaming cache behaviours, see the distribution's
 * id, description, status and CDN URLs beside the channel.
 *
 * <pre>{@code
 * ChannelCdn cdn = ChannelCdn.builder()
 *     .channels(channels)
 *     .distributions(distributions)
 *     .links(links)
 *     .build();
 * cdn.saveChannel(ChannelSpec.builder().id("live-news").createDistribution(true).build());
 * cdn.saveEndpoint(EndpointSpec.builder().id("live-news-hls").channelId("live-news").packaging(Packaging.HLS).build());
 * ChannelDetails details = cdn.awaitDeployed(ChannelId.of("live-news"), Duration.ofMinutes(30));
 * }</pre>
 *
 * <p>Saving never changes an existing distribution beyond adding what the channel's endpoints need; everything
 * else a user set in CloudFront stays as it is. Only {@link #teardown}, when asked, disables and deletes one. Every update is read, merge, write with {@code If-Match}; a stale
 * ETag is re-read and the merge re-applied, a bounded number of times. Thread-safe.
 *
 * <p>{@link Builder#listener} registers a {@link ProvisioningListener}, told of every step (channel saved,
 * distribution created or adopted, change planned, update sent, coalesced or retried after a 412, throttled, visibility
 * wait, failure); with none, the steps are logged at DEBUG only.
 *
 * <p>{@link #close()} releases what was handed over with {@link Builder#onClose(AutoCloseable)} (the AWS adapter
 * hands over the SDK clients it created itself, never clients the application gave it); a closed instance refuses
 * every call with an {@link IllegalStateException}.
 */
public final class ChannelCdn implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChannelCdn.class);

  private final CdnSettings settings;
  private final LiveCdnSettings layoutSettings;
  private final SavingChannel savingChannel;
  private final SavingEndpoints savingEndpoints;
  private final Attaching<Channel, OriginEndpoint> attaching;
  private final Reconciling<Channel, OriginEndpoint> reconciling;
  private final ReadingDetails<Channel, OriginEndpoint, ChannelDetails> readingDetails;
  private final AwaitingDeployment<ChannelId, ChannelDetails> awaitingDeployment;
  private final TearingDown tearingDown;
  private final FleetAuditing<Channel> auditing;
  private final FleetRepairing<Channel, OriginEndpoint> repairing;
  private final Planning planning;
  private final Channels channels;
  /** The ports this instance is built on, for {@link #toString()}. */
  private final String ports;
  /** The CDN identifiers, for {@link #toString()}, which says how many are remembered. */
  private final CdnIdentifiers identifiers;
  /** The wait, clock and settings, for {@link #toString()}. */
  private final String waitAndSettings;
  /** The closed check and what {@link #close()} closes, in the order it was handed over. */
  private final Lifecycle lifecycle;

  private ChannelCdn(Builder builder, FacadeBuilder.Options options) {
    List<String> problems = new ArrayList<>();
    if (builder.channels == null) {
      problems.add("channels port is not set");
    }
    if (builder.distributions == null) {
      problems.add("distributions port is not set");
    }
    if (builder.links == null) {
      problems.add("distribution links port is not set");
    }
    ValidationException.throwIfAny(problems);
    this.settings = builder.settings;
    this.layoutSettings = builder.layoutSettings;
    this.channels = builder.channels;
    Distributions distributions = builder.distributions;
    Listeners listeners = new Listeners(options.listeners(), options.clock());
    VisibilityWait visibility = new VisibilityWait(options.sleeper(), settings.visibilityBackoff(),
        settings.visibilityTimeout(), listeners);
    LinkResolution<Channel> links =
        LinkResolution.of(taggedChannels(channels), builder.links, settings, options.clock());
    LinkTags<Channel> linkTags = links.linkTags();
    this.identifiers = new CdnIdentifiers(options.identifierSource(), CdnIdentifiers.DEFAULT_CAPACITY);
    EndpointUpdates planner = new EndpointUpdates(settings, layoutSettings, identifiers::identifierFor);
    DistributionUpdaters<List<OriginEndpoint>> updaters =
        DistributionUpdaters.of(distributions, planner, settings, visibility, NotFound::distribution, listeners);
    V1Packager packager = new V1Packager(channels, updaters, settings, layoutSettings);
    this.reconciling = new Reconciling<>(packager, links, listeners);
    this.attaching = new Attaching<>(packager, links,
        new DistributionCreation<>(distributions, linkTags, links, visibility, settings.maxCallerReferenceGenerations(),
            settings.visibilityTimeout(), listeners), listeners);
    this.savingChannel = new SavingChannel(channels, settings, attaching, listeners);
    this.savingEndpoints =
        new SavingEndpoints(channels, distributions, links, identifiers, updaters, visibility, settings, layoutSettings,
            listeners);
    this.readingDetails = new ReadingDetails<>(new V1Describer(channels, settings), distributions, links);
    this.planning = new Planning(channels, new DistributionPlanning<>(distributions, links, linkTags, visibility,
        settings.cloudFrontQuotas()), identifiers, visibility, settings, layoutSettings);
    this.lifecycle = options.lifecycle("ChannelCdn", "channel CDN");
    this.awaitingDeployment = new AwaitingDeployment<>(
        id -> readingDetails.waitTarget(NotFound.existingChannel(channels, id)), lifecycle, distributions,
        options.sleeper(), options.clock(), options.scheduler(), listeners);
    this.tearingDown = new TearingDown(channels, distributions, linkTags, links, visibility, settings, options.clock());
    this.auditing = new FleetAuditing<>(new AuditingFleet(channels, settings, layoutSettings,
        identifiers::identifierFor), linkTags, distributions, builder.links, listeners);
    this.repairing = new FleetRepairing<>(ref -> channels.find(ChannelId.of(ref.name()))
        .map(channel -> FleetRepairing.Found.of(channel, packager))
        .orElseGet(() -> FleetRepairing.Found.left("the channel no longer exists")), links, options.sleeper(), listeners);
    this.ports = "channels " + kind(channels) + ", distributions " + kind(distributions) + ", links "
        + kind(builder.links);
    this.waitAndSettings = visibility + ", clock " + options.clock() + ", " + listeners.size() + " listeners, "
        + lifecycle.resources() + " resources to close, " + settings + ", " + layoutSettings;
  }

  /**
   * MediaPackage v1 channels as the engine's link rules see them: named by their id, linked by their ARN, their tags
   * read with DescribeChannel and written with TagResource ({@link Channels#tag}).
   */
  static TaggedChannels<Channel> taggedChannels(Channels channels) {
    return TaggedChannels.of(channel -> channel.id().ref(), channel -> channel.arn().value(), Channel::tags,
        (channel, tags) -> channels.tag(channel.arn(), tags));
  }

  /** A builder taking the three ports; settings, CDN identifiers, sleeper and clock have defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The settings both versions share that the distributions are created and updated with. */
  public CdnSettings settings() {
    return settings;
  }

  /** v1's layout settings the distributions and behaviours are laid out with. */
  public LiveCdnSettings layoutSettings() {
    return layoutSettings;
  }

  /**
   * Saves the channel in MediaPackage (creating it, or updating it when it differs from the spec), then, when {@link ChannelSpec#createDistribution()}
   * is set, makes sure the channel has its distribution: created with placeholder values if it has none, given the
   * channel's origin and cache behaviours if the channel already has endpoints. A CloudFront failure is reported in
   * the result beside the saved channel; saving again restarts the creation and never makes a second distribution.
   */
  public ChannelSaveResult saveChannel(ChannelSpec spec) {
    return savingChannel.save(lifecycle.open(spec, "channel spec"));
  }

  /**
   * Saves one endpoint in MediaPackage, then, if the channel has a linked distribution, adds the channel origin if
   * missing and the endpoint's cache behaviours. The distribution is found through the id recorded on the channel
   * (confirmed by the distribution's link tag), so an instance that did not create it finds it at once. With no
   * distribution the outcome says why: {@code NO_DISTRIBUTION}, {@code REQUESTED_BUT_MISSING} (save the channel
   * again) or {@code NOT_VISIBLE_YET} (reconcile later).
   * An endpoint that already is as the spec says is not written again.
   */
  public EndpointSaveResult saveEndpoint(EndpointSpec spec) {
    return saveEndpoints(List.of(require(spec, "endpoint spec")));
  }

  /**
   * Saves several endpoints of one channel, then updates the linked distribution once for all of them. Ids must be
   * distinct, every endpoint must belong to the same channel (an existing endpoint cannot move to another one), and
   * the batch may give one CDN identifier at most, the one the channel origin already sends if it sends one. All of
   * this is checked before anything is written, and refused with a {@link ValidationException}, or a
   * {@link ResourceConflictException} ({@code CDN_IDENTIFIER_MISMATCH}) for the origin's identifier.
   *
   * <p>When MediaPackage refuses an endpoint after saving some (its quota of endpoints a channel, say), the ones
   * saved still get their cache behaviours, and the result names the rest ({@link EndpointSaveResult#unsaved()}).
   * When it refuses the first, nothing was saved and its error is thrown. The CDN outcome is {@code NOT_SERVED} when
   * the distribution does not route a saved endpoint to it, with the reason.
   */
  public EndpointSaveResult saveEndpoints(List<EndpointSpec> specs) {
    return savingEndpoints.save(lifecycle.open(specs, "endpoint specs"));
  }

  /**
   * Adds a distribution to a channel that exists already, created elsewhere (SDK, CloudFormation, Terraform) or
   * saved without one; if the channel has endpoints, the distribution gets their origin and cache behaviours.
   * Idempotent: a channel that has its distribution keeps it. When the distribution exists but could not be given
   * what the endpoints need, the outcome is {@code FAILED} with its id; call again to complete it.
   *
   * @throws ProvisioningException when the channel cannot be read or no distribution could be created or found;
   *     nothing is lost, call again
   */
  public CdnOutcome attachDistribution(ChannelId channelId) {
    return attaching.attach(NotFound.existingChannel(channels, lifecycle.open(channelId, "channel id")),
        Optional.empty(), Map.of());
  }

  /**
   * Brings the channel's distribution to what its endpoints need, with the same idempotent merge as a save: for
   * callers that run it after a lag window (see {@link CdnOutcome.Action#NOT_VISIBLE_YET}) or on a schedule. A
   * distribution found through the tag index alone is recorded on the channel. Never creates a distribution (the
   * outcome says when the channel asked for one and has none) and never writes when nothing is missing.
   *
   * @throws ResourceNotFoundException when the channel does not exist
   */
  public CdnOutcome reconcile(ChannelId channelId) {
    return reconciling.reconcile(NotFound.existingChannel(channels, lifecycle.open(channelId, "channel id")));
  }

  /**
   * What the next {@link #reconcile} of the channel, or a save of its endpoints as they are, would change in its
   * distribution, without writing anything (it reads the channel, its endpoints, the link tags and the distribution).
   * The plan is built by the code the save applies, and a save sends exactly its {@link DistributionPlan#changes()}
   * (the {@code CHANGE_PLANNED} event carries them). A distribution that is not managed (none, link tag changed,
   * ambiguous link, not visible yet, requested but missing) is a plan that says why
   * ({@link DistributionPlan#notManaged()}), not an exception.
   *
   * @throws ResourceNotFoundException when the channel does not exist
   * @throws ResourceConflictException ({@code CDN_IDENTIFIER_MISMATCH}) or
   *     {@link io.github.mediapackagecdn.core.error.InvalidRequestException} (several egress hosts) or
   *     {@link ValidationException} (a CDN identifier needed and unknown): what the save would fail with, thrown as
   *     the layout throws it; any {@link ProvisioningException} of a read
   */
  public DistributionPlan plan(ChannelId channelId) {
    return planning.plan(lifecycle.open(channelId, "channel id"));
  }

  /** {@link #planSave(List)} of one endpoint: a dry run of {@link #saveEndpoint(EndpointSpec)}. */
  public DistributionPlan planSave(EndpointSpec spec) {
    return planSave(List.of(require(spec, "endpoint spec")));
  }

  /**
   * A dry run of {@link #saveEndpoints(List)}: the same checks, refused with the same typed errors before any call,
   * then what the save would change in the channel's distribution, with the endpoints as they would be saved. Nothing
   * is written, in MediaPackage or CloudFront, and no CDN identifier is remembered. An endpoint MediaPackage has not
   * created yet gets its egress host from the channel's other endpoints (a channel's endpoints share one host); on a
   * channel with none, the host is not known yet, and the plan says so ({@link DistributionPlan#egressHostKnown()}).
   * A distribution that is not managed is a plan with its reason, as for {@link #plan(ChannelId)}.
   *
   * @throws ValidationException when the batch is refused (as the save refuses it)
   * @throws ResourceNotFoundException when the channel does not exist
   * @throws ResourceConflictException ({@code CDN_IDENTIFIER_MISMATCH}) when the channel origin sends another CDN
   *     identifier; otherwise as {@link #plan(ChannelId)}
   */
  public DistributionPlan planSave(List<EndpointSpec> specs) {
    return planning.planSave(lifecycle.open(specs, "endpoint specs"));
  }

  /**
   * A dry run of {@link #saveChannel(ChannelSpec)}: the same checks, then what the save would do to CloudFront.
   * Nothing is written. A channel with no distribution gets a plan that creates one
   * ({@link DistributionPlan#newDistribution()}: its comment and tags), with the changes the channel's endpoints need
   * on it; a spec without {@code createDistribution} is a plan with reason {@code NOT_REQUESTED}; an ambiguous link
   * is a plan with reason {@code AMBIGUOUS_LINK}.
   *
   * @throws ValidationException when the spec sets the library's own channel tag (as the save refuses it)
   * @throws ProvisioningException as {@link #plan(ChannelId)}, when the channel has its distribution
   */
  public DistributionPlan planSave(ChannelSpec spec) {
    return planning.planSave(lifecycle.open(spec, "channel spec"));
  }

  /** What the console's channel details page shows: distribution id, description, status and each CDN URL. */
  public ChannelDetails details(ChannelId channelId) {
    return readingDetails.read(NotFound.existingChannel(channels, lifecycle.open(channelId, "channel id")));
  }

  /**
   * Waits until the channel is {@link ChannelDetails#readyForPlayers() ready for players}: its distribution is
   * {@code Deployed}, enabled, and routes every endpoint to it; answers the details then, whose CDN URLs can be handed
   * out. The three waits, what they read and what they throw: {@link DeploymentProgress}.
   */
  public ChannelDetails awaitDeployed(ChannelId channelId, Duration timeout) {
    return awaitingDeployment.await(channelId, timeout);
  }

  /**
   * The same wait, polled through the ports on the calling thread, with a progress after each read, pausing with the
   * {@link Builder#sleeper(Sleeper) sleeper}.
   */
  public ChannelDetails awaitDeployed(ChannelId channelId, Duration timeout, Consumer<DeploymentProgress> progress) {
    return awaitingDeployment.await(channelId, timeout, progress);
  }

  /** {@link #awaitDeployedAsync(ChannelId, Duration, Consumer)} without progress. */
  public CompletableFuture<ChannelDetails> awaitDeployedAsync(ChannelId channelId, Duration timeout) {
    return awaitDeployedAsync(channelId, timeout, ignored -> { });
  }

  /**
   * The same wait without holding a thread, polled on the {@link Builder#scheduler(Scheduler) scheduler}; cancelling
   * the answer, or {@link #close()}, stops the reads.
   */
  public CompletableFuture<ChannelDetails> awaitDeployedAsync(ChannelId channelId, Duration timeout,
      Consumer<DeploymentProgress> progress) {
    return awaitingDeployment.awaitAsync(channelId, timeout, progress);
  }

  /**
   * Removes what was made for the channel: its endpoints, then, only when {@link TeardownOptions#deleteDistribution()}
   * asks for it, the distribution whose link tag names the channel, then the channel. Saving never deletes or disables
   * anything; only this does. The walk, its idempotence and what it throws: {@link TeardownResult}.
   */
  public TeardownResult teardown(ChannelId channelId, TeardownOptions options) {
    return tearingDown.teardown(lifecycle.open(channelId, "channel id"), require(options, "teardown options"));
  }

  /**
   * Audits the whole account, read-only, in pages (never one call per channel): each channel with its distribution
   * and whether it serves every endpoint, and the findings: missing origin or behaviours, ambiguous links, orphans,
   * endpoints without a CDN URL, channels that asked for a distribution and have none, link tags changed since the
   * library linked them (as far as the tag index shows). For 1,000 channels with 4,000 endpoints: 25 calls. The
   * listeners hear one {@code AUDIT_READ} per listing (operation, time, items) and one {@code AUDIT_COMPLETED}.
   * {@link #repair(FleetAudit)} fixes what it found that the layout rules own.
   */
  public FleetAudit audit() {
    lifecycle.requireOpen();
    return auditing.audit();
  }

  /**
   * {@link #repair(FleetAudit, RepairOptions)} at the default rate, one update every
   * {@link RepairOptions#DEFAULT_UPDATE_INTERVAL}.
   */
  public RepairResult repair(FleetAudit audit) {
    return repair(audit, RepairOptions.defaults());
  }

  /**
   * Repairs what the audit found that the layout rules own: each channel {@code NOT_SERVED} gets the origin and cache
   * behaviours its distribution lacks (deleted in the CloudFront console, say), with the merge of a
   * {@link #reconcile}, one {@code UpdateDistribution} per channel at most. Never touches orphans, changed link tags
   * or ambiguous links: they are in {@link RepairResult#leftForPerson()}, with every other finding a person must act
   * on. Each channel and its link are read again first, so an old audit is safe: what changed since is left for a
   * person, what is served already is not written.
   *
   * <p>Keeps to {@link RepairOptions#updateInterval()} between updates, pausing with the
   * {@link Builder#sleeper(Sleeper) sleeper}. Resumable: a failed channel does not stop the others, a throttle,
   * {@link RepairOptions#maxUpdates()} or an interrupt stops the run, and {@code repair(result.remaining())} (or the
   * same audit again) goes on without repeating a write. The listeners hear {@code REPAIR_STARTED}, then per channel
   * {@code RATE_WAIT}, {@code REPAIRED}, {@code REPAIR_SKIPPED} or {@code FAILED}, then {@code REPAIR_COMPLETED}.
   *
   * <pre>{@code
   * FleetAudit audit = cdn.audit();
   * RepairResult result = cdn.repair(audit, RepairOptions.builder().updateInterval(Duration.ofMinutes(1)).build());
   * while (!result.complete()) {
   *   result = cdn.repair(result.remaining());
   * }
   * result.leftForPerson().forEach(System.out::println);
   * }</pre>
   *
   * @throws ValidationException when an argument is null, before any call
   */
  public RepairResult repair(FleetAudit audit, RepairOptions options) {
    return repairing.repair(lifecycle.open(audit, "audit"), require(options, "repair options"));
  }

  /**
   * How this instance is built: the kind of each port, of the CDN identifier source and the sleeper, the clock, the
   * settings. Never a CDN identifier, nor the text of a port or source that might hold one.
   */
  @Override
  public String toString() {
    return "ChannelCdn[" + (lifecycle.closed() ? "closed, " : "") + ports + ", " + identifiers + ", " + waitAndSettings
        + "]";
  }

  /**
   * Closes, once: cancels the deployment waits in progress and shuts down the scheduler this instance created, then
   * closes everything handed over with {@link Builder#onClose(AutoCloseable)}, each even when an earlier one
   * failed; later calls do nothing. Calls on a closed instance throw {@link IllegalStateException}.
   *
   * @throws IllegalStateException when a resource failed to close, with every failure (the first as its cause, the
   *     others suppressed)
   */
  @Override
  public void close() {
    lifecycle.close(awaitingDeployment::close,
        () -> log.debug("closed; released {} resources", lifecycle.resources()));
  }

  /**
   * Builds a {@link ChannelCdn} from the three ports; settings default to {@link CdnSettings#defaults()} and
   * {@link LiveCdnSettings#defaults()}.
   */
  public static final class Builder extends FacadeBuilder<Builder> {
    private Channels channels;
    private Distributions distributions;
    private DistributionLinks links;
    private CdnSettings settings = CdnSettings.defaults();
    private LiveCdnSettings layoutSettings = LiveCdnSettings.defaults();

    private Builder() {}

    /** The MediaPackage port. */
    public Builder channels(Channels channels) {
      this.channels = channels;
      return this;
    }

    /** The CloudFront port. */
    public Builder distributions(Distributions distributions) {
      this.distributions = distributions;
      return this;
    }

    /** The port that finds a channel's distribution by its link tag. */
    public Builder links(DistributionLinks links) {
      this.links = links;
      return this;
    }

    /**
     * The settings both versions share (the tags, the distributions' price class, HTTP version, IPv6, TLS and error
     * caching, the quotas, the visibility wait, the bounds of retries); {@link CdnSettings#defaults()} unless set.
     */
    public Builder settings(CdnSettings settings) {
      require(settings, "settings");
      this.settings = settings;
      return this;
    }

    /**
     * v1's layout of distributions and behaviours (cache and origin request policies, behaviour layout, placeholder
     * origin); {@link LiveCdnSettings#defaults()} unless set.
     */
    public Builder layoutSettings(LiveCdnSettings layoutSettings) {
      require(layoutSettings, "layout settings");
      this.layoutSettings = layoutSettings;
      return this;
    }

    /** Checks that the three ports are set and builds the facade. */
    public ChannelCdn build() {
      return new ChannelCdn(this, options());
    }
  }
}
