package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import wiremock.com.fasterxml.jackson.core.type.TypeReference;

/**
 * MediaPackage v1 (rest-json) on WireMock, answering from the channels and endpoints the fixture hooks put in it and
 * the adapter's writes: the answers and status codes of the API model (NotFoundException 404,
 * UnprocessableEntityException 422), channel ARNs {@code :channels/<32 hex>}, one egress host per channel and URLs
 * {@code https://<host>/out/v1/<32 hex>/<manifest>} (CMAF: one per HLS manifest) as in the AWS CLI examples.
 *
 * <p>UNCONFIRMED (no AWS source): the refusal of a taken id and of deleting a channel that has endpoints; both are
 * answered {@code 422 UnprocessableEntityException}, the model's only refusal of a valid request.
 */
final class MediaPackageWorld {

  static final String REGION = "us-west-2";
  static final String ACCOUNT = "123456789012";
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final WireMockExtension wm;
  private final Answers answers;
  private final Map<String, StoredChannel> channels = new LinkedHashMap<>();
  private final Map<String, StoredEndpoint> endpoints = new LinkedHashMap<>();

  MediaPackageWorld(WireMockExtension wm, Answers answers) {
    this.wm = wm;
    this.answers = answers;
  }

  /** Stubs every MediaPackage route the adapter uses; the world starts empty. */
  void install() {
    wm.stubFor(post(urlEqualTo("/channels")).willReturn(answers.by(this::createChannel)));
    wm.stubFor(get(urlPathMatching("/channels/[^/]+")).willReturn(answers.by(this::describeChannel)));
    wm.stubFor(put(urlPathMatching("/channels/[^/]+")).willReturn(answers.by(this::updateChannel)));
    wm.stubFor(delete(urlPathMatching("/channels/[^/]+")).willReturn(answers.by(this::deleteChannel)));
    wm.stubFor(post(urlPathMatching("/tags/[^/]+")).willReturn(answers.by(this::tagResource)));
    wm.stubFor(post(urlEqualTo("/origin_endpoints")).willReturn(answers.by(this::createEndpoint)));
    wm.stubFor(get(urlPathEqualTo("/origin_endpoints")).willReturn(answers.by(this::listEndpoints)));
    wm.stubFor(get(urlPathMatching("/origin_endpoints/[^/]+")).willReturn(answers.by(this::describeEndpoint)));
    wm.stubFor(put(urlPathMatching("/origin_endpoints/[^/]+")).willReturn(answers.by(this::updateEndpoint)));
    wm.stubFor(delete(urlPathMatching("/origin_endpoints/[^/]+")).willReturn(answers.by(this::deleteEndpoint)));
  }

  // ---------------------------------------------------------------- fixture hooks

  /** A channel exists as MediaPackage would have created it from {@code spec}. */
  synchronized Channel given(ChannelSpec spec) {
    StoredChannel channel = newChannel(spec.id(), spec.description().orElse(null), spec.tags());
    channels.put(channel.id, channel);
    return channel.toCore();
  }

  /** An endpoint exists as MediaPackage would have created it from {@code spec}; its channel must exist. */
  synchronized OriginEndpoint given(EndpointSpec spec) {
    StoredChannel channel = channels.get(spec.channelId().value());
    if (channel == null) {
      throw new IllegalStateException("give channel " + spec.channelId() + " first");
    }
    StoredEndpoint endpoint = new StoredEndpoint(spec.id(), spec.channelId().value(), hex("endpoint:" + spec.id(), 32));
    endpoint.manifestName = spec.manifestName();
    endpoint.description = spec.description().orElse(null);
    endpoint.startoverWindowSeconds = spec.startoverWindowSeconds().orElse(0);
    endpoint.timeDelaySeconds = spec.timeDelaySeconds().orElse(0);
    endpoint.whitelist = spec.whitelist();
    endpoint.authorization = spec.authorization().map(a -> Map.<String, Object>of(
        "cdnIdentifierSecret", a.cdnIdentifierSecretArn(), "secretsRoleArn", a.secretsRoleArn())).orElse(null);
    endpoint.packaging = spec.packaging();
    endpoint.manifestIds = spec.cmafManifestIds();
    endpoints.put(endpoint.id, endpoint);
    return endpoint.toCore(channel);
  }

  // ---------------------------------------------------------------- channels

