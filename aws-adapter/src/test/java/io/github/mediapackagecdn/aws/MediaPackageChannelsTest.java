package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ProvisioningException;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaPackageChannelsTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static MediaPackageChannels channels;

  private static final String CHANNEL_ARN =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";
  private static final String HOST = "https://8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com";
  private static final String SECRET = "arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id-AbCdEf";
  private static final String ROLE = "arn:aws:iam::123456789012:role/MediaPackageSecrets";

  @BeforeAll
  static void clients() {
    channels = new MediaPackageChannels(Wire.mediaPackage(wm));
  }

  private static String channelJson(String description) {
    return """
        {"arn":"%s","id":"live-news","description":"%s","tags":{"team":"news"},
         "hlsIngest":{"ingestEndpoints":[{"id":"a1","url":"https://1a2b3c4d5e6f7a8b.mediapackage.us-west-2.amazonaws.com/in/v2/28d17c4b3fbf570db3c4495f35f56a14/a1/channel","username":"u","password":"p"}]}}
        """.formatted(CHANNEL_ARN, description);
  }

  private static String endpointJson(String id, String packageJson, String url) {
    return """
        {"arn":"arn:aws:mediapackage:us-west-2:123456789012:origin_endpoints/869e237f851549e9bcf10e3bc2830839",
         "channelId":"live-news","id":"%s","manifestName":"index","description":"HLS for news",
         "startoverWindowSeconds":0,"timeDelaySeconds":0,"whitelist":[],"origination":"ALLOW",
         "url":"%s",%s}
        """.formatted(id, url, packageJson);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String type,
      String message) {
    return aResponse().withStatus(status)
        .withHeader("x-amzn-ErrorType", type)
        .withHeader("x-amzn-RequestId", "req-" + type)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"" + message + "\"}");
  }

  // ---------------------------------------------------------------- channels

  @Test
  void create_whenCalled_postsChannelsWithLowerCamelMembers() {
    wm.stubFor(post(urlEqualTo("/channels")).willReturn(aResponse().withBody(channelJson("24/7 news"))));

    Channel channel = channels.create(ChannelSpec.builder().id("live-news").description("24/7 news")
        .putTags("team", "news").build());

    wm.verify(postRequestedFor(urlEqualTo("/channels"))
        .withRequestBody(equalToJson("{\"id\":\"live-news\",\"description\":\"24/7 news\",\"tags\":{\"team\":\"news\"}}")));
    assertThat(channel.id()).isEqualTo(ChannelId.of("live-news"));
    assertThat(channel.arn().value()).isEqualTo(CHANNEL_ARN);
    assertThat(channel.description()).contains("24/7 news");
    assertThat(channel.tags()).containsEntry("team", "news");
  }

  @Test
  void create_whenRefusedAndTheChannelExists_throwsAlreadyExists() {
    wm.stubFor(post(urlEqualTo("/channels")).willReturn(error(422, "UnprocessableEntityException",
        "channel already exists")));
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(aResponse().withBody(channelJson("other"))));

    assertThatThrownBy(() -> channels.create(ChannelSpec.builder().id("live-news").build()))
        .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
          assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS);
          assertThat(e.errorCode()).contains("UnprocessableEntityException");
        });
  }

  @Test
  void create_whenRefusedAndTheChannelDoesNotExist_throwsInvalidRequest() {
    wm.stubFor(post(urlEqualTo("/channels")).willReturn(error(422, "UnprocessableEntityException", "bad request")));
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(error(404, "NotFoundException", "not found")));

    assertThatThrownBy(() -> channels.create(ChannelSpec.builder().id("live-news").build()))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void update_whenCalled_putsTheDescription() {
    wm.stubFor(put(urlEqualTo("/channels/live-news")).willReturn(aResponse().withBody(channelJson("new text"))));

    Channel channel = channels.update(ChannelSpec.builder().id("live-news").description("new text").build());

    wm.verify(putRequestedFor(urlEqualTo("/channels/live-news"))
        .withRequestBody(equalToJson("{\"description\":\"new text\"}")));
    assertThat(channel.description()).contains("new text");
  }

  @Test
  void find_whenChannelExists_returnsIt() {
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(aResponse().withBody(channelJson("24/7 news"))));

    assertThat(channels.find(ChannelId.of("live-news"))).hasValueSatisfying(c ->
        assertThat(c.arn().value()).isEqualTo(CHANNEL_ARN));
  }

  @Test
  void find_whenNotFound_returnsEmpty() {
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(error(404, "NotFoundException", "not found")));

    assertThat(channels.find(ChannelId.of("live-news"))).isEmpty();
  }

  @Test
  void tag_whenCalled_postsTheTagsToTheChannelArn() {
    wm.stubFor(post(urlPathMatching("/tags/.+")).willReturn(aResponse().withStatus(204)));

    channels.tag(ChannelArn.of(CHANNEL_ARN), Map.of("mediapackage-cdn:distribution", "E2QWRUHAPOMQZL"));

    wm.verify(postRequestedFor(urlEqualTo("/tags/" + CHANNEL_ARN.replace(":", "%3A").replace("/", "%2F")))
        .withRequestBody(equalToJson("{\"tags\":{\"mediapackage-cdn:distribution\":\"E2QWRUHAPOMQZL\"}}")));
  }

  @Test
  void tag_whenForbidden_namesTheMediaPackageAction() {
    wm.stubFor(post(urlPathMatching("/tags/.+")).willReturn(error(403, "ForbiddenException", "Forbidden")));

    assertThatThrownBy(() -> channels.tag(ChannelArn.of(CHANNEL_ARN), Map.of("k", "v")))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            e -> assertThat(e.action()).contains("mediapackage:TagResource"));
  }

  @Test
  void find_whenTheChannelHasTags_returnsThem() {
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(aResponse().withBody(channelJson("24/7 news"))));

    assertThat(channels.find(ChannelId.of("live-news")).map(Channel::tags)).contains(Map.of("team", "news"));
  }

  @Test
  void delete_whenChannelHasNoEndpoint_deletesIt() {
    wm.stubFor(get(urlPathEqualTo("/origin_endpoints")).willReturn(aResponse().withBody("{\"originEndpoints\":[]}")));
    wm.stubFor(delete(urlEqualTo("/channels/live-news")).willReturn(aResponse().withStatus(202)));

    channels.delete(ChannelId.of("live-news"));

    wm.verify(getRequestedFor(urlEqualTo("/origin_endpoints?channelId=live-news")));
    wm.verify(deleteRequestedFor(urlEqualTo("/channels/live-news")));
  }

  @Test
  void delete_whenChannelHasEndpoints_throwsInUseWithoutDeleting() {
    wm.stubFor(get(urlPathEqualTo("/origin_endpoints")).willReturn(aResponse().withBody("{\"originEndpoints\":["
        + endpointJson("live-news-hls", "\"hlsPackage\":{}", HOST + "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8")
        + "]}")));

    assertThatThrownBy(() -> channels.delete(ChannelId.of("live-news")))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.IN_USE));
    assertThat(wm.findAll(deleteRequestedFor(urlEqualTo("/channels/live-news")))).isEmpty();
  }

  // ---------------------------------------------------------------- endpoints

  @Test
  void createEndpoint_whenHls_postsOriginEndpointWithMainOptions() {
    wm.stubFor(post(urlEqualTo("/origin_endpoints")).willReturn(aResponse().withBody(endpointJson("live-news-hls",
        "\"hlsPackage\":{\"segmentDurationSeconds\":6}", HOST + "/out/v1/869e237f851549e9bcf10e3bc2830839/news.m3u8"))));

    OriginEndpoint endpoint = channels.createEndpoint(EndpointSpec.builder().id("live-news-hls").channelId("live-news")
        .packaging(Packaging.HLS).manifestName("news").description("HLS for news").startoverWindowSeconds(3600)
        .timeDelaySeconds(30).addWhitelist("192.0.2.0/24").authorization(CdnAuthorization.of(SECRET, ROLE)).build());

    wm.verify(postRequestedFor(urlEqualTo("/origin_endpoints")).withRequestBody(equalToJson("""
        {"id":"live-news-hls","channelId":"live-news","manifestName":"news","description":"HLS for news",
         "startoverWindowSeconds":3600,"timeDelaySeconds":30,"whitelist":["192.0.2.0/24"],
         "authorization":{"cdnIdentifierSecret":"%s","secretsRoleArn":"%s"},"hlsPackage":{}}
        """.formatted(SECRET, ROLE))));
    assertThat(endpoint.packaging()).isEqualTo(Packaging.HLS);
    assertThat(endpoint.urls()).extracting(EndpointUrl::value)
        .containsExactly(HOST + "/out/v1/869e237f851549e9bcf10e3bc2830839/news.m3u8");
    assertThat(endpoint.startoverWindowSeconds()).isEmpty();
    assertThat(endpoint.timeDelaySeconds()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "DASH | dashPackage | index.mpd",
      "MSS  | mssPackage  | index.ism/Manifest",
  })
  void createEndpoint_whenDashOrMss_sendsThatPackage(Packaging packaging, String member, String file) {
    String url = HOST + "/out/v1/247cff871f2845d3805129be22f2c0a2/" + file;
    wm.stubFor(post(urlEqualTo("/origin_endpoints")).willReturn(aResponse()
        .withBody(endpointJson("ep", "\"" + member + "\":{}", url))));

    OriginEndpoint endpoint = channels.createEndpoint(EndpointSpec.builder().id("ep").channelId("live-news")
        .packaging(packaging).build());

    wm.verify(postRequestedFor(urlEqualTo("/origin_endpoints")).withRequestBody(equalToJson(
        "{\"id\":\"ep\",\"channelId\":\"live-news\",\"manifestName\":\"index\",\"" + member + "\":{}}")));
    assertThat(endpoint.packaging()).isEqualTo(packaging);
    assertThat(endpoint.urls()).extracting(EndpointUrl::value).containsExactly(url);
  }

  @Test
  void createEndpoint_whenCmaf_sendsHlsManifestsAndReadsTheirUrls() {
    wm.stubFor(post(urlEqualTo("/origin_endpoints")).willReturn(aResponse().withBody(endpointJson("cmaf_sports",
        """
        "cmafPackage":{"segmentDurationSeconds":2,"hlsManifests":[
          {"id":"cmaf_sports_endpoint","manifestName":"index","url":"%1$s/out/v1/1dc6718be36f4f34bb9cd86bc50925e6/cmaf_sports_endpoint/index.m3u8"},
          {"id":"cmaf_low","manifestName":"index","url":"%1$s/out/v1/1dc6718be36f4f34bb9cd86bc50925e6/cmaf_low/index.m3u8"}]}
        """.formatted(HOST), ""))));

    OriginEndpoint endpoint = channels.createEndpoint(EndpointSpec.builder().id("cmaf_sports").channelId("live-news")
        .packaging(Packaging.CMAF).addHlsManifestIds("cmaf_sports_endpoint", "cmaf_low").build());

    wm.verify(postRequestedFor(urlEqualTo("/origin_endpoints")).withRequestBody(equalToJson("""
        {"id":"cmaf_sports","channelId":"live-news","manifestName":"index",
         "cmafPackage":{"hlsManifests":[{"id":"cmaf_sports_endpoint","manifestName":"index"},
                                        {"id":"cmaf_low","manifestName":"index"}]}}
        """)));
    assertThat(endpoint.packaging()).isEqualTo(Packaging.CMAF);
    assertThat(endpoint.urls()).extracting(EndpointUrl::value).containsExactly(
        HOST + "/out/v1/1dc6718be36f4f34bb9cd86bc50925e6/cmaf_sports_endpoint/index.m3u8",
        HOST + "/out/v1/1dc6718be36f4f34bb9cd86bc50925e6/cmaf_low/index.m3u8");
  }

  @Test
  void updateEndpoint_whenPackagingHasSettingsTheSpecDoesNotHold_sendsThemBackUnchanged() {
    String url = HOST + "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8";
    String hls = "\"hlsPackage\":{\"segmentDurationSeconds\":4,\"playlistWindowSeconds\":60,\"adMarkers\":\"PASSTHROUGH\","
        + "\"encryption\":{\"spekeKeyProvider\":{\"resourceId\":\"r\",\"roleArn\":\"" + ROLE + "\",\"systemIds\":[\"81376844-f976-481e-a84e-cc25d39b0b33\"],\"url\":\"https://keys.example.com\"}}}";
    wm.stubFor(get(urlEqualTo("/origin_endpoints/live-news-hls")).willReturn(aResponse()
        .withBody(endpointJson("live-news-hls", hls, url))));
    wm.stubFor(put(urlEqualTo("/origin_endpoints/live-news-hls")).willReturn(aResponse()
        .withBody(endpointJson("live-news-hls", hls, url))));

    channels.updateEndpoint(EndpointSpec.builder().id("live-news-hls").channelId("live-news").packaging(Packaging.HLS)
        .description("new").build());

    wm.verify(putRequestedFor(urlEqualTo("/origin_endpoints/live-news-hls")).withRequestBody(equalToJson("""
        {"manifestName":"index","description":"new","whitelist":[],"origination":"ALLOW",%s}
        """.formatted(hls))));
  }

  @Test
  void updateEndpoint_whenEndpointBelongsToAnotherChannel_throwsInvalidRequestWithoutWriting() {
    wm.stubFor(get(urlEqualTo("/origin_endpoints/live-news-hls")).willReturn(aResponse().withBody(endpointJson(
        "live-news-hls", "\"hlsPackage\":{}", HOST + "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8"))));

    assertThatThrownBy(() -> channels.updateEndpoint(EndpointSpec.builder().id("live-news-hls").channelId("other")
        .packaging(Packaging.HLS).build())).isInstanceOf(InvalidRequestException.class);
    assertThat(wm.findAll(putRequestedFor(urlEqualTo("/origin_endpoints/live-news-hls")))).isEmpty();
  }

  @Test
  void findEndpoint_whenNotFound_returnsEmpty() {
    wm.stubFor(get(urlEqualTo("/origin_endpoints/gone")).willReturn(error(404, "NotFoundException", "not found")));

    assertThat(channels.findEndpoint(OriginEndpointId.of("gone"))).isEmpty();
  }

  @Test
  void endpointsOf_whenSeveralPages_followsNextToken() {
    String first = endpointJson("a", "\"hlsPackage\":{}", HOST + "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8");
    String second = endpointJson("b", "\"dashPackage\":{}", HOST + "/out/v1/247cff871f2845d3805129be22f2c0a2/index.mpd");
    wm.stubFor(get(urlEqualTo("/origin_endpoints?channelId=live-news")).willReturn(aResponse()
        .withBody("{\"originEndpoints\":[" + first + "],\"nextToken\":\"page2\"}")));
    wm.stubFor(get(urlEqualTo("/origin_endpoints?channelId=live-news&nextToken=page2")).willReturn(aResponse()
        .withBody("{\"originEndpoints\":[" + second + "]}")));

    List<OriginEndpoint> endpoints = channels.endpointsOf(ChannelId.of("live-news"));

    assertThat(endpoints).extracting(e -> e.id().value()).containsExactly("a", "b");
  }

  @Test
  void deleteEndpoint_whenCalled_deletesIt() {
    wm.stubFor(delete(urlEqualTo("/origin_endpoints/a")).willReturn(aResponse().withStatus(202)));

    channels.deleteEndpoint(OriginEndpointId.of("a"));

    wm.verify(deleteRequestedFor(urlEqualTo("/origin_endpoints/a")));
  }

  @ParameterizedTest(name = "{1} ({0}) -> {2}")
  @CsvSource({
      "404, NotFoundException, ResourceNotFoundException",
      "422, UnprocessableEntityException, InvalidRequestException",
      "429, TooManyRequestsException, ThrottledException",
      "403, ForbiddenException, AccessDeniedException",
      "500, InternalServerErrorException, ServiceFailureException",
      "503, ServiceUnavailableException, ServiceFailureException",
  })
  void deleteEndpoint_whenMediaPackageRefuses_throwsTheMappedCoreError(int status, String type, String expected) {
    wm.stubFor(delete(urlEqualTo("/origin_endpoints/a")).willReturn(error(status, type, "refused")));

    assertThatThrownBy(() -> channels.deleteEndpoint(OriginEndpointId.of("a")))
        .isInstanceOfSatisfying(ProvisioningException.class, e -> {
          assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
          assertThat(e.errorCode()).contains(type);
          assertThat(e.requestId()).contains("req-" + type);
          assertThat(e.getCause()).isInstanceOf(software.amazon.awssdk.awscore.exception.AwsServiceException.class);
        });
  }

  @Test
  void deleteEndpoint_whenForbidden_namesTheMediaPackageAction() {
    wm.stubFor(delete(urlEqualTo("/origin_endpoints/a")).willReturn(error(403, "ForbiddenException", "Forbidden")));

    assertThatThrownBy(() -> channels.deleteEndpoint(OriginEndpointId.of("a")))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            e -> assertThat(e.action()).contains("mediapackage:DeleteOriginEndpoint"));
  }

  @Test
  void find_whenNotFoundForADifferentReason_stillMapsByHeader() {
    wm.stubFor(get(urlEqualTo("/channels/x")).willReturn(error(404, "NotFoundException", "channel x not found")
        .withHeader("x-amzn-RequestId", "req-x")));

    assertThat(channels.find(ChannelId.of("x"))).isEmpty();
    wm.verify(getRequestedFor(urlEqualTo("/channels/x")).withHeader("Authorization", com.github.tomakehurst.wiremock
        .client.WireMock.containing("mediapackage")));
  }

  @Test
  void endpointsOf_whenNotFound_throwsNotFound() {
    wm.stubFor(get(urlPathEqualTo("/origin_endpoints")).willReturn(error(404, "NotFoundException", "no channel")));

    assertThatThrownBy(() -> channels.endpointsOf(ChannelId.of("live-news")))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.resourceId()).contains("live-news"));
    wm.verify(getRequestedFor(urlPathEqualTo("/origin_endpoints")).withQueryParam("channelId", equalTo("live-news")));
  }
}
