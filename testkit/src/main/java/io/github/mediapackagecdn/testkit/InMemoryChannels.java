package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.Limits;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Channels;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MediaPackage v1 in memory: channel ARNs {@code arn:<partition>:mediapackage:<region>:<account>:channels/<32 hex>},
 * one egress host of 16 hex per channel, endpoint URLs
 * {@code https://<host>.mediapackage.<region>.<DNS suffix>/out/v1/<32 hex>/<manifest>} (CMAF: one per HLS
 * manifest, {@code .../<manifest id>/<manifest name>.m3u8}); ids unique per account, endpoints listed by channel, a
 * channel with endpoints cannot be deleted. Errors carry MediaPackage's codes.
 */
public final class InMemoryChannels implements Channels {

  /** MediaPackage's largest page (MaxResults) of ListChannels and ListOriginEndpoints, which the fleet reads ask for. */
  public static final int PAGE_SIZE = 1000;

  private final FakeAws aws;
  private final Map<ChannelId, StoredChannel> channels = new LinkedHashMap<>();
  private final Map<OriginEndpointId, StoredEndpoint> endpoints = new LinkedHashMap<>();
  /** Each channel's endpoint ids in creation order, so that a fleet of thousands is not scanned per call. */
  private final Map<ChannelId, Set<OriginEndpointId>> endpointsByChannel = new HashMap<>();
  private final Map<ChannelArn, ChannelId> channelsByArn = new HashMap<>();

  InMemoryChannels(FakeAws aws) {
    this.aws = aws;
  }

  @Override
  public Channel create(ChannelSpec spec) {
    return aws.call(Operation.CREATE_CHANNEL, List.of(spec), () -> {
      if (channels.containsKey(spec.channelId())) {
        throw new ResourceConflictException("Channel " + spec.id() + " already exists",
            ResourceConflictException.Reason.ALREADY_EXISTS, spec.id(), "UnprocessableEntityException", requestId(), null);
      }
      if (channels.size() >= aws.quotas().channels()) {
        throw new QuotaExceededException("Too many requests, please try again. Resource limit exceeded",
            "TooManyRequestsException", requestId(), null);
      }
      String serviceId = aws.hex(32);
      Channel channel = Channel.builder()
          .id(spec.channelId())
          .arn(ChannelArn.of(aws.arnPrefix("mediapackage") + "channels/" + serviceId))
          .description(spec.description())
          .tags(spec.tags())
          .build();
      channels.put(channel.id(), new StoredChannel(channel, aws.hex(16), aws.visibleFromNow()));
      channelsByArn.put(channel.arn(), channel.id());
      return channel;
    });
  }

  @Override
  public Channel update(ChannelSpec spec) {
    return aws.call(Operation.UPDATE_CHANNEL, List.of(spec), () -> {
      StoredChannel stored = existingChannel(spec.channelId());
      Channel updated = Channel.builder().from(stored.channel()).description(spec.description()).build();
      channels.put(updated.id(), new StoredChannel(updated, stored.egressHostLabel(), stored.visibleAt()));
      return updated;
    });
  }

  @Override
  public Optional<Channel> find(ChannelId id) {
    return aws.call(Operation.DESCRIBE_CHANNEL, List.of(id),
        () -> Optional.ofNullable(channels.get(id)).filter(c -> aws.isVisible(c.visibleAt())).map(StoredChannel::channel));
  }

  @Override
  public void delete(ChannelId id) {
    aws.call(Operation.DELETE_CHANNEL, List.of(id), () -> {
      existingChannel(id);
      if (!endpointIdsOf(id).isEmpty()) {
        throw new ResourceConflictException("Channel " + id + " has origin endpoints; delete them first",
            ResourceConflictException.Reason.IN_USE, id.value(), "UnprocessableEntityException", requestId(), null);
      }
      channelsByArn.remove(channels.get(id).channel().arn());
      endpointsByChannel.remove(id);
      return channels.remove(id);
    });
  }

  /**
   * Adds the tags to the channel with that ARN, replacing the values of keys it has; visible to DescribeChannel at
   * once (UNCONFIRMED for MediaPackage, see {@code CdnSettings.channelTagsReadAfterWrite}). More than 50 tags in
   * all is refused with MediaPackage's 422 (its error for this is not documented; UNCONFIRMED), an unknown ARN with
   * 404.
   */
  @Override
  public void tag(ChannelArn arn, Map<String, String> tags) {
    aws.call(Operation.TAG_RESOURCE, List.of(arn, tags), () -> {
      StoredChannel stored = Optional.ofNullable(channelsByArn.get(arn)).map(channels::get)
          .orElseThrow(() -> notFound("Channel", arn.value()));
      Map<String, String> merged = new LinkedHashMap<>(stored.channel().tags());
      merged.putAll(tags);
      if (merged.size() > Limits.MAX_TAGS) {
        throw new InvalidRequestException("a resource has at most " + Limits.MAX_TAGS + " tags, not " + merged.size(),
            "UnprocessableEntityException", requestId(), null);
      }
      Channel tagged = Channel.builder().from(stored.channel()).tags(merged).build();
      channels.put(tagged.id(), new StoredChannel(tagged, stored.egressHostLabel(), stored.visibleAt()));
      return null;
    });
  }

