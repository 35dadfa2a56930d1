package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.UnsupportedSettingsException;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.mediapackagev2.model.GetChannelResponse;
import software.amazon.awssdk.services.mediapackagev2.model.GetOriginEndpointResponse;
import software.amazon.awssdk.services.mediapackagev2.model.UpdateChannelRequest;
import software.amazon.awssdk.services.mediapackagev2.model.UpdateOriginEndpointRequest;
import wiremock.com.fasterxml.jackson.databind.JsonNode;
import wiremock.com.fasterxml.jackson.databind.ObjectMapper;
import wiremock.com.fasterxml.jackson.databind.node.ArrayNode;
import wiremock.com.fasterxml.jackson.databind.node.JsonNodeFactory;
import wiremock.com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A MediaPackage v2 endpoint and channel that use every member of {@code GetOriginEndpointResponse} and
 * {@code GetChannelResponse} in the API model (the committed copy, {@code mediapackagev2-2022-12-25-shapes.json}), set
 * by a user outside the library, then saved through the library with an unrelated change (the description) over the
 * wire: UpdateOriginEndpoint and UpdateChannel carry every member they share with the read, with the value read, and
 * nothing else; a member the SDK does not model stops the update before it is sent.
 */
class V2EveryMemberWireTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Model MODEL = new Model("mediapackagev2-2022-12-25-shapes.json");
  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");

  /**
   * The members of the API model the SDK on the classpath (mediapackagev2 2.40.2) does not model, at every depth: its
   * UpdateOriginEndpoint cannot send them. {@code UriSeparator} is kept by MediaPackage when not sent (the model says
   * so); the others are why an endpoint that has them is not written.
   */
  private static final Set<String> ENDPOINT_MEMBERS_THE_SDK_LACKS = Set.of(
      "UriSeparator",
      "Segment/Scte/CustomAdTypes",
      "Segment/Encryption/SpekeKeyProvider/CertificateArn",
      "HlsManifests/ScteHls/ScteInManifests",
      "HlsManifests/UriPathType",
      "LowLatencyHlsManifests/ScteHls/ScteInManifests",
      "LowLatencyHlsManifests/UriPathType",
      "DashManifests/ScteDash/ScteInManifests",
      "DashManifests/UriPathType",
      "DashManifests/AvailabilityStartTimeConfiguration",
      "DashManifests/AvailabilityStartTimeConfiguration/FixedAvailabilityStartTime");

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  // ---------------------------------------------------------------- the model against the SDK

  @Test
  void sdk_modelsEveryMemberOfTheApiModel_butTheListedOnes() {
    assertThat(MODEL.paths("GetOriginEndpointResponse")).hasSizeGreaterThan(100)
        .contains("Segment/Encryption/SpekeKeyProvider/EncryptionContractConfiguration/PresetSpeke20Video",
            "ForceEndpointErrorConfiguration/EndpointErrorConditions", "HlsManifests/ChildManifestName");

    assertThat(minus(MODEL.paths("GetOriginEndpointResponse"), sdkPaths(GetOriginEndpointResponse.builder())))
        .as("GetOriginEndpointResponse members the SDK does not model")
        .containsExactlyInAnyOrderElementsOf(ENDPOINT_MEMBERS_THE_SDK_LACKS);
    assertThat(minus(MODEL.paths("UpdateOriginEndpointRequest"), sdkPaths(UpdateOriginEndpointRequest.builder())))
        .as("UpdateOriginEndpointRequest members the SDK does not model")
        .containsExactlyInAnyOrderElementsOf(ENDPOINT_MEMBERS_THE_SDK_LACKS);
    assertThat(minus(MODEL.paths("GetChannelResponse"), sdkPaths(GetChannelResponse.builder()))).isEmpty();
    assertThat(minus(MODEL.paths("UpdateChannelRequest"), sdkPaths(UpdateChannelRequest.builder()))).isEmpty();
    assertThat(MODEL.shared("GetOriginEndpointResponse", "UpdateOriginEndpointRequest"))
        .contains("Segment", "ForceEndpointErrorConfiguration", "HlsManifests/ChildManifestName",
            "HlsManifests/ManifestWindowSeconds", "DashManifests/DrmSignaling", "UriSeparator");
    assertThat(MODEL.shared("GetChannelResponse", "UpdateChannelRequest"))
        .containsExactlyInAnyOrder("Description", "InputSwitchConfiguration", "InputSwitchConfiguration/MQCSInputSwitching",
            "InputSwitchConfiguration/PreferredInput", "OutputHeaderConfiguration",
            "OutputHeaderConfiguration/PublishMQCS");
  }

  // ---------------------------------------------------------------- an endpoint save writes every member back

  @Test
  void saveEndpoint_whenTheEndpointUsesEveryMemberTheSdkModels_sendsEveryMemberItShares_withTheValueRead() {
    Set<String> used = new TreeSet<>();
    for (ContainerType container : List.of(ContainerType.CMAF, ContainerType.ISM)) {
      V2EndpointSpec spec = endpointSpec(container);
      ChannelCdnV2 cdn = channelWithEndpoint(spec);
      Map<String, Object> read = userSetsEveryMember(spec, ENDPOINT_MEMBERS_THE_SDK_LACKS, Set.of("UriSeparator"));
      used.addAll(MODEL.pathsOf(JSON.valueToTree(read)));

      cdn.saveEndpoint(V2EndpointSpec.builder().from(spec).description("changed").build());

      LoggedRequest update = onlyUpdateOf(spec.id());
      assertThat(update.getHeader("x-amzn-update-if-match")).isEqualTo(read.get("ETag"));
      ObjectNode expected = MODEL.project(JSON.valueToTree(read), "GetOriginEndpointResponse",
          "UpdateOriginEndpointRequest");
      expected.remove("UriSeparator"); // the SDK cannot send it; MediaPackage keeps it when it is not sent
      expected.put("Description", "changed");
      assertThat(canonical(Wire.json(update))).isEqualTo(canonical(expected));
    }
    // the two endpoints together used every member of the model's GetOriginEndpointResponse the SDK models, and the
    // one it does not model that MediaPackage keeps
    assertThat(used).containsAll(minus(MODEL.paths("GetOriginEndpointResponse"),
        minus(ENDPOINT_MEMBERS_THE_SDK_LACKS, Set.of("UriSeparator"))));
  }

  @Test
  void saveEndpoint_whenTheEndpointHasOnlyWhatTheLibraryCreated_sendsNothingMore() {
    V2EndpointSpec spec = endpointSpec(ContainerType.CMAF);
    ChannelCdnV2 cdn = channelWithEndpoint(spec);
    Map<String, Object> read = aws.mediaPackageV2().endpoint("live", "news", "cmaf");

    cdn.saveEndpoint(V2EndpointSpec.builder().from(spec).description("changed").build());

    ObjectNode expected = MODEL.project(JSON.valueToTree(read), "GetOriginEndpointResponse",
        "UpdateOriginEndpointRequest");
    expected.put("Description", "changed");
    assertThat(canonical(Wire.json(onlyUpdateOf(spec.id())))).isEqualTo(canonical(expected));
    assertThat(expected.has("ForceEndpointErrorConfiguration")).isFalse();
  }

  @Test
  void saveEndpoint_whenAManifestIsDroppedAndOneAdded_keepsTheOthersSettings_andSendsTheNewOneByName() {
    V2EndpointSpec spec = endpointSpec(ContainerType.CMAF);
    ChannelCdnV2 cdn = channelWithEndpoint(spec);
    Map<String, Object> read = userSetsEveryMember(spec, ENDPOINT_MEMBERS_THE_SDK_LACKS, Set.of());

    cdn.saveEndpoint(V2EndpointSpec.builder().id(spec.id()).containerType(ContainerType.CMAF)
        .addManifests(Manifest.of(ManifestType.HLS, "hls"), Manifest.of(ManifestType.HLS, "extra"),
            Manifest.of(ManifestType.DASH, "dash"))
        .startoverWindowSeconds(3600).description((String) read.get("Description")).build());

    ObjectNode expected = MODEL.project(JSON.valueToTree(read), "GetOriginEndpointResponse",
        "UpdateOriginEndpointRequest");
    ((ArrayNode) expected.get("HlsManifests")).addObject().put("ManifestName", "extra");
    expected.putArray("LowLatencyHlsManifests");
    assertThat(canonical(Wire.json(onlyUpdateOf(spec.id())))).isEqualTo(canonical(expected));
  }

  // ---------------------------------------------------------------- a member the SDK does not model

  @Test
  void saveEndpoint_whenTheEndpointHasMembersTheSdkDoesNotModel_sendsNoUpdate_andNamesThem() {
    V2EndpointSpec spec = endpointSpec(ContainerType.CMAF);
    ChannelCdnV2 cdn = channelWithEndpoint(spec);
    userSetsEveryMember(spec, Set.of(), Set.of());

    assertThatThrownBy(() -> cdn.saveEndpoint(V2EndpointSpec.builder().from(spec).description("changed").build()))
        .isInstanceOfSatisfying(UnsupportedSettingsException.class, e -> {
          assertThat(e.settings()).containsExactly("Segment/Scte/CustomAdTypes",
              "Segment/Encryption/SpekeKeyProvider/CertificateArn", "HlsManifests[1]/ScteHls/ScteInManifests",
              "HlsManifests[1]/UriPathType", "LowLatencyHlsManifests[1]/ScteHls/ScteInManifests",
              "LowLatencyHlsManifests[1]/UriPathType", "DashManifests[1]/ScteDash/ScteInManifests",
              "DashManifests[1]/UriPathType", "DashManifests[1]/AvailabilityStartTimeConfiguration");
          assertThat(e.resourceId()).isEqualTo("live/news/cmaf");
          assertThat(e.getMessage()).contains("no update was sent").contains("software.amazon.awssdk:mediapackagev2");
        });
    assertThat(aws.requests(putRequestedFor(urlPathEqualTo(path(spec.id()))))).isEmpty();
  }

  @Test
  void saveEndpoint_whenOnlyADroppedManifestHasAMemberTheSdkDoesNotModel_updates() {
    V2EndpointSpec spec = endpointSpec(ContainerType.CMAF);
    ChannelCdnV2 cdn = channelWithEndpoint(spec);
    Map<String, Object> read = userSetsEveryMember(spec, ENDPOINT_MEMBERS_THE_SDK_LACKS, Set.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> dash = ((List<Map<String, Object>>) read.get("DashManifests")).get(0);
    dash.put("UriPathType", "ROOT");
    aws.mediaPackageV2().editEndpoint("live", "news", "cmaf", Map.of("DashManifests", List.of(dash)));

    cdn.saveEndpoint(V2EndpointSpec.builder().id(spec.id()).containerType(ContainerType.CMAF)
        .addManifests(Manifest.of(ManifestType.HLS, "hls"), Manifest.of(ManifestType.LOW_LATENCY_HLS, "llhls"))
        .startoverWindowSeconds(3600).description("changed").build());

    JsonNode sent = Wire.json(onlyUpdateOf(spec.id()));
    assertThat(sent.get("DashManifests")).isEmpty();
    assertThat(sent.get("HlsManifests")).hasSize(1);
  }

  // ---------------------------------------------------------------- a channel save writes every member back

  @Test
  void saveChannel_whenTheChannelUsesEveryMember_sendsEveryMemberItShares_withTheValueRead() {
    ChannelCdnV2 cdn = aws.channelCdnV2();
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    V2ChannelSpec spec = V2ChannelSpec.builder().id(NEWS).inputType(InputType.CMAF).publishMediaQualityScore(true)
        .description("news").build();
    cdn.saveChannel(spec);
    Map<String, Object> stored = aws.mediaPackageV2().channel("live", "news");
    ObjectNode every = MODEL.every("GetChannelResponse");
    for (String identity : List.of("Arn", "ChannelName", "ChannelGroupName", "InputType", "ETag", "CreatedAt",
        "ModifiedAt")) {
      every.set(identity, JSON.valueToTree(stored.get(identity)));
    }
    ((ObjectNode) every.get("OutputHeaderConfiguration")).put("PublishMQCS", true);
    aws.mediaPackageV2().editChannel("live", "news", asMap(every));
    Map<String, Object> read = aws.mediaPackageV2().channel("live", "news");
    assertThat(MODEL.pathsOf(JSON.valueToTree(read))).containsAll(MODEL.paths("GetChannelResponse"));

    cdn.saveChannel(V2ChannelSpec.builder().from(spec).description("changed").build());

    List<LoggedRequest> updates = aws.requests(putRequestedFor(urlPathEqualTo("/channelGroup/live/channel/news/")));
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).getHeader("x-amzn-update-if-match")).isEqualTo(read.get("ETag"));
    ObjectNode expected = MODEL.project(JSON.valueToTree(read), "GetChannelResponse", "UpdateChannelRequest");
    expected.put("Description", "changed");
    assertThat(canonical(Wire.json(updates.get(0)))).isEqualTo(canonical(expected));
    assertThat(expected.fieldNames()).toIterable()
        .containsExactlyInAnyOrder("Description", "InputSwitchConfiguration", "OutputHeaderConfiguration");
  }

  // ---------------------------------------------------------------- helpers

  private static V2EndpointSpec endpointSpec(ContainerType container) {
    V2EndpointSpec.Builder spec = V2EndpointSpec.builder()
        .id(NEWS.endpoint(container.name().toLowerCase(java.util.Locale.ROOT))).containerType(container)
        .startoverWindowSeconds(3600).description("every member");
    if (container == ContainerType.ISM) {
      spec.addManifests(Manifest.of(ManifestType.MSS, "mss"));
    } else {
      spec.addManifests(Manifest.of(ManifestType.HLS, "hls"), Manifest.of(ManifestType.LOW_LATENCY_HLS, "llhls"),
          Manifest.of(ManifestType.DASH, "dash"));
    }
    return spec.build();
  }

  /** A group, a CMAF channel with its distribution, and the endpoint as the library creates it. */
  private ChannelCdnV2 channelWithEndpoint(V2EndpointSpec spec) {
    ChannelCdnV2 cdn = aws.channelCdnV2();
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).inputType(InputType.CMAF).publishMediaQualityScore(true)
        .createDistribution(true).build());
    cdn.saveEndpoint(spec);
    return cdn;
  }

  /**
   * A user sets, outside the library, every member of the model's GetOriginEndpointResponse but {@code leftOut} (the
   * spec's own values and what MediaPackage gives kept), and {@code alsoKept} of those left out; returns the endpoint
   * as GetOriginEndpoint then answers it.
   */
  private Map<String, Object> userSetsEveryMember(V2EndpointSpec spec, Set<String> leftOut, Set<String> alsoKept) {
    String name = spec.id().endpoint();
    Map<String, Object> stored = aws.mediaPackageV2().endpoint("live", "news", name);
    Set<String> omit = new TreeSet<>(leftOut);
    omit.removeAll(alsoKept);
    ObjectNode every = MODEL.every("GetOriginEndpointResponse", omit);
    for (String identity : List.of("Arn", "ChannelGroupName", "ChannelName", "OriginEndpointName", "ContainerType",
        "ETag", "CreatedAt", "ModifiedAt", "Description", "StartoverWindowSeconds")) {
      every.set(identity, JSON.valueToTree(stored.get(identity)));
    }
    for (ManifestType type : ManifestType.values()) {
      List<Manifest> named = spec.manifests().stream().filter(m -> m.type() == type).toList();
      ArrayNode items = NODES.arrayNode();
      for (Manifest manifest : named) {
        ObjectNode item = ((ObjectNode) every.get(type.member()).get(0)).deepCopy();
        item.put("ManifestName", manifest.name());
        item.put("Url", url(stored, type, manifest.name()));
        items.add(item);
      }
      every.set(type.member(), items);
    }
    aws.mediaPackageV2().editEndpoint("live", "news", name, asMap(every));
    return aws.mediaPackageV2().endpoint("live", "news", name);
  }

  @SuppressWarnings("unchecked")
  private static String url(Map<String, Object> stored, ManifestType type, String name) {
    return ((List<Map<String, Object>>) stored.get(type.member())).stream()
        .filter(m -> name.equals(m.get("ManifestName"))).map(m -> (String) m.get("Url")).findFirst().orElseThrow();
  }

  private LoggedRequest onlyUpdateOf(V2EndpointId id) {
    List<LoggedRequest> updates = aws.requests(putRequestedFor(urlPathEqualTo(path(id))));
    assertThat(updates).as("UpdateOriginEndpoint requests").hasSize(1);
    return updates.get(0);
  }

  private static String path(V2EndpointId id) {
    return "/channelGroup/" + id.group() + "/channel/" + id.channel() + "/originEndpoint/" + id.endpoint();
  }

  /**
   * The JSON with members in name order and numbers by value (the SDK writes a timestamp read as
   * {@code 1767225600} as {@code 1.7672256E9}), for a comparison whose failure shows the difference.
   */
  private static String canonical(JsonNode node) {
    return Wire.canonical(byValue(node));
  }

  private static JsonNode byValue(JsonNode node) {
    if (node.isNumber()) {
      return NODES.textNode("number " + new BigDecimal(node.asText()).stripTrailingZeros().toPlainString());
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(item -> out.add(byValue(item)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.properties().forEach(m -> out.set(m.getKey(), byValue(m.getValue())));
      return out;
    }
    return node;
  }

  private static Map<String, Object> asMap(JsonNode object) {
    return JSON.convertValue(object, new wiremock.com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
  }

  private static Set<String> minus(Set<String> all, Set<String> some) {
    Set<String> rest = new TreeSet<>(all);
    rest.removeAll(some);
    return rest;
  }

  /** Every member path of the SDK shape of {@code pojo}, by the names of the API model. */
  private static Set<String> sdkPaths(SdkPojo pojo) {
    Set<String> paths = new TreeSet<>();
    sdkPaths(pojo, "", paths);
    return paths;
  }

  private static void sdkPaths(SdkPojo pojo, String path, Set<String> out) {
    for (SdkField<?> field : pojo.sdkFields()) {
      String member = path.isEmpty() ? field.memberName() : path + "/" + field.memberName();
      out.add(member);
      SdkField<?> inner = field;
      if (inner.marshallingType() == MarshallingType.LIST) {
        inner = inner.getRequiredTrait(ListTrait.class).memberFieldInfo();
      } else if (inner.marshallingType() == MarshallingType.MAP) {
        inner = inner.getRequiredTrait(MapTrait.class).valueFieldInfo();
      }
      if (inner.marshallingType() == MarshallingType.SDK_POJO) {
        sdkPaths(inner.constructor().get(), member, out);
      }
    }
  }

  /** The committed copy of the API model: member paths, a value for every member, and projections. */
  private static final class Model {
    private final JsonNode shapes;

    Model(String resource) {
      try (InputStream in = V2EveryMemberWireTest.class.getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        this.shapes = JSON.readTree(in).get("shapes");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Every member path of the shape, lists and maps looked through ({@code HlsManifests/ChildManifestName}). */
    Set<String> paths(String shape) {
      Set<String> paths = new TreeSet<>();
      paths(shape, "", paths);
      return paths;
    }

    private void paths(String shapeName, String path, Set<String> out) {
      JsonNode shape = inner(shapes.get(shapeName));
      if (!"structure".equals(shape.get("type").asText())) {
        return;
      }
      shape.get("members").properties().forEach(m -> {
        String member = path.isEmpty() ? m.getKey() : path + "/" + m.getKey();
        out.add(member);
        paths(m.getValue().get("shape").asText(), member, out);
      });
    }

    /** The paths a JSON value uses, lists and maps looked through, as {@link #paths} names them. */
    Set<String> pathsOf(JsonNode value) {
      Set<String> paths = new TreeSet<>();
      pathsOf(value, "", paths);
      return paths;
    }

    private void pathsOf(JsonNode value, String path, Set<String> out) {
      if (value.isArray()) {
        value.forEach(item -> pathsOf(item, path, out));
      } else if (value.isObject() && !path.endsWith("Tags")) {
        value.properties().forEach(m -> {
          String member = path.isEmpty() ? m.getKey() : path + "/" + m.getKey();
          out.add(member);
          pathsOf(m.getValue(), member, out);
        });
      }
    }

    /** The members shared by two structures, at every depth, as paths. */
    Set<String> shared(String from, String to) {
      Set<String> shared = new TreeSet<>();
      shared(from, to, "", shared);
      return shared;
    }

    private void shared(String from, String to, String path, Set<String> out) {
      JsonNode source = inner(shapes.get(from));
      JsonNode target = inner(shapes.get(to));
      if (!"structure".equals(source.get("type").asText()) || !"structure".equals(target.get("type").asText())) {
        return;
      }
      target.get("members").properties().forEach(m -> {
        JsonNode read = source.get("members").get(m.getKey());
        if (read != null && !m.getValue().has("location")) {
          String member = path.isEmpty() ? m.getKey() : path + "/" + m.getKey();
          out.add(member);
          shared(read.get("shape").asText(), m.getValue().get("shape").asText(), member, out);
        }
      });
    }

    /** A value for every member of the structure, at every depth: one item a list, one entry a map. */
    ObjectNode every(String structure) {
      return every(structure, Set.of());
    }

    /** As {@link #every(String)}, without the member paths in {@code omit}. */
    ObjectNode every(String structure, Set<String> omit) {
      return (ObjectNode) value(structure, "", omit);
    }

    private JsonNode value(String shapeName, String path, Set<String> omit) {
      JsonNode shape = shapes.get(shapeName);
      String member = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
      return switch (shape.get("type").asText()) {
        case "structure" -> {
          ObjectNode object = NODES.objectNode();
          shape.get("members").properties().forEach(m -> {
            String child = path.isEmpty() ? m.getKey() : path + "/" + m.getKey();
            if (!omit.contains(child)) {
              object.set(m.getKey(), value(m.getValue().get("shape").asText(), child, omit));
            }
          });
          yield object;
        }
        case "list" -> NODES.arrayNode().add(value(shape.get("member").get("shape").asText(), path, omit));
        case "map" -> NODES.objectNode().set("team", value(shape.get("value").get("shape").asText(), path, omit));
        case "string" -> {
          if (shape.has("enum")) {
            JsonNode values = shape.get("enum");
            yield NODES.textNode(values.get(values.size() - 1).asText());
          }
          String text = member.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
          int min = shape.path("min").asInt(1);
          int max = shape.path("max").asInt(256);
          if (shape.path("pattern").asText().startsWith("[0-9a-fA-F]")) {
            text = "0123456789abcdef";
          }
          while (text.length() < min) {
            text = text + text;
          }
          yield NODES.textNode(text.substring(0, Math.min(max, text.length())));
        }
        case "integer", "long" -> NODES.numberNode(Math.max(shape.path("min").asLong(7), 7));
        case "float", "double" -> NODES.numberNode(1.5);
        case "boolean" -> NODES.booleanNode(true);
        case "timestamp" -> "iso8601".equals(shape.path("timestampFormat").asText())
            ? NODES.textNode("2026-01-01T00:00:00Z") : NODES.numberNode(1_767_225_600L);
        default -> throw new IllegalStateException("no value for a " + shape.get("type") + " (" + shapeName + ")");
      };
    }

    /**
     * What of {@code read} (a {@code from} structure) the {@code to} structure has in its body, by member name, at
     * every depth: what a request that writes back every member read carries.
     */
    ObjectNode project(JsonNode read, String from, String to) {
      return (ObjectNode) project(read, shapes.get(from), shapes.get(to), true);
    }

    private JsonNode project(JsonNode read, JsonNode from, JsonNode to, boolean top) {
      switch (to.get("type").asText()) {
        case "structure": {
          ObjectNode out = NODES.objectNode();
          to.get("members").properties().forEach(m -> {
            JsonNode source = from.get("members").get(m.getKey());
            if (source != null && read.has(m.getKey()) && !read.get(m.getKey()).isNull()
                && !(top && m.getValue().has("location"))) {
              out.set(m.getKey(), project(read.get(m.getKey()), shapes.get(source.get("shape").asText()),
                  shapes.get(m.getValue().get("shape").asText()), false));
            }
          });
          return out;
        }
        case "list": {
          ArrayNode out = NODES.arrayNode();
          read.forEach(item -> out.add(project(item, shapes.get(from.get("member").get("shape").asText()),
              shapes.get(to.get("member").get("shape").asText()), false)));
          return out;
        }
        case "map": {
          ObjectNode out = NODES.objectNode();
          read.properties().forEach(e -> out.set(e.getKey(), project(e.getValue(),
              shapes.get(from.get("value").get("shape").asText()), shapes.get(to.get("value").get("shape").asText()),
              false)));
          return out;
        }
        default:
          return read.deepCopy();
      }
    }

    private JsonNode inner(JsonNode shape) {
      if ("list".equals(shape.get("type").asText())) {
        return inner(shapes.get(shape.get("member").get("shape").asText()));
      }
      if ("map".equals(shape.get("type").asText())) {
        return inner(shapes.get(shape.get("value").get("shape").asText()));
      }
      return shape;
    }
  }
}
