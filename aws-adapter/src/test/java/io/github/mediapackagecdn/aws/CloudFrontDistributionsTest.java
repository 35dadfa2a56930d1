package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.mediapackagecdn.aws.fixtures.CloudFrontXml.ID;
import static io.github.mediapackagecdn.aws.fixtures.Wire.canonical;
import static io.github.mediapackagecdn.aws.fixtures.Wire.node;
import static io.github.mediapackagecdn.aws.fixtures.Wire.text;
import static io.github.mediapackagecdn.aws.fixtures.Wire.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontXml;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.error.UnknownOutcomeException;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import io.github.mediapackagecdn.testkit.SampleDistributions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

class CloudFrontDistributionsTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final String CREATE_PATH = "/2020-05-31/distribution?WithTags";
  private static final String DISTRIBUTION_PATH = "/2020-05-31/distribution/" + ID;
  private static final String CONFIG_PATH = DISTRIBUTION_PATH + "/config";
  private static final DistributionId DISTRIBUTION = DistributionId.of(ID);
  private static final ChannelArn CHANNEL_ARN =
      ChannelArn.of("arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14");
  private static final String CALLER_REFERENCE = "mediapackage-cdn-4f1c0e3a9b2d7c6e5a4b3c2d1e0f9a8b-0";
  private static final String HOST = "abcd1234abcd1234.mediapackage.us-west-2.amazonaws.com";

  private static software.amazon.awssdk.services.cloudfront.CloudFrontClient client;
  private static CloudFrontDistributions distributions;

  @BeforeAll
  static void clients() {
    client = Wire.cloudFront(wm);
    distributions = new CloudFrontDistributions(client);
  }

  private static DistributionConfig newConfig() {
    return SampleDistributions.newChannelDistribution(ChannelId.of("live-news"), CALLER_REFERENCE);
  }

  private static OriginEndpoint hlsEndpoint() {
    return OriginEndpoint.builder()
        .id(OriginEndpointId.of("live-news-hls"))
        .channelId(ChannelId.of("live-news"))
        .packaging(Packaging.HLS)
        .addUrls(EndpointUrl.of("https://" + HOST + "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8"))
        .build();
  }

  private static void stubCreated() {
    wm.stubFor(post(urlEqualTo(CREATE_PATH)).willReturn(aResponse().withStatus(201)
        .withHeader("ETag", "E2QWRUHAPOMQZL")
        .withHeader("Location", "https://cloudfront.amazonaws.com/2020-05-31/distribution/" + ID)
        .withBody(CloudFrontXml.distribution("InProgress", CloudFrontXml.PLACEHOLDER_CONFIG))));
  }


  // ---------------------------------------------------------------- create

  @Test
  void create_whenCalled_postsDistributionConfigWithTagsWithEveryRequiredMember() {
    stubCreated();

    Distribution created = distributions.create(newConfig(), Map.of(CdnSettings.LINK_TAG_KEY, CHANNEL_ARN.value()));

    LoggedRequest request = Wire.only(wm, postRequestedFor(urlEqualTo(CREATE_PATH)));
    Document body = Wire.xml(request);
    assertThat(body.getDocumentElement().getNodeName()).isEqualTo("DistributionConfigWithTags");
    assertThat(body.getDocumentElement().getAttribute("xmlns")).isEqualTo(Wire.CLOUDFRONT_NS);
    String config = "/DistributionConfigWithTags/DistributionConfig/";
    assertThat(text(body, config + "CallerReference")).isEqualTo(CALLER_REFERENCE);
    assertThat(text(body, config + "Comment")).isEqualTo("MediaPackage live channel live-news");
    assertThat(text(body, config + "Enabled")).isEqualTo("true");
    assertThat(text(body, config + "PriceClass")).isEqualTo("PriceClass_All");
    assertThat(text(body, config + "HttpVersion")).isEqualTo("http2");
    assertThat(text(body, config + "IsIPV6Enabled")).isEqualTo("true");
    assertThat(text(body, config + "Aliases/Quantity")).isEqualTo("0");
    assertThat(text(body, config + "Origins/Quantity")).isEqualTo("1");
    String origin = config + "Origins/Items/Origin/";
    assertThat(text(body, origin + "Id")).isEqualTo("TEMP_ORIGIN_ID/channel");
    assertThat(text(body, origin + "DomainName")).isEqualTo("mediapackage.amazonaws.com");
    assertThat(text(body, origin + "CustomHeaders/Quantity")).isEqualTo("0");
    assertThat(text(body, origin + "CustomOriginConfig/HTTPPort")).isEqualTo("80");
    assertThat(text(body, origin + "CustomOriginConfig/HTTPSPort")).isEqualTo("443");
    assertThat(text(body, origin + "CustomOriginConfig/OriginProtocolPolicy")).isEqualTo("https-only");
    assertThat(text(body, origin + "CustomOriginConfig/OriginSslProtocols/Quantity")).isEqualTo("1");
    assertThat(texts(body, origin + "CustomOriginConfig/OriginSslProtocols/Items/SslProtocol")).containsExactly("TLSv1.2");
    assertThat(text(body, origin + "CustomOriginConfig/OriginReadTimeout")).isEqualTo("30");
    assertThat(text(body, origin + "CustomOriginConfig/OriginKeepaliveTimeout")).isEqualTo("5");
    String behavior = config + "DefaultCacheBehavior/";
    assertThat(text(body, behavior + "TargetOriginId")).isEqualTo("TEMP_ORIGIN_ID/channel");
    assertThat(text(body, behavior + "ViewerProtocolPolicy")).isEqualTo("redirect-to-https");
    assertThat(text(body, behavior + "AllowedMethods/Quantity")).isEqualTo("3");
    assertThat(texts(body, behavior + "AllowedMethods/Items/Method")).containsExactly("GET", "HEAD", "OPTIONS");
    assertThat(text(body, behavior + "AllowedMethods/CachedMethods/Quantity")).isEqualTo("2");
    assertThat(texts(body, behavior + "AllowedMethods/CachedMethods/Items/Method")).containsExactly("GET", "HEAD");
    assertThat(text(body, behavior + "CachePolicyId")).isEqualTo(LiveCdnSettings.ELEMENTAL_MEDIAPACKAGE_CACHE_POLICY_ID);
    assertThat(text(body, behavior + "Compress")).isEqualTo("false");
    assertThat(text(body, behavior + "SmoothStreaming")).isEqualTo("false");
    assertThat(text(body, behavior + "LambdaFunctionAssociations/Quantity")).isEqualTo("0");
    assertThat(text(body, behavior + "FunctionAssociations/Quantity")).isEqualTo("0");
    assertThat(node(body, behavior + "ForwardedValues")).isNull();
    assertThat(node(body, behavior + "MinTTL")).isNull();
    assertThat(text(body, config + "CacheBehaviors/Quantity")).isEqualTo("0");
    assertThat(text(body, config + "CustomErrorResponses/Quantity")).isEqualTo("11");
    assertThat(texts(body, config + "CustomErrorResponses/Items/CustomErrorResponse/ErrorCode"))
        .containsExactly("400", "403", "404", "405", "414", "416", "500", "501", "502", "503", "504");
    assertThat(texts(body, config + "CustomErrorResponses/Items/CustomErrorResponse/ErrorCachingMinTTL"))
        .hasSize(11).containsOnly("1");
    assertThat(text(body, "/DistributionConfigWithTags/Tags/Items/Tag/Key")).isEqualTo(CdnSettings.LINK_TAG_KEY);
    assertThat(text(body, "/DistributionConfigWithTags/Tags/Items/Tag/Value")).isEqualTo(CHANNEL_ARN.value());

    assertThat(created.id()).isEqualTo(DISTRIBUTION);
    assertThat(created.etag()).isEqualTo("E2QWRUHAPOMQZL");
    assertThat(created.status()).isEqualTo(DistributionStatus.IN_PROGRESS);
    assertThat(created.domainName()).isEqualTo(CloudFrontXml.DOMAIN);
    assertThat(created.arn()).isEqualTo(CloudFrontXml.ARN);
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void create_whenTheResponseIsLostAfterSending_throwsUnknownOutcome(Fault fault) {
    wm.stubFor(post(urlEqualTo(CREATE_PATH)).willReturn(aResponse().withFault(fault)));

    assertThatThrownBy(() -> distributions.create(newConfig(), Map.of()))
        .isInstanceOf(UnknownOutcomeException.class)
        .hasCauseInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
  }

  @Test
  void create_whenResponseLostAndSdkRetries_reportsAlreadyExistsInsteadOfSecondDistribution() {
    CloudFrontDistributions retrying = new CloudFrontDistributions(Wire.cloudFront(wm, Wire.fastRetries(3)));
    wm.stubFor(post(urlEqualTo(CREATE_PATH)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("created"));
    wm.stubFor(post(urlEqualTo(CREATE_PATH)).inScenario("lost").whenScenarioStateIs("created")
        .willReturn(aResponse().withStatus(409).withBody(Wire.cloudFrontError("DistributionAlreadyExists",
            "The caller reference you attempted to create the distribution with is associated with another distribution.",
            "req-409"))));

    assertThatThrownBy(() -> retrying.create(newConfig(), Map.of()))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS));
    List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlEqualTo(CREATE_PATH)));
    assertThat(posts).hasSize(2);
    assertThat(text(Wire.xml(posts.get(1)), "//CallerReference"))
        .isEqualTo(text(Wire.xml(posts.get(0)), "//CallerReference"));
  }

  @Test
  void create_whenThrottledTwice_succeedsThroughTheSdkRetryStrategy() {
    CloudFrontDistributions retrying = new CloudFrontDistributions(Wire.cloudFront(wm, Wire.fastRetries(3)));
    String throttled = Wire.cloudFrontError("Throttling", "Rate exceeded", "req-throttled");
    wm.stubFor(post(urlEqualTo(CREATE_PATH)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withBody(throttled)).willSetStateTo("once"));
    wm.stubFor(post(urlEqualTo(CREATE_PATH)).inScenario("throttle").whenScenarioStateIs("once")
        .willReturn(aResponse().withStatus(400).withBody(throttled)).willSetStateTo("twice"));
    wm.stubFor(post(urlEqualTo(CREATE_PATH)).inScenario("throttle").whenScenarioStateIs("twice")
        .willReturn(aResponse().withStatus(201).withHeader("ETag", "E2QWRUHAPOMQZL")
            .withBody(CloudFrontXml.distribution("InProgress", CloudFrontXml.PLACEHOLDER_CONFIG))));

    Distribution created = retrying.create(newConfig(), Map.of());

    assertThat(created.id()).isEqualTo(DISTRIBUTION);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(CREATE_PATH)))).hasSize(3);
  }

  @Test
  void create_whenThrottledBeyondTheRetries_throwsThrottled() {
    CloudFrontDistributions retrying = new CloudFrontDistributions(Wire.cloudFront(wm, Wire.fastRetries(2)));
    wm.stubFor(post(urlEqualTo(CREATE_PATH)).willReturn(aResponse().withStatus(400)
        .withBody(Wire.cloudFrontError("Throttling", "Rate exceeded", "req-throttled"))));

    assertThatThrownBy(() -> retrying.create(newConfig(), Map.of())).isInstanceOf(ThrottledException.class);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(CREATE_PATH)))).hasSize(2);
  }

  @ParameterizedTest(name = "{0} ({1}) -> {2}")
  @CsvSource({
      "DistributionAlreadyExists, 409, ResourceConflictException",
      "TooManyOrigins, 400, QuotaExceededException",
      "TooManyCacheBehaviors, 400, QuotaExceededException",
      "TooManyDistributions, 400, QuotaExceededException",
      "InvalidArgument, 400, InvalidRequestException",
      "InvalidOrigin, 400, InvalidRequestException",
      "InconsistentQuantities, 400, InvalidRequestException",
      "NoSuchResponseHeadersPolicy, 404, InvalidRequestException",
      "NoSuchCachePolicy, 404, InvalidRequestException",
      "NoSuchOriginRequestPolicy, 404, InvalidRequestException",
      "AccessDenied, 403, AccessDeniedException",
      "Throttling, 400, ThrottledException",
      "ServiceUnavailable, 503, ServiceFailureException",
  })
  void create_whenCloudFrontRefuses_throwsTheMappedCoreError(String code, int status, String expected) {
    wm.stubFor(post(urlEqualTo(CREATE_PATH)).willReturn(aResponse().withStatus(status)
        .withBody(Wire.cloudFrontError(code, "refused", "req-" + code))));

    assertThatThrownBy(() -> distributions.create(newConfig(), Map.of()))
        .isInstanceOfSatisfying(ProvisioningException.class, e -> {
          assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
          assertThat(e.errorCode()).contains(code);
          assertThat(e.requestId()).contains("req-" + code);
          assertThat(e.getCause()).isInstanceOf(software.amazon.awssdk.awscore.exception.AwsServiceException.class);
        });
  }

  @Test
  void create_whenAccessDenied_namesTheDeniedAction() {
    wm.stubFor(post(urlEqualTo(CREATE_PATH)).willReturn(aResponse().withStatus(403).withBody(Wire.cloudFrontError(
        "AccessDenied", "User: arn:aws:iam::123456789012:user/cdn is not authorized to perform: cloudfront:TagResource "
            + "on resource: arn:aws:cloudfront::123456789012:distribution/*", "req-403"))));

    assertThatThrownBy(() -> distributions.create(newConfig(), Map.of()))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            e -> assertThat(e.action()).contains("cloudfront:TagResource"));
  }

  // ---------------------------------------------------------------- find

  @Test
  void find_whenDistributionExists_returnsItWithTheEtagOfTheRead() {
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withHeader("ETag", "EYL9XOBT5VVS5")
        .withBody(CloudFrontXml.distribution("Deployed", CloudFrontXml.USER_EDITED_CONFIG))));

    Distribution found = distributions.find(DISTRIBUTION).orElseThrow();

    assertThat(found.etag()).isEqualTo("EYL9XOBT5VVS5");
    assertThat(found.status()).isEqualTo(DistributionStatus.DEPLOYED);
    assertThat(found.lastModified()).isPresent();
    DistributionConfig config = found.config();
    assertThat(config.callerReference()).isEqualTo("mediapackage-cdn-0123-0");
    assertThat(config.aliases()).containsExactly("live.example.com", "tv.example.com");
    assertThat(config.webAclId()).startsWith("arn:aws:wafv2:");
    assertThat(config.priceClass()).isEqualTo("PriceClass_100");
    assertThat(config.httpVersion()).isEqualTo("http2and3");
    assertThat(config.ipv6Enabled()).isFalse();
    assertThat(config.origins()).extracting(io.github.mediapackagecdn.core.model.Origin::id)
        .containsExactly("TEMP_ORIGIN_ID/channel", "user-s3", "user-backup");
    assertThat(config.origin("user-s3").orElseThrow().protocolPolicy()).isEmpty();
    assertThat(config.origin("user-s3").orElseThrow().customHeaders()).containsEntry("X-Team", "video");
    assertThat(config.defaultBehavior().targetOriginId()).isEqualTo("TEMP_ORIGIN_ID/channel");
    assertThat(config.behavior("/static/*").orElseThrow().cachePolicyId()).isEmpty();
    assertThat(config.errorCachingMinTtl()).containsEntry(404, 10L).containsEntry(503, 1L);
    assertThat(Wire.only(wm, getRequestedFor(urlEqualTo(DISTRIBUTION_PATH))).getMethod().getName()).isEqualTo("GET");
  }

  @Test
  void find_whenNoSuchDistribution_returnsEmpty() {
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withStatus(404)
        .withBody(Wire.cloudFrontError("NoSuchDistribution", "The specified distribution does not exist.", "req-404"))));

    assertThat(distributions.find(DISTRIBUTION)).isEmpty();
  }

  @Test
  void find_whenConnectionReset_throwsRetryableServiceFailure() {
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> distributions.find(DISTRIBUTION))
        .isInstanceOfSatisfying(ServiceFailureException.class, e -> assertThat(e.retryable()).isTrue());
  }

  // ---------------------------------------------------------------- update

  private static void stubConfig(String etag, String config) {
    wm.stubFor(get(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withHeader("ETag", etag)
        .withBody(CloudFrontXml.distributionConfig(config))));
  }

  private static void stubUpdated(String newEtag) {
    // The response body is not what was sent: only the request is checked here.
    wm.stubFor(put(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withHeader("ETag", newEtag)
        .withBody(CloudFrontXml.distribution("InProgress", CloudFrontXml.PLACEHOLDER_CONFIG))));
  }

  /** The change set core computes for an HLS endpoint against the distribution {@code config}, read over the wire. */
  private static ChangeSet changesFor(String config) {
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG1")
        .withBody(CloudFrontXml.distribution("Deployed", config))));
    Distribution read = distributions.find(DISTRIBUTION).orElseThrow();
    return SampleDistributions.endpointChanges(read.config(), hlsEndpoint());
  }

  @Test
  void update_whenEtagIsCurrent_putsTheChangedConfigWithIfMatch() {
    ChangeSet changes = changesFor(CloudFrontXml.PLACEHOLDER_CONFIG);
    stubConfig("ETAG1", CloudFrontXml.PLACEHOLDER_CONFIG);
    stubUpdated("ETAG2");

    Distribution updated = distributions.update(DISTRIBUTION, "ETAG1", changes);

    assertThat(updated.etag()).isEqualTo("ETAG2");
    LoggedRequest request = Wire.only(wm, putRequestedFor(urlEqualTo(CONFIG_PATH)));
    assertThat(request.getHeader("If-Match")).isEqualTo("ETAG1");
    Document body = Wire.xml(request);
    assertThat(body.getDocumentElement().getNodeName()).isEqualTo("DistributionConfig");
    assertThat(body.getDocumentElement().getAttribute("xmlns")).isEqualTo(Wire.CLOUDFRONT_NS);
    assertThat(text(body, "/DistributionConfig/Origins/Quantity")).isEqualTo("1");
    assertThat(text(body, "/DistributionConfig/Origins/Items/Origin/Id")).isEqualTo("EMP-abcd1234abcd1234");
    assertThat(text(body, "/DistributionConfig/Origins/Items/Origin/DomainName")).isEqualTo(HOST);
    assertThat(text(body, "/DistributionConfig/Origins/Items/Origin/CustomOriginConfig/OriginProtocolPolicy"))
        .isEqualTo("https-only");
    assertThat(text(body, "/DistributionConfig/DefaultCacheBehavior/TargetOriginId")).isEqualTo("EMP-abcd1234abcd1234");
    assertThat(text(body, "/DistributionConfig/CacheBehaviors/Quantity")).isEqualTo("2");
    assertThat(texts(body, "/DistributionConfig/CacheBehaviors/Items/CacheBehavior/PathPattern"))
        .containsExactly("*.m3u8", "*.ts");
    String added = "/DistributionConfig/CacheBehaviors/Items/CacheBehavior[1]/";
    assertThat(text(body, added + "TargetOriginId")).isEqualTo("EMP-abcd1234abcd1234");
    assertThat(text(body, added + "ViewerProtocolPolicy")).isEqualTo("redirect-to-https");
    assertThat(text(body, added + "CachePolicyId")).isEqualTo(CloudFrontXml.POLICY);
    assertThat(text(body, added + "AllowedMethods/Quantity")).isEqualTo("3");
    assertThat(text(body, added + "AllowedMethods/CachedMethods/Quantity")).isEqualTo("2");
    assertThat(text(body, added + "SmoothStreaming")).isEqualTo("false");
    assertThat(text(body, added + "Compress")).isEqualTo("false");
    assertThat(text(body, added + "LambdaFunctionAssociations/Quantity")).isEqualTo("0");
    assertThat(text(body, added + "FunctionAssociations/Quantity")).isEqualTo("0");
    assertThat(text(body, added + "FieldLevelEncryptionId")).isEmpty();
  }

  @Test
  void update_whenAnAddedOriginHasAnOriginAccessControl_sendsItsId_andReadsItBack() {
    stubConfig("ETAG1", CloudFrontXml.PLACEHOLDER_CONFIG);
    stubUpdated("ETAG2");
    ChangeSet changes = ChangeSet.of(List.of(new DistributionChange.AddOrigin(Origin.builder().id("EMP2-live")
        .domainName("abc123.egress.def456.mediapackagev2.us-west-2.amazonaws.com")
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).originAccessControlId("E2OACEXAMPLE12").build())));

    distributions.update(DISTRIBUTION, "ETAG1", changes);

    Document body = Wire.xml(Wire.only(wm, putRequestedFor(urlEqualTo(CONFIG_PATH))));
    assertThat(text(body, "/DistributionConfig/Origins/Items/Origin[Id='EMP2-live']/OriginAccessControlId"))
        .isEqualTo("E2OACEXAMPLE12");
    assertThat(node(body, "/DistributionConfig/Origins/Items/Origin[1]/OriginAccessControlId")).isNull();
    String withOac = CloudFrontXml.PLACEHOLDER_CONFIG.replaceFirst("</DomainName>",
        "</DomainName><OriginAccessControlId>E2OACEXAMPLE12</OriginAccessControlId>");
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG3")
        .withBody(CloudFrontXml.distribution("Deployed", withOac))));
    assertThat(distributions.find(DISTRIBUTION).orElseThrow().config().origins().get(0).originAccessControlId())
        .contains("E2OACEXAMPLE12");
  }

  @Test
  void update_addingAnOriginGroup_andMovingABehaviourToIt_keepsTheUsersGroup_andSendsEveryListWithItsQuantity() {
    stubConfig("ETAG1", CloudFrontXml.USER_EDITED_CONFIG);
    stubUpdated("ETAG2");
    OriginGroup added = OriginGroup.builder().id("EMP2-live-mqar").primaryOriginId("user-s3")
        .secondaryOriginId("user-backup").addFailoverStatusCodes(404, 503)
        .selectionCriteria(OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED).build();
    ChangeSet changes = ChangeSet.of(List.of(new DistributionChange.AddOriginGroup(added),
        new DistributionChange.RetargetCacheBehavior("/static/*", "user-group", "EMP2-live-mqar")));

    distributions.update(DISTRIBUTION, "ETAG1", changes);

    Document read = Wire.xml(CloudFrontXml.distributionConfig(CloudFrontXml.USER_EDITED_CONFIG));
    Document sent = Wire.xml(Wire.only(wm, putRequestedFor(urlEqualTo(CONFIG_PATH))));
    String groups = "/DistributionConfig/OriginGroups/";
    assertThat(text(sent, groups + "Quantity")).isEqualTo("2");
    assertThat(canonical(node(sent, groups + "Items/OriginGroup[Id='user-group']")))
        .isEqualTo(canonical(node(read, groups + "Items/OriginGroup[Id='user-group']")));
    String group = groups + "Items/OriginGroup[Id='EMP2-live-mqar']/";
    assertThat(text(sent, group + "Members/Quantity")).isEqualTo("2");
    assertThat(texts(sent, group + "Members/Items/OriginGroupMember/OriginId"))
        .containsExactly("user-s3", "user-backup");
    assertThat(text(sent, group + "FailoverCriteria/StatusCodes/Quantity")).isEqualTo("2");
    assertThat(texts(sent, group + "FailoverCriteria/StatusCodes/Items/StatusCode")).containsExactly("404", "503");
    assertThat(text(sent, group + "SelectionCriteria")).isEqualTo("media-quality-based");
    String behavior = "/DistributionConfig/CacheBehaviors/Items/CacheBehavior[PathPattern='/static/*']/";
    assertThat(text(sent, behavior + "TargetOriginId")).isEqualTo("EMP2-live-mqar");
    assertThat(canonical(node(sent, behavior + "CachePolicyId")))
        .isEqualTo(canonical(node(read, behavior + "CachePolicyId")));
  }

  @Test
  void update_movingTheDefaultBehaviourToAnotherCachePolicy_keepsEveryOtherMember_andABehaviourWithoutAPolicy() {
    stubConfig("ETAG1", CloudFrontXml.USER_EDITED_CONFIG);
    stubUpdated("ETAG2");
    String managed = "08627262-05a9-4f76-9ded-b50ca2e3a84f";
    ChangeSet changes = ChangeSet.of(List.of(
        new DistributionChange.UseDefaultCachePolicy("TEMP_ORIGIN_ID/channel", java.util.Set.of(managed), "new-id",
            true),
        new DistributionChange.UseCachePolicy("/static/*", "user-group", java.util.Set.of(managed), "new-id", true)));

    distributions.update(DISTRIBUTION, "ETAG1", changes);

    Document read = Wire.xml(CloudFrontXml.distributionConfig(CloudFrontXml.USER_EDITED_CONFIG));
    Document sent = Wire.xml(Wire.only(wm, putRequestedFor(urlEqualTo(CONFIG_PATH))));
    String defaults = "/DistributionConfig/DefaultCacheBehavior/";
    assertThat(text(sent, defaults + "CachePolicyId")).isEqualTo("new-id");
    assertThat(text(sent, defaults + "Compress")).isEqualTo("true");
    for (String kept : List.of("FunctionAssociations", "ResponseHeadersPolicyId", "AllowedMethods",
        "ViewerProtocolPolicy", "TargetOriginId")) {
      assertThat(canonical(node(sent, defaults + kept))).as(kept).isEqualTo(canonical(node(read, defaults + kept)));
    }
    String users = "/DistributionConfig/CacheBehaviors/Items/CacheBehavior[PathPattern='/static/*']";
    assertThat(canonical(node(sent, users))).as("legacy settings, no cache policy: not the library's")
        .isEqualTo(canonical(node(read, users)));
  }

  @Test
  void find_readsTheOriginGroups_asTheCoreModelsThem() {
    stubConfig("ETAG1", CloudFrontXml.USER_EDITED_CONFIG);
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG1")
        .withBody(CloudFrontXml.distribution("Deployed", CloudFrontXml.USER_EDITED_CONFIG))));

    assertThat(distributions.find(DISTRIBUTION).orElseThrow().config().originGroups()).containsExactly(
        OriginGroup.builder().id("user-group").primaryOriginId("user-s3").secondaryOriginId("user-backup")
            .addFailoverStatusCodes(500, 502).build());
  }

  @Test
  void update_whenDistributionWasEditedByAUser_writesBackEveryFieldTheCoreDoesNotModel() {
    ChangeSet changes = changesFor(CloudFrontXml.USER_EDITED_CONFIG);
    stubConfig("ETAG1", CloudFrontXml.USER_EDITED_CONFIG);
    stubUpdated("ETAG2");

    distributions.update(DISTRIBUTION, "ETAG1", changes);

    Document read = Wire.xml(CloudFrontXml.distributionConfig(CloudFrontXml.USER_EDITED_CONFIG));
    Document sent = Wire.xml(Wire.only(wm, putRequestedFor(urlEqualTo(CONFIG_PATH))));
    for (String kept : List.of("CallerReference", "Aliases", "DefaultRootObject", "OriginGroups",
        "CustomErrorResponses", "Comment", "Logging", "PriceClass", "Enabled", "ViewerCertificate", "Restrictions",
        "WebACLId", "HttpVersion", "IsIPV6Enabled", "ContinuousDeploymentPolicyId", "Staging",
        "DefaultCacheBehavior/FunctionAssociations", "DefaultCacheBehavior/ResponseHeadersPolicyId",
        "DefaultCacheBehavior/AllowedMethods", "DefaultCacheBehavior/CachePolicyId",
        "Origins/Items/Origin[Id='user-s3']", "Origins/Items/Origin[Id='user-backup']",
        "CacheBehaviors/Items/CacheBehavior[PathPattern='/static/*']")) {
      String path = "/DistributionConfig/" + kept;
      assertThat(node(read, path)).as(path).isNotNull();
      assertThat(canonical(node(sent, path))).as(path).isEqualTo(canonical(node(read, path)));
    }
    assertThat(texts(sent, "/DistributionConfig/Origins/Items/Origin/Id"))
        .containsExactly("user-s3", "user-backup", "EMP-abcd1234abcd1234");
    assertThat(text(sent, "/DistributionConfig/Origins/Quantity")).isEqualTo("3");
    assertThat(texts(sent, "/DistributionConfig/CacheBehaviors/Items/CacheBehavior/PathPattern"))
        .containsExactly("/static/*", "*.m3u8", "*.ts");
    assertThat(text(sent, "/DistributionConfig/CacheBehaviors/Quantity")).isEqualTo("3");
    assertThat(text(sent, "/DistributionConfig/DefaultCacheBehavior/TargetOriginId")).isEqualTo("EMP-abcd1234abcd1234");
  }

  @Test
  void update_whenEtagChangedSinceTheRead_throwsStaleVersionWithoutWriting() {
    ChangeSet changes = changesFor(CloudFrontXml.PLACEHOLDER_CONFIG);
    stubConfig("ETAG2", CloudFrontXml.PLACEHOLDER_CONFIG);

    assertThatThrownBy(() -> distributions.update(DISTRIBUTION, "ETAG1", changes))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION));
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH)))).isEmpty();
  }

  @Test
  void update_whenPreconditionFailed_throwsStaleVersion() {
    ChangeSet changes = changesFor(CloudFrontXml.PLACEHOLDER_CONFIG);
    stubConfig("ETAG1", CloudFrontXml.PLACEHOLDER_CONFIG);
    wm.stubFor(put(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withStatus(412).withBody(Wire.cloudFrontError(
        "PreconditionFailed", "The request failed because it didn't meet the preconditions in one or more "
            + "request-header fields.", "req-412"))));

    assertThatThrownBy(() -> distributions.update(DISTRIBUTION, "ETAG1", changes))
        .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
          assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION);
          assertThat(e.retryable()).isTrue();
          assertThat(e.errorCode()).contains("PreconditionFailed");
          assertThat(e.requestId()).contains("req-412");
        });
  }

  @Test
  void update_whenDistributionIsGone_throwsNotFound() {
    wm.stubFor(get(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withStatus(404)
        .withBody(Wire.cloudFrontError("NoSuchDistribution", "The specified distribution does not exist.", "req-404"))));

    assertThatThrownBy(() -> distributions.update(DISTRIBUTION, "ETAG1", ChangeSet.empty()))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.resourceId()).contains(ID));
  }

  /**
   * A write CloudFront refuses: an illegal update (400), or a behaviour naming a response headers policy that does
   * not exist (404 {@code NoSuchResponseHeadersPolicy}, API model): a refused request, never the port's "distribution
   * does not exist".
   */
  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource({"IllegalUpdate, 400", "NoSuchResponseHeadersPolicy, 404"})
  void update_whenCloudFrontRefusesTheWrite_throwsInvalidRequest_notNotFound(String code, int status) {
    ChangeSet changes = changesFor(CloudFrontXml.PLACEHOLDER_CONFIG);
    stubConfig("ETAG1", CloudFrontXml.PLACEHOLDER_CONFIG);
    wm.stubFor(put(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withStatus(status)
        .withBody(Wire.cloudFrontError(code, "refused", "req-" + status))));

    assertThatThrownBy(() -> distributions.update(DISTRIBUTION, "ETAG1", changes))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.errorCode()).contains(code);
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test
  void update_whenConnectionLost_throwsUnknownOutcome() {
    ChangeSet changes = changesFor(CloudFrontXml.PLACEHOLDER_CONFIG);
    stubConfig("ETAG1", CloudFrontXml.PLACEHOLDER_CONFIG);
    wm.stubFor(put(urlEqualTo(CONFIG_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> distributions.update(DISTRIBUTION, "ETAG1", changes))
        .isInstanceOf(UnknownOutcomeException.class);
  }

  @Test
  void update_whenEveryChangeIsAlreadyThere_writesNothing() {
    ChangeSet changes = changesFor(CloudFrontXml.PLACEHOLDER_CONFIG);
    // Someone else applied the same changes: the config read now has them, with its own new ETag.
    stubConfig("ETAG1", CloudFrontXml.PLACEHOLDER_CONFIG);
    stubUpdated("ETAG2");
    distributions.update(DISTRIBUTION, "ETAG1", changes);
    String applied = Wire.canonical(node(Wire.xml(Wire.only(wm, putRequestedFor(urlEqualTo(CONFIG_PATH)))),
        "/DistributionConfig"));
    String appliedInner = applied.substring("<DistributionConfig>".length(), applied.length() - "</DistributionConfig>".length());
    wm.resetRequests();
    stubConfig("ETAG3", appliedInner);
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG3")
        .withBody(CloudFrontXml.distribution("Deployed", appliedInner))));

    Distribution result = distributions.update(DISTRIBUTION, "ETAG3", changes);

    assertThat(result.etag()).isEqualTo("ETAG3");
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(CONFIG_PATH)))).isEmpty();
  }

  // ---------------------------------------------------------------- list

  @Test
  void list_whenSeveralPages_followsNextMarker() {
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution?MaxItems=100")).willReturn(aResponse()
        .withBody(CloudFrontXml.distributionList("", "M2", "EAAAAAAAAAAAA1", "EAAAAAAAAAAAA2"))));
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution?Marker=M2&MaxItems=100")).willReturn(aResponse()
        .withBody(CloudFrontXml.distributionList("M2", null, "EAAAAAAAAAAAA3"))));

    assertThat(distributions.list())
        .extracting(s -> s.id().value())
        .containsExactly("EAAAAAAAAAAAA1", "EAAAAAAAAAAAA2", "EAAAAAAAAAAAA3");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/2020-05-31/distribution")))).hasSize(2);
  }

  @Test
  void findByCallerReference_readsConfigsHintedCommentFirst_untilTheReferenceMatches() {
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution?MaxItems=100")).willReturn(aResponse()
        .withBody(CloudFrontXml.distributionList("", null, "EAAAAAAAAAAAA1", "EAAAAAAAAAAAA2", "EAAAAAAAAAAAA3"))));
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution/EAAAAAAAAAAAA1/config")).willReturn(aResponse()
        .withHeader("ETag", "E1").withBody(CloudFrontXml.distributionConfig(CloudFrontXml.PLACEHOLDER_CONFIG
            .replace("mediapackage-cdn-0123-0", "someone-else")))));
    wm.stubFor(get(urlEqualTo("/2020-05-31/distribution/EAAAAAAAAAAAA3/config")).willReturn(aResponse()
        .withHeader("ETag", "E3").withBody(CloudFrontXml.distributionConfig(CloudFrontXml.PLACEHOLDER_CONFIG))));

    assertThat(distributions.findByCallerReference("mediapackage-cdn-0123-0", "distribution EAAAAAAAAAAAA3"))
        .contains(DistributionId.of("EAAAAAAAAAAAA3"));
    // the distribution with the hinted comment was read first, so no other config was needed
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/2020-05-31/distribution/EAAAAAAAAAAAA3/config"))))
        .hasSize(1);
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/2020-05-31/distribution/EAAAAAAAAAAAA1/config"))))
        .isEmpty();

    assertThat(distributions.findByCallerReference("nobody-has-it", "no such comment")).isEmpty();
  }

  // ---------------------------------------------------------------- awaitDeployed

  @Test
  void awaitDeployed_whenInProgressThenDeployed_pollsUntilDeployed() {
    CloudFrontDistributions polling = new CloudFrontDistributions(client, Duration.ZERO, 10);
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).inScenario("deploy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withHeader("ETag", "ETAG1")
            .withBody(CloudFrontXml.distribution("InProgress", CloudFrontXml.PLACEHOLDER_CONFIG)))
        .willSetStateTo("deployed"));
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).inScenario("deploy").whenScenarioStateIs("deployed")
        .willReturn(aResponse().withHeader("ETag", "ETAG1")
            .withBody(CloudFrontXml.distribution("Deployed", CloudFrontXml.PLACEHOLDER_CONFIG))));

    Distribution deployed = polling.awaitDeployed(DISTRIBUTION, Duration.ofMinutes(30));

    assertThat(deployed.status()).isEqualTo(DistributionStatus.DEPLOYED);
    assertThat(wm.findAll(getRequestedFor(urlEqualTo(DISTRIBUTION_PATH)))).hasSize(2);
  }

  @Test
  void awaitDeployed_whenNeverDeployed_throwsDeploymentTimeout() {
    CloudFrontDistributions polling = new CloudFrontDistributions(client, Duration.ZERO, 3);
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG1")
        .withBody(CloudFrontXml.distribution("InProgress", CloudFrontXml.PLACEHOLDER_CONFIG))));

    assertThatThrownBy(() -> polling.awaitDeployed(DISTRIBUTION, Duration.ofMinutes(30)))
        .isInstanceOfSatisfying(DeploymentTimeoutException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(wm.findAll(getRequestedFor(urlEqualTo(DISTRIBUTION_PATH)))).hasSize(3);
  }

  @Test
  void awaitDeployed_whenDistributionDoesNotExist_throwsNotFound() {
    CloudFrontDistributions polling = new CloudFrontDistributions(client, Duration.ZERO, 3);
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withStatus(404)
        .withBody(Wire.cloudFrontError("NoSuchDistribution", "The specified distribution does not exist.", "req-404"))));

    assertThatThrownBy(() -> polling.awaitDeployed(DISTRIBUTION, Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.errorCode()).contains("NoSuchDistribution");
          assertThat(e.requestId()).contains("req-404");
        });
  }

  @Test
  void awaitDeployed_whenTimeoutIsZero_readsOnceAndReturnsADeployedDistribution() {
    CloudFrontDistributions polling = new CloudFrontDistributions(client, Duration.ofMinutes(1), 5);
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG1")
        .withBody(CloudFrontXml.distribution("Deployed", CloudFrontXml.PLACEHOLDER_CONFIG))));

    assertThat(polling.awaitDeployed(DISTRIBUTION, Duration.ZERO).status()).isEqualTo(DistributionStatus.DEPLOYED);
    assertThat(wm.findAll(getRequestedFor(urlEqualTo(DISTRIBUTION_PATH)))).hasSize(1);
  }

  @Test
  void awaitDeployed_whenNotDeployedAndNextPollIsBeyondTimeout_throwsDeploymentTimeoutAfterOneRead() {
    CloudFrontDistributions polling = new CloudFrontDistributions(client, Duration.ofMinutes(1), 5);
    wm.stubFor(get(urlEqualTo(DISTRIBUTION_PATH)).willReturn(aResponse().withHeader("ETag", "ETAG1")
        .withBody(CloudFrontXml.distribution("InProgress", CloudFrontXml.PLACEHOLDER_CONFIG))));

    assertThatThrownBy(() -> polling.awaitDeployed(DISTRIBUTION, Duration.ofSeconds(1)))
        .isInstanceOf(DeploymentTimeoutException.class);
    assertThat(wm.findAll(getRequestedFor(urlEqualTo(DISTRIBUTION_PATH)))).hasSize(1);
  }
}
