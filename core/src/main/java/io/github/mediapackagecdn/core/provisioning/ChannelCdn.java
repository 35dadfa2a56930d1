package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.port.Distributions;
import io.github.mediapackagecdn.core.port.CdnIdentifierSource;
import io.github.mediapackagecdn.core.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
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
 * <p>{@link #close()} releases what was handed over with {@link Builder#onClose(AutoCloseable)} (the AWS adapter
 * hands over the SDK clients it created itself, never clients the application gave it); a closed instance refuses
 * every call with an {@link IllegalStateException}.
 */
public final class ChannelCdn implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChannelCdn.class);
  private static final Duration MAX_VISIBILITY_PAUSE = Duration.ofSeconds(5);

  private final Channels channels;
  private final Distributions distributions;
  private final DistributionLinks links;
  private final LiveCdnSettings settings;
  private final CdnIdentifierSource identifierSource;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DistributionResolver resolver;
  /** One updater per distribution: serializes its updates in this process and coalesces endpoint changes. */
  private final Map<DistributionId, DistributionUpdater> updaters = new ConcurrentHashMap<>();
  /** Distributions this instance created or adopted, by channel ARN, while their tag may not be visible yet. */
  private final Map<String, RecentLink> recentLinks = new ConcurrentHashMap<>();
  /** CDN identifiers given in endpoint specs, by secret ARN, so later saves of the channel can use them. */
  private final Map<String, CdnIdentifier> givenIdentifiers = new ConcurrentHashMap<>();
  /** What {@link #close()} closes, in the order it was handed over. */
  private final List<AutoCloseable> onClose;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ChannelCdn(Builder builder) {
    List<String> problems = new ArrayList<>();
    if (!(builder.channels != null)) {
      problems.add("channels port is not set");
    }
    if (!(builder.distributions != null)) {
      problems.add("distributions port is not set");
    }
    if (!(builder.links != null)) {
      problems.add("distribution links port is not set");
    }
    ValidationException.throwIfAny(problems);
    this.channels = builder.channels;
    this.distributions = builder.distributions;
    this.links = builder.links;
    this.settings = builder.settings;
    this.identifierSource = builder.identifierSource;
    this.sleeper = builder.sleeper;
    this.clock = builder.clock;
    this.resolver = new DistributionResolver(channels, links, settings);
    this.onClose = List.copyOf(builder.onClose);
  }

  /** A builder taking the three ports; settings, CDN identifiers, sleeper and clock have defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The settings the distributions are created and updated with. */
  public LiveCdnSettings settings() {
    return settings;
  }

  /**
   * Saves the channel in MediaPackage (creating it, or updating it when it differs from the spec), then, when {@link ChannelSpec#createDistribution()}
   * is set, makes sure the channel has its distribution: created with placeholder values if it has none, given the
   * channel's origin and cache behaviours if the channel already has endpoints. A CloudFront failure is reported in
   * the result beside the saved channel; saving again restarts the creation and never makes a second distribution.
   */
  public ChannelSaveResult saveChannel(ChannelSpec spec) {
    requireOpen();
    require(spec, "channel spec");
    if (spec.tags().containsKey(settings.channelTagKey())) {
      throw new ValidationException("tag key '" + settings.channelTagKey() + "' is the library's own: it records the"
          + " channel's distribution; choose another key");
    }
    Channel channel = saveInMediaPackage(spec);
    if (!spec.createDistribution()) {
      return ChannelSaveResult.of(channel, CdnOutcome.of(CdnOutcome.Action.NOT_REQUESTED));
    }
    return ChannelSaveResult.of(channel,
        reportingFailure(() -> ensureDistribution(channel, spec.distributionComment(), spec.distributionTags())));
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
    require(spec, "endpoint spec");
    return saveEndpoints(List.of(spec));
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
    requireOpen();
    require(specs, "endpoint specs");
    List<String> problems = new ArrayList<>();
    if (!(!specs.isEmpty())) {
      problems.add("no endpoint to save");
    }
    if (!(specs.stream().noneMatch(Objects::isNull))) {
      problems.add("an endpoint spec is null");
    }
    ValidationException.throwIfAny(problems);
    Set<String> ids = new HashSet<>();
    for (EndpointSpec spec : specs) {
      if (!(ids.add(spec.id()))) {
        problems.add("endpoint id '" + spec.id() + "' is given more than once");
      }
    }
    Set<ChannelId> channelIds = new HashSet<>();
    specs.forEach(spec -> channelIds.add(spec.channelId()));
    if (!(channelIds.size() == 1)) {
      problems.add("endpoints saved together belong to one channel, not " + channelIds);
    }
    Optional<CdnIdentifier> givenIdentifier = oneIdentifier(specs, problems);
    ValidationException.throwIfAny(problems);

    ChannelId channelId = specs.get(0).channelId();
    Channel channel = eventually(() -> channels.find(channelId))
        .orElseThrow(() -> new ResourceNotFoundException("channel " + channelId + " does not exist", channelId.value()));
    Map<EndpointSpec, Optional<OriginEndpoint>> exists = new LinkedHashMap<>();
    Set<String> hosts = new LinkedHashSet<>();
    for (EndpointSpec spec : specs) {
      Optional<OriginEndpoint> existing = channels.findEndpoint(spec.endpointId());
      existing.filter(e -> !e.channelId().equals(channelId)).ifPresent(e -> problems.add(
          "endpoint " + e.id() + " belongs to channel " + e.channelId() + "; an endpoint cannot move to channel "
              + channelId));
      existing.flatMap(OriginEndpoint::host).ifPresent(hosts::add);
      exists.put(spec, existing);
    }
    ValidationException.throwIfAny(problems);
    givenIdentifier.ifPresent(identifier -> refuseOtherThanOrigin(channel, hosts, identifier, specs));

    List<OriginEndpoint> saved = new ArrayList<>();
    List<OriginEndpointId> unsaved = new ArrayList<>();
    ProvisioningException stoppedBy = null;
    for (Map.Entry<EndpointSpec, Optional<OriginEndpoint>> entry : exists.entrySet()) {
      EndpointSpec spec = entry.getKey();
      if (stoppedBy != null) {
        unsaved.add(spec.endpointId());
        continue;
      }
      spec.authorization().ifPresent(auth -> spec.cdnIdentifier()
          .ifPresent(id -> givenIdentifiers.put(auth.cdnIdentifierSecretArn(), id)));
      Optional<OriginEndpoint> existed = entry.getValue();
      if (existed.filter(e -> UnchangedState.unchanged(spec, e)).isPresent()) {
        saved.add(existed.get()); // nothing to write
        log.debug("endpoint {} of channel {} is unchanged", spec.id(), channelId);
        continue;
      }
      try {
        saved.add(existed.isPresent() ? channels.updateEndpoint(spec) : createEndpoint(spec));
        log.debug("saved endpoint {} of channel {}", spec.id(), channelId);
      } catch (ProvisioningException e) {
        if (saved.isEmpty()) {
          throw e; // nothing was saved: the batch failed as a whole
        }
        log.debug("MediaPackage stopped the batch at endpoint {} of channel {}: {}", spec.id(), channelId,
            e.getMessage());
        stoppedBy = e;
        unsaved.add(spec.endpointId());
      }
    }
    CdnOutcome cdn = routing(reportingFailure(() -> updateLinked(channel, saved)), saved);
    return stoppedBy == null
        ? EndpointSaveResult.of(saved, cdn)
        : EndpointSaveResult.partial(saved, cdn, unsaved, stoppedBy);
  }

  /** The one CDN identifier the batch gives, if any; two different ones are a problem (one origin, one header). */
  private static Optional<CdnIdentifier> oneIdentifier(List<EndpointSpec> specs, List<String> problems) {
    Map<CdnIdentifier, List<String>> byIdentifier = new LinkedHashMap<>();
    specs.forEach(spec -> spec.cdnIdentifier()
        .ifPresent(id -> byIdentifier.computeIfAbsent(id, key -> new ArrayList<>()).add(spec.id())));
    if (byIdentifier.size() > 1) {
      problems.add("endpoints " + List.copyOf(byIdentifier.values()) + " give " + byIdentifier.size()
          + " different CDN identifiers, but one origin serves every endpoint of a channel and CloudFront sends it "
          + "one identifier: give them all the same one");
      return Optional.empty();
    }
    return byIdentifier.keySet().stream().findFirst();
  }

  /**
   * Refuses, before MediaPackage is written, an identifier other than the one the channel origin already sends, when
   * the distribution and the endpoints' host are known. Otherwise the layout refuses it when the distribution is
   * updated. A lookup failure here is left to the update, which reports it.
   */
  private void refuseOtherThanOrigin(
      Channel channel, Set<String> hosts, CdnIdentifier identifier, List<EndpointSpec> specs) {
    Optional<DistributionConfig> config;
    try {
      config = resolveOrRecent(channel).id().flatMap(distributions::find).map(Distribution::config);
      if (config.isPresent() && hosts.isEmpty()) {
        channels.endpointsOf(channel.id()).forEach(e -> e.host().ifPresent(hosts::add));
      }
    } catch (ProvisioningException e) {
      log.debug("could not read the distribution of channel {} before saving endpoints: {}", channel.id(),
          e.getMessage());
      return;
    }
    if (config.isEmpty()) {
      return;
    }
    List<String> authorized = specs.stream().filter(spec -> spec.authorization().isPresent())
        .map(EndpointSpec::id).toList();
    hosts.forEach(host -> DistributionLayout.refuseOtherIdentifier(config.get(), host, identifier, authorized));
  }

  /** The outcome of an endpoint save, {@code NOT_SERVED} when the distribution does not route a saved endpoint. */
  private CdnOutcome routing(CdnOutcome outcome, List<OriginEndpoint> saved) {
    if (outcome.action() != CdnOutcome.Action.UPDATED && outcome.action() != CdnOutcome.Action.UNCHANGED) {
      return outcome;
    }
    DistributionId id = outcome.distributionId().orElseThrow();
    DistributionUpdater updater = updaters.get(id);
    Optional<DistributionConfig> config = updater == null ? Optional.empty() : updater.latest();
    if (config.isEmpty()) {
      return outcome;
    }
    Map<OriginEndpointId, String> notServed = new LinkedHashMap<>();
    saved.forEach(e -> CdnUrls.whyNotServed(e, config.get()).ifPresent(reason -> notServed.put(e.id(), reason)));
    return notServed.isEmpty() ? outcome : CdnOutcome.notServed(id, notServed);
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
    requireOpen();
    require(channelId, "channel id");
    return ensureDistribution(findChannel(channelId), Optional.empty(), Map.of());
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
    requireOpen();
    require(channelId, "channel id");
    Channel channel = findChannel(channelId);
    return reportingFailure(() -> {
      DistributionResolver.Resolution found = resolveOrRecent(channel);
      if (found.id().isEmpty()) {
        return found.none();
      }
      DistributionId id = found.id().get();
      try {
        if (found.needsRecording()) {
          resolver.record(channel, id);
        }
        List<OriginEndpoint> endpoints = channels.endpointsOf(channelId);
        boolean updated = !endpoints.isEmpty() && addEndpoints(id, endpoints);
        return CdnOutcome.of(updated ? CdnOutcome.Action.UPDATED : CdnOutcome.Action.UNCHANGED, id);
      } catch (ProvisioningException e) {
        return CdnOutcome.failed(e, Optional.of(id));
      }
    });
  }

  /** What the console's channel details page shows: distribution id, description, status and each CDN URL. */
  public ChannelDetails details(ChannelId channelId) {
    requireOpen();
    require(channelId, "channel id");
    Channel channel = findChannel(channelId);
    List<OriginEndpoint> endpoints = channels.endpointsOf(channelId);
    Optional<Distribution> distribution = resolveOrRecent(channel).id().flatMap(distributions::find);
    return details(channel, endpoints, distribution);
  }

  /**
   * Waits until the channel is {@link ChannelDetails#readyForPlayers() ready for players}: its distribution is
   * {@code Deployed} and routes every endpoint to it. Answers the details then; their CDN URLs can be handed out.
   * Checked before waiting too: a distribution that does not route an endpoint will not start to by deploying.
   *
   * @throws ResourceNotFoundException when the channel or its distribution does not exist
   * @throws ResourceConflictException ({@code NOT_SERVED}) when the channel has no endpoint or the distribution does
   *     not route one to it, with the reasons: save the endpoints again, or fix what is in the way in CloudFront
   * @throws io.github.mediapackagecdn.core.error.DeploymentTimeoutException when it is not deployed within timeout
   */
  public ChannelDetails awaitDeployed(ChannelId channelId, Duration timeout) {
    requireOpen();
    require(channelId, "channel id");
    require(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new ValidationException("timeout " + timeout + " is negative");
    }
    Channel channel = findChannel(channelId);
    DistributionResolver.Resolution found = resolveOrRecent(channel);
    DistributionId id = found.id().orElseThrow(() -> new ResourceNotFoundException(found.none().advice()
        .orElse("channel " + channelId + " has no distribution"), channelId.value()));
    List<OriginEndpoint> endpoints = channels.endpointsOf(channelId);
    Optional<Distribution> current = distributions.find(id);
    if (current.isPresent()) {
      refuseUnserved(details(channel, endpoints, current));
    }
    Distribution deployed = distributions.awaitDeployed(id, timeout);
    ChannelDetails details = details(channel, endpoints, Optional.of(deployed));
    refuseUnserved(details);
    return details;
  }

  /** Throws NOT_SERVED when the channel has no endpoint or one is not routed; the status is left to the wait. */
  private static void refuseUnserved(ChannelDetails details) {
    List<String> reasons = new ArrayList<>();
    if (details.endpoints().isEmpty()) {
      reasons.add("it has no endpoint");
    }
    details.endpoints().forEach(e -> e.notServedReason().ifPresent(reasons::add));
    if (!reasons.isEmpty()) {
      String channel = details.channel().id().value();
      throw new ResourceConflictException("channel " + channel + " is not ready for players: "
          + String.join("; ", reasons), ResourceConflictException.Reason.NOT_SERVED, channel);
    }
  }

  /**
   * Removes what was made for the channel, as its own explicit operation: the channel's endpoints, then, only when
   * {@link TeardownOptions#deleteDistribution()} asks for it, the distribution whose link tag names the channel
   * (disabled, awaited until {@code Deployed}, deleted), then the channel. A distribution whose tag was changed is
   * never touched. Saving never deletes or disables anything; only this does.
   *
   * <p>Idempotent: what is gone already counts as done, and a channel that is gone already is a success that says so.
   * After a failure at any step, running it again goes on from where it stopped: the channel is deleted last, so its
   * distribution can always be found again.
   *
   * @throws ValidationException when an argument is null, before any call
   * @throws ResourceConflictException with reason {@code AMBIGUOUS_LINK} when two distributions are tagged for the
   *     channel, before anything is deleted
   * @throws io.github.mediapackagecdn.core.error.DeploymentTimeoutException when the disabled distribution is not
   *     {@code Deployed} within {@link TeardownOptions#deploymentTimeout()}; run again later
   * @throws ProvisioningException when AWS fails a step; run again
   */
  public TeardownResult teardown(ChannelId channelId, TeardownOptions options) {
    requireOpen();
    require(channelId, "channel id");
    require(options, "teardown options");
    return new ChannelTeardown(channels, distributions, links, settings, sleeper, clock,
        arn -> Optional.ofNullable(recentLinks.get(arn.value())).map(RecentLink::id))
        .teardown(channelId, options);
  }

  private ChannelDetails details(Channel channel, List<OriginEndpoint> endpoints, Optional<Distribution> distribution) {
    var details = ChannelDetails.builder().channel(channel);
    distribution.ifPresent(d -> details.distribution(DistributionDetails.builder()
        .id(d.id())
        .description(d.config().comment())
        .status(d.status())
        .domainName(d.domainName())
        .consoleUrl(String.format(settings.consoleUrlFormat(), d.id().value()))
        .build()));
    for (OriginEndpoint endpoint : endpoints) {
      Optional<String> notServed = distribution.isEmpty()
          ? Optional.of("channel " + channel.id() + " has no distribution")
          : CdnUrls.whyNotServed(endpoint, distribution.get().config());
      details.addEndpoints(EndpointDetails.of(endpoint,
          notServed.isPresent() ? List.of() : CdnUrls.of(endpoint, distribution.get()), notServed));
    }
    return details.build();
  }

  private Channel saveInMediaPackage(ChannelSpec spec) {
    Channel channel;
    Optional<Channel> existing = channels.find(spec.channelId());
    if (existing.isPresent()) {
      if (UnchangedState.unchanged(spec, existing.get())) {
        log.debug("channel {} is unchanged", spec.id());
        return existing.get(); // nothing to write
      }
      channel = channels.update(spec);
    } else {
      try {
        channel = channels.create(spec);
      } catch (ResourceConflictException e) {
        if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
          throw e;
        }
        channel = channels.update(spec);
      }
    }
    log.debug("saved channel {} ({})", channel.id(), channel.arn());
    return channel;
  }

  private OriginEndpoint createEndpoint(EndpointSpec spec) {
    try {
      return channels.createEndpoint(spec);
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
        throw e;
      }
      return channels.updateEndpoint(spec);
    }
  }

  private CdnOutcome ensureDistribution(Channel channel, Optional<String> comment, Map<String, String> extraTags) {
    DistributionResolver.Resolution found = resolveOrRecent(channel);
    CdnOutcome.Action created = null;
    DistributionId id;
    if (found.id().isPresent()) {
      id = found.id().get();
    } else {
      resolver.recordRequest(channel); // before asking CloudFront: a creation cut off stays detectable
      CdnOutcome creation = create(channel, comment, extraTags);
      created = creation.action();
      id = creation.distributionId().orElseThrow();
    }
    boolean updated;
    try {
      if (created != null || found.needsRecording()) {
        resolver.record(channel, id);
      }
      List<OriginEndpoint> endpoints = channels.endpointsOf(channel.id());
      updated = !endpoints.isEmpty() && addEndpoints(id, endpoints);
    } catch (ProvisioningException e) {
      return CdnOutcome.failed(e, Optional.of(id)); // the distribution exists; saving again completes it
    }
    CdnOutcome.Action action = created != null
        ? created
        : updated ? CdnOutcome.Action.UPDATED : CdnOutcome.Action.UNCHANGED;
    return CdnOutcome.of(action, id);
  }

  private CdnOutcome create(Channel channel, Optional<String> comment, Map<String, String> extraTags) {
    Map<String, String> tags = DistributionLayout.tags(channel, extraTags, settings);
    for (int generation = 0; generation < settings.maxCallerReferenceGenerations(); generation++) {
      String callerReference = DistributionLayout.callerReference(channel.arn(), generation);
      DistributionConfig config = DistributionLayout.newDistribution(channel.id(), callerReference, comment, settings);
      try {
        Distribution distribution = distributions.create(config, tags);
        log.debug("created distribution {} for channel {}", distribution.id(), channel.id());
        remember(channel, distribution.id());
        return CdnOutcome.of(CdnOutcome.Action.CREATED, distribution.id());
      } catch (ResourceConflictException e) {
        if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
          throw e;
        }
        // the distribution holding the reference may be too new for its tag to be indexed: wait for it
        Optional<DistributionId> linked = eventually(() -> linkedDistribution(channel));
        if (linked.isPresent()) {
          log.debug("adopted distribution {} already created for channel {}", linked.get(), channel.id());
          remember(channel, linked.get());
          return CdnOutcome.of(CdnOutcome.Action.ADOPTED, linked.get());
        }
        // a new generation only when the holder of the reference is found and proven not linked: never a guess
        DistributionId holder = eventually(() -> distributions.findByCallerReference(callerReference, config.comment()))
            .orElseThrow(() -> new ResourceConflictException("caller reference " + callerReference + " of channel "
                + channel.id() + " is taken, but no distribution holding it is visible yet: save again shortly",
                ResourceConflictException.Reason.ALREADY_EXISTS, callerReference));
        if (links.tagValue(holder, settings.linkTagKey()).filter(channel.arn().value()::equals).isPresent()) {
          log.debug("adopted distribution {} whose tag is not indexed yet, for channel {}", holder, channel.id());
          remember(channel, holder);
          return CdnOutcome.of(CdnOutcome.Action.ADOPTED, holder);
        }
        log.debug("caller reference {} is held by distribution {}, which is no longer linked to channel {}; "
            + "trying the next", callerReference, holder, channel.id());
      }
    }
    throw new ResourceConflictException("the first " + settings.maxCallerReferenceGenerations()
        + " caller references of channel " + channel.id() + " are taken by distributions no longer linked to it",
        ResourceConflictException.Reason.ALREADY_EXISTS, channel.arn().value());
  }

  private CdnOutcome updateLinked(Channel channel, List<OriginEndpoint> saved) {
    DistributionResolver.Resolution found = resolveOrRecent(channel);
    if (found.id().isEmpty()) {
      return found.none();
    }
    Optional<DistributionId> linked = found.id();
    try {
      Map<OriginEndpointId, OriginEndpoint> endpoints = new LinkedHashMap<>();
      channels.endpointsOf(channel.id()).forEach(e -> endpoints.put(e.id(), e));
      saved.forEach(e -> endpoints.put(e.id(), e)); // a listing may not show an endpoint just created yet
      boolean updated = addEndpoints(linked.get(), List.copyOf(endpoints.values()));
      return CdnOutcome.of(updated ? CdnOutcome.Action.UPDATED : CdnOutcome.Action.UNCHANGED, linked.get());
    } catch (ProvisioningException e) {
      return CdnOutcome.failed(e, linked);
    }
  }

  /** Read, merge, write with If-Match, through the distribution's updater. True if an update was written. */
  private boolean addEndpoints(DistributionId id, List<OriginEndpoint> endpoints) {
    return updaters.computeIfAbsent(id, key -> new DistributionUpdater(key, distributions, settings,
        this::identifierFor, () -> eventually(() -> distributions.find(key)).orElseThrow(
            () -> new ResourceNotFoundException("distribution " + key + " does not exist", key.value()))))
        .addEndpoints(endpoints);
  }

  /**
   * The channel's distribution as {@link DistributionResolver} finds it, or else one this instance created or adopted
   * for the channel so recently that it may not be recorded or indexed yet.
   */
  private DistributionResolver.Resolution resolveOrRecent(Channel channel) {
    DistributionResolver.Resolution found = resolver.resolve(channel);
    if (found.id().isPresent()) {
      recentLinks.remove(channel.arn().value());
      return found;
    }
    RecentLink recent = recentLinks.get(channel.arn().value());
    if (recent == null || !clock.instant().isBefore(recent.at().plus(settings.visibilityTimeout()))) {
      return found;
    }
    // the tag index may lag; CloudFront's own tags do not, and a tag changed since creation ends the link
    if (links.tagValue(recent.id(), settings.linkTagKey()).filter(channel.arn().value()::equals).isPresent()) {
      return DistributionResolver.Resolution.found(recent.id(), false);
    }
    recentLinks.remove(channel.arn().value());
    return found;
  }

  private void remember(Channel channel, DistributionId id) {
    recentLinks.put(channel.arn().value(), new RecentLink(id, clock.instant()));
  }

  /** Reads until the answer is present or the visibility timeout has passed in pauses. */
  private <T> Optional<T> eventually(Supplier<Optional<T>> read) {
    Optional<T> answer = read.get();
    Duration waited = Duration.ZERO;
    Duration pause = settings.visibilityBackoff();
    while (answer.isEmpty() && waited.compareTo(settings.visibilityTimeout()) < 0) {
      Duration next = pause.compareTo(settings.visibilityTimeout().minus(waited)) < 0
          ? pause
          : settings.visibilityTimeout().minus(waited);
      sleeper.sleep(next);
      waited = waited.plus(next);
      pause = pause.multipliedBy(2).compareTo(MAX_VISIBILITY_PAUSE) < 0 ? pause.multipliedBy(2) : MAX_VISIBILITY_PAUSE;
      answer = read.get();
    }
    return answer;
  }

  private Optional<DistributionId> linkedDistribution(Channel channel) {
    List<DistributionId> ids = links.find(settings.linkTagKey(), channel.arn().value());
    if (ids.size() > 1) {
      throw new ResourceConflictException("distributions " + ids + " all carry the tag " + settings.linkTagKey() + "="
          + channel.arn() + "; keep the tag on the one that serves channel " + channel.id()
          + " and remove it from the others", ResourceConflictException.Reason.AMBIGUOUS_LINK, channel.arn().value());
    }
    return ids.stream().findFirst();
  }

  private Optional<CdnIdentifier> identifierFor(OriginEndpoint endpoint) {
    return endpoint.authorization().flatMap(auth -> Optional
        .ofNullable(givenIdentifiers.get(auth.cdnIdentifierSecretArn()))
        .or(() -> identifierSource.identifierFor(auth.cdnIdentifierSecretArn())));
  }

  private Channel findChannel(ChannelId channelId) {
    return channels.find(channelId)
        .orElseThrow(() -> new ResourceNotFoundException("channel " + channelId + " does not exist", channelId.value()));
  }

  private record RecentLink(DistributionId id, Instant at) {}

  private static CdnOutcome reportingFailure(Supplier<CdnOutcome> cdnWork) {
    try {
      return cdnWork.get();
    } catch (ProvisioningException e) {
      log.debug("CloudFront part failed: {}", e.getMessage());
      return CdnOutcome.failed(e, Optional.empty());
    }
  }

  /**
   * Closes, once, everything handed over with {@link Builder#onClose(AutoCloseable)}, each even when an earlier one
   * failed; later calls do nothing. Calls on a closed instance throw {@link IllegalStateException}.
   *
   * @throws IllegalStateException when a resource failed to close, with every failure (the first as its cause, the
   *     others suppressed)
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    IllegalStateException failure = null;
    for (AutoCloseable resource : onClose) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the channel CDN failed: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    log.debug("closed; released {} resources", onClose.size());
    if (failure != null) {
      throw failure;
    }
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this ChannelCdn is closed; build a new one");
    }
  }

  private static void require(Object value, String what) {
    if (value == null) {
      throw new ValidationException(what + " is null");
    }
  }

  /** Builds a {@link ChannelCdn} from the three ports; settings default to {@link LiveCdnSettings#defaults()}. */
  public static final class Builder {
    private Channels channels;
    private Distributions distributions;
    private DistributionLinks links;
    private LiveCdnSettings settings = LiveCdnSettings.defaults();
    private CdnIdentifierSource identifierSource = CdnIdentifierSource.none();
    private Sleeper sleeper = Sleeper.threadSleep();
    private Clock clock = Clock.systemUTC();
    private final List<AutoCloseable> onClose = new ArrayList<>();

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

    /** The layout of distributions and behaviours; {@link LiveCdnSettings#defaults()} unless set. */
    public Builder settings(LiveCdnSettings settings) {
      require(settings, "settings");
      this.settings = settings;
      return this;
    }

    /** Where the CDN identifiers of endpoints with CDN authorization come from; none unless set. */
    public Builder cdnIdentifiers(CdnIdentifierSource source) {
      require(source, "CDN identifier source");
      this.identifierSource = source;
      return this;
    }

    /** How the library pauses while waiting for AWS to show what was just created; tests advance a fake clock. */
    public Builder sleeper(Sleeper sleeper) {
      require(sleeper, "sleeper");
      this.sleeper = sleeper;
      return this;
    }

    /** The clock that dates what this instance created; tests pass a fake one. */
    public Builder clock(Clock clock) {
      require(clock, "clock");
      this.clock = clock;
      return this;
    }

    /**
     * A resource {@link ChannelCdn#close()} closes, such as an SDK client the caller created only for this instance;
     * may be given several times, closed in that order. Never give resources the application still uses.
     */
    public Builder onClose(AutoCloseable resource) {
      require(resource, "resource to close");
      this.onClose.add(resource);
      return this;
    }

    /** Checks that the three ports are set and builds the facade. */
    public ChannelCdn build() {
      return new ChannelCdn(this);
    }
  }
}
