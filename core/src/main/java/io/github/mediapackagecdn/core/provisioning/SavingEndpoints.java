package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.BatchSave;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.Routing;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.Distributions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use case "save a channel's endpoints and the distribution gets the channel's origin and live-streaming cache
 * behaviours": the batch is checked before anything is written; then, before the first write, the linked
 * distribution is read and the update the save will make is planned, so that one a CDN identifier or the account's
 * CloudFront quotas would refuse is refused before MediaPackage is written; the endpoints are saved in MediaPackage
 * (an unchanged one is not written), then the distribution is updated once for all of them, from what was read, and
 * the outcome says which saved endpoint it does not route.
 */
final class SavingEndpoints {

  private static final Logger log = LoggerFactory.getLogger(SavingEndpoints.class);

  private final Channels channels;
  private final Distributions distributions;
  private final LinkResolution<Channel> links;
  private final CdnIdentifiers identifiers;
  private final DistributionUpdaters<List<OriginEndpoint>> updaters;
  private final VisibilityWait visibility;
  private final CdnSettings settings;
  private final LiveCdnSettings layout;
  private final Listeners listeners;

  SavingEndpoints(Channels channels, Distributions distributions, LinkResolution<Channel> links,
      CdnIdentifiers identifiers, DistributionUpdaters<List<OriginEndpoint>> updaters, VisibilityWait visibility,
      CdnSettings settings, LiveCdnSettings layout, Listeners listeners) {
    this.listeners = listeners;
    this.channels = channels;
    this.distributions = distributions;
    this.links = links;
    this.identifiers = identifiers;
    this.updaters = updaters;
    this.visibility = visibility;
    this.settings = settings;
    this.layout = layout;
  }

  EndpointSaveResult save(List<EndpointSpec> specs) {
    EndpointBatch batch = EndpointBatch.check(specs, channels, visibility);
    Channel channel = batch.channel();
    ChannelId channelId = channel.id();
    Map<EndpointSpec, Optional<OriginEndpoint>> exists = batch.exists();
    Read read = batch.writes() || batch.givenIdentifier().isPresent() ? beforeWriting(batch) : Read.NOTHING;

    BatchSave<EndpointSpec, OriginEndpoint> batchSave = BatchSave.saveEach(List.copyOf(exists.keySet()), spec -> {
      identifiers.remember(spec);
      Optional<OriginEndpoint> existed = exists.get(spec);
      if (existed.filter(e -> UnchangedState.unchanged(spec, e)).isPresent()) {
        log.debug("endpoint {} of channel {} is unchanged", spec.id(), channelId);
        return existed.get(); // nothing to write
      }
      OriginEndpoint endpoint = existed.isPresent()
          ? channels.updateEndpoint(spec)
          : SavingChannel.createOrUpdate(() -> channels.createEndpoint(spec), () -> channels.updateEndpoint(spec));
      log.debug("saved endpoint {} of channel {}", spec.id(), channelId);
      return endpoint;
    });
    List<OriginEndpoint> saved = batchSave.saved();
    CdnOutcome cdn = listeners.reporting(channelId.ref(), Optional.empty(), () -> updateLinked(channel, saved, read));
    return batchSave.stoppedBy().map(stoppedBy -> EndpointSaveResult.partial(saved, cdn,
            batchSave.unsaved().stream().map(EndpointSpec::endpointId).toList(), stoppedBy))
        .orElseGet(() -> EndpointSaveResult.of(saved, cdn));
  }

  /**
   * What the save read of the linked distribution before its first write, and reuses after it: the distribution, the
   * channel's endpoints as listed then. Empty when no distribution was found: the save looks again after writing,
   * since another instance may create one meanwhile.
   */
  private record Read(Optional<DistributionId> id, Distribution distribution, List<OriginEndpoint> listed) {
    static final Read NOTHING = new Read(Optional.empty(), null, List.of());
  }

