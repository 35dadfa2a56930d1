package io.github.mediapackagecdn.aws;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;

/** SDK clients pointed at WireMock, and small helpers to read what they sent. */
final class Wire {

  static final String CLOUDFRONT_NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET"));

  private Wire() {}

  /**
   * Every request any wire test sent: {@code METHOD url target}, where target is the {@code X-Amz-Target} header (or
   * empty). {@code IamPolicyWireTest} maps them to IAM actions.
   */
  static final Set<String> SENT = ConcurrentHashMap.newKeySet();

  static WireMockExtension extension() {
    return WireMockExtension.newInstance()
        .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort()
            .extensions(new SentRequests()))
        .build();
  }

  /** A WireMock server whose stubs may answer with {@code answers}, recording what it serves into {@link #SENT}. */
  static WireMockExtension extension(Answers answers) {
    return WireMockExtension.newInstance()
        .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort()
            .extensions(answers, new SentRequests()))
        .build();
  }

  /** Records each request WireMock serves into {@link #SENT}. */
  private static final class SentRequests implements ServeEventListener {
    @Override
    public String getName() {
      return "sent-requests";
    }

    @Override
    public void beforeMatch(ServeEvent event, Parameters parameters) {
      LoggedRequest request = event.getRequest();
      String target = request.containsHeader("X-Amz-Target") ? request.getHeader("X-Amz-Target") : "";
      SENT.add(request.getMethod().getName() + " " + request.getUrl() + " " + target);
    }
  }

  /** No retries: one request per call. */
  static RetryStrategy noRetries() {
    return AwsRetryStrategy.doNotRetry();
  }

  /** The SDK's standard strategy without any pause between attempts. */
  static RetryStrategy fastRetries(int maxAttempts) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(BackoffStrategy.retryImmediately())
        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
        .circuitBreakerEnabled(false)
        .build();
  }

  static CloudFrontClient cloudFront(WireMockExtension wm) {
    return cloudFront(wm, noRetries());
  }

  static CloudFrontClient cloudFront(WireMockExtension wm, RetryStrategy retries) {
    return CloudFrontClient.builder()
        .endpointOverride(URI.create(wm.baseUrl()))
        .credentialsProvider(CREDENTIALS)
        .region(Region.US_EAST_1)
        .overrideConfiguration(c -> c.retryStrategy(retries).apiCallTimeout(Duration.ofSeconds(10)))
        .build();
  }

  static MediaPackageClient mediaPackage(WireMockExtension wm) {
    return MediaPackageClient.builder()
        .endpointOverride(URI.create(wm.baseUrl()))
        .credentialsProvider(CREDENTIALS)
        .region(Region.US_WEST_2)
        .overrideConfiguration(c -> c.retryStrategy(noRetries()))
        .build();
  }

  static ResourceGroupsTaggingApiClient tagging(WireMockExtension wm) {
    return ResourceGroupsTaggingApiClient.builder()
        .endpointOverride(URI.create(wm.baseUrl()))
        .credentialsProvider(CREDENTIALS)
        .region(Region.US_EAST_1)
        .overrideConfiguration(c -> c.retryStrategy(noRetries()))
        .build();
  }

  // ---------------------------------------------------------------- XML

  static Document xml(String text) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not XML: " + text, e);
    }
  }

  static Document xml(LoggedRequest request) {
    return xml(request.getBodyAsString());
  }

  /** The text of the first node at {@code path}, or null. */
  static String text(Node doc, String path) {
    Node node = node(doc, path);
    return node == null ? null : node.getTextContent();
  }

  static Node node(Node doc, String path) {
    try {
      return (Node) XPathFactory.newInstance().newXPath().evaluate(path, doc, XPathConstants.NODE);
    } catch (Exception e) {
      throw new AssertionError(path, e);
    }
  }

  static List<String> texts(Node doc, String path) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, doc, XPathConstants.NODESET);
      List<String> result = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        result.add(nodes.item(i).getTextContent());
      }
      return result;
    } catch (Exception e) {
      throw new AssertionError(path, e);
    }
  }

  /** An element with its children and text, without whitespace between elements or attributes: for comparing. */
  static String canonical(Node node) {
    if (node == null) {
      return null;
    }
    if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
      return node.getNodeValue().isBlank() ? "" : node.getNodeValue().trim();
    }
    StringBuilder out = new StringBuilder("<").append(node.getNodeName()).append('>');
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      out.append(canonical(children.item(i)));
    }
    return out.append("</").append(node.getNodeName()).append('>').toString();
  }

  /** A CloudFront rest-xml error body. */
  static String cloudFrontError(String code, String message, String requestId) {
    return "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"" + CLOUDFRONT_NS + "\"><Error><Type>Sender</Type><Code>"
        + code + "</Code><Message>" + message + "</Message></Error><RequestId>" + requestId
        + "</RequestId></ErrorResponse>";
  }

  /**
   * MediaPackage and CloudFront as they answer a save of a new endpoint ({@code live-news-hls}) on channel
   * {@code live-news}, whose distribution {@link CloudFrontXml#ID} (the placeholder config, ETag {@code ETAG1}) is
   * linked by tag. The UpdateDistribution answer is left to the test.
   */
  static void stubNewEndpointOfLinkedChannel(WireMockExtension wm, String channelArn, String endpointJson) {
    wm.stubFor(WireMock.get(WireMock.urlEqualTo("/channels/live-news")).willReturn(WireMock.aResponse().withBody(
        "{\"arn\":\"" + channelArn + "\",\"id\":\"live-news\"}")));
    wm.stubFor(WireMock.get(WireMock.urlEqualTo("/origin_endpoints/live-news-hls")).willReturn(WireMock.aResponse()
        .withStatus(404).withHeader("x-amzn-ErrorType", "NotFoundException")
        .withBody("{\"message\":\"not found\"}")));
    wm.stubFor(WireMock.post(WireMock.urlEqualTo("/origin_endpoints"))
        .willReturn(WireMock.aResponse().withBody(endpointJson)));
    wm.stubFor(WireMock.get(WireMock.urlPathEqualTo("/origin_endpoints")).willReturn(WireMock.aResponse()
        .withBody("{\"originEndpoints\":[" + endpointJson + "]}")));
    wm.stubFor(WireMock.post(WireMock.urlEqualTo("/")).willReturn(WireMock.aResponse().withBody(
        "{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[{\"ResourceARN\":\"" + CloudFrontXml.ARN
            + "\",\"Tags\":[{\"Key\":\"mediapackage:cloudfront_assoc\",\"Value\":\"" + channelArn + "\"}]}]}")));
    wm.stubFor(WireMock.get(WireMock.urlEqualTo("/2020-05-31/distribution/" + CloudFrontXml.ID))
        .willReturn(WireMock.aResponse().withHeader("ETag", "ETAG1")
            .withBody(CloudFrontXml.distribution("Deployed", CloudFrontXml.PLACEHOLDER_CONFIG))));
    wm.stubFor(WireMock.get(WireMock.urlEqualTo("/2020-05-31/distribution/" + CloudFrontXml.ID + "/config"))
        .willReturn(WireMock.aResponse().withHeader("ETag", "ETAG1")
            .withBody(CloudFrontXml.distributionConfig(CloudFrontXml.PLACEHOLDER_CONFIG))));
  }
}
