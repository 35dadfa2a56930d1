package io.github.mediapackagecdn.aws;

import static java.util.stream.Collectors.toSet;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.mediapackagev2.MediaPackageV2Client;
import software.amazon.awssdk.services.mediapackagev2.model.CreateDashManifestConfiguration;
import software.amazon.awssdk.services.mediapackagev2.model.CreateHlsManifestConfiguration;
import software.amazon.awssdk.services.mediapackagev2.model.CreateLowLatencyHlsManifestConfiguration;
import software.amazon.awssdk.services.mediapackagev2.model.CreateMssManifestConfiguration;
import software.amazon.awssdk.services.mediapackagev2.model.CreateOriginEndpointResponse;
import software.amazon.awssdk.services.mediapackagev2.model.GetChannelResponse;
import software.amazon.awssdk.services.mediapackagev2.model.GetOriginEndpointPolicyResponse;
import software.amazon.awssdk.services.mediapackagev2.model.GetOriginEndpointResponse;
import software.amazon.awssdk.services.mediapackagev2.model.OriginEndpointListConfiguration;
import software.amazon.awssdk.services.mediapackagev2.model.OutputHeaderConfiguration;
import software.amazon.awssdk.services.mediapackagev2.model.UpdateChannelRequest;
import software.amazon.awssdk.services.mediapackagev2.model.UpdateOriginEndpointRequest;
import software.amazon.awssdk.services.mediapackagev2.model.UpdateOriginEndpointResponse;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * {@link ChannelGroups} on MediaPackage v2 ({@code mediapackagev2}, rest-json): one operation per method, the
 * listings through the SDK's paginators, updates with the ETag in {@code x-amzn-update-if-match}. Errors are
 * translated by {@link AwsErrors}; a 404 of a read is an empty answer.
 *
 * <p>An update changes only what the spec holds and writes back everything else as it is. UpdateOriginEndpoint
 * replaces what it is sent (the API model on {@code MssManifests}: "This replaces the existing MSS manifest
 * configurations"), and the model does not say what a member left out of an update becomes (UNCONFIRMED), so each
 * update first reads the resource (GetChannel, GetOriginEndpoint, its raw body kept), checks that it still has the ETag
 * the caller read (a {@code STALE_VERSION} conflict, nothing written, otherwise), copies every member the update
 * request shares with the read ({@link SharedMembers}: segment and encryption settings, each kept manifest's settings,
 * {@code ForceEndpointErrorConfiguration}, {@code InputSwitchConfiguration}, {@code OutputHeaderConfiguration}, and
 * whatever the SDK's model adds later), sets the spec's values over it, and sends it. If MediaPackage sent a member the
 * SDK does not model
 * ({@link UnmodelledJsonMembers}), writing back would drop it, so nothing is written and the update fails with an
 * {@link io.github.mediapackagecdn.core.error.UnsupportedSettingsException} naming it; the one exception is
 * {@code UriSeparator}, of which the API model says "If you don't specify a value in the update request, the current
 * value is preserved".
 */
final class MediaPackageV2ChannelGroups implements ChannelGroups {

  private static final Logger log = LoggerFactory.getLogger(MediaPackageV2ChannelGroups.class);

  /** MediaPackage v2's largest page ({@code ListResourceMaxResults}, 1 to 100) of its three listings. */
  static final int MAX_RESULTS = 100;

  /**
   * Members of GetOriginEndpoint's answer that UpdateOriginEndpoint keeps when they are not sent, so an SDK that does
   * not model them may leave them out (API model, {@code UpdateOriginEndpointRequest$UriSeparator}: "If you don't
   * specify a value in the update request, the current value is preserved").
   */
  static final Set<String> ENDPOINT_MEMBERS_KEPT_WHEN_NOT_SENT = Set.of("UriSeparator");

  private final MediaPackageV2Client client;

  MediaPackageV2ChannelGroups(MediaPackageV2Client client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  // ---------------------------------------------------------------- channel groups

  @Override
  public Optional<ChannelGroup> findGroup(String name) {
    try {
      var r = AwsErrors.call(AwsCall.V2_GET_CHANNEL_GROUP, name, () -> client.getChannelGroup(b -> b
          .channelGroupName(name)));
      return Optional.of(AwsErrors.parse(AwsCall.V2_GET_CHANNEL_GROUP, name, r, () -> group(r.channelGroupName(),
          r.arn(), r.egressDomain(), r.description(), r.eTag(), r.hasTags() ? r.tags() : Map.of())));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public ChannelGroup createGroup(ChannelGroupSpec spec) {
    var r = AwsErrors.call(AwsCall.V2_CREATE_CHANNEL_GROUP, spec.name(), () -> client.createChannelGroup(b -> b
        .channelGroupName(spec.name())
        .description(emptyToNull(spec.description()))
        .tags(spec.tags().isEmpty() ? null : spec.tags())));
    log.debug("created channel group {}", spec.name());
    return AwsErrors.parse(AwsCall.V2_CREATE_CHANNEL_GROUP, spec.name(), r, () -> group(r.channelGroupName(),
        r.arn(), r.egressDomain(), r.description(), r.eTag(), r.hasTags() ? r.tags() : Map.of()));
  }

  @Override
  public List<String> groupNames() {
    return AwsErrors.call(AwsCall.V2_LIST_CHANNEL_GROUPS, null, () -> {
      List<String> names = new ArrayList<>();
      client.listChannelGroupsPaginator(b -> b.maxResults(MAX_RESULTS)).items()
          .forEach(g -> names.add(AwsErrors.parse(AwsCall.V2_LIST_CHANNEL_GROUPS, null, null,
              () -> Objects.requireNonNull(g.channelGroupName(), "ChannelGroupName"))));
      return names;
    });
  }

  // ---------------------------------------------------------------- channels

  @Override
  public Optional<V2Channel> findChannel(V2ChannelId id) {
    try {
      GetChannelResponse r = AwsErrors.call(AwsCall.V2_GET_CHANNEL, id.toString(), () -> client.getChannel(b -> b
          .channelGroupName(id.group()).channelName(id.channel())));
      return Optional.of(AwsErrors.parse(AwsCall.V2_GET_CHANNEL, id.toString(), r, () -> channel(r.channelGroupName(),
          r.channelName(), r.arn(), r.description(), r.eTag(), r.hasTags() ? r.tags() : Map.of(),
          r.inputTypeAsString(), r.outputHeaderConfiguration())));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public V2Channel createChannel(V2ChannelSpec spec) {
    V2ChannelId id = spec.id();
    var r = AwsErrors.call(AwsCall.V2_CREATE_CHANNEL, id.toString(), () -> client.createChannel(b -> b
        .channelGroupName(id.group())
        .channelName(id.channel())
        .inputType(spec.inputType().name())
        .outputHeaderConfiguration(outputHeaders(spec))
        .description(emptyToNull(spec.description()))
        .tags(spec.tags().isEmpty() ? null : spec.tags())));
    log.debug("created channel {}", id);
    return AwsErrors.parse(AwsCall.V2_CREATE_CHANNEL, id.toString(), r, () -> channel(r.channelGroupName(),
        r.channelName(), r.arn(), r.description(), r.eTag(), r.hasTags() ? r.tags() : Map.of(),
        r.inputTypeAsString(), r.outputHeaderConfiguration()));
  }

  /**
   * GetChannel, then UpdateChannel with every member read ({@code InputSwitchConfiguration},
   * {@code OutputHeaderConfiguration}, ...) and the spec's description and, for a CMAF channel, its
   * {@code PublishMQCS} over them.
   */
  @Override
  public V2Channel updateChannel(V2ChannelSpec spec, String etag) {
    V2ChannelId id = spec.id();
    RawResponseBody raw = new RawResponseBody();
    GetChannelResponse read = AwsErrors.call(AwsCall.V2_GET_CHANNEL, id.toString(), () -> client.getChannel(b -> b
        .channelGroupName(id.group()).channelName(id.channel()).overrideConfiguration(o -> o.addPlugin(raw.plugin()))));
    refuseStale(AwsCall.V2_GET_CHANNEL, "channel", id.toString(), etag, read.eTag());
    UpdateChannelRequest.Builder request = UpdateChannelRequest.builder();
    List<String> unwritable = new ArrayList<>(SharedMembers.copy(read, request, Set.of()));
    unwritable.addAll(unmodelled(AwsCall.V2_GET_CHANNEL, id.toString(), raw, read, Set.of()));
    refuseUnwritable(AwsCall.V2_UPDATE_CHANNEL, "channel", id.toString(), unwritable);
    request.channelGroupName(id.group())
        .channelName(id.channel())
        .eTag(etag)
        .description(spec.description());
    if (spec.inputType() == InputType.CMAF) {
      request.outputHeaderConfiguration(Objects.requireNonNullElseGet(read.outputHeaderConfiguration(),
          () -> OutputHeaderConfiguration.builder().build()).toBuilder()
          .publishMQCS(spec.publishMediaQualityScore()).build());
    }
    var r = AwsErrors.call(AwsCall.V2_UPDATE_CHANNEL, id.toString(), () -> client.updateChannel(request.build()));
    log.debug("updated channel {}", id);
    return AwsErrors.parse(AwsCall.V2_UPDATE_CHANNEL, id.toString(), r, () -> channel(r.channelGroupName(),
        r.channelName(), r.arn(), r.description(), r.eTag(), r.hasTags() ? r.tags() : Map.of(),
        r.inputTypeAsString(), r.outputHeaderConfiguration()));
  }

  @Override
  public void deleteChannel(V2ChannelId id) {
    AwsErrors.run(AwsCall.V2_DELETE_CHANNEL, id.toString(), () -> client.deleteChannel(b -> b
        .channelGroupName(id.group())
        .channelName(id.channel())));
    log.debug("deleted channel {}", id);
  }

  /**
   * TagResource ({@code POST /tags/{ResourceArn}}, the tags in the body member {@code tags}, 204): adds the tags and
   * replaces the values of keys the channel has (API model); GetChannel returns them in {@code Tags}.
   */
  @Override
  public void tagChannel(String channelArn, Map<String, String> tags) {
    AwsErrors.run(AwsCall.V2_TAG_RESOURCE, channelArn, () -> client.tagResource(b -> b
        .resourceArn(channelArn)
        .tags(tags)));
    log.debug("tagged channel {} with {}", channelArn, tags.keySet());
  }

  /** TagResource on the channel group's ARN, as {@link #tagChannel}; GetChannelGroup returns them in {@code Tags}. */
  @Override
  public void tagGroup(String groupArn, Map<String, String> tags) {
    AwsErrors.run(AwsCall.V2_TAG_RESOURCE, groupArn, () -> client.tagResource(b -> b
        .resourceArn(groupArn)
        .tags(tags)));
    log.debug("tagged channel group {} with {}", groupArn, tags.keySet());
  }

  @Override
  public List<String> channelNames(String group) {
    return AwsErrors.call(AwsCall.V2_LIST_CHANNELS, group, () -> {
      List<String> names = new ArrayList<>();
      client.listChannelsPaginator(b -> b.channelGroupName(group).maxResults(MAX_RESULTS)).items()
          .forEach(c -> names.add(AwsErrors.parse(AwsCall.V2_LIST_CHANNELS, group, null,
              () -> Objects.requireNonNull(c.channelName(), "ChannelName"))));
      return names;
    });
  }

  // ---------------------------------------------------------------- origin endpoints

  @Override
  public Optional<V2Endpoint> findEndpoint(V2EndpointId id) {
    try {
      GetOriginEndpointResponse r = AwsErrors.call(AwsCall.V2_GET_ORIGIN_ENDPOINT, id.toString(),
          () -> client.getOriginEndpoint(b -> b.channelGroupName(id.group()).channelName(id.channel())
              .originEndpointName(id.endpoint())));
      return Optional.of(AwsErrors.parse(AwsCall.V2_GET_ORIGIN_ENDPOINT, id.toString(), r, () -> endpoint(
          r.channelGroupName(), r.channelName(), r.originEndpointName(), r.arn(), r.containerTypeAsString(),
          manifests(r.hlsManifests(), r.lowLatencyHlsManifests(), r.dashManifests(), r.mssManifests()),
          r.description(), r.startoverWindowSeconds(), r.eTag())));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public V2Endpoint createEndpoint(V2EndpointSpec spec) {
    V2EndpointId id = spec.id();
    CreateOriginEndpointResponse r = AwsErrors.call(AwsCall.V2_CREATE_ORIGIN_ENDPOINT, id.toString(),
        () -> client.createOriginEndpoint(b -> b
            .channelGroupName(id.group())
            .channelName(id.channel())
            .originEndpointName(id.endpoint())
            .containerType(spec.containerType().name())
            .description(emptyToNull(spec.description()))
            .startoverWindowSeconds(spec.startoverWindowSeconds().orElse(null))
            .hlsManifests(nullIfEmpty(manifestsOf(spec, ManifestType.HLS,
                m -> CreateHlsManifestConfiguration.builder().manifestName(m.name()).build())))
            .lowLatencyHlsManifests(nullIfEmpty(manifestsOf(spec, ManifestType.LOW_LATENCY_HLS,
                m -> CreateLowLatencyHlsManifestConfiguration.builder().manifestName(m.name()).build())))
            .dashManifests(nullIfEmpty(manifestsOf(spec, ManifestType.DASH,
                m -> CreateDashManifestConfiguration.builder().manifestName(m.name()).build())))
            .mssManifests(nullIfEmpty(manifestsOf(spec, ManifestType.MSS,
                m -> CreateMssManifestConfiguration.builder().manifestName(m.name()).build())))));
    log.debug("created origin endpoint {}", id);
    return AwsErrors.parse(AwsCall.V2_CREATE_ORIGIN_ENDPOINT, id.toString(), r, () -> endpoint(
        r.channelGroupName(), r.channelName(), r.originEndpointName(), r.arn(), r.containerTypeAsString(),
        manifests(r.hlsManifests(), r.lowLatencyHlsManifests(), r.dashManifests(), r.mssManifests()),
        r.description(), r.startoverWindowSeconds(), r.eTag()));
  }

  /**
   * GetOriginEndpoint, then UpdateOriginEndpoint with every member read ({@code Segment} with its encryption,
   * {@code ForceEndpointErrorConfiguration}, ...) and the spec's container, description, startover window and
   * manifests over them. The manifest lists are the spec's: every list is sent, an empty one as {@code []}, so that a
   * manifest the spec dropped is removed; a manifest the endpoint already has (same kind, same name) keeps every
   * setting read (child manifest name, manifest window, filters, DRM signaling, ...), a new one is sent with its name.
   */
  @Override
  public V2Endpoint updateEndpoint(V2EndpointSpec spec, String etag) {
    V2EndpointId id = spec.id();
    RawResponseBody raw = new RawResponseBody();
    GetOriginEndpointResponse read = AwsErrors.call(AwsCall.V2_GET_ORIGIN_ENDPOINT, id.toString(),
        () -> client.getOriginEndpoint(b -> b.channelGroupName(id.group()).channelName(id.channel())
            .originEndpointName(id.endpoint()).overrideConfiguration(o -> o.addPlugin(raw.plugin()))));
    refuseStale(AwsCall.V2_GET_ORIGIN_ENDPOINT, "origin endpoint", id.toString(), etag, read.eTag());
    UpdateOriginEndpointRequest.Builder request = UpdateOriginEndpointRequest.builder();
    Set<String> lists = EnumSet.allOf(ManifestType.class).stream().map(ManifestType::member).collect(toSet());
    List<String> unwritable = new ArrayList<>(SharedMembers.copy(read, request, lists)); // the lists: below
    Set<String> dropped = droppedManifests(spec, read);
    unmodelled(AwsCall.V2_GET_ORIGIN_ENDPOINT, id.toString(), raw, read, ENDPOINT_MEMBERS_KEPT_WHEN_NOT_SENT).stream()
        .filter(path -> dropped.stream().noneMatch(manifest -> path.startsWith(manifest + "/")))
        .forEach(unwritable::add);
    request.channelGroupName(id.group())
        .channelName(id.channel())
        .originEndpointName(id.endpoint())
        .eTag(etag)
        .containerType(spec.containerType().name())
        .description(spec.description())
        .startoverWindowSeconds(spec.startoverWindowSeconds().orElse(null))
        .hlsManifests(kept(spec, ManifestType.HLS, read.hlsManifests(), CreateHlsManifestConfiguration::builder,
            unwritable))
        .lowLatencyHlsManifests(kept(spec, ManifestType.LOW_LATENCY_HLS, read.lowLatencyHlsManifests(),
            CreateLowLatencyHlsManifestConfiguration::builder, unwritable))
        .dashManifests(kept(spec, ManifestType.DASH, read.dashManifests(), CreateDashManifestConfiguration::builder,
            unwritable))
        .mssManifests(kept(spec, ManifestType.MSS, read.mssManifests(), CreateMssManifestConfiguration::builder,
            unwritable));
    refuseUnwritable(AwsCall.V2_UPDATE_ORIGIN_ENDPOINT, "origin endpoint", id.toString(), unwritable);
    UpdateOriginEndpointResponse r = AwsErrors.call(AwsCall.V2_UPDATE_ORIGIN_ENDPOINT, id.toString(),
        () -> client.updateOriginEndpoint(request.build()));
    log.debug("updated origin endpoint {}", id);
    return AwsErrors.parse(AwsCall.V2_UPDATE_ORIGIN_ENDPOINT, id.toString(), r, () -> endpoint(
        r.channelGroupName(), r.channelName(), r.originEndpointName(), r.arn(), r.containerTypeAsString(),
        manifests(r.hlsManifests(), r.lowLatencyHlsManifests(), r.dashManifests(), r.mssManifests()),
        r.description(), r.startoverWindowSeconds(), r.eTag()));
  }

  /**
   * The spec's manifests of one kind, in the spec's order: each one the endpoint has by that name built from what was
   * read (every setting it shares with the create shape), a new one from its name alone.
   */
  private static <B extends SdkPojo & SdkBuilder<B, T>, T> List<T> kept(V2EndpointSpec spec, ManifestType type,
      List<? extends SdkPojo> read, Supplier<B> builder, List<String> unwritable) {
    List<T> manifests = new ArrayList<>();
    for (Manifest manifest : spec.manifests()) {
      if (manifest.type() != type) {
        continue;
      }
      B item = builder.get();
      for (int i = 0; i < read.size(); i++) {
        if (manifest.name().equals(field(read.get(i), "ManifestName"))) {
          String readItem = type.member() + "[" + (i + 1) + "]/";
          SharedMembers.copy(read.get(i), item, Set.of()).forEach(path -> unwritable.add(readItem + path));
        }
      }
      manifests.add(setManifestName(item, manifest.name()).build());
    }
    return manifests;
  }

  /**
   * The manifests read that the spec does not name, as {@code HlsManifests[2]}: the update removes them, so what they
   * hold needs no writing back.
   */
  private static Set<String> droppedManifests(V2EndpointSpec spec, GetOriginEndpointResponse read) {
    Set<String> dropped = new HashSet<>();
    for (ManifestType type : ManifestType.values()) {
      List<? extends SdkPojo> items = switch (type) {
        case HLS -> read.hlsManifests();
        case LOW_LATENCY_HLS -> read.lowLatencyHlsManifests();
        case DASH -> read.dashManifests();
        case MSS -> read.mssManifests();
      };
      for (int i = 0; i < items.size(); i++) {
        String name = field(items.get(i), "ManifestName");
        if (spec.manifests().stream().noneMatch(m -> m.type() == type && m.name().equals(name))) {
          dropped.add(type.member() + "[" + (i + 1) + "]");
        }
      }
    }
    return dropped;
  }

  private static <B extends SdkPojo> B setManifestName(B builder, String name) {
    builder.sdkFields().stream().filter(f -> f.memberName().equals("ManifestName")).findFirst()
        .orElseThrow(() -> new IllegalStateException("a manifest shape without ManifestName"))
        .set(builder, name);
    return builder;
  }

  /**
   * What the raw body of {@code read} holds that the SDK did not parse, leaving out {@code keptWhenNotSent}; a body
   * that cannot be compared is a failure: whether writing back would drop something is unknown.
   */
  private static List<String> unmodelled(AwsCall call, String resourceId, RawResponseBody raw, SdkPojo read,
      Set<String> keptWhenNotSent) {
    byte[] body = raw.body().orElseThrow(() -> AwsErrors.unverifiedWriteBack(call, resourceId,
        "its raw response body was not seen", null));
    try {
      return UnmodelledJsonMembers.of(body, read).stream().filter(path -> !keptWhenNotSent.contains(path)).toList();
    } catch (IllegalArgumentException e) {
      throw AwsErrors.unverifiedWriteBack(call, resourceId, e.getMessage(), e);
    }
  }

  private static void refuseUnwritable(AwsCall update, String what, String resourceId, List<String> unwritable) {
    if (!unwritable.isEmpty()) {
      throw AwsErrors.v2UnsupportedSettings(update, what, resourceId, List.copyOf(new LinkedHashSet<>(unwritable)));
    }
  }

  /**
   * The update would be refused by {@code x-amzn-update-if-match}: the resource changed since the caller read it.
   * Refused here, before writing, since the update must carry what MediaPackage has now and the caller has not seen
   * it; no ETag read (MediaPackage gave none) leaves the decision to MediaPackage.
   */
  private static void refuseStale(AwsCall read, String what, String resourceId, String expected, String current) {
    if (current != null && !current.equals(expected)) {
      throw new ResourceConflictException("MediaPackage v2 " + what + " " + resourceId + " changed since it was read"
          + " (ETag " + expected + ", now " + current + "; " + read + "); read it again",
          ResourceConflictException.Reason.STALE_VERSION, resourceId);
    }
  }

  @Override
  public void deleteEndpoint(V2EndpointId id) {
    AwsErrors.run(AwsCall.V2_DELETE_ORIGIN_ENDPOINT, id.toString(), () -> client.deleteOriginEndpoint(b -> b
        .channelGroupName(id.group())
        .channelName(id.channel())
        .originEndpointName(id.endpoint())));
    log.debug("deleted origin endpoint {}", id);
  }

  @Override
  public List<V2Endpoint> endpointsOf(V2ChannelId channel) {
    return AwsErrors.call(AwsCall.V2_LIST_ORIGIN_ENDPOINTS, channel.toString(), () -> {
      List<V2Endpoint> endpoints = new ArrayList<>();
      client.listOriginEndpointsPaginator(b -> b.channelGroupName(channel.group()).channelName(channel.channel())
          .maxResults(MAX_RESULTS)).items().forEach(e -> endpoints.add(AwsErrors.parse(
              AwsCall.V2_LIST_ORIGIN_ENDPOINTS, channel.toString(), null, () -> listed(e))));
      return endpoints;
    });
  }

  // ---------------------------------------------------------------- endpoint policies

  @Override
  public Optional<EndpointPolicy> findPolicy(V2EndpointId endpoint) {
    try {
      GetOriginEndpointPolicyResponse r = AwsErrors.call(AwsCall.V2_GET_ORIGIN_ENDPOINT_POLICY, endpoint.toString(),
          () -> client.getOriginEndpointPolicy(b -> b.channelGroupName(endpoint.group())
              .channelName(endpoint.channel()).originEndpointName(endpoint.endpoint())));
      return Optional.of(AwsErrors.parse(AwsCall.V2_GET_ORIGIN_ENDPOINT_POLICY, endpoint.toString(), r,
          () -> new EndpointPolicy(Objects.requireNonNull(r.policy(), "Policy"),
              Optional.ofNullable(r.cdnAuthConfiguration()).map(a -> new CdnAuthConfiguration(
                  a.cdnIdentifierSecretArns(), a.secretsRoleArn())))));
    } catch (ResourceNotFoundException e) {
      // MediaPackage answers 404 both for an endpoint without a policy and for a missing endpoint: the port reads
      // both as "no policy", and a put on a missing endpoint is refused with 404 in its turn.
      return Optional.empty();
    }
  }

  @Override
  public void putPolicy(V2EndpointId endpoint, EndpointPolicy policy) {
    AwsErrors.run(AwsCall.V2_PUT_ORIGIN_ENDPOINT_POLICY, endpoint.toString(), () -> client.putOriginEndpointPolicy(b -> b
        .channelGroupName(endpoint.group())
        .channelName(endpoint.channel())
        .originEndpointName(endpoint.endpoint())
        .policy(policy.document())
        .cdnAuthConfiguration(policy.cdnAuthorization().map(a -> software.amazon.awssdk.services.mediapackagev2
            .model.CdnAuthConfiguration.builder().cdnIdentifierSecretArns(a.secretArns())
            .secretsRoleArn(a.secretsRoleArn()).build()).orElse(null))));
    log.debug("put the policy of origin endpoint {}", endpoint);
  }

  // ---------------------------------------------------------------- reading

  private static ChannelGroup group(String name, String arn, String egressDomain, String description, String etag,
      Map<String, String> tags) {
    return ChannelGroup.builder()
        .name(Objects.requireNonNull(name, "ChannelGroupName"))
        .arn(Objects.requireNonNull(arn, "Arn"))
        .egressDomain(Objects.requireNonNull(egressDomain, "EgressDomain"))
        .description(Objects.requireNonNullElse(description, ""))
        .etag(Optional.ofNullable(etag))
        .tags(tags)
        .build();
  }

  /** {@code OutputHeaderConfiguration} of a CMAF channel (only CMAF takes it); none for an HLS one. */
  private static OutputHeaderConfiguration outputHeaders(V2ChannelSpec spec) {
    return spec.inputType() == InputType.CMAF
        ? OutputHeaderConfiguration.builder().publishMQCS(spec.publishMediaQualityScore()).build() : null;
  }

  private static V2Channel channel(String group, String name, String arn, String description, String etag,
      Map<String, String> tags, String inputType, OutputHeaderConfiguration headers) {
    return V2Channel.builder()
        .inputType(InputType.CMAF.name().equals(inputType) ? InputType.CMAF : InputType.HLS)
        .publishMediaQualityScore(headers != null && Boolean.TRUE.equals(headers.publishMQCS()))
        .id(V2ChannelId.of(Objects.requireNonNull(group, "ChannelGroupName"), Objects.requireNonNull(name,
            "ChannelName")))
        .arn(Objects.requireNonNull(arn, "Arn"))
        .description(Objects.requireNonNullElse(description, ""))
        .etag(Optional.ofNullable(etag))
        .tags(tags)
        .build();
  }

  private static V2Endpoint endpoint(String group, String channel, String name, String arn, String containerType,
      List<Manifest> manifests, String description, Integer startoverWindowSeconds, String etag) {
    return V2Endpoint.builder()
        .id(V2EndpointId.of(Objects.requireNonNull(group, "ChannelGroupName"),
            Objects.requireNonNull(channel, "ChannelName"), Objects.requireNonNull(name, "OriginEndpointName")))
        .arn(Objects.requireNonNull(arn, "Arn"))
        .containerType(ContainerType.valueOf(Objects.requireNonNull(containerType, "ContainerType")))
        .manifests(manifests)
        .description(Objects.requireNonNullElse(description, ""))
        .startoverWindowSeconds(Optional.ofNullable(startoverWindowSeconds))
        .etag(Optional.ofNullable(etag))
        .build();
  }

  private static V2Endpoint listed(OriginEndpointListConfiguration e) {
    return endpoint(e.channelGroupName(), e.channelName(), e.originEndpointName(), e.arn(), e.containerTypeAsString(),
        manifests(e.hlsManifests(), e.lowLatencyHlsManifests(), e.dashManifests(), e.mssManifests()),
        e.description(), null, null);
  }

  /**
   * The four lists of a Get, Create, Update or List answer, each item read by its {@code ManifestName} and
   * {@code Url}, in the order of {@link ManifestType}. The SDK answers an empty list for a member not sent.
   */
  private static List<Manifest> manifests(List<?> hls, List<?> lowLatencyHls, List<?> dash, List<?> mss) {
    List<Manifest> manifests = new ArrayList<>();
    addManifests(manifests, ManifestType.HLS, hls);
    addManifests(manifests, ManifestType.LOW_LATENCY_HLS, lowLatencyHls);
    addManifests(manifests, ManifestType.DASH, dash);
    addManifests(manifests, ManifestType.MSS, mss);
    return manifests;
  }

  private static void addManifests(List<Manifest> into, ManifestType type, List<?> read) {
    for (Object item : read) {
      software.amazon.awssdk.core.SdkPojo pojo = (software.amazon.awssdk.core.SdkPojo) item;
      String name = field(pojo, "ManifestName");
      String url = field(pojo, "Url");
      into.add(new Manifest(type, Objects.requireNonNull(name, "ManifestName"), Objects.requireNonNullElse(url, "")));
    }
  }

  /** A string member of an SDK structure, by its name in the API model. */
  private static String field(software.amazon.awssdk.core.SdkPojo pojo, String member) {
    return pojo.sdkFields().stream().filter(f -> f.memberName().equals(member)).findFirst()
        .map(f -> (String) f.getValueOrDefault(pojo)).orElse(null);
  }

  private static <T> List<T> manifestsOf(V2EndpointSpec spec, ManifestType type, Function<Manifest, T> build) {
    return spec.manifests().stream().filter(m -> m.type() == type).map(build).toList();
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
