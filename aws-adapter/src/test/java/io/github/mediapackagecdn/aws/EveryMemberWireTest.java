package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontXml;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.UnsupportedSettingsException;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;

/**
 * A distribution configuration that uses every member of {@code DistributionConfig} in the current CloudFront API
 * model, saved through the SDK against WireMock: an endpoint save writes it back whole, and a configuration with one
 * element the SDK does not model is not written at all.
 */
class EveryMemberWireTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final String CHANNEL_ARN =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";
  private static final String ENDPOINT = """
      {"arn":"arn:aws:mediapackage:us-west-2:123456789012:origin_endpoints/869e237f851549e9bcf10e3bc2830839",
       "channelId":"live-news","id":"live-news-hls","manifestName":"index","hlsPackage":{},
       "url":"https://abcd1234abcd1234.mediapackage.us-west-2.amazonaws.com/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8"}
      """;
  private static final String CHANNEL_ORIGIN = "EMP-abcd1234abcd1234";
  private static final String CONFIG_PATH = "/2020-05-31/distribution/" + CloudFrontXml.ID + "/config";
  private static final String DISTRIBUTION_PATH = "/2020-05-31/distribution/" + CloudFrontXml.ID;
  private static final Pattern INNER = Pattern.compile("<DistributionConfig[^>]*>(.*)</DistributionConfig>",
      Pattern.DOTALL);

  private static final String EVERY_MEMBER = Wire.resource("every-member-distribution-config.xml");
  /** Every member path of DistributionConfig in the API model, from the resource copied out of botocore's model. */
  private static final List<String> MODEL_MEMBERS = Wire.resource("distribution-config-members.txt").lines()
      .filter(line -> !line.isBlank() && !line.startsWith("#"))
      .toList();

  // ---------------------------------------------------------------- the fixture and the SDK against the model

  @Test
  void fixture_usesEveryMemberOfTheApiModel() {
    Document fixture = Wire.xml(EVERY_MEMBER);

    assertThat(MODEL_MEMBERS).hasSizeGreaterThan(200).contains("DistributionConfig/CacheTagConfig/HeaderName",
        "DistributionConfig/Origins/Items/Origin/CustomOriginConfig/OriginMtlsConfig/ClientCertificateArn");
    List<String> missing = MODEL_MEMBERS.stream().filter(path -> Wire.node(fixture, "/" + path) == null).toList();
    assertThat(missing).as("model members the fixture does not use").isEmpty();
  }

  @Test
  void sdk_modelsEveryMemberOfTheApiModel() {
    Set<String> sdkMembers = new LinkedHashSet<>();
    members(DistributionConfig.builder().build(), "DistributionConfig", sdkMembers);

    List<String> unmodelled = MODEL_MEMBERS.stream().filter(path -> !sdkMembers.contains(path)).toList();
    assertThat(unmodelled).as("API model members the SDK on the classpath does not model").isEmpty();
  }

  /** Each member path of {@code pojo}'s type, by the XML names the SDK reads and writes. */
  private static void members(SdkPojo pojo, String path, Set<String> out) {
    for (SdkField<?> field : pojo.sdkFields()) {
      String member = path + "/" + field.locationName();
      out.add(member);
      member(field, member, out);
    }
  }

  private static void member(SdkField<?> field, String path, Set<String> out) {
    if (field.marshallingType() == MarshallingType.SDK_POJO) {
      members(field.constructor().get(), path, out);
    } else if (field.marshallingType() == MarshallingType.LIST) {
      ListTrait list = field.getRequiredTrait(ListTrait.class);
      String item = path + "/" + (list.memberLocationName() == null ? "member" : list.memberLocationName());
      out.add(item);
      member(list.memberFieldInfo(), item, out);
    }
  }

  // ---------------------------------------------------------------- an endpoint save writes every member back

  @Test
  void saveEndpoint_whenTheDistributionUsesEveryMember_writesBackAllOfItAndAddsOnlyTheChannelsParts() {
    stubLinkedChannelWithConfig(EVERY_MEMBER);
    stubUpdated();

    EndpointSaveResult result = builtByTheLibrary().saveEndpoint(hlsEndpoint());

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    LoggedRequest update = Wire.only(wm, putRequestedFor(urlEqualTo(CONFIG_PATH)));
    assertThat(update.getHeader("If-Match")).isEqualTo("ETAG1");
    Document read = Wire.xml(EVERY_MEMBER);
    Document sent = Wire.xml(update);
    // what the library adds: its origin, its two behaviours after the user's, the default behaviour moved onto its
    // origin, the placeholder origin removed
    assertThat(Wire.texts(sent, "/DistributionConfig/Origins/Items/Origin/Id"))
        .containsExactly("user-s3", "user-backup", "user-vpc", CHANNEL_ORIGIN);
    assertThat(Wire.texts(sent, "/DistributionConfig/CacheBehaviors/Items/CacheBehavior/PathPattern"))
        .containsExactly("/static/*", "/api/*", "*.m3u8", "*.ts");
    assertThat(Wire.text(sent, "/DistributionConfig/DefaultCacheBehavior/TargetOriginId")).isEqualTo(CHANNEL_ORIGIN);
    removeItems(sent, "/DistributionConfig/Origins", "Id", CHANNEL_ORIGIN);
    removeItems(sent, "/DistributionConfig/CacheBehaviors", "TargetOriginId", CHANNEL_ORIGIN);
    removeItems(read, "/DistributionConfig/Origins", "Id", CloudFrontXml.PLACEHOLDER_ID);
    Wire.node(sent, "/DistributionConfig/DefaultCacheBehavior/TargetOriginId").setTextContent(CloudFrontXml.PLACEHOLDER_ID);

    assertThat(Wire.canonical(sent.getDocumentElement())).isEqualTo(Wire.canonical(read.getDocumentElement()));
  }

  // ---------------------------------------------------------------- one element the SDK does not model

  @Test
  void saveEndpoint_whenAnOriginHasAnElementTheSdkDoesNotModel_sendsNoUpdateAndKeepsTheEndpoint() {
    stubLinkedChannelWithConfig(withFutureSettingInTheBackupOrigin());
    stubUpdated();

    EndpointSaveResult result = builtByTheLibrary().saveEndpoint(hlsEndpoint());

    assertRefusedWithTheEndpointSaved(result);
  }

  @Test
  void saveEndpoint_onTheApplicationsOwnCloudFrontClient_sendsNoUpdateEither_andKeepsTheClientsInterceptors() {
    stubLinkedChannelWithConfig(withFutureSettingInTheBackupOrigin());
    stubUpdated();
    AtomicInteger seenByTheApplication = new AtomicInteger();
    CloudFrontClient own = CloudFrontClient.builder()
        .endpointOverride(URI.create(wm.baseUrl()))
        .credentialsProvider(Wire.CREDENTIALS)
        .region(Region.US_EAST_1)
        .overrideConfiguration(c -> c.retryStrategy(Wire.noRetries()).addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            seenByTheApplication.incrementAndGet();
          }
        }))
        .build();
    ChannelCdn cdn = AwsChannelCdn.builder()
        .mediaPackageClient(Wire.mediaPackage(wm))
        .cloudFrontClient(own)
        .taggingClient(Wire.tagging(wm))
        .deploymentPollInterval(Duration.ZERO)
        .build();

    EndpointSaveResult result = cdn.saveEndpoint(hlsEndpoint());

    assertRefusedWithTheEndpointSaved(result);
    // GetDistribution and GetDistributionConfig: the per-request plugin added the guard beside the client's own
    assertThat(seenByTheApplication).hasValue(2);
  }

  @Test
  void saveEndpoint_savedAgainOnceTheSdkModelsEverything_completesTheJob() {
    stubLinkedChannelWithConfig(withFutureSettingInTheBackupOrigin());
    stubUpdated();
    ChannelCdn cdn = builtByTheLibrary();
    assertThat(cdn.saveEndpoint(hlsEndpoint()).cdn().failed()).isTrue();
    // After the upgrade, the SDK holds everything CloudFront sends: here, the same configuration without the element.
    wm.resetRequests();
    stubLinkedChannelWithConfig(EVERY_MEMBER);
    wm.stubFor(get(urlEqualTo("/origin_endpoints/live-news-hls")).willReturn(aResponse().withBody(ENDPOINT)));
    wm.stubFor(put(urlEqualTo("/origin_endpoints/live-news-hls")).willReturn(aResponse().withBody(ENDPOINT)));

    EndpointSaveResult again = cdn.saveEndpoint(hlsEndpoint());

    assertThat(again.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH)))).hasSize(1);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/2020-05-31/distribution?WithTags")))).isEmpty();
  }

  private static void assertRefusedWithTheEndpointSaved(EndpointSaveResult result) {
    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.FAILED);
    assertThat(result.cdn().distributionId()).map(id -> id.value()).contains(CloudFrontXml.ID);
    assertThat(result.cdn().failure()).get().isInstanceOfSatisfying(UnsupportedSettingsException.class, e -> {
      assertThat(e.settings()).containsExactly("DistributionConfig/Origins/Items/Origin[3]/FutureSetting");
      assertThat(e.resourceId()).isEqualTo(CloudFrontXml.ID);
      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage()).contains("DistributionConfig/Origins/Items/Origin[3]/FutureSetting")
          .contains("no update was sent").contains("newer AWS SDK for Java");
    });
    assertThat(wm.findAll(getRequestedFor(urlEqualTo(CONFIG_PATH)))).hasSize(1);
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH)))).isEmpty();
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/origin_endpoints")))).hasSize(1);
    assertThat(result.endpoint().id().value()).isEqualTo("live-news-hls");
  }

  // ---------------------------------------------------------------- helpers

  private ChannelCdn builtByTheLibrary() {
    return Wire.v1Builder(wm).deploymentPollInterval(Duration.ZERO).build();
  }

  private static EndpointSpec hlsEndpoint() {
    return EndpointSpec.builder().id("live-news-hls").channelId("live-news").packaging(Packaging.HLS).build();
  }

  private static String withFutureSettingInTheBackupOrigin() {
    String marker = "<ConnectionTimeout>10</ConnectionTimeout>\n      </Origin>\n      <Origin>\n        <Id>user-vpc</Id>";
    assertThat(EVERY_MEMBER).contains(marker);
    return EVERY_MEMBER.replace(marker, marker.replaceFirst("</ConnectionTimeout>",
        "</ConnectionTimeout><FutureSetting>on</FutureSetting>"));
  }

  /** A channel whose distribution (ETag {@code ETAG1}) has {@code configXml}, a GetDistributionConfig body. */
  private static void stubLinkedChannelWithConfig(String configXml) {
    Wire.stubNewEndpointOfLinkedChannel(wm, CHANNEL_ARN, ENDPOINT);
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG1")
        .withBody(CloudFrontXml.distribution("Deployed", inner(configXml)))));
    wm.stubFor(get(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG1").withBody(configXml)));
  }

  private static void stubUpdated() {
    wm.stubFor(put(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG2")
        .withBody(CloudFrontXml.distribution("InProgress", inner(EVERY_MEMBER)))));
  }

  static String inner(String configXml) {
    Matcher m = INNER.matcher(configXml);
    if (!m.find()) {
      throw new IllegalArgumentException("no DistributionConfig in " + configXml);
    }
    return m.group(1);
  }

  /** Removes the items of the list at {@code path} whose {@code key} child is {@code value}, and fixes its Quantity. */
  private static void removeItems(Document doc, String path, String key, String value) {
    Node items = Wire.node(doc, path + "/Items");
    List<Node> doomed = new ArrayList<>();
    NodeList children = items.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element item && value.equals(Wire.text(item, key))) {
        doomed.add(item);
      }
    }
    assertThat(doomed).as(path + " items with " + key + " " + value).isNotEmpty();
    doomed.forEach(items::removeChild);
    Node quantity = Wire.node(doc, path + "/Quantity");
    quantity.setTextContent(String.valueOf(Integer.parseInt(quantity.getTextContent()) - doomed.size()));
  }

}
