package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontXml;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.UnsupportedSettingsException;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.testkit.SampleDistributions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/**
 * The write-back guard of {@link CloudFrontDistributions#update} at every depth of the configuration: an element,
 * list item or value the SDK does not hold stops the update before UpdateDistribution, and is named by its path.
 */
class UnmodelledSettingsWireTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final String DISTRIBUTION_PATH = "/2020-05-31/distribution/" + CloudFrontXml.ID;
  private static final String CONFIG_PATH = DISTRIBUTION_PATH + "/config";
  private static final DistributionId DISTRIBUTION = DistributionId.of(CloudFrontXml.ID);
  private static final String EVERY_MEMBER = Wire.resource("every-member-distribution-config.xml");

  private static CloudFrontDistributions distributions;

  @BeforeAll
  static void clients() {
    distributions = new CloudFrontDistributions(Wire.cloudFront(wm));
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', textBlock = """
      <CacheTagConfig>                                 | <FutureTopLevel><Mode>on</Mode></FutureTopLevel><CacheTagConfig> | DistributionConfig/FutureTopLevel
      <ConnectionTimeout>4</ConnectionTimeout>          | <ConnectionTimeout>4</ConnectionTimeout><FutureSetting>on</FutureSetting> | DistributionConfig/Origins/Items/Origin[4]/FutureSetting
      <ClientCertificateArn>                           | <FutureMode>strict</FutureMode><ClientCertificateArn> | DistributionConfig/Origins/Items/Origin[3]/CustomOriginConfig/OriginMtlsConfig/FutureMode
      <CNAME>tv.example.com</CNAME>                    | <CNAME>tv.example.com</CNAME><Wildcard>*.example.com</Wildcard> | DistributionConfig/Aliases/Items/Wildcard
      <GrpcConfig><Enabled>true</Enabled>              | <GrpcConfig><Enabled>true</Enabled><FutureLimit>5</FutureLimit> | DistributionConfig/CacheBehaviors/Items/CacheBehavior[2]/GrpcConfig/FutureLimit
      <Definition>                                     | <Definition><NumberSchema><Min>1</Min></NumberSchema>     | DistributionConfig/TenantConfig/ParameterDefinitions/member[1]/Definition/NumberSchema
      <Compress>true</Compress>                        | <Compress>1</Compress>                                     | DistributionConfig/DefaultCacheBehavior/Compress
      <Origin>                                         | <Origin future="1">                                        | DistributionConfig/Origins/Items/Origin[1]/@future
      """)
  void update_whenCloudFrontSentWhatTheSdkDoesNotHold_sendsNoUpdateAndNamesIt(String anchor, String replacement,
      String path) {
    stubConfig(EVERY_MEMBER.replaceFirst(java.util.regex.Pattern.quote(anchor),
        java.util.regex.Matcher.quoteReplacement(replacement)));
    ChangeSet changes = hlsChanges();

    assertThatThrownBy(() -> distributions.update(DISTRIBUTION, "ETAG1", changes))
        .isInstanceOfSatisfying(UnsupportedSettingsException.class, e -> {
          assertThat(e.settings()).containsExactly(path);
          assertThat(e.resourceId()).isEqualTo(CloudFrontXml.ID);
        });
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH)))).isEmpty();
  }

  @Test
  void update_whenSeveralSettingsAreUnknown_namesEachInDocumentOrder() {
    stubConfig(EVERY_MEMBER
        .replace("<CacheTagConfig>", "<FutureTopLevel>on</FutureTopLevel><CacheTagConfig>")
        .replace("<DefaultRootObject>", "<FutureAliasMode>strict</FutureAliasMode><DefaultRootObject>"));
    ChangeSet changes = hlsChanges();

    assertThatThrownBy(() -> distributions.update(DISTRIBUTION, "ETAG1", changes))
        .isInstanceOfSatisfying(UnsupportedSettingsException.class, e -> assertThat(e.settings())
            .containsExactly("DistributionConfig/FutureAliasMode", "DistributionConfig/FutureTopLevel"));
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH)))).isEmpty();
  }

  /** The SDK keeps an enum value its model does not list as text and writes it back: nothing is dropped. */
  @Test
  void update_whenAnEnumValueIsNewerThanTheSdk_writesItBackAsRead() {
    stubConfig(EVERY_MEMBER
        .replace("<PriceClass>PriceClass_100</PriceClass>", "<PriceClass>PriceClass_Future</PriceClass>")
        .replace("<Method>OPTIONS</Method><Method>DELETE</Method>",
            "<Method>OPTIONS</Method><Method>DELETE</Method><Method>QUERY</Method>")
        .replace("<Quantity>7</Quantity>", "<Quantity>8</Quantity>"));
    wm.stubFor(put(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG2")
        .withBody(CloudFrontXml.distribution("InProgress", EveryMemberWireTest.inner(EVERY_MEMBER)))));
    ChangeSet changes = hlsChanges();

    distributions.update(DISTRIBUTION, "ETAG1", changes);

    Document sent = Wire.xml(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH))).get(0));
    assertThat(Wire.text(sent, "/DistributionConfig/PriceClass")).isEqualTo("PriceClass_Future");
    assertThat(Wire.texts(sent, "/DistributionConfig/CacheBehaviors/Items/CacheBehavior[PathPattern='/api/*']"
        + "/AllowedMethods/Items/Method")).containsExactly("GET", "HEAD", "POST", "PUT", "PATCH", "OPTIONS", "DELETE",
            "QUERY");
  }

  /** Disabling (before a teardown deletes it) writes the whole configuration back too: the same guard applies. */
  @Test
  void disable_whenCloudFrontSentWhatTheSdkDoesNotHold_sendsNoUpdate() {
    stubConfig(EVERY_MEMBER.replace("<CacheTagConfig>", "<FutureTopLevel>on</FutureTopLevel><CacheTagConfig>"));

    assertThatThrownBy(() -> distributions.disable(DISTRIBUTION, "ETAG1"))
        .isInstanceOfSatisfying(UnsupportedSettingsException.class,
            e -> assertThat(e.settings()).containsExactly("DistributionConfig/FutureTopLevel"));
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH)))).isEmpty();
  }

  @Test
  void disable_whenTheSdkHoldsEverything_writesItBackDisabled() {
    stubConfig(EVERY_MEMBER);
    wm.stubFor(put(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG2")
        .withBody(CloudFrontXml.distribution("InProgress", EveryMemberWireTest.inner(EVERY_MEMBER)))));

    distributions.disable(DISTRIBUTION, "ETAG1");

    Document sent = Wire.xml(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH))).get(0));
    Document read = Wire.xml(EVERY_MEMBER);
    Wire.node(read, "/DistributionConfig/Enabled").setTextContent("false");
    assertThat(Wire.canonical(sent.getDocumentElement())).isEqualTo(Wire.canonical(read.getDocumentElement()));
  }

  /** After a retry, the body checked is the one the SDK parsed: the last attempt's. */
  @Test
  void update_whenTheFirstReadIsThrottled_checksTheBodyOfTheReadThatSucceeded() {
    CloudFrontDistributions retrying = new CloudFrontDistributions(Wire.cloudFront(wm, Wire.fastRetries(2)));
    wm.stubFor(get(urlEqualTo(CONFIG_PATH)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withBody(Wire.cloudFrontError("Throttling", "Rate exceeded", "r1")))
        .willSetStateTo("once"));
    wm.stubFor(get(urlEqualTo(CONFIG_PATH)).inScenario("throttle").whenScenarioStateIs("once")
        .willReturn(aResponse().withHeader("ETag", "ETAG1")
            .withBody(EVERY_MEMBER.replace("<CacheTagConfig>", "<FutureTopLevel>on</FutureTopLevel><CacheTagConfig>"))));
    ChangeSet changes = hlsChanges();

    assertThatThrownBy(() -> retrying.update(DISTRIBUTION, "ETAG1", changes))
        .isInstanceOfSatisfying(UnsupportedSettingsException.class,
            e -> assertThat(e.settings()).containsExactly("DistributionConfig/FutureTopLevel"));
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH)))).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private static void stubConfig(String configXml) {
    wm.stubFor(get(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG1").withBody(configXml)));
  }

  /** What the core asks of the every-member distribution for one HLS endpoint, read over the wire. */
  private static ChangeSet hlsChanges() {
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG1")
        .withBody(CloudFrontXml.distribution("Deployed", EveryMemberWireTest.inner(EVERY_MEMBER)))));
    Distribution read = distributions.find(DISTRIBUTION).orElseThrow();
    OriginEndpoint endpoint = OriginEndpoint.builder()
        .id(OriginEndpointId.of("live-news-hls"))
        .channelId(ChannelId.of("live-news"))
        .packaging(Packaging.HLS)
        .addUrls(EndpointUrl.of("https://abcd1234abcd1234.mediapackage.us-west-2.amazonaws.com"
            + "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8"))
        .build();
    ChangeSet changes = SampleDistributions.endpointChanges(read.config(), endpoint);
    assertThat(changes.isEmpty()).isFalse();
    return changes;
  }
}
