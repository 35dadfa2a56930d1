package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import wiremock.com.fasterxml.jackson.databind.JsonNode;
import wiremock.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every request the MediaPackage v2 and CloudFront policy adapters send, checked against the committed copies of
 * botocore's models ({@code mediapackagev2-2022-12-25-shapes.json}, {@code cloudfront-2020-05-31-policy-shapes.json}):
 * the operation's HTTP method and request URI, every required member (uri labels, headers, query strings, body) present,
 * no member the shape lacks, enum values, patterns, lengths and ranges.
 */
class V2RequestShapesWireTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Model MEDIAPACKAGE_V2 = Model.load("mediapackagev2-2022-12-25-shapes.json");
  private static final Model CLOUDFRONT = Model.load("cloudfront-2020-05-31-policy-shapes.json");

  /**
   * Members the model leaves optional but the adapter must always send: its updates are conditional on the ETag read
   * (MediaPackage v2 has no other guard against a lost update).
   */
  private static final Map<String, Set<String>> ALWAYS_SENT = Map.of(
      "UpdateChannel", Set.of("ETag"),
      "UpdateOriginEndpoint", Set.of("ETag"));

  /** The operations the two adapters send; a new one fails {@link #everyRequestSent_isOneOfTheCheckedOperations}. */
  private static final List<String> OPERATIONS = List.of(
      "GetChannelGroup", "CreateChannelGroup", "ListChannelGroups",
      "GetChannel", "CreateChannel", "UpdateChannel", "ListChannels", "DeleteChannel", "TagResource",
      "GetOriginEndpoint", "CreateOriginEndpoint", "UpdateOriginEndpoint", "ListOriginEndpoints", "DeleteOriginEndpoint",
      "GetOriginEndpointPolicy", "PutOriginEndpointPolicy",
      "ListOriginAccessControls", "CreateOriginAccessControl", "ListCachePolicies", "CreateCachePolicy");

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  static Stream<String> operations() {
    return OPERATIONS.stream();
  }

  /** Calls every method of both ports, so that every operation they use is sent at least once. */
  private void driveEveryOperation() {
    ChannelGroups groups = aws.channelGroups();
    groups.createGroup(ChannelGroupSpec.builder().name("live").description("group live").build());
    assertThat(groups.findGroup("live")).isPresent();
    assertThat(groups.groupNames()).contains("live");
    V2ChannelId channelId = V2ChannelId.of("live", "news");
    V2ChannelSpec channel = V2ChannelSpec.builder().id(channelId).description("channel news")
        .putTags("mediapackage-cdn:distribution", "requested").build();
    V2Channel created = groups.createChannel(channel);
    groups.tagChannel(created.arn(), Map.of("mediapackage-cdn:distribution", "E1U5RQF7T870K0"));
    V2Channel found = groups.findChannel(channelId).orElseThrow();
    groups.updateChannel(V2ChannelSpec.builder().from(channel).description("news, updated").build(),
        found.etag().orElse(created.etag().orElseThrow()));
    assertThat(groups.channelNames("live")).contains("news");
    V2ChannelSpec cmaf = V2ChannelSpec.builder().id(V2ChannelId.of("live", "cmaf")).inputType(InputType.CMAF)
        .publishMediaQualityScore(true).build();
    groups.updateChannel(cmaf, groups.createChannel(cmaf).etag().orElseThrow());
    V2EndpointId endpointId = V2EndpointId.of("live", "news", "hls");
    V2EndpointSpec endpoint = V2EndpointSpec.builder().id(endpointId).containerType(ContainerType.TS)
        .addManifests(Manifest.of(ManifestType.HLS, "index")).build();
    groups.createEndpoint(endpoint);
    V2Endpoint read = groups.findEndpoint(endpointId).orElseThrow();
    groups.updateEndpoint(V2EndpointSpec.builder().from(endpoint).description("hls, updated").build(),
        read.etag().orElseThrow());
    assertThat(groups.endpointsOf(channelId)).hasSize(1);
    groups.putPolicy(endpointId, EndpointPolicy.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
    assertThat(groups.findPolicy(endpointId)).isPresent();
    groups.deleteEndpoint(endpointId);
    groups.deleteChannel(V2ChannelId.of("live", "cmaf"));

    CloudFrontPolicies policies = aws.cloudFrontPoliciesPort();
    policies.createOriginAccessControl(OriginAccessControlConfig.forMediaPackageV2("oac"));
    assertThat(policies.findOriginAccessControl("oac")).isPresent();
    policies.createCachePolicy(new CachePolicyConfig("cp", "test", 0, 1, 31_536_000, List.of("m")));
    assertThat(policies.findCachePolicy("cp")).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyRequestOfTheOperation_matchesItsShape(String operation) {
    driveEveryOperation();
    Model model = MEDIAPACKAGE_V2.has(operation) ? MEDIAPACKAGE_V2 : CLOUDFRONT;

    List<LoggedRequest> sent = aws.requests(anyRequestedFor(anyUrl())).stream()
        .filter(r -> operation.equals(operationOf(r))).toList();

    assertThat(sent).as("requests of %s", operation).isNotEmpty()
        .allSatisfy(r -> assertThat(model.problems(operation, r)).as("%s %s", r.getMethod(), r.getUrl()).isEmpty());
  }

  @Test
  void everyRequestSent_isOneOfTheCheckedOperations() {
    driveEveryOperation();

    List<String> unmatched = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (LoggedRequest r : aws.requests(anyRequestedFor(anyUrl()))) {
      String operation = operationOf(r);
      if (operation == null) {
        unmatched.add(r.getMethod() + " " + r.getUrl());
      } else {
        seen.add(operation);
      }
    }
    assertThat(unmatched).isEmpty();
    assertThat(seen).containsExactlyInAnyOrderElementsOf(OPERATIONS);
    Set<String> modelled = new TreeSet<>(MEDIAPACKAGE_V2.operationNames());
    modelled.addAll(CLOUDFRONT.operationNames());
    assertThat(modelled).containsExactlyInAnyOrderElementsOf(OPERATIONS);
  }

  /** The one operation of either model whose method and request URI the request has, or null. */
  private static String operationOf(LoggedRequest r) {
    List<String> matching = new ArrayList<>();
    for (Model model : List.of(MEDIAPACKAGE_V2, CLOUDFRONT)) {
      for (String operation : model.operationNames()) {
        if (model.labels(operation, r) != null) {
          matching.add(operation);
        }
      }
    }
    assertThat(matching).as("operations matching %s %s", r.getMethod(), r.getUrl()).hasSizeLessThanOrEqualTo(1);
    return matching.isEmpty() ? null : matching.get(0);
  }

  /** One committed model copy: its operations and shapes. */
  private static final class Model {
    final JsonNode operations;
    final JsonNode shapes;
    final boolean xml;

    private Model(JsonNode root) {
      this.operations = root.get("operations");
      this.shapes = root.get("shapes");
      this.xml = "rest-xml".equals(root.get("metadata").get("protocol").asText());
    }

    static Model load(String name) {
      try (InputStream in = V2RequestShapesWireTest.class.getResourceAsStream(name)) {
        assertThat(in).as(name).isNotNull();
        return new Model(JSON.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    List<String> operationNames() {
      List<String> names = new ArrayList<>();
      operations.fieldNames().forEachRemaining(names::add);
      return names;
    }

    boolean has(String operation) {
      return operations.has(operation);
    }

    /** The uri labels of the request if its method and path are the operation's, else null. */
    Map<String, String> labels(String operation, LoggedRequest r) {
      JsonNode http = operations.get(operation).get("http");
      if (!http.get("method").asText().equals(r.getMethod().getName())) {
        return null;
      }
      String template = http.get("requestUri").asText().split("\\?", 2)[0];
      List<String> names = new ArrayList<>();
      StringBuilder regex = new StringBuilder();
      Matcher label = Pattern.compile("\\{([A-Za-z0-9]+)(\\+?)}").matcher(template);
      int at = 0;
      while (label.find()) {
        regex.append(Pattern.quote(template.substring(at, label.start())));
        regex.append(label.group(2).isEmpty() ? "([^/]+)" : "(.+)");
        names.add(label.group(1));
        at = label.end();
      }
      regex.append(Pattern.quote(template.substring(at)));
      String path = r.getUrl().split("\\?", 2)[0];
      Matcher m = Pattern.compile(regex.toString()).matcher(path);
      if (!m.matches()) {
        return null;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        values.put(names.get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
      }
      return values;
    }

    /** What the request does that the operation's input shape does not allow; empty if it conforms. */
    List<String> problems(String operation, LoggedRequest r) {
      List<String> problems = new ArrayList<>();
      Map<String, String> labels = labels(operation, r);
      if (labels == null) {
        problems.add("not " + operations.get(operation).get("http"));
        return problems;
      }
      JsonNode input = shapes.get(operations.get(operation).get("input").get("shape").asText());
      Set<String> required = new TreeSet<>();
      input.path("required").forEach(n -> required.add(n.asText()));
      required.addAll(ALWAYS_SENT.getOrDefault(operation, Set.of()));
      Map<String, String> query = query(r.getUrl());
      Set<String> queryMembers = new TreeSet<>();
      Set<String> headerMembers = new TreeSet<>();
      Set<String> present = new TreeSet<>();
      Map<String, JsonNode> bodyMembers = new LinkedHashMap<>(); // by wire name (locationName)
      Map<String, String> bodyMemberNames = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> member : input.get("members").properties()) {
        JsonNode ref = member.getValue();
        String location = ref.path("location").asText("");
        String wireName = ref.path("locationName").asText(member.getKey());
        String value = switch (location) {
          case "uri" -> labels.get(wireName);
          case "header" -> {
            headerMembers.add(wireName.toLowerCase(java.util.Locale.ROOT));
            yield r.containsHeader(wireName) ? r.getHeader(wireName) : null;
          }
          case "querystring" -> {
            queryMembers.add(wireName);
            yield query.get(wireName);
          }
          default -> {
            bodyMembers.put(wireName, ref);
            bodyMemberNames.put(wireName, member.getKey());
            yield null;
          }
        };
        if (value != null) {
          present.add(member.getKey());
          check(ref.get("shape").asText(), value, member.getKey(), problems);
        }
      }
      query.keySet().stream().filter(q -> !queryMembers.contains(q))
          .forEach(q -> problems.add("query string " + q + " is not in " + operation));
      r.getHeaders().keys().stream().map(h -> h.toLowerCase(java.util.Locale.ROOT))
          .filter(h -> h.startsWith("x-amzn-") && !h.equals("x-amzn-trace-id") && !headerMembers.contains(h))
          .forEach(h -> problems.add("header " + h + " is not in " + operation));
      String body = r.getBodyAsString();
      if (!bodyMembers.isEmpty() && body != null && !body.isBlank()) {
        if (xml) {
          String payload = input.get("payload").asText();
          present.add(payload);
          checkXml(input.get("members").get(payload), body, problems);
        } else {
          JsonNode tree = readJson(body);
          tree.fieldNames().forEachRemaining(f -> {
            if (bodyMembers.containsKey(f)) {
              present.add(bodyMemberNames.get(f));
            } else {
              problems.add("body member " + f + " is not in " + operation);
            }
          });
          bodyMembers.forEach((name, ref) -> {
            if (tree.has(name)) {
              checkJson(ref.get("shape").asText(), tree.get(name), name, problems);
            }
          });
        }
      } else if (!bodyMembers.isEmpty() && (body == null || body.isBlank()) && xml) {
        problems.add("no body");
      }
      required.stream().filter(m -> !present.contains(m)).forEach(m -> problems.add("required " + m + " missing"));
      return problems;
    }

    private static JsonNode readJson(String body) {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Map<String, String> query(String url) {
      Map<String, String> query = new LinkedHashMap<>();
      String[] parts = url.split("\\?", 2);
      if (parts.length == 2 && !parts[1].isEmpty()) {
        for (String pair : parts[1].split("&")) {
          String[] kv = pair.split("=", 2);
          query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
              kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
      }
      return query;
    }

    /** A scalar (uri label, header, query string, XML text) against its shape. */
    private void check(String shapeName, String value, String path, List<String> problems) {
      JsonNode shape = shapes.get(shapeName);
      switch (shape.get("type").asText()) {
        case "string" -> checkString(shape, value, path, problems);
        case "integer", "long" -> {
          try {
            checkRange(shape, Long.parseLong(value.trim()), path, problems);
          } catch (NumberFormatException e) {
            problems.add(path + ": " + value + " is not a number");
          }
        }
        case "boolean" -> {
          if (!value.trim().equals("true") && !value.trim().equals("false")) {
            problems.add(path + ": " + value + " is not a boolean");
          }
        }
        default -> { }
      }
    }

    private static void checkString(JsonNode shape, String value, String path, List<String> problems) {
      if (shape.has("enum")) {
        List<String> values = new ArrayList<>();
        shape.get("enum").forEach(n -> values.add(n.asText()));
        if (!values.contains(value)) {
          problems.add(path + ": " + value + " is not one of " + values);
        }
      }
      if (shape.has("min") && value.length() < shape.get("min").asLong()) {
        problems.add(path + ": shorter than " + shape.get("min"));
      }
      if (shape.has("max") && value.length() > shape.get("max").asLong()) {
        problems.add(path + ": longer than " + shape.get("max"));
      }
      if (shape.has("pattern") && !Pattern.compile(shape.get("pattern").asText()).matcher(value).find()) {
        problems.add(path + ": " + value + " does not match " + shape.get("pattern").asText());
      }
    }

    private static void checkRange(JsonNode shape, long value, String path, List<String> problems) {
      if (shape.has("min") && value < shape.get("min").asLong()) {
        problems.add(path + ": " + value + " below " + shape.get("min"));
      }
      if (shape.has("max") && value > shape.get("max").asLong()) {
        problems.add(path + ": " + value + " above " + shape.get("max"));
      }
    }

    private void checkJson(String shapeName, JsonNode value, String path, List<String> problems) {
      JsonNode shape = shapes.get(shapeName);
      switch (shape.get("type").asText()) {
        case "structure" -> {
          if (!value.isObject()) {
            problems.add(path + ": not an object");
            return;
          }
          JsonNode members = shape.get("members");
          shape.path("required").forEach(n -> {
            if (!value.has(n.asText())) {
              problems.add(path + ": required " + n.asText() + " missing");
            }
          });
          value.fieldNames().forEachRemaining(f -> {
            if (members.has(f)) {
              checkJson(members.get(f).get("shape").asText(), value.get(f), path + "." + f, problems);
            } else {
              problems.add(path + ": member " + f + " is not in " + shapeName);
            }
          });
        }
        case "list" -> {
          if (!value.isArray()) {
            problems.add(path + ": not a list");
            return;
          }
          checkRange(shape, value.size(), path + " size", problems);
          for (int i = 0; i < value.size(); i++) {
            checkJson(shape.get("member").get("shape").asText(), value.get(i), path + "[" + i + "]", problems);
          }
        }
        case "map" -> {
          if (!value.isObject()) {
            problems.add(path + ": not a map");
            return;
          }
          value.properties().forEach(e -> {
            check(shape.get("key").get("shape").asText(), e.getKey(), path + " key", problems);
            checkJson(shape.get("value").get("shape").asText(), e.getValue(), path + "." + e.getKey(), problems);
          });
        }
        case "string" -> {
          if (!value.isTextual()) {
            problems.add(path + ": not a string");
          } else {
            checkString(shape, value.asText(), path, problems);
          }
        }
        case "integer", "long" -> {
          if (!value.isIntegralNumber()) {
            problems.add(path + ": not an integer");
          } else {
            checkRange(shape, value.asLong(), path, problems);
          }
        }
        case "boolean" -> {
          if (!value.isBoolean()) {
            problems.add(path + ": not a boolean");
          }
        }
        default -> { }
      }
    }

    private void checkXml(JsonNode payloadRef, String body, List<String> problems) {
      Element root;
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        root = factory.newDocumentBuilder()
            .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
      } catch (Exception e) {
        problems.add("body is not XML: " + e.getMessage());
        return;
      }
      String name = payloadRef.get("locationName").asText();
      if (!name.equals(root.getLocalName())) {
        problems.add("root element " + root.getLocalName() + " is not " + name);
      }
      String namespace = payloadRef.path("xmlNamespace").path("uri").asText(null);
      if (namespace != null && !namespace.equals(root.getNamespaceURI())) {
        problems.add("root namespace " + root.getNamespaceURI() + " is not " + namespace);
      }
      checkXml(payloadRef.get("shape").asText(), root, name, problems);
    }

    private void checkXml(String shapeName, Element element, String path, List<String> problems) {
      JsonNode shape = shapes.get(shapeName);
      List<Element> children = new ArrayList<>();
      for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element child) {
          children.add(child);
        }
      }
      switch (shape.get("type").asText()) {
        case "structure" -> {
          Map<String, String> byWireName = new LinkedHashMap<>();
          shape.get("members").properties().forEach(e ->
              byWireName.put(e.getValue().path("locationName").asText(e.getKey()), e.getKey()));
          Set<String> seen = new TreeSet<>();
          for (Element child : children) {
            String member = byWireName.get(child.getLocalName());
            if (member == null) {
              problems.add(path + ": element " + child.getLocalName() + " is not in " + shapeName);
            } else {
              seen.add(member);
              checkXml(shape.get("members").get(member).get("shape").asText(), child,
                  path + "/" + child.getLocalName(), problems);
            }
          }
          shape.path("required").forEach(n -> {
            if (!seen.contains(n.asText())) {
              problems.add(path + ": required " + n.asText() + " missing");
            }
          });
        }
        case "list" -> {
          String item = shape.get("member").path("locationName").asText("member");
          checkRange(shape, children.size(), path + " size", problems);
          for (Element child : children) {
            if (!item.equals(child.getLocalName())) {
              problems.add(path + ": list item " + child.getLocalName() + " is not " + item);
            } else {
              checkXml(shape.get("member").get("shape").asText(), child, path + "/" + item, problems);
            }
          }
        }
        default -> {
          if (!children.isEmpty()) {
            problems.add(path + ": a " + shape.get("type").asText() + " with child elements");
          } else {
            check(shapeName, element.getTextContent(), path, problems);
          }
        }
      }
    }
  }
}
