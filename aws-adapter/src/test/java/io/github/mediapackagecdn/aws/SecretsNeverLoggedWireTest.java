package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontXml;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A save of an endpoint with CDN authorization through the SDK, with the library and the SDK's request logging at
 * DEBUG: the CDN identifier reaches CloudFront in the request body, and no log line; nor does the secret access key.
 */
class SecretsNeverLoggedWireTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  private static final String SECRET = "6f0e9d8c-7b6a-4958-8372-615049382716";
  private static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
  private static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/none.log"));
  private static final String CHANNEL_ARN =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";
  private static final String ENDPOINT = """
      {"arn":"arn:aws:mediapackage:us-west-2:123456789012:origin_endpoints/869e237f851549e9bcf10e3bc2830839",
       "channelId":"live-news","id":"live-news-hls","manifestName":"index","hlsPackage":{},
       "url":"https://abcd1234abcd1234.mediapackage.us-west-2.amazonaws.com/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8",
       "authorization":{"cdnIdentifierSecret":"arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-AbCdEf",
                        "secretsRoleArn":"arn:aws:iam::123456789012:role/MediaPackageSecrets"}}
      """;

  @Test
  void saveEndpoint_withCdnAuthorization_sendsTheIdentifierToCloudFrontButNeverLogsIt() throws IOException {
    org.slf4j.LoggerFactory.getLogger(getClass()).debug("secret-leak check starts"); // the logger opens (and empties) the file
    long before = Files.exists(LOG) ? Files.size(LOG) : 0;
    Wire.stubNewEndpointOfLinkedChannel(wm, CHANNEL_ARN, ENDPOINT);
    String config = "/2020-05-31/distribution/" + CloudFrontXml.ID + "/config";
    wm.stubFor(put(urlEqualTo(config)).willReturn(aResponse().withHeader("ETag", "ETAG2")
        .withBody(CloudFrontXml.distribution("InProgress", CloudFrontXml.PLACEHOLDER_CONFIG))));
    ChannelCdn cdn = Wire.v1Builder(wm)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET_ACCESS_KEY)))
        .deploymentPollInterval(Duration.ZERO)
        .build();

    EndpointSaveResult saved = cdn.saveEndpoint(EndpointSpec.builder()
        .id("live-news-hls").channelId("live-news").packaging(Packaging.HLS)
        .authorization(CdnAuthorization.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-AbCdEf",
            "arn:aws:iam::123456789012:role/MediaPackageSecrets"))
        .cdnIdentifier(CdnIdentifier.of(SECRET))
        .build());

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(wm.findAll(putRequestedFor(urlEqualTo(config)))).singleElement()
        .satisfies(put -> assertThat(put.getBodyAsString()).contains("X-MediaPackage-CDNIdentifier").contains(SECRET));
    assertThat(saved.toString()).doesNotContain(SECRET);
    byte[] all = Files.readAllBytes(LOG);
    String log = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
    assertThat(log).as("the run logged the library's and the SDK's DEBUG lines")
        .contains("io.github.mediapackagecdn").contains("software.amazon.awssdk.request");
    assertThat(log).doesNotContain(SECRET).doesNotContain(SECRET_ACCESS_KEY);
  }
}
