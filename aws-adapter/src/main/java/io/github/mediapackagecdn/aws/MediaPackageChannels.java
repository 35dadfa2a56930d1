package io.github.mediapackagecdn.aws;

import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.mediapackage.model.Authorization;
import software.amazon.awssdk.services.mediapackage.model.CmafPackage;
import software.amazon.awssdk.services.mediapackage.model.CmafPackageCreateOrUpdateParameters;
import software.amazon.awssdk.services.mediapackage.model.CreateChannelResponse;
import software.amazon.awssdk.services.mediapackage.model.CreateOriginEndpointRequest;
import software.amazon.awssdk.services.mediapackage.model.CreateOriginEndpointResponse;
import software.amazon.awssdk.services.mediapackage.model.DashPackage;
import software.amazon.awssdk.services.mediapackage.model.DescribeChannelResponse;
import software.amazon.awssdk.services.mediapackage.model.DescribeOriginEndpointResponse;
import software.amazon.awssdk.services.mediapackage.model.HlsManifest;
import software.amazon.awssdk.services.mediapackage.model.HlsManifestCreateOrUpdateParameters;
import software.amazon.awssdk.services.mediapackage.model.HlsPackage;
import software.amazon.awssdk.services.mediapackage.model.MssPackage;
import software.amazon.awssdk.services.mediapackage.model.UpdateChannelResponse;
import software.amazon.awssdk.services.mediapackage.model.UpdateOriginEndpointRequest;
import software.amazon.awssdk.services.mediapackage.model.UpdateOriginEndpointResponse;

/**
 * {@link io.github.mediapackagecdn.core.port.Channels} on MediaPackage v1 (live): channels and origin endpoints with
 * HLS, DASH, CMAF or MSS packaging.
 *
 * <p>An endpoint update keeps the packaging settings the library does not model (segment duration, encryption,
 * stream selection, ad markers, ...) as MediaPackage reports them, changing only what the spec holds.
 */
final class MediaPackageChannels implements io.github.mediapackagecdn.core.port.Channels {

  private static final Logger log = LoggerFactory.getLogger(MediaPackageChannels.class);

  /** MediaPackage's largest page (MaxResults) of ListChannels and ListOriginEndpoints: the fewest fleet calls. */
  static final int MAX_RESULTS = 1000;

  /** MediaPackage's refusal of a request it understood: also what a duplicate id gets (UNCONFIRMED). */
  private static final String UNPROCESSABLE = "UnprocessableEntityException";

  private final MediaPackageClient mediaPackage;

  MediaPackageChannels(MediaPackageClient mediaPackage) {
    this.mediaPackage = Objects.requireNonNull(mediaPackage, "mediaPackage");
  }

  // ---------------------------------------------------------------- channels

  @Override
  public Channel create(ChannelSpec spec) {
    try {
      CreateChannelResponse r = AwsErrors.call(AwsCall.CREATE_CHANNEL, spec.id(), () -> mediaPackage.createChannel(b -> b
          .id(spec.id())
          .description(spec.description().orElse(null))
          .tags(spec.tags().isEmpty() ? null : spec.tags())));
      log.debug("created channel {}", spec.id());
      return AwsErrors.parse(AwsCall.CREATE_CHANNEL, spec.id(), r, () -> channel(r.id(), r.arn(), r.description(), r.tags()));
    } catch (InvalidRequestException e) {
      throw alreadyExistsOr(e, () -> find(spec.channelId()).isPresent(), "channel", spec.id());
    }
  }

  @Override
  public Channel update(ChannelSpec spec) {
    UpdateChannelResponse r = AwsErrors.call(AwsCall.UPDATE_CHANNEL, spec.id(), () -> mediaPackage.updateChannel(b -> b
        .id(spec.id())
        .description(spec.description().orElse(null))));
    log.debug("updated channel {}", spec.id());
    return AwsErrors.parse(AwsCall.UPDATE_CHANNEL, spec.id(), r, () -> channel(r.id(), r.arn(), r.description(), r.tags()));
  }

