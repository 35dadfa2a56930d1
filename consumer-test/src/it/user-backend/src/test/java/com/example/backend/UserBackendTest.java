package com.example.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.backend.LiveChannels.Published;
import com.sun.net.httpserver.HttpServer;
import io.github.mediapackagecdn.aws.AwsChannelCdn;
import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A user's tests, on the library as Maven resolves it from its published POMs: a save on v1 and on v2 on the testkit's
 * fakes, the AWS SDK modules on the class path, and the adapter's SDK clients speaking MediaPackage's JSON protocol.
 */
class UserBackendTest {

  /** The SDK modules the library pins below the AWS SDK BOM (the newest of each that resolves from Maven Central). */
  private static final Set<String> PINNED = Set.of("mediapackage", "mediapackagev2", "resourcegroupstaggingapi");

  @Test
  void v1_savingAChannelAndAnEndpoint_givesTheChannelOneDistributionWithTheEndpointsBehaviours() {
    FakeAws aws = FakeAws.create();
    try (ChannelCdn cdn = aws.channelCdn()) {
      Published published = LiveChannels.publish(cdn, "live-news");

      assertThat(published).isEqualTo(new Published(CdnOutcome.Action.CREATED, CdnOutcome.Action.UPDATED));
      assertThat(aws.distributions().all()).hasSize(1);
      assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(1);
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    }
  }

  @Test
  void v2_savingAChannelAndAnEndpoint_givesTheChannelOneDistributionWithTheEndpointsBehaviours() {
    FakeAws aws = FakeAws.create();
    try (ChannelCdnV2 cdn = aws.channelCdnV2()) {
      Published published = LiveChannels.publish(cdn, V2ChannelId.of("live", "news"));

      assertThat(published).isEqualTo(new Published(CdnOutcome.Action.CREATED, CdnOutcome.Action.UPDATED));
      assertThat(aws.distributions().all()).hasSize(1);
      assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).hasSize(1);
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    }
  }

  /**
   * The SDK modules a user gets are the set the library's own build runs with: every one at the BOM's version but the
   * three pinned service jars. A POM that let Maven pick a protocol module of the pinned jars' version (such as
   * aws-json-protocol 2.40.2 next to sdk-core 2.59.1) fails here.
   */
  @Test
  void theAwsSdkModulesOnTheClassPath_areTheSetTheLibraryIsBuiltWith() throws IOException {
    String sdk = System.getProperty("expected.aws-sdk.version");
    String pinned = System.getProperty("expected.aws-sdk-mediapackage.version");
    assertThat(sdk).as("expected.aws-sdk.version").isNotBlank();
    assertThat(pinned).as("expected.aws-sdk-mediapackage.version").isNotBlank();

    Map<String, String> onClassPath = awsSdkModulesOnTheClassPath();

    Map<String, String> expected = new TreeMap<>();
    onClassPath.keySet().forEach(module -> expected.put(module, PINNED.contains(module) ? pinned : sdk));
    assertThat(onClassPath).isEqualTo(expected)
        .containsKeys("sdk-core", "aws-core", "protocol-core", "aws-json-protocol", "third-party-jackson-core",
            "aws-xml-protocol", "cloudfront", "url-connection-client")
        .containsKeys(PINNED.toArray(String[]::new))
        .doesNotContainKeys("netty-nio-client", "apache-client", "apache5-client");
  }

  @Test
  void v1_onTheAdaptersSdkClients_aMediaPackageErrorIsReadIntoTheLibrarysTypedError() throws IOException {
    List<String> requests = Collections.synchronizedList(new ArrayList<>());
    HttpServer server = deniedEverything(requests, "ForbiddenException", "mediapackage:DescribeChannel");
    try (ChannelCdn cdn = AwsChannelCdn.builder().mediaPackageRegion(Region.EU_WEST_1)
        .endpointOverride(uri(server)).credentialsProvider(testCredentials()).build()) {

      assertThatThrownBy(() -> cdn.saveChannel(ChannelSpec.builder().id("live-news").createDistribution(true).build()))
          .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.errorCode()).contains("ForbiddenException");
            assertThat(e.requestId()).contains("req-1");
            assertThat(e.action()).contains("mediapackage:DescribeChannel");
          });
      // one request, to a MediaPackage path, signed for MediaPackage in the channel's Region
      assertThat(requests).singleElement().asString().matches("(GET|POST) /channels(/live-news)? AWS4-HMAC-SHA256 "
          + "Credential=AKIDTEST/\\d{8}/eu-west-1/mediapackage/aws4_request, .*");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void v2_onTheAdaptersSdkClients_aMediaPackageV2ErrorIsReadIntoTheLibrarysTypedError() throws IOException {
    List<String> requests = Collections.synchronizedList(new ArrayList<>());
    HttpServer server = deniedEverything(requests, "AccessDeniedException", "mediapackagev2:GetChannelGroup");
    try (ChannelCdnV2 cdn = AwsChannelCdn.v2Builder().mediaPackageRegion(Region.EU_WEST_1)
        .endpointOverride(uri(server)).credentialsProvider(testCredentials()).build()) {

      assertThatThrownBy(() -> cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build()))
          .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.errorCode()).contains("AccessDeniedException");
            assertThat(e.action()).contains("mediapackagev2:GetChannelGroup");
          });
      assertThat(requests).singleElement().asString().matches("(GET|POST) /channelGroup(/live)? AWS4-HMAC-SHA256 "
          + "Credential=AKIDTEST/\\d{8}/eu-west-1/mediapackagev2/aws4_request, .*");
    } finally {
      server.stop(0);
    }
  }

  /**
   * Every SDK jar the test class loader sees, module name to version, read from where Maven keeps it
   * ({@code .../software/amazon/awssdk/<module>/<version>/<module>-<version>.jar}): some SDK jars, such as
   * third-party-jackson-core, carry no Maven descriptor. Every SDK jar has a manifest (its JPMS name).
   */
  private static Map<String, String> awsSdkModulesOnTheClassPath() throws IOException {
    Pattern sdkJar = Pattern.compile("/software/amazon/awssdk/([^/]+)/([^/]+)/\\1-\\2\\.jar$");
    Map<String, String> modules = new TreeMap<>();
    ClassLoader loader = UserBackendTest.class.getClassLoader();
    for (URL manifest : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
      if (manifest.getProtocol().equals("jar")) {
        String jar = ((JarURLConnection) manifest.openConnection()).getJarFileURL().getPath();
        Matcher matcher = sdkJar.matcher(jar);
        if (matcher.find()) {
          modules.put(matcher.group(1), matcher.group(2));
        }
      }
    }
    return modules;
  }

  /**
   * A loopback HTTP server that answers every request as MediaPackage answers a caller without the permission (both
   * APIs are REST-JSON): 403, the model's error type in {@code x-amzn-ErrorType} (v1 {@code ForbiddenException}, v2
   * {@code AccessDeniedException}), a JSON body. Records each request's method, path and {@code Authorization}.
   */
  private static HttpServer deniedEverything(List<String> requests, String errorType, String action)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
          + exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.getRequestBody().readAllBytes();
      byte[] body = ("{\"message\":\"User: arn:aws:iam::111122223333:user/backend is not authorized to perform: "
          + action + " on resource: arn:aws:mediapackage:eu-west-1:111122223333:*\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
      exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + requests.size());
      exchange.sendResponseHeaders(403, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static URI uri(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static StaticCredentialsProvider testCredentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
  }
}
