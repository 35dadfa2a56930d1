package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControl;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2ManifestUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The viewer request, the testkit's oracle of "a player gets 200": positive on what the library saves for v1 and v2,
 * and one negative case per step of the chain, each with its reason.
 */
class ViewerRequestsOnFakesTest {

  private static final ChannelId CHANNEL = ChannelId.of(Specs.CHANNEL);
  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");
  private static final Duration DEPLOYED = Duration.ofMinutes(20);

  private final FakeAws aws = FakeAws.create();

  private Distribution onlyDistribution() {
    return Specs.onlyDistribution(aws);
  }

  private void edit(UnaryOperator<DistributionConfig> edit) {
    aws.distributions().edit(onlyDistribution().id(), edit);
    aws.clock().advance(aws.propagationTime());
  }

  private static CacheBehavior behavior(String pattern, String origin) {
    return CacheBehavior.builder().pathPattern(pattern).targetOriginId(origin)
        .viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .allowedMethods(List.of("GET", "HEAD")).cachedMethods(List.of("GET", "HEAD"))
        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build();
  }

  @Nested
  class MediaPackageV1 {

    private final ChannelCdn cdn = aws.channelCdn();

    private ChannelDetails savedAllFormats() {
      cdn.saveChannel(Specs.channelWithDistribution());
      cdn.saveEndpoints(List.of(Specs.endpoint(Packaging.HLS), Specs.endpoint(Packaging.DASH),
          EndpointSpec.builder().from(Specs.endpoint(Packaging.CMAF)).hlsManifestIds(List.of("sports", "sports_low"))
              .build(),
          EndpointSpec.builder().from(Specs.endpoint(Packaging.MSS)).manifestName("drama").build()));
      return cdn.awaitDeployed(CHANNEL, DEPLOYED);
    }

    private String cdnUrl(ChannelDetails details, String endpointId) {
      return details.endpoints().stream().filter(e -> e.endpoint().id().value().equals(endpointId))
          .findFirst().orElseThrow().cdnUrls().get(0);
    }

    @Test
    void everyCdnUrlOfEveryFormat_servesEveryKindOfPathAPlayerAsksFor() {
      ChannelDetails details = savedAllFormats();

      List<String> urls = details.endpoints().stream().flatMap(e -> e.cdnUrls().stream()).toList();
      assertThat(urls).hasSize(5);
      for (String url : urls) {
        List<ViewerResponse> responses = aws.playerRequests(url);
        assertThat(responses).as(url).hasSizeGreaterThanOrEqualTo(2).allSatisfy(r -> assertThat(r.ok())
            .as(r.toString()).isTrue());
      }
      // the samples: manifest, child playlist, segment for HLS; DASH adds init segments, CMAF both
      assertThat(aws.playerRequests(cdnUrl(details, Specs.CHANNEL + "-hls"))).extracting(ViewerResponse::url)
          .map(u -> u.substring(u.lastIndexOf('/') + 1)).containsExactly("index.m3u8", "index_1.m3u8", "index_1_1.ts");
      assertThat(aws.playerRequests(cdnUrl(details, Specs.CHANNEL + "-dash"))).extracting(ViewerResponse::url)
          .map(u -> u.substring(u.lastIndexOf('/') + 1))
          .containsExactly("index.mpd", "index_video_1_1.mp4", "index_video_1_init.mp4");
      assertThat(aws.playerRequests(cdnUrl(details, Specs.CHANNEL + "-mss"))).extracting(ViewerResponse::url)
          .last().asString().endsWith("/drama.ism/QualityLevels(200000)/Fragments(video=0)");
    }