  @Override
  public Optional<Channel> find(ChannelId id) {
    try {
      DescribeChannelResponse r = AwsErrors.call(AwsCall.DESCRIBE_CHANNEL, id.value(),
          () -> mediaPackage.describeChannel(b -> b.id(id.value())));
      return Optional.of(AwsErrors.parse(AwsCall.DESCRIBE_CHANNEL, id.value(), r,
          () -> channel(r.id(), r.arn(), r.description(), r.tags())));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Refuses, before any delete, a channel that still has endpoints (MediaPackage's answer to it is not documented). */
  @Override
  public void delete(ChannelId id) {
    List<OriginEndpoint> endpoints = endpointsOf(id);
    if (!endpoints.isEmpty()) {
      throw new ResourceConflictException("channel " + id + " still has " + endpoints.size()
          + " endpoints; delete them first", ResourceConflictException.Reason.IN_USE, id.value());
    }
    AwsErrors.run(AwsCall.DELETE_CHANNEL, id.value(), () -> mediaPackage.deleteChannel(b -> b.id(id.value())));
    log.debug("deleted channel {}", id);
  }

  /** TagResource on the channel's ARN: adds the tags, replacing the values of keys the channel has. */
  @Override
  public void tag(ChannelArn channel, Map<String, String> tags) {
    AwsErrors.run(AwsCall.TAG_RESOURCE, channel.value(),
        () -> mediaPackage.tagResource(b -> b.resourceArn(channel.value()).tags(tags)));
    log.debug("tagged channel {} with {}", channel, tags.keySet());
  }

  // ---------------------------------------------------------------- endpoints

  @Override
  public OriginEndpoint createEndpoint(EndpointSpec spec) {
    CreateOriginEndpointRequest.Builder request = CreateOriginEndpointRequest.builder()
        .id(spec.id())
        .channelId(spec.channelId().value())
        .manifestName(spec.manifestName())
        .description(spec.description().orElse(null))
        .startoverWindowSeconds(spec.startoverWindowSeconds().orElse(null))
        .timeDelaySeconds(spec.timeDelaySeconds().orElse(null))
        .whitelist(spec.whitelist().isEmpty() ? null : spec.whitelist())
        .authorization(authorization(spec));
    switch (spec.packaging()) {
      case HLS -> request.hlsPackage(HlsPackage.builder().build());
      case DASH -> request.dashPackage(DashPackage.builder().build());
      case MSS -> request.mssPackage(MssPackage.builder().build());
      case CMAF -> request.cmafPackage(cmafPackage(spec, null));
      default -> throw new IllegalStateException("unknown packaging " + spec.packaging());
    }
    try {
      CreateOriginEndpointResponse r = AwsErrors.call(AwsCall.CREATE_ORIGIN_ENDPOINT, spec.id(),
          () -> mediaPackage.createOriginEndpoint(request.build()));
      log.debug("created {} endpoint {} of channel {}", spec.packaging(), spec.id(), spec.channelId());
      return AwsErrors.parse(AwsCall.CREATE_ORIGIN_ENDPOINT, spec.id(), r, () -> endpoint(EndpointView.of(r)));
    } catch (InvalidRequestException e) {
      throw alreadyExistsOr(e, () -> findEndpoint(spec.endpointId()).isPresent(), "endpoint", spec.id());
    }
  }

  /**
   * Reads the endpoint, then writes the spec's values over it; an endpoint of another channel is refused before any
   * write ({@link EndpointSpec#refuseMoveFrom}). Packaging settings the spec does not hold are sent back as read while
   * the packaging format stays the same; a changed format is sent as the new format's package with MediaPackage's
   * defaults. The format may change: in the API model (mediapackage 2017-10-12) {@code UpdateOriginEndpointRequest}
   * has the members {@code HlsPackage}, {@code DashPackage}, {@code CmafPackage} and {@code MssPackage}, the shapes
   * of {@code CreateOriginEndpointRequest}, and UpdateOriginEndpoint ("Updates an existing OriginEndpoint.") documents
   * no restriction on changing them.
   * Values the spec leaves unset are not sent. The API model says what MediaPackage does then for the windows: "If not
   * specified, startover playback will be disabled" and "there will be no time delay in effect" — the update is the
   * endpoint's new state, as in the fakes. For the description and authorization the model says nothing (UNCONFIRMED).
   */
  @Override
  public OriginEndpoint updateEndpoint(EndpointSpec spec) {
    DescribeOriginEndpointResponse existing = AwsErrors.call(AwsCall.DESCRIBE_ORIGIN_ENDPOINT, spec.id(),
        () -> mediaPackage.describeOriginEndpoint(b -> b.id(spec.id())));
    spec.refuseMoveFrom(AwsErrors.parse(AwsCall.DESCRIBE_ORIGIN_ENDPOINT, spec.id(), existing,
        () -> ChannelId.of(existing.channelId())));
    UpdateOriginEndpointRequest.Builder request = UpdateOriginEndpointRequest.builder()
        .id(spec.id())
        .manifestName(spec.manifestName())
        .description(spec.description().orElse(null))
        .startoverWindowSeconds(spec.startoverWindowSeconds().orElse(null))
        .timeDelaySeconds(spec.timeDelaySeconds().orElse(null))
        .whitelist(spec.whitelist())
        .authorization(authorization(spec))
        .origination(existing.originationAsString());
    switch (spec.packaging()) {
      case HLS -> request.hlsPackage(Objects.requireNonNullElseGet(existing.hlsPackage(), () -> HlsPackage.builder().build()));
      case DASH -> request.dashPackage(Objects.requireNonNullElseGet(existing.dashPackage(), () -> DashPackage.builder().build()));
      case MSS -> request.mssPackage(Objects.requireNonNullElseGet(existing.mssPackage(), () -> MssPackage.builder().build()));
      case CMAF -> request.cmafPackage(cmafPackage(spec, existing.cmafPackage()));
      default -> throw new IllegalStateException("unknown packaging " + spec.packaging());
    }
    UpdateOriginEndpointResponse r = AwsErrors.call(AwsCall.UPDATE_ORIGIN_ENDPOINT, spec.id(),
        () -> mediaPackage.updateOriginEndpoint(request.build()));
    log.debug("updated {} endpoint {}", spec.packaging(), spec.id());
    return AwsErrors.parse(AwsCall.UPDATE_ORIGIN_ENDPOINT, spec.id(), r, () -> endpoint(EndpointView.of(r)));
  }

  @Override
  public Optional<OriginEndpoint> findEndpoint(OriginEndpointId id) {
    try {
      DescribeOriginEndpointResponse r = AwsErrors.call(AwsCall.DESCRIBE_ORIGIN_ENDPOINT, id.value(),
          () -> mediaPackage.describeOriginEndpoint(b -> b.id(id.value())));
      return Optional.of(AwsErrors.parse(AwsCall.DESCRIBE_ORIGIN_ENDPOINT, id.value(), r,
          () -> endpoint(EndpointView.of(r))));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The channel's endpoints in the order MediaPackage lists them, through the ListOriginEndpoints paginator. */
  @Override
  public List<OriginEndpoint> endpointsOf(ChannelId channelId) {
    return AwsErrors.call(AwsCall.LIST_ORIGIN_ENDPOINTS, channelId.value(), () -> {
      List<OriginEndpoint> endpoints = new ArrayList<>();
      mediaPackage.listOriginEndpointsPaginator(b -> b.channelId(channelId.value())).originEndpoints().forEach(e -> {
        if (channelId.value().equals(e.channelId())) {
          endpoints.add(AwsErrors.parse(AwsCall.LIST_ORIGIN_ENDPOINTS, channelId.value(), null,
              () -> endpoint(EndpointView.of(e))));
        }
      });
      return endpoints;
    });
  }

  /** ListChannels without a filter, through the paginator, {@value #MAX_RESULTS} a page. */
  @Override
  public List<Channel> everyChannel() {
    return AwsErrors.call(AwsCall.LIST_CHANNELS, null, () -> {
      List<Channel> every = new ArrayList<>();
      mediaPackage.listChannelsPaginator(b -> b.maxResults(MAX_RESULTS)).channels().forEach(c -> every.add(
          AwsErrors.parse(AwsCall.LIST_CHANNELS, c.id(), null, () -> channel(c.id(), c.arn(), c.description(),
              c.tags()))));
      return every;
    });
  }

  /** ListOriginEndpoints without a channel filter, through the paginator, {@value #MAX_RESULTS} a page. */
  @Override
  public List<OriginEndpoint> everyEndpoint() {
    return AwsErrors.call(AwsCall.LIST_ORIGIN_ENDPOINTS, null, () -> {
      List<OriginEndpoint> every = new ArrayList<>();
      mediaPackage.listOriginEndpointsPaginator(b -> b.maxResults(MAX_RESULTS)).originEndpoints().forEach(e ->
          every.add(AwsErrors.parse(AwsCall.LIST_ORIGIN_ENDPOINTS, e.id(), null,
              () -> endpoint(EndpointView.of(e)))));
      return every;
    });
  }

  @Override
  public void deleteEndpoint(OriginEndpointId id) {
    AwsErrors.run(AwsCall.DELETE_ORIGIN_ENDPOINT, id.value(), () -> mediaPackage.deleteOriginEndpoint(b -> b.id(id.value())));
    log.debug("deleted endpoint {}", id);
  }

  // ---------------------------------------------------------------- mapping

  /**
   * MediaPackage documents no error of its own for an id that is taken. A refused create ({@code
   * UnprocessableEntityException}) is reported as {@code ALREADY_EXISTS} when the resource exists now: a create of
   * an id that exists cannot succeed, whatever else was wrong with it. Otherwise the refusal stands.
   */
  private static RuntimeException alreadyExistsOr(InvalidRequestException refused, Supplier<Boolean> exists,
      String what, String id) {
    if (!refused.errorCode().filter(UNPROCESSABLE::equals).isPresent()) {
      return refused;
    }
    boolean taken;
    try {
      taken = exists.get();
    } catch (RuntimeException e) {
      refused.addSuppressed(e);
      return refused;
    }
    if (!taken) {
      return refused;
    }
    return new ResourceConflictException(what + " " + id + " already exists", ResourceConflictException.Reason.ALREADY_EXISTS,
        id, UNPROCESSABLE, refused.requestId().orElse(null), refused.getCause());
  }

  private static Authorization authorization(EndpointSpec spec) {
    return spec.authorization()
        .map(a -> Authorization.builder()
            .cdnIdentifierSecret(a.cdnIdentifierSecretArn())
            .secretsRoleArn(a.secretsRoleArn())
            .build())
        .orElse(null);
  }

  /** The CMAF package of the spec: one HLS manifest per id; manifests read before keep their other settings. */
  private static CmafPackageCreateOrUpdateParameters cmafPackage(EndpointSpec spec, CmafPackage existing) {
    List<HlsManifestCreateOrUpdateParameters> manifests = new ArrayList<>();
    for (String manifestId : spec.cmafManifestIds()) {
      HlsManifest before = existing == null ? null : existing.hlsManifests().stream()
          .filter(m -> manifestId.equals(m.id())).findFirst().orElse(null);
      HlsManifestCreateOrUpdateParameters.Builder manifest = HlsManifestCreateOrUpdateParameters.builder()
          .id(manifestId)
          .manifestName(spec.manifestName());
      if (before != null) {
        manifest.adMarkers(before.adMarkersAsString())
            .adTriggersWithStrings(before.hasAdTriggers() ? before.adTriggersAsStrings() : null)
            .adsOnDeliveryRestrictions(before.adsOnDeliveryRestrictionsAsString())
            .includeIframeOnlyStream(before.includeIframeOnlyStream())
            .playlistType(before.playlistTypeAsString())
            .playlistWindowSeconds(before.playlistWindowSeconds())
            .programDateTimeIntervalSeconds(before.programDateTimeIntervalSeconds());
      }
      manifests.add(manifest.build());
    }
    CmafPackageCreateOrUpdateParameters.Builder cmaf = CmafPackageCreateOrUpdateParameters.builder().hlsManifests(manifests);
    if (existing != null) {
      cmaf.encryption(existing.encryption())
          .segmentDurationSeconds(existing.segmentDurationSeconds())
          .segmentPrefix(existing.segmentPrefix())
          .streamSelection(existing.streamSelection());
    }
    return cmaf.build();
  }

  private static Channel channel(String id, String arn, String description, Map<String, String> tags) {
    return Channel.builder()
        .id(ChannelId.of(id))
        .arn(ChannelArn.of(arn))
        .description(Optional.ofNullable(description))
        .tags(tags == null ? Map.of() : tags)
        .build();
  }

  private static OriginEndpoint endpoint(EndpointView e) {
    Packaging packaging;
    List<EndpointUrl> urls = new ArrayList<>();
    Map<String, String> hlsManifests = new LinkedHashMap<>();
    if (e.cmaf() != null) {
      packaging = Packaging.CMAF;
      e.cmaf().hlsManifests().stream().map(HlsManifest::url).filter(MediaPackageChannels::present)
          .forEach(url -> urls.add(EndpointUrl.of(url)));
      // "If not specified, defaults to the manifestName for the OriginEndpoint." (API model, HlsManifest)
      e.cmaf().hlsManifests().forEach(m -> hlsManifests.put(m.id(),
          present(m.manifestName()) ? m.manifestName() : Objects.requireNonNullElse(e.manifestName(), "index")));
    } else {
      if (e.hls() != null) {
        packaging = Packaging.HLS;
      } else if (e.dash() != null) {
        packaging = Packaging.DASH;
      } else if (e.mss() != null) {
        packaging = Packaging.MSS;
      } else {
        throw new IllegalStateException("endpoint " + e.id() + " has no HLS, DASH, CMAF or MSS package");
      }
      if (present(e.url())) {
        urls.add(EndpointUrl.of(e.url()));
      }
    }
    OriginEndpoint.Builder endpoint = OriginEndpoint.builder()
        .id(OriginEndpointId.of(e.id()))
        .channelId(ChannelId.of(e.channelId()))
        .arn(Optional.ofNullable(e.arn()))
        .packaging(packaging)
        .urls(urls)
        .description(Optional.ofNullable(e.description()))
        // MediaPackage reports 0 for a window that is not set.
        .startoverWindowSeconds(positive(e.startoverWindowSeconds()))
        .timeDelaySeconds(positive(e.timeDelaySeconds()))
        .whitelist(e.whitelist() == null ? List.of() : e.whitelist())
        .hlsManifests(hlsManifests);
    if (present(e.manifestName())) {
      endpoint.manifestName(e.manifestName());
    }
    Authorization auth = e.authorization();
    if (auth != null && present(auth.cdnIdentifierSecret()) && present(auth.secretsRoleArn())) {
      endpoint.authorization(CdnAuthorization.of(auth.cdnIdentifierSecret(), auth.secretsRoleArn()));
    }
    return endpoint.build();
  }

  private static Optional<Integer> positive(Integer value) {
    return value == null || value <= 0 ? Optional.empty() : Optional.of(value);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** The fields of an endpoint common to the four SDK shapes that carry one. */
  private record EndpointView(String id, String channelId, String arn, String manifestName, String url,
      String description, Integer startoverWindowSeconds, Integer timeDelaySeconds, List<String> whitelist,
      Authorization authorization, HlsPackage hls, DashPackage dash, CmafPackage cmaf, MssPackage mss) {

    static EndpointView of(CreateOriginEndpointResponse r) {
      return new EndpointView(r.id(), r.channelId(), r.arn(), r.manifestName(), r.url(), r.description(),
          r.startoverWindowSeconds(), r.timeDelaySeconds(), r.whitelist(), r.authorization(), r.hlsPackage(),
          r.dashPackage(), r.cmafPackage(), r.mssPackage());
    }

    static EndpointView of(UpdateOriginEndpointResponse r) {
      return new EndpointView(r.id(), r.channelId(), r.arn(), r.manifestName(), r.url(), r.description(),
          r.startoverWindowSeconds(), r.timeDelaySeconds(), r.whitelist(), r.authorization(), r.hlsPackage(),
          r.dashPackage(), r.cmafPackage(), r.mssPackage());
    }

    static EndpointView of(DescribeOriginEndpointResponse r) {
      return new EndpointView(r.id(), r.channelId(), r.arn(), r.manifestName(), r.url(), r.description(),
          r.startoverWindowSeconds(), r.timeDelaySeconds(), r.whitelist(), r.authorization(), r.hlsPackage(),
          r.dashPackage(), r.cmafPackage(), r.mssPackage());
    }

    static EndpointView of(software.amazon.awssdk.services.mediapackage.model.OriginEndpoint r) {
      return new EndpointView(r.id(), r.channelId(), r.arn(), r.manifestName(), r.url(), r.description(),
          r.startoverWindowSeconds(), r.timeDelaySeconds(), r.whitelist(), r.authorization(), r.hlsPackage(),
          r.dashPackage(), r.cmafPackage(), r.mssPackage());
    }
  }
}
