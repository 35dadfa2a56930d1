package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.cdn.VisibilityWait;
import io.github.mediapackagecdn.core.cdn.BatchSave;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.cdn.DistributionUpdaters;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use case "save a channel's endpoints and the distribution gets the channel's origin and live-streaming cache
 * behaviours": the batch is checked before anything is written, the endpoints are saved in MediaPackage (an
 * unchanged one is not written), then the linked distribution is updated once for all of them, and the outcome
 * says which saved endpoint it does not route.
 */
final class SavingEndpoints {

  private static final Logger log = LoggerFactory.getLogger(SavingEndpoints.class);

  private final Channels channels;
  private final Distributions distributions;
  private final LinkResolution<Channel> links;
  private final CdnIdentifiers identifiers;
  private final DistributionUpdaters<List<OriginEndpoint>> updaters;
  private final VisibilityWait visibility;
  private final Listeners listeners;

  SavingEndpoints(Channels channels, Distributions distributions, LinkResolution<Channel> links,
      CdnIdentifiers identifiers,
      DistributionUpdaters<List<OriginEndpoint>> updaters, VisibilityWait visibility, Listeners listeners) {
    this.listeners = listeners;
    this.channels = channels;
    this.distributions = distributions;
    this.links = links;
    this.identifiers = identifiers;
    this.updaters = updaters;
    this.visibility = visibility;
  }

  EndpointSaveResult save(List<EndpointSpec> specs) {
    EndpointBatch batch = EndpointBatch.check(specs, channels, visibility);
    Channel channel = batch.channel();
    ChannelId channelId = channel.id();
    Map<EndpointSpec, Optional<OriginEndpoint>> exists = batch.exists();
    Set<String> hosts = batch.hosts();
    Optional<CdnIdentifier> givenIdentifier = batch.givenIdentifier();
    givenIdentifier.ifPresent(identifier -> refuseOtherThanOrigin(channel, hosts, identifier, specs));

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
    CdnOutcome cdn = listeners.reporting(channelId.ref(), Optional.empty(), () -> updateLinked(channel, saved));
    return batchSave.stoppedBy().map(stoppedBy -> EndpointSaveResult.partial(saved, cdn,
            batchSave.unsaved().stream().map(EndpointSpec::endpointId).toList(), stoppedBy))
        .orElseGet(() -> EndpointSaveResult.of(saved, cdn));
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
      config = links.resolve(channel).id().flatMap(distributions::find).map(Distribution::config);
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

  /** Updates the linked distribution with every endpoint of the channel, the ones just saved as saved. */
  private CdnOutcome updateLinked(Channel channel, List<OriginEndpoint> saved) {
    DistributionResolver.Resolution found = links.resolve(channel);
    if (found.id().isEmpty()) {
      return found.none();
    }
    DistributionId id = found.id().get();
    return listeners.reporting(channel.id().ref(), found.id(), () -> {
      Map<OriginEndpointId, OriginEndpoint> endpoints = new LinkedHashMap<>();
      channels.endpointsOf(channel.id()).forEach(e -> endpoints.put(e.id(), e));
      saved.forEach(e -> endpoints.put(e.id(), e)); // a listing may not show an endpoint just created yet
      DistributionUpdaters.Update update = updaters.update(id, List.copyOf(endpoints.values()));
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
    Map<OriginEndpointId, String> notServed = new LinkedHashMap<>();
    saved.forEach(e -> CdnUrls.whyNotServed(e, latest.get()).ifPresent(reason -> notServed.put(e.id(), reason)));
    return notServed.isEmpty() ? outcome : CdnOutcome.notServed(id, notServed);
  }
}
