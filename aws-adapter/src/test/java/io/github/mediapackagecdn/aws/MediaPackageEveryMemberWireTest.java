package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.mediapackage.model.DescribeOriginEndpointResponse;
import software.amazon.awssdk.services.mediapackage.model.UpdateOriginEndpointRequest;
import wiremock.com.fasterxml.jackson.databind.JsonNode;
import wiremock.com.fasterxml.jackson.databind.ObjectMapper;
import wiremock.com.fasterxml.jackson.databind.node.ArrayNode;
import wiremock.com.fasterxml.jackson.databind.node.JsonNodeFactory;
import wiremock.com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A MediaPackage v1 endpoint that uses every member of {@code DescribeOriginEndpointResponse} the SDK models (which,
 * for mediapackage 2.40.2, is every member of the API model 2017-10-12), one packaging at a time, saved through the
 * library with an unrelated change (the description): UpdateOriginEndpoint carries every member it shares with the
 * read, with the value read, and nothing else. The member list comes from the SDK's own field metadata, so a member
 * the SDK adds later is in the fixture without a code change.
 */
class MediaPackageEveryMemberWireTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ENDPOINT_PATH = "/origin_endpoints/live-news-every";
  private static final String HOST = "https://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com";
  private static final String SECRET = "arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id-AbCdEf";
  private static final String ROLE = "arn:aws:iam::123456789012:role/MediaPackageSecrets";
  private static final List<String> PACKAGES = List.of("hlsPackage", "dashPackage", "mssPackage", "cmafPackage");

  @ParameterizedTest
  @EnumSource(Packaging.class)
  void saveEndpoint_whenTheEndpointUsesEveryMember_sendsEveryMemberItShares_withTheValueRead(Packaging packaging) {
    ObjectNode read = everyMember(packaging);
    assertThat(paths(read)).as("the fixture uses every member of the packaging's part of the SDK's shape")
        .containsAll(sdkPaths(packaging));
    stubEndpoint(read);

    ChannelCdn cdn = builtByTheLibrary();
    CdnOutcome.Action action = cdn.saveEndpoint(specOf(packaging)).cdn().action();

    assertThat(action).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
    List<LoggedRequest> updates = wm.findAll(putRequestedFor(urlEqualTo(ENDPOINT_PATH)));
    assertThat(updates).hasSize(1);
    ObjectNode expected = project(read, DescribeOriginEndpointResponse.builder(), UpdateOriginEndpointRequest.builder());
    expected.put("description", "changed");
    assertThat(Wire.canonical(Wire.json(updates.get(0)))).isEqualTo(Wire.canonical(expected));
    assertThat(expected.has(packageMember(packaging))).isTrue();
    cdn.close();
  }

  // ---------------------------------------------------------------- helpers

  private static ChannelCdn builtByTheLibrary() {
    return Wire.v1Builder(wm).deploymentPollInterval(Duration.ZERO).build();
  }

  /** Every member of the SDK's DescribeOriginEndpointResponse, with the one package of {@code packaging}. */
  private static ObjectNode everyMember(Packaging packaging) {
    ObjectNode read = (ObjectNode) value(DescribeOriginEndpointResponse.builder());
    PACKAGES.stream().filter(p -> !p.equals(packageMember(packaging))).forEach(read::remove);
    // what the library itself reads and checks: valid ids, URLs, windows, addresses and ARNs
    read.put("id", "live-news-every").put("channelId", "live-news").put("manifestName", "index")
        .put("arn", "arn:aws:mediapackage:us-west-2:123456789012:origin_endpoints/869e237f851549e9bcf10e3bc2830839")
        .put("url", HOST + "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8")
        .put("startoverWindowSeconds", 3600).put("timeDelaySeconds", 30);
    read.putArray("whitelist").add("192.0.2.0/24");
    read.putObject("authorization").put("cdnIdentifierSecret", SECRET).put("secretsRoleArn", ROLE);
    if (packaging == Packaging.CMAF) {
      ObjectNode manifest = (ObjectNode) read.get("cmafPackage").get("hlsManifests").get(0);
      // v1 gives every CMAF manifest the endpoint's manifest name (the spec's), as it always has
      manifest.put("id", "live-news-every").put("manifestName", "index")
          .put("url", HOST + "/out/v1/1dc6718be36f4f34bb9cd86bc50925e6/live-news-every/index.m3u8");
    }
    return read;
  }

  /** The spec that holds what the read holds, but for the description: an unrelated change. */
  private static EndpointSpec specOf(Packaging packaging) {
    return EndpointSpec.builder().id("live-news-every").channelId("live-news").packaging(packaging)
        .manifestName("index").description("changed").startoverWindowSeconds(3600).timeDelaySeconds(30)
        .addWhitelist("192.0.2.0/24").authorization(CdnAuthorization.of(SECRET, ROLE)).build();
  }

  private static void stubEndpoint(JsonNode read) {
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(aResponse().withBody(
        "{\"arn\":\"arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14\","
            + "\"id\":\"live-news\"}")));
    wm.stubFor(get(urlEqualTo(ENDPOINT_PATH)).willReturn(aResponse().withBody(read.toString())));
    wm.stubFor(put(urlEqualTo(ENDPOINT_PATH)).willReturn(aResponse().withBody(read.toString())));
    wm.stubFor(get(urlPathEqualTo("/origin_endpoints")).willReturn(aResponse()
        .withBody("{\"originEndpoints\":[" + read + "]}")));
    Wire.stubNoDistributionsAndNoTags(wm);
  }

  private static String packageMember(Packaging packaging) {
    return packaging.name().toLowerCase(Locale.ROOT) + "Package";
  }

  /** A value for every member of the SDK shape, by the JSON names it reads: one item a list, one entry a map. */
  private static JsonNode value(SdkPojo shape) {
    ObjectNode object = NODES.objectNode();
    for (SdkField<?> field : shape.sdkFields()) {
      if (field.location() == MarshallLocation.PAYLOAD) {
        object.set(field.locationName(), value(field, field.memberName()));
      }
    }
    return object;
  }

  private static JsonNode value(SdkField<?> field, String member) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      return value(field.constructor().get());
    }
    if (type == MarshallingType.LIST) {
      return NODES.arrayNode().add(value(field.getRequiredTrait(ListTrait.class).memberFieldInfo(), member));
    }
    if (type == MarshallingType.MAP) {
      return NODES.objectNode().set("team", value(field.getRequiredTrait(MapTrait.class).valueFieldInfo(), member));
    }
    if (type == MarshallingType.INTEGER || type == MarshallingType.LONG) {
      return NODES.numberNode(7);
    }
    if (type == MarshallingType.BOOLEAN) {
      return NODES.booleanNode(true);
    }
    if (type == MarshallingType.STRING) {
      return NODES.textNode(member.toLowerCase(Locale.ROOT));
    }
    throw new IllegalStateException("no value for " + member + " of type " + type);
  }

  /**
   * What of {@code read} (JSON of the {@code from} shape) the {@code to} shape has in its body, by member name, at
   * every depth: what a request that writes back every member read carries.
   */
  private static ObjectNode project(JsonNode read, SdkPojo from, SdkPojo to) {
    ObjectNode out = NODES.objectNode();
    for (SdkField<?> target : to.sdkFields()) {
      if (target.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      from.sdkFields().stream().filter(f -> f.memberName().equals(target.memberName())).findFirst()
          .filter(source -> read.has(source.locationName()))
          .ifPresent(source -> out.set(target.locationName(), project(read.get(source.locationName()), source,
              target)));
    }
    return out;
  }

  private static JsonNode project(JsonNode read, SdkField<?> from, SdkField<?> to) {
    if (to.marshallingType() == MarshallingType.SDK_POJO) {
      return project(read, from.constructor().get(), to.constructor().get());
    }
    if (to.marshallingType() == MarshallingType.LIST) {
      ArrayNode out = NODES.arrayNode();
      read.forEach(item -> out.add(project(item, from.getRequiredTrait(ListTrait.class).memberFieldInfo(),
          to.getRequiredTrait(ListTrait.class).memberFieldInfo())));
      return out;
    }
    return read.deepCopy();
  }

  /** The member paths of the packaging's part of the SDK's DescribeOriginEndpointResponse and of the rest. */
  private static Set<String> sdkPaths(Packaging packaging) {
    Set<String> paths = new TreeSet<>();
    sdkPaths(DescribeOriginEndpointResponse.builder(), "", paths);
    paths.removeIf(p -> PACKAGES.stream().filter(m -> !m.equals(packageMember(packaging)))
        .anyMatch(m -> p.equals(m) || p.startsWith(m + "/")));
    return paths;
  }

  private static void sdkPaths(SdkPojo pojo, String path, Set<String> out) {
    for (SdkField<?> field : pojo.sdkFields()) {
      if (field.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      String member = path.isEmpty() ? field.locationName() : path + "/" + field.locationName();
      out.add(member);
      SdkField<?> inner = field.marshallingType() == MarshallingType.LIST
          ? field.getRequiredTrait(ListTrait.class).memberFieldInfo() : field;
      if (inner.marshallingType() == MarshallingType.SDK_POJO) {
        sdkPaths(inner.constructor().get(), member, out);
      }
    }
  }

  private static Set<String> paths(JsonNode value) {
    Set<String> paths = new TreeSet<>();
    paths(value, "", paths);
    return paths;
  }

  private static void paths(JsonNode value, String path, Set<String> out) {
    if (value.isArray()) {
      value.forEach(item -> paths(item, path, out));
    } else if (value.isObject() && !path.equals("tags")) {
      value.properties().forEach(m -> {
        String member = path.isEmpty() ? m.getKey() : path + "/" + m.getKey();
        out.add(member);
        paths(m.getValue(), member, out);
      });
    }
  }
}