  private synchronized ResponseDefinitionBuilder createChannel(Request request) {
    Map<String, Object> body = json(request);
    String id = (String) body.get("id");
    if (channels.containsKey(id)) {
      return error(422, "UnprocessableEntityException", "Channel " + id + " already exists.");
    }
    StoredChannel channel = newChannel(id, (String) body.get("description"), stringMap(body.get("tags")));
    channels.put(id, channel);
    return ok(channel.toJson());
  }

  private synchronized ResponseDefinitionBuilder describeChannel(Request request) {
    StoredChannel channel = channels.get(lastSegment(request));
    return channel == null ? notFound("Channel", lastSegment(request)) : ok(channel.toJson());
  }

  private synchronized ResponseDefinitionBuilder updateChannel(Request request) {
    StoredChannel channel = channels.get(lastSegment(request));
    if (channel == null) {
      return notFound("Channel", lastSegment(request));
    }
    Map<String, Object> body = json(request);
    if (body.containsKey("description")) {
      channel.description = (String) body.get("description");
    }
    return ok(channel.toJson());
  }

  /**
   * TagResource: adds the body's tags to the channel with the path's ARN, replacing values, 204 with no body. The API
   * model lists no error for it; more than 50 tags in all gets 422 here and an unknown ARN 404 (UNCONFIRMED).
   */
  private synchronized ResponseDefinitionBuilder tagResource(Request request) {
    String arn = lastSegment(request);
    StoredChannel channel = channels.values().stream().filter(c -> c.arn.equals(arn)).findFirst().orElse(null);
    if (channel == null) {
      return notFound("Resource", arn);
    }
    Map<String, Object> body = json(request);
    if (!(body.get("tags") instanceof Map<?, ?>)) {
      return error(422, "UnprocessableEntityException", "tags is required");
    }
    Map<String, String> merged = new LinkedHashMap<>(channel.tags);
    merged.putAll(stringMap(body.get("tags")));
    if (merged.size() > 50) {
      return error(422, "UnprocessableEntityException", "a resource has at most 50 tags");
    }
    channel.tags = Map.copyOf(merged);
    return aResponse().withStatus(204).withHeader("x-amzn-RequestId", "req-mediapackage");
  }

  private synchronized ResponseDefinitionBuilder deleteChannel(Request request) {
    String id = lastSegment(request);
    if (!channels.containsKey(id)) {
      return notFound("Channel", id);
    }
    if (endpoints.values().stream().anyMatch(e -> e.channelId.equals(id))) {
      return error(422, "UnprocessableEntityException", "Channel " + id + " has origin endpoints.");
    }
    channels.remove(id);
    return aResponse().withStatus(202);
  }

  // ---------------------------------------------------------------- endpoints

  private synchronized ResponseDefinitionBuilder createEndpoint(Request request) {
    Map<String, Object> body = json(request);
    String id = (String) body.get("id");
    String channelId = (String) body.get("channelId");
    StoredChannel channel = channels.get(channelId);
    if (channel == null) {
      return notFound("Channel", channelId);
    }
    if (endpoints.containsKey(id)) {
      return error(422, "UnprocessableEntityException", "OriginEndpoint " + id + " already exists.");
    }
    StoredEndpoint endpoint = new StoredEndpoint(id, channelId, hex("endpoint:" + id, 32));
    endpoint.manifestName = "index";
    endpoint.startoverWindowSeconds = 0;
    endpoint.timeDelaySeconds = 0;
    endpoint.whitelist = List.of();
    endpoint.apply(body);
    endpoints.put(id, endpoint);
    return ok(endpoint.toJson(channel));
  }

  private synchronized ResponseDefinitionBuilder listEndpoints(Request request) {
    String channelId = request.queryParameter("channelId").isPresent()
        ? request.queryParameter("channelId").firstValue()
        : null;
    List<Map<String, Object>> listed = new ArrayList<>();
    endpoints.values().stream().filter(e -> channelId == null || e.channelId.equals(channelId))
        .forEach(e -> listed.add(e.toJson(channels.get(e.channelId))));
    return ok(Map.of("originEndpoints", listed));
  }

  private synchronized ResponseDefinitionBuilder describeEndpoint(Request request) {
    StoredEndpoint endpoint = endpoints.get(lastSegment(request));
    return endpoint == null
        ? notFound("OriginEndpoint", lastSegment(request))
        : ok(endpoint.toJson(channels.get(endpoint.channelId)));
  }

