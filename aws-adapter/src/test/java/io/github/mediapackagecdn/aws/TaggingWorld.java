package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wiremock.com.fasterxml.jackson.core.type.TypeReference;

/**
 * The Resource Groups Tagging API's {@code GetResources} (aws-json 1.1) on WireMock, over the distributions of a
 * {@link CloudFrontWorld}: resources whose tags match every tag filter (a key, and one of the values when values are
 * given), in one page. Like the real index, it keeps answering a resource for a key the resource no longer has, with
 * the tags it has now (the adapter's documented reason to check every answer).
 */
final class TaggingWorld {

  private static final String TARGET = "ResourceGroupsTaggingAPI_20170126.GetResources";
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final WireMockExtension wm;
  private final Answers answers;
  private final CloudFrontWorld cloudFront;

  TaggingWorld(WireMockExtension wm, Answers answers, CloudFrontWorld cloudFront) {
    this.wm = wm;
    this.answers = answers;
    this.cloudFront = cloudFront;
  }

  void install() {
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
        .willReturn(answers.by(this::getResources)));
  }

  private ResponseDefinitionBuilder getResources(Request request) {
    Map<String, Object> body = Json.read(request.getBodyAsString(), JSON_OBJECT);
    List<Filter> filters = new ArrayList<>();
    for (Object filter : list(body.get("TagFilters"))) {
      Map<String, Object> f = object(filter);
      filters.add(new Filter((String) f.get("Key"), f.get("Values") == null
          ? List.of()
          : list(f.get("Values")).stream().map(String::valueOf).toList()));
    }
    List<Map<String, Object>> mappings = new ArrayList<>();
    for (CloudFrontWorld.Stored d : cloudFront.all()) {
      Map<String, String> tags;
      boolean lostAKey;
      synchronized (cloudFront) {
        tags = new LinkedHashMap<>(d.tags);
        lostAKey = filters.stream().anyMatch(f -> d.everTagged.contains(f.key()) && !d.tags.containsKey(f.key()));
      }
      if (lostAKey || filters.stream().allMatch(f -> f.matches(tags))) {
        List<Map<String, String>> tagList = new ArrayList<>();
        tags.forEach((k, v) -> tagList.add(Map.of("Key", k, "Value", v)));
        mappings.add(Map.of("ResourceARN", d.arn, "Tags", tagList));
      }
    }
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-RequestId", "req-tagging")
        .withBody(Json.write(Map.of("PaginationToken", "", "ResourceTagMappingList", mappings)));
  }

  private record Filter(String key, List<String> values) {
    boolean matches(Map<String, String> tags) {
      return tags.containsKey(key) && (values.isEmpty() || values.contains(tags.get(key)));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }
}
