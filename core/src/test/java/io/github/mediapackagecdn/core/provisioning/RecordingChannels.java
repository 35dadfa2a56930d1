package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.error.InvalidRequestException;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A minimal in-memory {@link io.github.mediapackagecdn.core.port.Channels} that counts reads and writes. Public (in
 * core's test-jar) so that the testkit runs its {@code ChannelsContract} against it.
 */
public final class RecordingChannels implements io.github.mediapackagecdn.core.port.Channels {

  /** MediaPackage's error code for a valid request it refuses. */
  private static final String UNPROCESSABLE = "UnprocessableEntityException";

  final Map<ChannelId, Channel> channels = new LinkedHashMap<>();
  final Map<OriginEndpointId, OriginEndpoint> endpoints = new LinkedHashMap<>();
  final List<String> writes = new ArrayList<>();
  int reads;
  private int tagWritesBeforeFailure;
  private RuntimeException tagFailure;

  /** After {@code succeeding} more tag writes, the next one fails with {@code failure}. */
  void failTagWrite(int succeeding, RuntimeException failure) {
    tagWritesBeforeFailure = succeeding;
    tagFailure = failure;
  }

  /** The ARN this double gives a channel: 32 hex derived from the id, as MediaPackage's ARNs look. */
  static ChannelArn arnOf(ChannelId id) {
    return ChannelArn.of("arn:aws:mediapackage:us-west-2:123456789012:channels/" + hex(id.value()));
  }

  Channel put(ChannelId id) {
    Channel channel = Channel.builder().id(id).arn(arnOf(id)).build();
    channels.put(id, channel);
    return channel;
  }

  void put(OriginEndpoint endpoint) {
    endpoints.put(endpoint.id(), endpoint);
  }

  @Override
  public Channel create(ChannelSpec spec) {
    writes.add("create " + spec.id());
    if (channels.containsKey(spec.channelId())) {
      throw new ResourceConflictException("exists", ResourceConflictException.Reason.ALREADY_EXISTS, spec.id());
    }
    Channel channel = Channel.builder()
        .id(spec.channelId()).arn(arnOf(spec.channelId())).description(spec.description()).putAllTags(spec.tags()).build();
    channels.put(channel.id(), channel);
    return channel;
  }

  @Override
  public Channel update(ChannelSpec spec) {
    writes.add("update " + spec.id());
    Channel channel = Channel.builder()
        .from(existing(spec.channelId())).description(spec.description()).build();
    channels.put(channel.id(), channel);
    return channel;
  }

  @Override
  public Optional<Channel> find(ChannelId id) {
    reads++;
    return Optional.ofNullable(channels.get(id));
  }

  @Override
  public void delete(ChannelId id) {
    writes.add("delete " + id);
    existing(id);
    if (endpoints.values().stream().anyMatch(e -> e.channelId().equals(id))) {
      throw new ResourceConflictException("channel " + id + " has endpoints", ResourceConflictException.Reason.IN_USE,
          id.value(), UNPROCESSABLE, null, null);
    }
    channels.remove(id);
  }

  @Override
  public void tag(ChannelArn arn, Map<String, String> tags) {
    writes.add("tag " + tags);
    if (tagFailure != null && tagWritesBeforeFailure-- == 0) {
      RuntimeException failure = tagFailure;
      tagFailure = null;
      throw failure;
    }
    Channel channel = channels.values().stream().filter(c -> c.arn().equals(arn)).findFirst()
        .orElseThrow(() -> new ResourceNotFoundException("no channel " + arn, arn.value()));
    Map<String, String> merged = new LinkedHashMap<>(channel.tags());
    merged.putAll(tags);
    if (merged.size() > Limits.MAX_TAGS) {
      throw new InvalidRequestException("at most " + Limits.MAX_TAGS + " tags, not " + merged.size(), UNPROCESSABLE, null, null);
    }
    channels.put(channel.id(), Channel.builder().from(channel).tags(merged).build());
  }

  @Override
  public OriginEndpoint createEndpoint(EndpointSpec spec) {
    writes.add("createEndpoint " + spec.id());
    existing(spec.channelId());
    if (endpoints.containsKey(spec.endpointId())) {
      throw new ResourceConflictException("exists", ResourceConflictException.Reason.ALREADY_EXISTS, spec.id());
    }
    return store(spec);
  }

  @Override
  public OriginEndpoint updateEndpoint(EndpointSpec spec) {
    writes.add("updateEndpoint " + spec.id());
    OriginEndpoint current = endpoints.get(spec.endpointId());
    if (current == null) {
      throw notFound("endpoint", spec.id());
    }
    spec.refuseMoveFrom(current.channelId());
    return store(spec);
  }

  @Override
  public Optional<OriginEndpoint> findEndpoint(OriginEndpointId id) {
    reads++;
    return Optional.ofNullable(endpoints.get(id));
  }

  @Override
  public List<OriginEndpoint> endpointsOf(ChannelId channelId) {
    reads++;
    return endpoints.values().stream().filter(e -> e.channelId().equals(channelId)).toList();
  }

  /** Every channel, as one page: the double does not page. */
  @Override
  public List<Channel> everyChannel() {
    reads++;
    return List.copyOf(channels.values());
  }

  /** Every endpoint, as one page: the double does not page. */
  @Override
  public List<OriginEndpoint> everyEndpoint() {
    reads++;
    return List.copyOf(endpoints.values());
  }

  @Override
  public void deleteEndpoint(OriginEndpointId id) {
    writes.add("deleteEndpoint " + id);
    if (endpoints.remove(id) == null) {
      throw notFound("endpoint", id.value());
    }
  }

  private Channel existing(ChannelId id) {
    Channel channel = channels.get(id);
    if (channel == null) {
      throw notFound("channel", id.value());
    }
    return channel;
  }

  private static ResourceNotFoundException notFound(String what, String id) {
    return new ResourceNotFoundException("no " + what + " " + id, id, "NotFoundException", null, null);
  }

  private OriginEndpoint store(EndpointSpec spec) {
    String base = "https://" + Fixtures.HOST + "/out/v1/" + hex(spec.id()) + "/";
    List<EndpointUrl> urls = switch (spec.packaging()) {
      case HLS -> List.of(EndpointUrl.of(base + spec.manifestName() + ".m3u8"));
      case DASH -> List.of(EndpointUrl.of(base + spec.manifestName() + ".mpd"));
      case MSS -> List.of(EndpointUrl.of(base + spec.manifestName() + ".ism/Manifest"));
      case CMAF -> spec.cmafManifestIds().stream()
          .map(m -> EndpointUrl.of(base + m + "/" + spec.manifestName() + ".m3u8"))
          .toList();
    };
    OriginEndpoint.Builder endpoint = OriginEndpoint.builder()
        .id(spec.endpointId())
        .channelId(spec.channelId())
        .packaging(spec.packaging())
        .manifestName(spec.manifestName())
        .urls(urls)
        .description(spec.description())
        .startoverWindowSeconds(spec.startoverWindowSeconds())
        .timeDelaySeconds(spec.timeDelaySeconds())
        .whitelist(spec.whitelist())
        .authorization(spec.authorization());
    spec.cmafManifestIds().forEach(m -> endpoint.putHlsManifests(m, spec.manifestName()));
    OriginEndpoint built = endpoint.build();
    endpoints.put(built.id(), built);
    return built;
  }

  private static String hex(String value) {
    return UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
  }
}