  private synchronized ResponseDefinitionBuilder updateEndpoint(Request request) {
    StoredEndpoint endpoint = endpoints.get(lastSegment(request));
    if (endpoint == null) {
      return notFound("OriginEndpoint", lastSegment(request));
    }
    endpoint.apply(json(request));
    return ok(endpoint.toJson(channels.get(endpoint.channelId)));
  }

  private synchronized ResponseDefinitionBuilder deleteEndpoint(Request request) {
    if (endpoints.remove(lastSegment(request)) == null) {
      return notFound("OriginEndpoint", lastSegment(request));
    }
    return aResponse().withStatus(202);
  }

  // ---------------------------------------------------------------- wire

  private static StoredChannel newChannel(String id, String description, Map<String, String> tags) {
    StoredChannel channel = new StoredChannel(id, "arn:aws:mediapackage:" + REGION + ":" + ACCOUNT + ":channels/"
        + hex("channel:" + id, 32), hex("egress:" + id, 16));
    channel.description = description;
    channel.tags = tags == null ? Map.of() : Map.copyOf(tags);
    return channel;
  }

  private static Map<String, Object> json(Request request) {
    String body = request.getBodyAsString();
    return body == null || body.isBlank() ? Map.of() : Json.read(body, JSON_OBJECT);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return value == null ? null : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? null : (List<Object>) value;
  }

  private static Map<String, String> stringMap(Object value) {
    Map<String, String> result = new LinkedHashMap<>();
    if (value != null) {
      object(value).forEach((k, v) -> result.put(k, String.valueOf(v)));
    }
    return result;
  }

  private static String lastSegment(Request request) {
    String path = request.getUrl();
    int query = path.indexOf('?');
    path = query < 0 ? path : path.substring(0, query);
    return java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
  }

  private static ResponseDefinitionBuilder ok(Object body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-RequestId", "req-mediapackage").withBody(Json.write(body));
  }

  private static ResponseDefinitionBuilder notFound(String type, String id) {
    return error(404, "NotFoundException", type + " " + id + " not found.");
  }

  static ResponseDefinitionBuilder error(int status, String type, String message) {
    return aResponse().withStatus(status)
        .withHeader("x-amzn-ErrorType", type)
        .withHeader("x-amzn-RequestId", "req-" + type)
        .withHeader("Content-Type", "application/json")
        .withBody(Json.write(Map.of("message", message)));
  }

  /** {@code length} hex digits derived from {@code seed}: the same ids for the same names, every run. */
  static String hex(String seed, int length) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class StoredChannel {
    final String id;
    final String arn;
    final String egressHostLabel;
    String description;
    Map<String, String> tags;

    StoredChannel(String id, String arn, String egressHostLabel) {
      this.id = id;
      this.arn = arn;
      this.egressHostLabel = egressHostLabel;
    }

    String egressBase() {
      return "https://" + egressHostLabel + ".mediapackage." + REGION + ".amazonaws.com";
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("arn", arn);
      json.put("id", id);
      if (description != null) {
        json.put("description", description);
      }
      json.put("tags", tags);
      String ingestHost = "https://" + hex("ingest:" + id, 16) + ".mediapackage." + REGION + ".amazonaws.com";
      json.put("hlsIngest", Map.of("ingestEndpoints", List.of(
          Map.of("id", hex("ingest1:" + id, 32), "url", ingestHost + "/in/v2/" + arn.substring(arn.length() - 32)
              + "/" + hex("ingest1:" + id, 32) + "/channel", "username", "user", "password", "secret"))));
      json.put("egressAccessLogs", Map.of());
      json.put("ingressAccessLogs", Map.of());
      return json;
    }

    Channel toCore() {
      return Channel.builder()
          .id(ChannelId.of(id))
          .arn(ChannelArn.of(arn))
          .description(Optional.ofNullable(description))
          .tags(tags)
          .build();
    }
  }

  private static final class StoredEndpoint {
    final String id;
    final String channelId;
    final String serviceId;
    String manifestName;
    String description;
    int startoverWindowSeconds;
    int timeDelaySeconds;
    List<String> whitelist;
    Map<String, Object> authorization;
    String origination = "ALLOW";
    Packaging packaging;
    List<String> manifestIds = List.of();
    Map<String, Object> packageSettings = Map.of();

    StoredEndpoint(String id, String channelId, String serviceId) {
      this.id = id;
      this.channelId = channelId;
      this.serviceId = serviceId;
    }