  @Override
  public OriginEndpoint createEndpoint(EndpointSpec spec) {
    return aws.call(Operation.CREATE_ORIGIN_ENDPOINT, List.of(spec), () -> {
      StoredChannel channel = existingChannel(spec.channelId());
      if (endpoints.containsKey(spec.endpointId())) {
        throw new ResourceConflictException("OriginEndpoint " + spec.id() + " already exists",
            ResourceConflictException.Reason.ALREADY_EXISTS, spec.id(), "UnprocessableEntityException", requestId(), null);
      }
      if (endpointIdsOf(spec.channelId()).size() >= aws.quotas().endpointsPerChannel()) {
        throw new QuotaExceededException("Too many requests, please try again. Resource limit exceeded",
            "TooManyRequestsException", requestId(), null);
      }
      String serviceId = aws.hex(32);
      OriginEndpoint endpoint = endpoint(spec, channel, serviceId);
      endpoints.put(endpoint.id(), new StoredEndpoint(endpoint, serviceId, aws.visibleFromNow()));
      endpointsByChannel.computeIfAbsent(endpoint.channelId(), c -> new LinkedHashSet<>()).add(endpoint.id());
      return endpoint;
    });
  }

  /**
   * Writes the spec over the endpoint, which keeps its URL path but may change its packaging format, as
   * UpdateOriginEndpoint allows (its request has every format's package member; the API model documents no
   * restriction). An endpoint of another channel is refused as the adapter refuses it, before the write
   * ({@link EndpointSpec#refuseMoveFrom}).
   */
  @Override
  public OriginEndpoint updateEndpoint(EndpointSpec spec) {
    return aws.call(Operation.UPDATE_ORIGIN_ENDPOINT, List.of(spec), () -> {
      StoredEndpoint stored = endpoints.get(spec.endpointId());
      if (stored == null) {
        throw notFound("OriginEndpoint", spec.id());
      }
      spec.refuseMoveFrom(stored.endpoint().channelId());
      OriginEndpoint endpoint = endpoint(spec, existingChannel(spec.channelId()), stored.serviceId());
      endpoints.put(endpoint.id(), new StoredEndpoint(endpoint, stored.serviceId(), stored.visibleAt()));
      return endpoint;
    });
  }

  @Override
  public Optional<OriginEndpoint> findEndpoint(OriginEndpointId id) {
    return aws.call(Operation.DESCRIBE_ORIGIN_ENDPOINT, List.of(id),
        () -> Optional.ofNullable(endpoints.get(id)).filter(e -> aws.isVisible(e.visibleAt()))
            .map(StoredEndpoint::endpoint));
  }

  @Override
  public List<OriginEndpoint> endpointsOf(ChannelId channelId) {
    return aws.call(Operation.LIST_ORIGIN_ENDPOINTS, List.of(channelId), () -> endpointIdsOf(channelId).stream()
        .map(endpoints::get)
        .filter(e -> aws.isVisible(e.visibleAt()))
        .map(StoredEndpoint::endpoint)
        .toList());
  }

  /** ListChannels without a filter, in pages of {@value #PAGE_SIZE}, visible channels only. */
  @Override
  public List<Channel> everyChannel() {
    return aws.paged(Operation.LIST_CHANNELS, List.of(), PAGE_SIZE, () -> channels.values().stream()
        .filter(c -> aws.isVisible(c.visibleAt()))
        .map(StoredChannel::channel)
        .toList());
  }

  /** ListOriginEndpoints without a channel filter, in pages of {@value #PAGE_SIZE}, visible endpoints only. */
  @Override
  public List<OriginEndpoint> everyEndpoint() {
    return aws.paged(Operation.LIST_ORIGIN_ENDPOINTS, List.of(), PAGE_SIZE, () -> endpoints.values().stream()
        .filter(e -> aws.isVisible(e.visibleAt()))
        .map(StoredEndpoint::endpoint)
        .toList());
  }

  @Override
  public void deleteEndpoint(OriginEndpointId id) {
    aws.call(Operation.DELETE_ORIGIN_ENDPOINT, List.of(id), () -> {
      StoredEndpoint removed = endpoints.remove(id);
      if (removed == null) {
        throw notFound("OriginEndpoint", id.value());
      }
      endpointIdsOf(removed.endpoint().channelId()).remove(id);
      return null;
    });
  }

