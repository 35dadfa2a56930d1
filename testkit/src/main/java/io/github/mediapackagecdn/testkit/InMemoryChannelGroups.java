package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Limits;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.model.V2Limits;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * MediaPackage v2 in memory: channel groups with an egress domain
 * {@code <6 letters>.egress.<6 letters>.mediapackagev2.<region>.<DNS suffix>}, ARNs
 * {@code arn:<partition>:mediapackagev2:<region>:<account>:channelGroup/<g>/channel/<c>/originEndpoint/<e>} (the
 * region's partition and DNS suffix, {@link FakeAws#partition()}), manifest URLs
 * {@code https://<egress>/out/v1/<g>/<c>/<e>/<manifest>.m3u8} ({@code .mpd} for DASH, {@code .ism/Manifest} for MSS),
 * a new ETag on every write and {@code x-amzn-update-if-match} checked (a stale one is a conflict
 * {@code STALE_VERSION}), endpoint policies, and v2's quotas ({@link FakeAws.Quotas.V2}; unless set, those of
 * {@link V2Limits}): 3 groups, 10 channels a group, 10 endpoints a channel, 25 manifests an endpoint. Errors carry v2's codes. Every call goes through {@link FakeAws}:
 * recorded, with its faults, and what is created is invisible for the account's visibility delay.
 */
public final class InMemoryChannelGroups implements ChannelGroups {

  /** ListChannelGroups, ListChannels and ListOriginEndpoints' largest page ({@code MaxResults} 100). */
  public static final int PAGE_SIZE = 100;

  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final FakeAws aws;
  private final Map<String, Stored<ChannelGroup>> groups = new LinkedHashMap<>();
  private final Map<V2ChannelId, Stored<V2Channel>> channels = new LinkedHashMap<>();
  private final Map<V2EndpointId, Stored<V2Endpoint>> endpoints = new LinkedHashMap<>();
  private final Map<V2EndpointId, EndpointPolicy> policies = new LinkedHashMap<>();
  private boolean reserializePolicies;

  InMemoryChannelGroups(FakeAws aws) {
    this.aws = aws;
  }

  @Override
  public Optional<ChannelGroup> findGroup(String name) {
    return aws.call(Operation.V2_GET_CHANNEL_GROUP, List.of(name), () -> visible(groups.get(name)));
  }

  @Override
  public ChannelGroup createGroup(ChannelGroupSpec spec) {
    return aws.call(Operation.V2_CREATE_CHANNEL_GROUP, List.of(spec), () -> {
      if (groups.containsKey(spec.name())) {
        throw conflict("Channel group " + spec.name() + " already exists", spec.name());
      }
      if (groups.size() >= aws.quotas().v2().channelGroups()) {
        throw quota("channel groups", aws.quotas().v2().channelGroups());
      }
      ChannelGroup group = ChannelGroup.builder()
          .name(spec.name())
          .arn(arnPrefix() + "channelGroup/" + spec.name())
          .egressDomain(aws.randomString(LOWER, 6) + ".egress." + aws.randomString(LOWER, 6) + ".mediapackagev2."
              + aws.region() + "." + aws.dnsSuffix())
          .description(spec.description())
          .etag(etag())
          .tags(spec.tags())
          .build();
      groups.put(group.name(), new Stored<>(group, aws.visibleFromNow()));
      return group;
    });
  }

  @Override
  public List<String> groupNames() {
    return aws.paged(Operation.V2_LIST_CHANNEL_GROUPS, List.of(), PAGE_SIZE,
        () -> groups.values().stream().filter(s -> aws.isVisible(s.visibleAt())).map(s -> s.value().name())
            .toList());
  }

  @Override
  public Optional<V2Channel> findChannel(V2ChannelId id) {
    return aws.call(Operation.V2_GET_CHANNEL, List.of(id), () -> visible(channels.get(id)));
  }

  @Override
  public V2Channel createChannel(V2ChannelSpec spec) {
    return aws.call(Operation.V2_CREATE_CHANNEL, List.of(spec), () -> {
      ChannelGroup group = existingGroup(spec.id().group());
      if (channels.containsKey(spec.id())) {
        throw conflict("Channel " + spec.id() + " already exists", spec.id().toString());
      }
      if (channels.keySet().stream().filter(c -> c.group().equals(spec.id().group())).count()
          >= aws.quotas().v2().channelsPerGroup()) {
        throw quota("channels per channel group", aws.quotas().v2().channelsPerGroup());
      }
      V2Channel channel = V2Channel.builder()
          .id(spec.id())
          .arn(V2Limits.channelArn(group.arn(), spec.id().channel()))
          .description(spec.description())
          .inputType(spec.inputType())
          .publishMediaQualityScore(spec.publishMediaQualityScore())
          .etag(etag())
          .tags(spec.tags())
          .build();
      channels.put(channel.id(), new Stored<>(channel, aws.visibleFromNow()));
      return channel;
    });
  }

  @Override
  public V2Channel updateChannel(V2ChannelSpec spec, String etag) {
    return aws.call(Operation.V2_UPDATE_CHANNEL, List.of(spec, etag), () -> {
      Stored<V2Channel> stored = existing(channels, spec.id(), "Channel");
      checkEtag(stored.value().etag(), etag, spec.id().toString());
      if (spec.publishMediaQualityScore() && stored.value().inputType() != InputType.CMAF) {
        throw new InvalidRequestException("OutputHeaderConfiguration is valid only when InputType is CMAF; channel "
            + spec.id() + " is " + stored.value().inputType() + " (MEMBER_INVALID)", "ValidationException",
            requestId(), null); // the exception type of MediaPackage v2's ValidationException; reason UNCONFIRMED
      }
      V2Channel updated = V2Channel.builder().from(stored.value()).description(spec.description())
          .publishMediaQualityScore(spec.publishMediaQualityScore()).etag(etag()).build();
      channels.put(spec.id(), new Stored<>(updated, stored.visibleAt()));
      return updated;
    });
  }

  /**
   * DeleteChannel: a channel with endpoints is a conflict {@code IN_USE} ({@code RESOURCE_IN_USE}); a missing one a
   * {@code ResourceNotFoundException} (UNCONFIRMED: the API model lists no such error for DeleteChannel).
   */
  @Override
  public void deleteChannel(V2ChannelId id) {
    aws.call(Operation.V2_DELETE_CHANNEL, List.of(id), () -> {
      existing(channels, id, "Channel");
      if (endpoints.keySet().stream().anyMatch(e -> e.channelId().equals(id))) {
        throw new ResourceConflictException("Channel " + id + " has origin endpoints (RESOURCE_IN_USE)",
            ResourceConflictException.Reason.IN_USE, id.toString(), "ConflictException", requestId(), null);
      }
      channels.remove(id);
      return null;
    });
  }

  /**
   * TagResource on a channel's ARN: adds the tags, replacing the values of keys it has; GetChannel returns them. Like
   * an update, it keeps the channel's visibility (a channel not visible yet stays so) and gives it a new ETag
   * (UNCONFIRMED whether MediaPackage v2 does; the library never sends an ETag read before a tag). More than
   * {@value Limits#MAX_TAGS} tags in all, or an ARN of no channel, are refused, with MediaPackage v2's
   * {@code ValidationException} and {@code ResourceNotFoundException} (UNCONFIRMED: the API model lists only
   * {@code ValidationException} for TagResource).
   */
  @Override
  public void tagChannel(String channelArn, Map<String, String> tags) {
    aws.call(Operation.V2_TAG_RESOURCE, List.of(channelArn, tags), () -> {
      Stored<V2Channel> stored = channels.values().stream().filter(c -> c.value().arn().equals(channelArn))
          .findFirst().orElseThrow(() -> notFound("Resource", channelArn));
      Map<String, String> merged = new LinkedHashMap<>(stored.value().tags());
      merged.putAll(tags);
      if (merged.size() > Limits.MAX_TAGS) {
        throw new InvalidRequestException("a resource has at most " + Limits.MAX_TAGS + " tags, not " + merged.size(),
            "ValidationException", requestId(), null);
      }
      V2Channel tagged = V2Channel.builder().from(stored.value()).tags(merged).etag(etag()).build();
      channels.put(tagged.id(), new Stored<>(tagged, stored.visibleAt()));
      return null;
    });
  }

  /**
   * TagResource on a channel group's ARN: as {@link #tagChannel} on a channel's (the API model's TagResource takes the
   * ARN of any MediaPackage resource, and GetChannelGroup answers {@code Tags}); GetChannelGroup returns them.
   */
  @Override
  public void tagGroup(String groupArn, Map<String, String> tags) {
    aws.call(Operation.V2_TAG_RESOURCE, List.of(groupArn, tags), () -> {
      Stored<ChannelGroup> stored = groups.values().stream().filter(g -> g.value().arn().equals(groupArn))
          .findFirst().orElseThrow(() -> notFound("Resource", groupArn));
      Map<String, String> merged = new LinkedHashMap<>(stored.value().tags());
      merged.putAll(tags);
      if (merged.size() > Limits.MAX_TAGS) {
        throw new InvalidRequestException("a resource has at most " + Limits.MAX_TAGS + " tags, not " + merged.size(),
            "ValidationException", requestId(), null);
      }
      ChannelGroup tagged = ChannelGroup.builder().from(stored.value()).tags(merged).etag(etag()).build();
      groups.put(tagged.name(), new Stored<>(tagged, stored.visibleAt()));
      return null;
    });
  }

  @Override
  public List<String> channelNames(String group) {
    return aws.paged(Operation.V2_LIST_CHANNELS, List.of(group), PAGE_SIZE, () -> {
      existingGroup(group);
      return channels.values().stream().filter(s -> aws.isVisible(s.visibleAt()))
          .filter(s -> s.value().id().group().equals(group)).map(s -> s.value().id().channel()).toList();
    });
  }

  @Override
  public Optional<V2Endpoint> findEndpoint(V2EndpointId id) {
    return aws.call(Operation.V2_GET_ORIGIN_ENDPOINT, List.of(id), () -> visible(endpoints.get(id)));
  }

  @Override
  public V2Endpoint createEndpoint(V2EndpointSpec spec) {
    return aws.call(Operation.V2_CREATE_ORIGIN_ENDPOINT, List.of(spec), () -> {
      V2Channel channel = existing(channels, spec.id().channelId(), "Channel").value();
      if (endpoints.containsKey(spec.id())) {
        throw conflict("Origin endpoint " + spec.id() + " already exists", spec.id().toString());
      }
      if (endpoints.keySet().stream().filter(e -> e.channelId().equals(spec.id().channelId())).count()
          >= aws.quotas().v2().endpointsPerChannel()) {
        throw quota("origin endpoints per channel", aws.quotas().v2().endpointsPerChannel());
      }
      V2Endpoint endpoint = endpoint(spec, channel.arn() + "/originEndpoint/" + spec.id().endpoint());
      endpoints.put(spec.id(), new Stored<>(endpoint, aws.visibleFromNow()));
      return endpoint;
    });
  }

  @Override
  public V2Endpoint updateEndpoint(V2EndpointSpec spec, String etag) {
    return aws.call(Operation.V2_UPDATE_ORIGIN_ENDPOINT, List.of(spec, etag), () -> {
      Stored<V2Endpoint> stored = existing(endpoints, spec.id(), "Origin endpoint");
      checkEtag(stored.value().etag(), etag, spec.id().toString());
      if (stored.value().containerType() != spec.containerType()) {
        throw new InvalidRequestException("the container type of origin endpoint " + spec.id() + " cannot change",
            "ValidationException", requestId(), null); // UNCONFIRMED: MediaPackage's answer
      }
      V2Endpoint updated = endpoint(spec, stored.value().arn());
      endpoints.put(spec.id(), new Stored<>(updated, stored.visibleAt()));
      return updated;
    });
  }

  /**
   * DeleteOriginEndpoint, with its policy; a missing one is a {@code ResourceNotFoundException} (UNCONFIRMED: the API
   * model lists no such error for DeleteOriginEndpoint).
   */
  @Override
  public void deleteEndpoint(V2EndpointId id) {
    aws.call(Operation.V2_DELETE_ORIGIN_ENDPOINT, List.of(id), () -> {
      existing(endpoints, id, "Origin endpoint");
      endpoints.remove(id);
      policies.remove(id);
      return null;
    });
  }

  @Override
  public List<V2Endpoint> endpointsOf(V2ChannelId channel) {
    return aws.paged(Operation.V2_LIST_ORIGIN_ENDPOINTS, List.of(channel), PAGE_SIZE, () -> {
      existing(channels, channel, "Channel");
      return endpoints.values().stream().filter(s -> aws.isVisible(s.visibleAt()))
          .map(Stored::value).filter(e -> e.id().channelId().equals(channel))
          .map(e -> V2Endpoint.builder().from(e).etag(Optional.empty()).build()) // a listing has no ETag
          .toList();
    });
  }

  @Override
  public Optional<EndpointPolicy> findPolicy(V2EndpointId endpoint) {
    return aws.call(Operation.V2_GET_ORIGIN_ENDPOINT_POLICY, List.of(endpoint), () -> {
      existing(endpoints, endpoint, "Origin endpoint");
      return Optional.ofNullable(policies.get(endpoint));
    });
  }

  @Override
  public void putPolicy(V2EndpointId endpoint, EndpointPolicy policy) {
    aws.call(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY, List.of(endpoint, policy), () -> {
      existing(endpoints, endpoint, "Origin endpoint");
      if (policy.document().isBlank()) {
        throw new InvalidRequestException("the policy is empty", "ValidationException", requestId(), null);
      }
      return policies.put(endpoint, reserializePolicies ? reserialized(policy) : policy);
    });
  }

  /** Every channel group, as stored, visible or not; records no call. */
  public List<ChannelGroup> allGroups() {
    return aws.locked(() -> groups.values().stream().map(Stored::value).toList());
  }

  /** Every channel, as stored, visible or not; records no call. */
  public List<V2Channel> allChannels() {
    return aws.locked(() -> channels.values().stream().map(Stored::value).toList());
  }

  /**
   * The endpoints ListOriginEndpoints would show for the channel now (created and past the visibility delay); records
   * no call, and no fault applies: what a save that lists them now can know of.
   */
  List<V2Endpoint> visibleEndpointsOf(V2ChannelId channel) {
    return aws.locked(() -> endpoints.values().stream().filter(s -> aws.isVisible(s.visibleAt()))
        .map(Stored::value).filter(e -> e.id().channelId().equals(channel)).toList());
  }

  /** Every endpoint, as stored, with its ETag; records no call. */
  public List<V2Endpoint> allEndpoints() {
    return aws.locked(() -> endpoints.values().stream().map(Stored::value).toList());
  }

  /** The endpoint's policy, as stored; records no call. */
  public Optional<EndpointPolicy> policy(V2EndpointId endpoint) {
    return aws.locked(() -> Optional.ofNullable(policies.get(endpoint)));
  }

  /** Sets the endpoint's policy as a user would, without recording a call: a policy the library must keep. */
  public void seedPolicy(V2EndpointId endpoint, EndpointPolicy policy) {
    aws.locked(() -> policies.put(endpoint, policy));
  }

  /**
   * Removes the endpoint's policy as a user would (DeleteOriginEndpointPolicy in the console or the CLI), without
   * recording a call: MediaPackage then refuses every request to the endpoint.
   */
  public void removePolicyByHand(V2EndpointId endpoint) {
    aws.locked(() -> policies.remove(endpoint));
  }

  /**
   * From now on, every endpoint policy, those stored and those put later, is answered re-serialized, as an AWS
   * service may give back a policy it stored: the same meaning in another text (keys in reverse order, a list of one
   * value as that value, spaces and new lines), and the CDN authorization's secrets in reverse order. Records no call. A save that compares policies by their text would
   * write every policy again.
   */
  public void reserializeStoredPolicies() {
    aws.locked(() -> {
      reserializePolicies = true;
      policies.replaceAll((endpoint, policy) -> reserialized(policy));
      return null;
    });
  }

  private static EndpointPolicy reserialized(EndpointPolicy policy) {
    return new EndpointPolicy(PolicyJson.reserialized(policy.document()), policy.cdnAuthorization().map(auth -> {
      List<String> secrets = new java.util.ArrayList<>(auth.secretArns());
      java.util.Collections.reverse(secrets);
      return new io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration(secrets, auth.secretsRoleArn());
    }));
  }

  /**
   * Changes the channel's description as another writer would, giving it a new ETag, without recording a call: the
   * next update with the ETag read before is stale.
   */
  public void touchChannel(V2ChannelId id, UnaryOperator<String> description) {
    aws.locked(() -> {
      Stored<V2Channel> stored = existing(channels, id, "Channel");
      channels.put(id, new Stored<>(V2Channel.builder().from(stored.value())
          .description(description.apply(stored.value().description())).etag(etag()).build(), stored.visibleAt()));
      return null;
    });
  }

  /** Gives the endpoint a new ETag as another writer would, without recording a call. */
  public void touchEndpoint(V2EndpointId id) {
    aws.locked(() -> {
      Stored<V2Endpoint> stored = existing(endpoints, id, "Origin endpoint");
      endpoints.put(id, new Stored<>(V2Endpoint.builder().from(stored.value()).etag(etag()).build(),
          stored.visibleAt()));
      return null;
    });
  }

  private V2Endpoint endpoint(V2EndpointSpec spec, String arn) {
    ChannelGroup group = existingGroup(spec.id().group());
    List<String> problems = new java.util.ArrayList<>();
    if (spec.manifests().size() > aws.quotas().v2().manifestsPerEndpoint()) {
      throw quota("manifests per origin endpoint", aws.quotas().v2().manifestsPerEndpoint());
    }
    spec.manifests().forEach(m -> problems.addAll(V2Limits.manifestNameProblems(m.name())));
    V2Limits.manifestPathCollisions(spec.id().toString(), spec.manifests())
        .forEach(collision -> problems.add("MANIFEST_NAME_COLLISION: " + collision));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(String.join("; ", problems), "ValidationException", requestId(), null);
    }
    String base = "https://" + group.egressDomain() + spec.id().pathPrefix();
    List<Manifest> manifests = spec.manifests().stream()
        .sorted(Comparator.comparingInt(m -> m.type().ordinal()))
        .map(m -> m.withUrl(base + m.fileName())).toList();
    return V2Endpoint.builder()
        .id(spec.id())
        .arn(arn)
        .containerType(spec.containerType())
        .manifests(manifests)
        .description(spec.description())
        .startoverWindowSeconds(spec.startoverWindowSeconds())
        .etag(etag())
        .build();
  }

  private void checkEtag(Optional<String> current, String given, String id) {
    if (given == null || !current.map(given::equals).orElse(false)) {
      // UNCONFIRMED: the code MediaPackage v2 answers a stale x-amzn-update-if-match with
      throw new ResourceConflictException("The ETag " + given + " of " + id + " is not current",
          ResourceConflictException.Reason.STALE_VERSION, id, "ConflictException", requestId(), null);
    }
  }

  private ChannelGroup existingGroup(String name) {
    Stored<ChannelGroup> group = groups.get(name);
    if (group == null) {
      throw notFound("Channel group", name);
    }
    return group.value();
  }

  private <K, T> Stored<T> existing(Map<K, Stored<T>> store, K id, String type) {
    Stored<T> stored = store.get(id);
    if (stored == null) {
      throw notFound(type, id.toString());
    }
    return stored;
  }

  private <T> Optional<T> visible(Stored<T> stored) {
    return Optional.ofNullable(stored).filter(s -> aws.isVisible(s.visibleAt())).map(Stored::value);
  }

  private String arnPrefix() {
    return aws.arnPrefix("mediapackagev2");
  }

  private String etag() {
    return aws.randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 22);
  }

  private ResourceConflictException conflict(String message, String id) {
    return new ResourceConflictException(message + " (RESOURCE_ALREADY_EXISTS)",
        ResourceConflictException.Reason.ALREADY_EXISTS, id, "ConflictException", requestId(), null);
  }

  private QuotaExceededException quota(String what, int limit) {
    return new QuotaExceededException("Service quota exceeded: at most " + limit + " " + what,
        "ServiceQuotaExceededException", requestId(), null);
  }

  private ResourceNotFoundException notFound(String type, String id) {
    return new ResourceNotFoundException(type + " " + id + " not found", id, "ResourceNotFoundException",
        requestId(), null);
  }

  private String requestId() {
    return aws.randomString("0123456789abcdef", 8) + "-fake";
  }

  private record Stored<T>(T value, Instant visibleAt) {}
}