    /** What a CreateOriginEndpoint or UpdateOriginEndpoint request sets; members not sent stay as they are. */
    void apply(Map<String, Object> body) {
      if (body.get("manifestName") != null) {
        manifestName = (String) body.get("manifestName");
      }
      if (body.containsKey("description")) {
        description = (String) body.get("description");
      }
      if (body.get("startoverWindowSeconds") != null) {
        startoverWindowSeconds = ((Number) body.get("startoverWindowSeconds")).intValue();
      }
      if (body.get("timeDelaySeconds") != null) {
        timeDelaySeconds = ((Number) body.get("timeDelaySeconds")).intValue();
      }
      if (body.get("whitelist") != null) {
        whitelist = list(body.get("whitelist")).stream().map(String::valueOf).toList();
      }
      if (body.get("authorization") != null) {
        authorization = object(body.get("authorization"));
      }
      if (body.get("origination") != null) {
        origination = (String) body.get("origination");
      }
      for (Packaging p : Packaging.values()) {
        Map<String, Object> sent = object(body.get(member(p)));
        if (sent != null) {
          packaging = p;
          Map<String, Object> settings = new LinkedHashMap<>(sent);
          List<Object> manifests = list(settings.remove("hlsManifests"));
          if (p == Packaging.CMAF) {
            manifestIds = manifests == null ? List.of() : manifests.stream().map(m -> (String) object(m).get("id")).toList();
          }
          packageSettings = settings;
        }
      }
    }

    private static String member(Packaging packaging) {
      return packaging.name().toLowerCase(Locale.ROOT) + "Package";
    }

    List<String> urls(StoredChannel channel) {
      String base = channel.egressBase() + "/out/v1/" + serviceId + "/";
      return switch (packaging) {
        case HLS -> List.of(base + manifestName + ".m3u8");
        case DASH -> List.of(base + manifestName + ".mpd");
        case MSS -> List.of(base + manifestName + ".ism/Manifest");
        case CMAF -> manifestIds.stream().map(m -> base + m + "/" + manifestName + ".m3u8").toList();
      };
    }

    Map<String, Object> toJson(StoredChannel channel) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("arn", "arn:aws:mediapackage:" + REGION + ":" + ACCOUNT + ":origin_endpoints/" + serviceId);
      json.put("channelId", channelId);
      json.put("id", id);
      json.put("manifestName", manifestName);
      if (description != null) {
        json.put("description", description);
      }
      json.put("startoverWindowSeconds", startoverWindowSeconds);
      json.put("timeDelaySeconds", timeDelaySeconds);
      json.put("whitelist", whitelist);
      json.put("origination", origination);
      if (authorization != null) {
        json.put("authorization", authorization);
      }
      List<String> urls = urls(channel);
      Map<String, Object> pkg = new LinkedHashMap<>(packageSettings);
      pkg.putIfAbsent("segmentDurationSeconds", packaging == Packaging.CMAF ? 6 : 2);
      if (packaging == Packaging.CMAF) {
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (int i = 0; i < manifestIds.size(); i++) {
          manifests.add(Map.of("id", manifestIds.get(i), "manifestName", manifestName, "url", urls.get(i),
              "playlistType", "EVENT", "playlistWindowSeconds", 60));
        }
        pkg.put("hlsManifests", manifests);
        json.put("url", "");
      } else {
        json.put("url", urls.get(0));
      }
      json.put(member(packaging), pkg);
      return json;
    }

    OriginEndpoint toCore(StoredChannel channel) {
      OriginEndpoint.Builder endpoint = OriginEndpoint.builder()
          .id(OriginEndpointId.of(id))
          .channelId(ChannelId.of(channelId))
          .arn("arn:aws:mediapackage:" + REGION + ":" + ACCOUNT + ":origin_endpoints/" + serviceId)
          .packaging(packaging)
          .manifestName(manifestName)
          .urls(urls(channel).stream().map(EndpointUrl::of).toList())
          .description(Optional.ofNullable(description))
          .startoverWindowSeconds(startoverWindowSeconds > 0 ? Optional.of(startoverWindowSeconds) : Optional.empty())
          .timeDelaySeconds(timeDelaySeconds > 0 ? Optional.of(timeDelaySeconds) : Optional.empty())
          .whitelist(whitelist);
      if (packaging == Packaging.CMAF) {
        manifestIds.forEach(m -> endpoint.putHlsManifests(m, manifestName));
      }
      if (authorization != null) {
        endpoint.authorization(CdnAuthorization.of((String) authorization.get("cdnIdentifierSecret"),
            (String) authorization.get("secretsRoleArn")));
      }
      return endpoint.build();
    }
  }
}
