package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.mediapackagecdn.aws.fixtures.Answers;
import io.github.mediapackagecdn.aws.fixtures.CloudFrontWorld;
import io.github.mediapackagecdn.aws.fixtures.MediaPackageWorld;
import io.github.mediapackagecdn.aws.fixtures.TaggingWorld;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Over the wire, against MediaPackage, CloudFront and the tagging API as WireMock worlds: a save of what MediaPackage
 * already reports sends no UpdateChannel and no UpdateOriginEndpoint (nor UpdateDistribution); a change sends one.
 */
class UnneededWritesWireTest {

  private static final Answers answers = new Answers();

  @RegisterExtension
  static WireMockExtension wm = Answers.extension(answers);

  private static final ChannelSpec CHANNEL =
      ChannelSpec.builder().id("live-news").description("24/7 news").createDistribution(true).build();
  private static final EndpointSpec HLS = EndpointSpec.builder().id("live-news-hls").channelId("live-news")
      .packaging(Packaging.HLS).manifestName("main").description("HLS for news").startoverWindowSeconds(3600)
      .timeDelaySeconds(30).addWhitelist("192.0.2.0/24")
      .authorization(CdnAuthorization.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id-AbCdEf",
          "arn:aws:iam::123456789012:role/MediaPackageSecrets"))
      .cdnIdentifier(CdnIdentifier.of("9c1e6a34-5b1f-4d7e-9a55-3f8f0e1d2c3b"))
      .build();
  private static final EndpointSpec CMAF = EndpointSpec.builder().id("live-news-cmaf").channelId("live-news")
      .packaging(Packaging.CMAF).addHlsManifestIds("main", "low").build();

  private ChannelCdn cdn;

  @BeforeEach
  void worlds() {
    answers.clear();
    CloudFrontWorld cloudFront = new CloudFrontWorld(wm, answers);
    new MediaPackageWorld(wm, answers).install();
    cloudFront.install();
    new TaggingWorld(wm, answers, cloudFront).install();
    cdn = Wire.v1Builder(wm).build();
    assertThat(cdn.saveChannel(CHANNEL).cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(cdn.saveEndpoints(List.of(HLS, CMAF)).cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    wm.resetRequests();
  }

  @AfterEach
  void close() {
    cdn.close();
  }

  private static List<LoggedRequest> puts(String path) {
    return wm.findAll(putRequestedFor(urlEqualTo(path)));
  }

  private static List<LoggedRequest> writes() {
    List<LoggedRequest> writes = new java.util.ArrayList<>(wm.findAll(putRequestedFor(urlPathMatching(".*"))));
    writes.addAll(wm.findAll(postRequestedFor(urlPathMatching("/(channels|origin_endpoints|2020-05-31/.*)"))));
    writes.addAll(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlPathMatching(".*"))));
    return writes;
  }

  @Test
  void saveChannel_whenNothingChanged_sendsNoWrite() {
    assertThat(cdn.saveChannel(CHANNEL).cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);

    assertThat(puts("/channels/live-news")).isEmpty();
    assertThat(writes()).isEmpty();
  }

  @Test
  void saveChannel_whenTheDescriptionChanged_sendsOneUpdateChannel() {
    cdn.saveChannel(ChannelSpec.builder().from(CHANNEL).description("news").build());

    assertThat(puts("/channels/live-news")).hasSize(1);
    assertThat(writes()).hasSize(1);
  }

  @Test
  void saveEndpoints_whenNothingChanged_sendsNoWrite() {
    assertThat(cdn.saveEndpoints(List.of(HLS, CMAF)).cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);

    assertThat(puts("/origin_endpoints/live-news-hls")).isEmpty();
    assertThat(puts("/origin_endpoints/live-news-cmaf")).isEmpty();
    assertThat(writes()).isEmpty();
  }

  @Test
  void saveEndpoint_whenTheStartoverWindowChanged_sendsOneUpdateOriginEndpoint() {
    cdn.saveEndpoint(EndpointSpec.builder().from(HLS).startoverWindowSeconds(7200).build());

    assertThat(puts("/origin_endpoints/live-news-hls")).hasSize(1);
    assertThat(writes()).hasSize(1); // the distribution already serves the endpoint
  }

  @Test
  void saveEndpoint_whenACmafManifestIsAdded_sendsOneUpdateOriginEndpoint() {
    cdn.saveEndpoint(EndpointSpec.builder().from(CMAF).addHlsManifestIds("high").build());

    assertThat(puts("/origin_endpoints/live-news-cmaf")).hasSize(1);
  }
}
