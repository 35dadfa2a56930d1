package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionResolver;
import io.github.mediapackagecdn.core.cdn.LinkResolution;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.cdn.BatchSave;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.model.V2Limits;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The use case "save a v2 channel's endpoints, and the distribution serves them": the batch is checked before any
 * call (one channel, distinct names, the quota of endpoints, one CDN identifier), then before any write the channel's
 * distribution is found and read: CDN authorization the specs give that its origin could not serve is refused (as v1
 * refuses an identifier), and so is serving the endpoints as they will be saved when it would exceed the account's
 * CloudFront quotas ({@link ServingEndpoints#check}); then the endpoints are saved (an unchanged one is not written;
 * an update sends its ETag and is re-applied after a stale one), then, when the channel has a distribution, each
 * endpoint's policy gets the library's statements (merged, written only when it changes) and the distribution its
 * origin and cache behaviours in one update. With a secondary Region, the
 * endpoints are saved there too, with the same names and settings, before the distribution is updated; a failure
 * there is reported as the CDN outcome, beside the endpoints saved in the primary. A batch MediaPackage stops partway
 * is reported as v1's is ({@link BatchSave}): the endpoints saved are served, the rest named with the error.
 */
final class SavingV2Endpoints {

  private final V2Side v2;
  private final LinkResolution<V2Channel> links;
  private final ServingEndpoints serving;
  private final GroupDistributions groupScope;

  SavingV2Endpoints(V2Side v2, LinkResolution<V2Channel> links, ServingEndpoints serving,
      GroupDistributions groupScope) {
    this.v2 = v2;
    this.groupScope = groupScope;
    this.links = links;
    this.serving = serving;
  }

  V2EndpointSaveResult save(List<V2EndpointSpec> specs) {
    V2ChannelId channelId = check(specs);
    if (groupScope.enabled()) {
      GroupDistributions.refuseUnserved(specs);
    }
    ChannelGroup group = V2NotFound.group(v2.groups(), channelId.group());
    V2Channel channel = visibleChannel(v2, channelId);
    Map<String, V2Endpoint> all = listedWithin(v2.groups(), channelId, specs);
    // before the first write: the distribution, CDN authorization it could not serve, and its quotas
    v2.shared().refuseOverQuota();
    Optional<DistributionId> linked = linkedBeforeWriting(channel);
    if (linked.isEmpty() && groupScope.enabled()) { // no distribution of its own: its group's serves it
      return saveByGroup(channel, group, all, specs);
    }
    Optional<ServingEndpoints.Read> read = linked.map(found -> serving.check(channelId, group, found,
        asSaved(all, specs), specs.stream().flatMap(s -> s.cdnIdentifier().stream()).findFirst()));
    if (read.isPresent() && specs.stream().anyMatch(spec -> spec.cdnAuthorization().isPresent())) {
      serving.refuseUnservedAuthorization(group, read.get(), specs); // on the same read: no second GetDistribution
    }
    BatchSave<V2EndpointSpec, V2Endpoint> batch = BatchSave.saveEach(specs, spec -> saveIn(v2.groups(), spec));
    List<V2Endpoint> saved = batch.saved();
    saved.forEach(endpoint -> all.put(endpoint.id().endpoint(), endpoint));
    List<V2EndpointSpec> savedSpecs = specs.subList(0, saved.size());
    Served served = serve(channel, group, List.copyOf(all.values()), saved, savedSpecs, linked, read);
    List<V2EndpointId> unsaved = batch.unsaved().stream().map(V2EndpointSpec::id).toList();
    return new V2EndpointSaveResult(saved, served.policiesWritten(), served.cdn(), unsaved, batch.stoppedBy());
  }

  /**
   * Group scope: the endpoints saved (with a secondary Region, there too), then served from the group's distribution,
   * their policies written for it and nothing written to CloudFront ({@link GroupDistributions#serve}); without a
   * group distribution, the outcome says why.
   */
  private V2EndpointSaveResult saveByGroup(V2Channel channel, ChannelGroup group, Map<String, V2Endpoint> all,
      List<V2EndpointSpec> specs) {
    BatchSave<V2EndpointSpec, V2Endpoint> batch = BatchSave.saveEach(specs, spec -> saveIn(v2.groups(), spec));
    List<V2Endpoint> saved = batch.saved();
    saved.forEach(endpoint -> all.put(endpoint.id().endpoint(), endpoint));
    Served served;
    Optional<DistributionId> id = Optional.empty();
    try {
      if (v2.secondary().isPresent()) { // the saved endpoints' namesakes in the second Region, before they are served
        V2NotFound.secondaryChannel(v2.secondary().get(), channel.id());
        specs.subList(0, saved.size()).forEach(spec -> saveIn(v2.secondary().get(), spec));
      }
      DistributionResolver.Resolution found = groupScope.resolve(group);
      id = found.id();
      GroupDistributions.Served byGroup = id.isEmpty() ? new GroupDistributions.Served(0, found.none())
          : groupScope.serve(channel.id(), group, id.get(), saved, saved);
      served = new Served(byGroup.policiesWritten(), byGroup.outcome());
    } catch (ProvisioningException e) {
      served = new Served(0, v2.events().failed(channel.id(), id, e));
    }
    List<V2EndpointId> unsaved = batch.unsaved().stream().map(V2EndpointSpec::id).toList();
    return new V2EndpointSaveResult(saved, served.policiesWritten(), served.cdn(), unsaved, batch.stoppedBy());
  }

  /** The channel, waited for: one saved a moment ago, by this instance or another, may not show yet (as v1 does). */
  static V2Channel visibleChannel(V2Side v2, V2ChannelId id) {
    return v2.visibility().until(id.ref(), "GetChannel", () -> v2.groups().findChannel(id))
        .orElseThrow(() -> V2NotFound.noChannel(id));
  }

  /**
   * The channel's endpoints by name, as listed, once the names they and {@code specs} make together are within the
   * channel's quota.
   *
   * @throws QuotaExceededException when the channel would have more than {@link V2Limits#MAX_ENDPOINTS_PER_CHANNEL}
   */
  static Map<String, V2Endpoint> listedWithin(ChannelGroups groups, V2ChannelId id, List<V2EndpointSpec> specs) {
    Map<String, V2Endpoint> listed = new LinkedHashMap<>();
    groups.endpointsOf(id).forEach(e -> listed.put(e.id().endpoint(), e));
    Set<String> names = new LinkedHashSet<>(listed.keySet());
    specs.forEach(spec -> names.add(spec.id().endpoint()));
    if (names.size() > V2Limits.MAX_ENDPOINTS_PER_CHANNEL) {
      throw new QuotaExceededException("channel " + id + " would have " + names.size() + " origin endpoints;"
          + " MediaPackage v2 allows " + V2Limits.MAX_ENDPOINTS_PER_CHANNEL + " a channel");
    }
    return listed;
  }

  /** What serving the saved endpoints did: the policies written, and the CDN outcome. */
  private record Served(int policiesWritten, CdnOutcome cdn) {}

  /**
   * Serves the endpoints from the channel's distribution (their namesakes saved in the secondary Region first);
   * a failure is the outcome.
   */
  private Served serve(V2Channel channel, ChannelGroup group, List<V2Endpoint> all, List<V2Endpoint> saved,
      List<V2EndpointSpec> specs, Optional<DistributionId> linked, Optional<ServingEndpoints.Read> read) {
    V2ChannelId channelId = channel.id();
    Optional<DistributionId> id = Optional.empty();
    try {
      Map<V2EndpointId, V2Endpoint> mirrored = new LinkedHashMap<>();
      if (v2.secondary().isPresent()) {
        V2NotFound.secondaryChannel(v2.secondary().get(), channelId); // a missing group has no channel either
        specs.forEach(spec -> mirrored.put(spec.id(), saveIn(v2.secondary().get(), spec)));
      }
      if (linked.isPresent()) {
        id = linked;
      } else { // none found before the writes: looked up again, another instance may have created one meanwhile
        DistributionResolver.Resolution found = links.resolve(channel);
        id = found.id();
        if (id.isEmpty()) {
          return new Served(0, found.none()); // NO_DISTRIBUTION, REQUESTED_BUT_MISSING or NOT_VISIBLE_YET
        }
      }
      ServingEndpoints.Served served = serving.serve(channelId, group, id.get(), all, saved, specs, mirrored, read);
      return new Served(served.policiesWritten(), served.outcome(id.get(), saved));
    } catch (ProvisioningException e) {
      return new Served(0, v2.events().failed(channelId, id, e));
    }
  }

  /**
   * The channel's distribution as found before the save writes; none when two distributions are tagged for the
   * channel too: the lookup after the writes reports that as the CDN outcome, beside the saved endpoints.
   */
  private Optional<DistributionId> linkedBeforeWriting(V2Channel channel) {
    return links.resolveUnlessAmbiguous(channel).flatMap(DistributionResolver.Resolution::id);
  }

  /**
   * Every endpoint of the channel as the save will leave it, as far as the layout reads it (name, container): the
   * ones read, the specs in their place. An ARN not known yet (MediaPackage gives it) is left empty.
   */
  static List<V2Endpoint> asSaved(Map<String, V2Endpoint> read, List<V2EndpointSpec> specs) {
    Map<String, V2Endpoint> endpoints = new LinkedHashMap<>(read);
    for (V2EndpointSpec spec : specs) {
      String arn = Optional.ofNullable(read.get(spec.id().endpoint())).map(V2Endpoint::arn).orElse("");
      endpoints.put(spec.id().endpoint(), V2Endpoint.builder().id(spec.id()).arn(arn)
          .containerType(spec.containerType()).manifests(spec.manifests()).build());
    }
    return List.copyOf(endpoints.values());
  }

  /** Every problem of the batch, before any call; the one channel they belong to. */
  static V2ChannelId check(List<V2EndpointSpec> specs) {
    List<String> problems = new ArrayList<>();
    if (specs.isEmpty()) {
      problems.add("no endpoint to save");
    }
    if (specs.stream().anyMatch(Objects::isNull)) {
      problems.add("an endpoint spec is null");
    }
    ValidationException.throwIfAny(problems);
    V2ChannelId channel = specs.get(0).id().channelId();
    Set<String> names = new HashSet<>();
    Set<CdnIdentifier> identifiers = new HashSet<>();
    for (V2EndpointSpec spec : specs) {
      if (!spec.id().channelId().equals(channel)) {
        problems.add("endpoint " + spec.id() + " belongs to channel " + spec.id().channelId() + ", not " + channel
            + ": endpoints saved together belong to one channel");
      }
      if (!names.add(spec.id().endpoint())) {
        problems.add("endpoint name '" + spec.id().endpoint() + "' is given more than once");
      }
      spec.cdnIdentifier().ifPresent(identifiers::add);
      V2Layout.pathPatternProblem(spec.id(), spec.containerType()).ifPresent(problems::add);
    }
    if (specs.size() > V2Limits.MAX_ENDPOINTS_PER_CHANNEL) {
      problems.add(specs.size() + " endpoints given; MediaPackage v2 allows " + V2Limits.MAX_ENDPOINTS_PER_CHANNEL
          + " a channel");
    }
    if (identifiers.size() > 1) {
      problems.add("the endpoints give " + identifiers.size() + " different CDN identifiers, but the channel group's"
          + " one origin sends one: give them all the same one");
    }
    ValidationException.throwIfAny(problems);
    return channel;
  }

  /** Saves the endpoint in one Region's MediaPackage: created, updated with its ETag, or left when unchanged. */
  private V2Endpoint saveIn(ChannelGroups port, V2EndpointSpec spec) {
    Optional<V2Endpoint> existing = port.findEndpoint(spec.id());
    if (existing.isPresent()) {
      return unchanged(existing.get(), spec) ? existing.get() : update(port, existing.get(), spec);
    }
    try {
      return port.createEndpoint(spec);
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
        throw e;
      }
      return update(port, reread(port, spec), spec); // another writer created it a moment ago, maybe not shown yet
    }
  }

  private V2Endpoint update(ChannelGroups port, V2Endpoint current, V2EndpointSpec spec) {
    return EtagRetry.update(current, V2Endpoint::etag, () -> reread(port, spec), read -> unchanged(read, spec),
        etag -> port.updateEndpoint(spec, etag), v2.settings().maxUpdateAttempts());
  }

  /** The endpoint read again, waiting for MediaPackage to show it when another writer has just created it. */
  private V2Endpoint reread(ChannelGroups port, V2EndpointSpec spec) {
    return v2.visibility().until(spec.id().channelId().ref(), "GetOriginEndpoint", () -> port.findEndpoint(spec.id()))
        .orElseThrow(() -> new io.github.mediapackagecdn.core.error
        .ResourceNotFoundException("origin endpoint " + spec.id() + " disappeared while being saved",
            spec.id().toString()));
  }

  /** Whether the endpoint already is as the spec says: container, manifests (kind and name), description, window. */
  static boolean unchanged(V2Endpoint endpoint, V2EndpointSpec spec) {
    return endpoint.containerType() == spec.containerType()
        && endpoint.description().equals(spec.description())
        && endpoint.startoverWindowSeconds().equals(spec.startoverWindowSeconds())
        && endpoint.manifests().stream().map(m -> m.type() + "/" + m.name()).toList()
            .equals(spec.manifests().stream().map(m -> m.type() + "/" + m.name()).toList());
  }
}