  /**
   * Finds and reads the linked distribution, and refuses what the save would be refused once MediaPackage is
   * written: an identifier other than the one the channel origin already sends, an update over the account's
   * CloudFront quotas. Nothing is written.
   */
  private Read beforeWriting(EndpointBatch batch) {
    Channel channel = batch.channel();
    // none, or two tagged for the channel: the outcome reports it, the endpoints saved
    Optional<DistributionId> found = links.resolveUnlessAmbiguous(channel).flatMap(DistributionResolver.Resolution::id);
    if (found.isEmpty()) {
      return Read.NOTHING;
    }
    DistributionId id = found.get();
    List<OriginEndpoint> listed = channels.endpointsOf(channel.id());
    Distribution distribution = visibility.until(channel.id().ref(), "GetDistribution", () -> distributions.find(id))
        .orElseThrow(() -> NotFound.distribution(id));
    batch.givenIdentifier().ifPresent(identifier -> {
      Set<String> hosts = new LinkedHashSet<>(batch.hosts());
      listed.forEach(e -> e.host().ifPresent(hosts::add));
      List<String> authorized = batch.exists().keySet().stream().filter(spec -> spec.authorization().isPresent())
          .map(EndpointSpec::id).toList();
      hosts.forEach(host -> DistributionLayout.refuseOtherIdentifier(distribution.config(), host, identifier,
          authorized));
    });
    Read read = new Read(Optional.of(id), distribution, listed);
    ChangeSet changes;
    try {
      changes = DistributionLayout.changesFor(distribution.config(), batch.asSaved(listed), settings, layout,
          batch.identifierOf(identifiers));
    } catch (ProvisioningException e) {
      log.debug("the update for channel {} cannot be planned before saving ({}); the update reports it",
          channel.id(), e.getMessage());
      return read; // as before this check: the endpoints are saved, the outcome says what CloudFront lacks
    }
    settings.cloudFrontQuotas().refuseChanges("distribution " + id, distribution.config(), changes);
    return read;
  }

  /**
   * Updates the linked distribution with every endpoint of the channel, the ones just saved as saved, from what
   * {@link #beforeWriting} read; looked up now when it found none.
   */
  private CdnOutcome updateLinked(Channel channel, List<OriginEndpoint> saved, Read read) {
    Optional<DistributionId> linked = read.id();
    if (linked.isEmpty()) {
      DistributionResolver.Resolution found = links.resolve(channel);
      if (found.id().isEmpty()) {
        return found.none();
      }
      linked = found.id();
    }
    DistributionId id = linked.get();
    return listeners.reporting(channel.id().ref(), linked, () -> {
      Map<OriginEndpointId, OriginEndpoint> endpoints = new LinkedHashMap<>();
      (read.id().isPresent() ? read.listed() : channels.endpointsOf(channel.id()))
          .forEach(e -> endpoints.put(e.id(), e));
      saved.forEach(e -> endpoints.put(e.id(), e)); // a listing may not show an endpoint just created yet
      DistributionUpdaters.Update update = updaters.update(id, List.copyOf(endpoints.values()), read.distribution());
      return routing(CdnOutcome.updatedOrUnchanged(update.written(), id), update.latest(), saved);
    });
  }

  /** The outcome, or {@code NOT_SERVED} when the distribution as last read or written does not route a saved one. */
  private static CdnOutcome routing(
      CdnOutcome outcome, Optional<DistributionConfig> latest, List<OriginEndpoint> saved) {
    if (latest.isEmpty()) {
      return outcome;
    }
    DistributionId id = outcome.distributionId().orElseThrow();
    Map<OriginEndpointId, String> notServed =
        Routing.notServed(saved, OriginEndpoint::id, endpoint -> CdnUrls.whyNotServed(endpoint, latest.get()));
    return notServed.isEmpty() ? outcome : CdnOutcome.notServed(id, notServed);
  }
}