    @Test
    void aServedRequest_namesTheDistributionBehaviourOriginAndOriginPath() {
      ChannelDetails details = savedAllFormats();
      String url = cdnUrl(details, Specs.CHANNEL + "-hls");
      String endpointUrl = aws.channels().allEndpoints().get(0).urls().get(0).value();
      Origin channelOrigin = onlyDistribution().config().origins().stream()
          .filter(o -> endpointUrl.contains(o.domainName())).findFirst().orElseThrow();

      ViewerResponse manifest = aws.viewerRequest(url);
      ViewerResponse segment = aws.viewerRequest("HEAD", url.replace("index.m3u8", "index_1_7.ts"));

      assertThat(manifest.status()).isEqualTo(200);
      assertThat(manifest.distributionId()).contains(onlyDistribution().id());
      assertThat(manifest.pathPattern()).contains("*.m3u8");
      assertThat(manifest.originId()).contains(channelOrigin.id());
      assertThat(manifest.originDomain()).contains(channelOrigin.domainName());
      assertThat(manifest.originPath()).contains(endpointUrl.substring(endpointUrl.indexOf("/out/v1/")));
      assertThat(manifest.reason()).contains("the manifest index.m3u8");
      assertThat(segment.status()).isEqualTo(200);
      assertThat(segment.pathPattern()).contains("*.ts");
      assertThat(segment.reason()).contains("the segment index_1_7.ts");
    }

    @Test
    void aUsersTsBehaviourToAnotherOrigin_takesTheSegmentsAwayFromTheEndpoint() {
      cdn.saveChannel(Specs.channelWithDistribution());
      Origin vod = Origin.builder().id("vod").domainName("vod-archive.s3.us-west-2.amazonaws.com")
          .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
      edit(c -> DistributionConfig.builder().from(c).addOrigins(vod).addCacheBehaviors(behavior("*.ts", "vod"))
          .build());
      cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
      aws.clock().advance(aws.propagationTime());
      String url = "https://" + onlyDistribution().domainName()
          + aws.channels().allEndpoints().get(0).urls().get(0).value().replaceFirst("https://[^/]+", "");

      List<ViewerResponse> player = aws.playerRequests(url);

      assertThat(player).extracting(ViewerResponse::status).containsExactly(200, 200, 502);
      ViewerResponse segment = player.get(2);
      assertThat(segment.pathPattern()).contains("*.ts");
      assertThat(segment.originId()).contains("vod");
      assertThat(segment.reason()).contains("cache behaviour '*.ts'", "origin 'vod'",
          "vod-archive.s3.us-west-2.amazonaws.com");
    }

    @Test
    void theFirstMatchingBehaviourInOrderWins_andTheQueryStringIsNotMatched() {
      String segment = cdnUrl(savedAllFormats(), Specs.CHANNEL + "-hls").replace("index.m3u8", "index_1_1.ts");
      Origin vod = Origin.builder().id("vod").domainName("vod-archive.s3.us-west-2.amazonaws.com")
          .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
      edit(c -> DistributionConfig.builder().from(c).addOrigins(vod).addCacheBehaviors(behavior("*_1_1.ts", "vod"))
          .build());

      ViewerResponse libraryFirst = aws.viewerRequest(segment + "?m=1538005779");
      edit(c -> {
        List<CacheBehavior> userFirst = new ArrayList<>(c.cacheBehaviors());
        userFirst.add(0, userFirst.remove(userFirst.size() - 1));
        return DistributionConfig.builder().from(c).cacheBehaviors(userFirst).build();
      });
      ViewerResponse userFirst = aws.viewerRequest(segment + "?m=1538005779");

      assertThat(libraryFirst.status()).isEqualTo(200);
      assertThat(libraryFirst.pathPattern()).contains("*.ts");
      assertThat(userFirst.status()).isEqualTo(502);
      assertThat(userFirst.pathPattern()).contains("*_1_1.ts");
      assertThat(userFirst.originPath()).hasValueSatisfying(p -> assertThat(p).endsWith("/index_1_1.ts"));
    }

    @Test
    void aDisabledDistribution_servesNothing() {
      String url = cdnUrl(savedAllFormats(), Specs.CHANNEL + "-hls");
      edit(c -> DistributionConfig.builder().from(c).enabled(false).build());

      ViewerResponse response = aws.viewerRequest(url);

      assertThat(response.status()).isEqualTo(403);
      assertThat(response.reason()).contains("is disabled");
      assertThat(response.pathPattern()).isEmpty();
    }