  /** The channel's endpoint ids in creation order (empty, and modifiable, for a channel without endpoints). */
  private Set<OriginEndpointId> endpointIdsOf(ChannelId channelId) {
    return endpointsByChannel.getOrDefault(channelId, new LinkedHashSet<>());
  }

  /** Every channel, in creation order; not recorded as a call. */
  public List<Channel> all() {
    return aws.locked(() -> channels.values().stream().map(StoredChannel::channel).toList());
  }

  /**
   * The endpoints ListOriginEndpoints would show for the channel now (created and past the visibility delay), in
   * creation order; not recorded as a call, and no fault applies: what a save that lists them now can know of.
   */
  List<OriginEndpoint> visibleEndpointsOf(ChannelId channelId) {
    return aws.locked(() -> endpointIdsOf(channelId).stream().map(endpoints::get)
        .filter(e -> aws.isVisible(e.visibleAt())).map(StoredEndpoint::endpoint).toList());
  }

  /** Every endpoint, in creation order; not recorded as a call. */
  public List<OriginEndpoint> allEndpoints() {
    return aws.locked(() -> endpoints.values().stream().map(StoredEndpoint::endpoint).toList());
  }

  /**
   * The endpoints of the channel whose egress host is {@code host} (MediaPackage's data plane: visible or not yet),
   * each with the 32-hex id of its path {@code /out/v1/<id>/}; empty when no channel has that host.
   */
  Map<String, OriginEndpoint> endpointsServedBy(String host) {
    return aws.locked(() -> {
      Map<String, OriginEndpoint> served = new LinkedHashMap<>();
      channels.values().stream().filter(c -> egressHost(c).equalsIgnoreCase(host)).findFirst()
          .ifPresent(c -> endpointIdsOf(c.channel().id()).stream().map(endpoints::get)
              .forEach(e -> served.put(e.serviceId(), e.endpoint())));
      return served;
    });
  }

  /** Whether some channel of the account has the egress host {@code host}. */
  boolean isEgressHost(String host) {
    return aws.locked(() -> channels.values().stream().anyMatch(c -> egressHost(c).equalsIgnoreCase(host)));
  }

  private String egressHost(StoredChannel channel) {
    return channel.egressHostLabel() + ".mediapackage." + aws.region() + "." + aws.dnsSuffix();
  }

  /** The endpoint whose path is {@code /out/v1/<serviceId>/}, on whichever host. */
  Optional<OriginEndpoint> endpointWithPathId(String serviceId) {
    return aws.locked(() -> endpoints.values().stream().filter(e -> e.serviceId().equals(serviceId))
        .map(StoredEndpoint::endpoint).findFirst());
  }

  private OriginEndpoint endpoint(EndpointSpec spec, StoredChannel channel, String serviceId) {
    String base = "https://" + egressHost(channel) + "/out/v1/" + serviceId + "/";
    OriginEndpoint.Builder endpoint = OriginEndpoint.builder()
        .id(spec.endpointId())
        .channelId(spec.channelId())
        .arn(aws.arnPrefix("mediapackage") + "origin_endpoints/" + serviceId)
        .packaging(spec.packaging())
        .manifestName(spec.manifestName())
        .description(spec.description())
        .startoverWindowSeconds(spec.startoverWindowSeconds())
        .timeDelaySeconds(spec.timeDelaySeconds())
        .whitelist(spec.whitelist())
        .authorization(spec.authorization());
    switch (spec.packaging()) {
      case HLS -> endpoint.addUrls(EndpointUrl.of(base + spec.manifestName() + ".m3u8"));
      case DASH -> endpoint.addUrls(EndpointUrl.of(base + spec.manifestName() + ".mpd"));
      case MSS -> endpoint.addUrls(EndpointUrl.of(base + spec.manifestName() + ".ism/Manifest"));
      case CMAF -> spec.cmafManifestIds().forEach(manifestId -> endpoint
          .addUrls(EndpointUrl.of(base + manifestId + "/" + spec.manifestName() + ".m3u8"))
          .putHlsManifests(manifestId, spec.manifestName()));
    }
    return endpoint.build();
  }

  private StoredChannel existingChannel(ChannelId id) {
    StoredChannel channel = channels.get(id);
    if (channel == null) {
      throw notFound("Channel", id.value());
    }
    return channel;
  }

  private ResourceNotFoundException notFound(String type, String id) {
    return new ResourceNotFoundException(type + " " + id + " not found", id, "NotFoundException", requestId(), null);
  }

  private String requestId() {
    return aws.randomString("0123456789abcdef", 8) + "-fake";
  }

  private record StoredChannel(Channel channel, String egressHostLabel, Instant visibleAt) {}

  private record StoredEndpoint(OriginEndpoint endpoint, String serviceId, Instant visibleAt) {}
}
