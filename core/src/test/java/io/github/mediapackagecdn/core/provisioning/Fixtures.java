package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import java.util.Arrays;
import java.util.List;

/** Realistic MediaPackage values shared by the provisioning tests: hosts of 16 hex, paths {@code /out/v1/<32 hex>/}. */
final class Fixtures {

  static final String HOST = "8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com";
  static final String OTHER_HOST = "3ae97e9482b0d011.mediapackage.us-west-2.amazonaws.com";
  static final String CHANNEL_ORIGIN_ID = "EMP-8343f7014c0ea438";
  static final String PLACEHOLDER_ID = "TEMP_ORIGIN_ID/channel";
  static final String CACHE_POLICY = "08627262-05a9-4f76-9ded-b50ca2e3a84f";
  static final String CDN_HEADER = "X-MediaPackage-CDNIdentifier";
  static final String SECRET = "9c1e6a34-5b1f-4d7e-9a55-3f8f0e1d2c3b";

  static final ChannelId CHANNEL_ID = ChannelId.of("live-news");
  static final ChannelArn CHANNEL_ARN =
      ChannelArn.of("arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14");
  static final Channel CHANNEL = Channel.builder().id(CHANNEL_ID).arn(CHANNEL_ARN).build();

  static final CdnAuthorization AUTHORIZATION = CdnAuthorization.of(
      "arn:aws:secretsmanager:us-west-2:123456789012:secret:MediaPackage/cdn-id-AbCdEf",
      "arn:aws:iam::123456789012:role/MediaPackageSecretsRole");

  private Fixtures() {}

  static OriginEndpoint hls() {
    return endpoint("live-news-hls", Packaging.HLS, HOST, "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8");
  }

  static OriginEndpoint dash() {
    return endpoint("live-news-dash", Packaging.DASH, HOST, "/out/v1/247cff871f2845d3805129be22f2c0a2/index.mpd");
  }

  /** A CMAF endpoint: one URL per HLS manifest, {@code /out/v1/<32 hex>/<hls manifest id>/index.m3u8}. */
  static OriginEndpoint cmaf(String... hlsManifestIds) {
    OriginEndpoint.Builder cmaf = OriginEndpoint.builder().from(endpoint("live-news-cmaf", Packaging.CMAF, HOST,
        Arrays.stream(hlsManifestIds)
            .map(m -> "/out/v1/1dc6718be36f4f34bb9cd86bc50925e6/" + m + "/index.m3u8")
            .toArray(String[]::new)));
    Arrays.stream(hlsManifestIds).forEach(m -> cmaf.putHlsManifests(m, "index"));
    return cmaf.build();
  }

  static OriginEndpoint mss(String manifestName) {
    return OriginEndpoint.builder()
        .from(endpoint("live-news-mss", Packaging.MSS, HOST,
            "/out/v1/0f1e2d3c4b5a69788796a5b4c3d2e1f0/" + manifestName + ".ism/Manifest"))
        .manifestName(manifestName)
        .build();
  }

  static List<OriginEndpoint> allFormats() {
    return List.of(hls(), dash(), cmaf("main"), mss("index"));
  }

  static OriginEndpoint endpoint(String id, Packaging packaging, String host, String... paths) {
    return OriginEndpoint.builder()
        .id(OriginEndpointId.of(id))
        .channelId(CHANNEL_ID)
        .packaging(packaging)
        .urls(Arrays.stream(paths).map(p -> EndpointUrl.of("https://" + host + p)).toList())
        .build();
  }

  static OriginEndpoint withAuthorization(OriginEndpoint endpoint) {
    return OriginEndpoint.builder().from(endpoint).authorization(AUTHORIZATION).build();
  }
}