    @Test
    void whileAChangeDeploys_theFakeAnswers503_thenServesOnceDeployed() {
      String url = cdnUrl(savedAllFormats(), Specs.CHANNEL + "-hls");
      aws.distributions().edit(onlyDistribution().id(), c -> DistributionConfig.builder().from(c)
          .comment("renamed").build());

      assertThat(aws.viewerRequest(url).status()).isEqualTo(503);
      assertThat(aws.viewerRequest(url).reason()).contains("InProgress", "Deployed");
      aws.clock().advance(aws.propagationTime());
      assertThat(aws.viewerRequest(url).status()).isEqualTo(200);
    }

    @Test
    void aHostThatIsNoDistribution_isNotFound_andAnHttpUrlFollowsTheViewerProtocolPolicy() {
      String url = cdnUrl(savedAllFormats(), Specs.CHANNEL + "-hls");

      ViewerResponse unknown = aws.viewerRequest(url.replace(onlyDistribution().domainName(), "d0000.cloudfront.net"));
      ViewerResponse http = aws.viewerRequest(url.replace("https://", "http://"));
      edit(c -> DistributionConfig.builder().from(c).cacheBehaviors(c.cacheBehaviors().stream()
          .map(b -> CacheBehavior.builder().from(b).viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY).build())
          .toList()).build());
      ViewerResponse httpsOnly = aws.viewerRequest(url.replace("https://", "http://"));

      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.distributionId()).isEmpty();
      assertThat(http.status()).isEqualTo(301);
      assertThat(http.reason()).contains("redirects HTTP to HTTPS");
      assertThat(httpsOnly.status()).isEqualTo(403);
      assertThat(aws.viewerRequest(url).status()).isEqualTo(200);
    }

    @Test
    void anUnknownManifest_aSegmentOfAnotherKind_andADeletedEndpoint_areNotFound() {
      ChannelDetails details = savedAllFormats();
      String hls = cdnUrl(details, Specs.CHANNEL + "-hls");
      String dash = cdnUrl(details, Specs.CHANNEL + "-dash");

      assertThat(aws.viewerRequest(hls.replace("index.m3u8", "other.m3u8")).status()).isEqualTo(404);
      ViewerResponse tsOnDash = aws.viewerRequest(dash.replace("index.mpd", "index_1_1.ts"));
      assertThat(tsOnDash.status()).isEqualTo(404);
      assertThat(tsOnDash.reason()).contains("(DASH)", "*.mp4 segments");
      aws.channels().deleteEndpoint(details.endpoints().get(0).endpoint().id());
      assertThat(aws.viewerRequest(hls).status()).isEqualTo(404);
      assertThat(aws.viewerRequest(hls).reason()).contains("no endpoint");
    }

    @Test
    void cdnAuthorization_needsTheHeaderWithTheSecretsIdentifier() {
      CdnAuthorization authorization = CdnAuthorization.of(
          "arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id-AbCdEf",
          "arn:aws:iam::123456789012:role/MediaPackageSecrets");
      CdnIdentifier identifier = CdnIdentifier.of("5d1c0b38-4f6e-4d0e-9e63-0f7e3b8a2c11");
      cdn.saveChannel(Specs.channelWithDistribution());
      cdn.saveEndpoint(EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS)).authorization(authorization)
          .cdnIdentifier(identifier).build());
      String url = cdn.awaitDeployed(CHANNEL, DEPLOYED).endpoints().get(0).cdnUrls().get(0);

      ViewerResponse noSecret = aws.viewerRequest(url);
      aws.secrets().putV1CdnIdentifier(authorization.cdnIdentifierSecretArn(), "another-identifier-value");
      ViewerResponse otherSecret = aws.viewerRequest(url);
      aws.secrets().putV1CdnIdentifier(authorization.cdnIdentifierSecretArn(), identifier.reveal());

      assertThat(noSecret.status()).isEqualTo(403);
      assertThat(noSecret.reason()).contains("not in the account's Secrets Manager");
      assertThat(otherSecret.status()).isEqualTo(403);
      assertThat(otherSecret.reason()).contains("is not the identifier").doesNotContain(identifier.reveal());
      assertThat(aws.playerRequests(url)).allMatch(ViewerResponse::ok);
    }
  }

  @Nested
  class MediaPackageV2 {

    private static final String SECRET = "arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-v2-AbCdEf";
    private static final String IDENTIFIER = "9ceebbe7-9607-4552-8764-876e47032660";

    private final ChannelCdnV2 cdn = aws.channelCdnV2();

    private List<V2ManifestUrl> saved() {
      cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
      cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());
      cdn.saveEndpoints(List.of(
          V2EndpointSpec.builder().id(NEWS.endpoint("hls")).containerType(ContainerType.TS)
              .addManifests(Manifest.of(ManifestType.HLS, "index"), Manifest.of(ManifestType.LOW_LATENCY_HLS, "ll"))
              .build(),
          V2EndpointSpec.builder().id(NEWS.endpoint("cmaf")).containerType(ContainerType.CMAF)
              .addManifests(Manifest.of(ManifestType.HLS, "index"), Manifest.of(ManifestType.DASH, "dash")).build()));
      return cdn.awaitDeployed(NEWS, DEPLOYED).manifests();
    }

    private String url(String endpoint, String file) {
      return saved().stream().filter(m -> m.endpoint().endpoint().equals(endpoint))
          .map(m -> m.cdnUrl().orElseThrow()).filter(u -> u.endsWith("/" + file)).findFirst().orElseThrow();
    }

    private V2EndpointId hls() {
      return NEWS.endpoint("hls");
    }

    private String policyDocument(String... statements) {
      return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private String cloudFrontStatement(String effect, String actions) {
      return "{\"Sid\":\"CloudFront" + effect + "\",\"Effect\":\"" + effect + "\",\"Principal\":{\"Service\":"
          + "\"cloudfront.amazonaws.com\"},\"Action\":" + actions + ",\"Resource\":\"" + endpointArn() + "\","
          + "\"Condition\":{\"StringEquals\":{\"AWS:SourceArn\":\"" + onlyDistribution().arn() + "\"}}}";
    }

    private String gatingStatement() {
      return "{\"Sid\":\"AllowGetObjectAccessForAuthorizedRequest\",\"Effect\":\"Allow\",\"Principal\":\"*\","
          + "\"Action\":\"mediapackagev2:GetObject\",\"Resource\":\"" + endpointArn() + "\",\"Condition\":{\"Bool\":"
          + "{\"mediapackagev2:RequestHasMatchingCdnAuthHeader\":\"true\"}}}";
    }

    private String endpointArn() {
      return aws.channelGroups().allEndpoints().stream().filter(e -> e.id().equals(hls())).findFirst()
          .orElseThrow().arn();
    }

    private void originHeaders(Map<String, String> headers) {
      edit(c -> DistributionConfig.builder().from(c).origins(c.origins().stream()
          .map(o -> Origin.builder().from(o).customHeaders(headers).build()).toList()).build());
    }

    @Test
    void everyManifestOfEveryEndpoint_servesEveryKindOfPathAPlayerAsksFor_withGetAndHead() {
      List<V2ManifestUrl> manifests = saved();

      assertThat(manifests).hasSize(4);
      for (V2ManifestUrl manifest : manifests) {
        String url = manifest.cdnUrl().orElseThrow();
        assertThat(aws.playerRequests(url)).as(url).allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
        assertThat(aws.viewerRequest("HEAD", url).status()).as(url).isEqualTo(200);
      }
      List<ViewerResponse> cmaf = aws.playerRequests(url("cmaf", "index.m3u8"));
      assertThat(cmaf).extracting(r -> r.url().substring(r.url().lastIndexOf('/') + 1))
          .containsExactly("index.m3u8", "index_1.m3u8", "index_1_1.mp4", "index_1_init.mp4");
      ViewerResponse manifest = cmaf.get(0);
      assertThat(manifest.pathPattern()).contains("/out/v1/live/news/cmaf/*.m3u8");
      assertThat(manifest.originId()).contains("EMP2-live");
      assertThat(manifest.originDomain()).contains(aws.channelGroups().allGroups().get(0).egressDomain());
      assertThat(manifest.originPath()).contains("/out/v1/live/news/cmaf/index.m3u8");
      assertThat(manifest.reason()).contains("statement 'MediaPackageCdnAllowCloudFront'");
    }

    @Test
    void aPolicyWithoutTheCloudFrontStatement_refusesEveryRequest() {
      String url = url("hls", "index.m3u8");
      aws.channelGroups().seedPolicy(hls(), EndpointPolicy.of(policyDocument("{\"Sid\":\"Harvest\","
          + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"mediapackagev2.amazonaws.com\"},\"Action\":["
          + "\"mediapackagev2:HarvestObject\",\"mediapackagev2:GetObject\"],\"Resource\":\"" + endpointArn() + "\"}")));

      ViewerResponse response = aws.viewerRequest(url);

      assertThat(response.status()).isEqualTo(403);
      assertThat(response.reason()).contains("no statement", "allows mediapackagev2:GetObject",
          "cloudfront.amazonaws.com for aws:SourceArn " + onlyDistribution().arn());
      assertThat(aws.viewerRequest(url("cmaf", "index.m3u8")).status()).isEqualTo(200);
    }

    @Test
    void aHead_needsGetHeadObject_andADenyWins() {
      String url = url("hls", "index.m3u8");
      aws.channelGroups().seedPolicy(hls(), EndpointPolicy.of(policyDocument(
          cloudFrontStatement("Allow", "\"mediapackagev2:GetObject\""))));

      assertThat(aws.viewerRequest("GET", url).status()).isEqualTo(200);
      assertThat(aws.viewerRequest("HEAD", url).status()).isEqualTo(403);
      assertThat(aws.viewerRequest("HEAD", url).reason()).contains("mediapackagev2:GetHeadObject");

      aws.channelGroups().seedPolicy(hls(), EndpointPolicy.of(policyDocument(
          cloudFrontStatement("Allow", "\"mediapackagev2:*\""), cloudFrontStatement("Deny",
              "[\"mediapackagev2:GetObject\"]"))));

      assertThat(aws.viewerRequest("HEAD", url).status()).isEqualTo(200);
      assertThat(aws.viewerRequest("GET", url).status()).isEqualTo(403);
      assertThat(aws.viewerRequest("GET", url).reason()).contains("statement 'CloudFrontDeny'", "denies");
    }

    @Test
    void anOriginAccessControlOfAnotherType_orNone_isRefused() {
      String url = url("hls", "index.m3u8");
      OriginAccessControl s3 = aws.cloudFrontPolicies().createOriginAccessControl(
          new OriginAccessControlConfig("bucket-oac", "", "s3", "always", "sigv4"));
      edit(c -> DistributionConfig.builder().from(c).origins(c.origins().stream()
          .map(o -> Origin.builder().from(o).originAccessControlId(s3.id()).build()).toList()).build());

      ViewerResponse wrongType = aws.viewerRequest(url);
      edit(c -> DistributionConfig.builder().from(c).origins(c.origins().stream()
          .map(o -> Origin.builder().from(o).originAccessControlId(Optional.empty()).build()).toList())
          .build());
      ViewerResponse unsigned = aws.viewerRequest(url);

      assertThat(wrongType.status()).isEqualTo(403);
      assertThat(wrongType.reason()).contains("origin type s3, not mediapackagev2");
      assertThat(unsigned.status()).isEqualTo(403);
      assertThat(unsigned.reason()).contains("anonymous", "no origin access control");
    }

    @Test
    void cdnAuthorization_withTheV1Header_isRefused_withTheV2HeaderServed() {
      String url = url("hls", "index.m3u8");
      String document = aws.channelGroups().policy(hls()).orElseThrow().document();
      String withGate = document.substring(0, document.lastIndexOf(']')) + "," + gatingStatement() + "]}";
      aws.channelGroups().seedPolicy(hls(), EndpointPolicy.of(withGate, new CdnAuthConfiguration(List.of(SECRET),
          "arn:aws:iam::123456789012:role/MediaPackageSecrets")));
      aws.secrets().putV2CdnIdentifier(SECRET, IDENTIFIER);

      originHeaders(Map.of("X-MediaPackage-CDNIdentifier", IDENTIFIER));
      ViewerResponse v1Header = aws.viewerRequest(url);
      originHeaders(Map.of("X-MediaPackageV2-CDNIdentifier", "not-the-identifier"));
      ViewerResponse wrongValue = aws.viewerRequest(url);
      originHeaders(Map.of("x-mediapackagev2-cdnidentifier", IDENTIFIER));
      ViewerResponse v2Header = aws.viewerRequest(url);

      assertThat(v1Header.status()).isEqualTo(403);
      assertThat(v1Header.reason()).contains("sends no X-MediaPackageV2-CDNIdentifier header",
          "X-MediaPackage-CDNIdentifier, MediaPackage v1's header");
      assertThat(wrongValue.status()).isEqualTo(403);
      assertThat(wrongValue.reason()).contains("none of the identifiers").doesNotContain(IDENTIFIER);
      assertThat(v2Header.status()).isEqualTo(200);
    }

    @Test
    void cdnAuthConfigurationWithoutAGatingStatement_checksNoHeader() {
      String url = url("hls", "index.m3u8");
      String document = aws.channelGroups().policy(hls()).orElseThrow().document();
      aws.channelGroups().seedPolicy(hls(), EndpointPolicy.of(document, new CdnAuthConfiguration(List.of(SECRET),
          "arn:aws:iam::123456789012:role/MediaPackageSecrets")));

      assertThat(aws.viewerRequest(url).status()).isEqualTo(200);
    }

    @Test
    void aSecretMissingFromSecretsManager_failsTheGatedRequest() {
      String url = url("hls", "index.m3u8");
      String document = aws.channelGroups().policy(hls()).orElseThrow().document();
      String withGate = document.substring(0, document.lastIndexOf(']')) + "," + gatingStatement() + "]}";
      aws.channelGroups().seedPolicy(hls(), EndpointPolicy.of(withGate, new CdnAuthConfiguration(List.of(SECRET),
          "arn:aws:iam::123456789012:role/MediaPackageSecrets")));
      originHeaders(Map.of("X-MediaPackageV2-CDNIdentifier", IDENTIFIER));

      ViewerResponse response = aws.viewerRequest(url);

      assertThat(response.status()).isEqualTo(403);
      assertThat(response.reason()).contains(SECRET, "putV2CdnIdentifier");
    }

    @Test
    void anUnknownManifest_isNotFound_anUnreadablePolicyIsNeverAllowed() {
      String url = url("hls", "index.m3u8");

      assertThat(aws.viewerRequest(url.replace("index.m3u8", "missing.m3u8")).status()).isEqualTo(404);
      assertThat(aws.viewerRequest(url.replace("/hls/", "/gone/")).reason()).contains("no endpoint live/news/gone");
      aws.channelGroups().seedPolicy(hls(), EndpointPolicy.of(policyDocument(cloudFrontStatement("Allow",
          "\"mediapackagev2:GetObject\"").replace("StringEquals", "ForAnyValue:StringEquals"))));
      assertThat(aws.viewerRequest(url).status()).isEqualTo(403);
      assertThat(aws.viewerRequest(url).reason()).contains("cannot evaluate");
    }
  }

  @Nested
  class Arguments {

    @Test
    void anotherMethodOrNoUrl_isRefusedBeforeAnything() {
      assertThatThrownBy(() -> aws.viewerRequest("POST", "https://d1.cloudfront.net/a.m3u8"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET and HEAD");
      assertThatThrownBy(() -> aws.viewerRequest("ftp://d1.cloudfront.net/a.m3u8"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> aws.viewerRequest("not a url")).isInstanceOf(IllegalArgumentException.class);
      assertThat(aws.calls()).isEmpty();
    }

    @Test
    void theSecretsStore_keepsEachVersionsKey() {
      aws.secrets().putV1CdnIdentifier("arn:one", "first");
      aws.secrets().putV2CdnIdentifier("arn:two", "sec\"ond");

      assertThat(aws.secrets().secretString("arn:one")).contains("{\"MediaPackageCDNIdentifier\":\"first\"}");
      assertThat(aws.secrets().secretString("arn:two")).contains("{\"MediaPackageV2CDNIdentifier\":\"sec\\\"ond\"}");
      assertThat(aws.secrets().secretString("arn:three")).isEmpty();
    }
  }
}
