package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Distribution configurations for the testkit's own tests, built from the public model: what the library creates when
 * a channel is saved with {@link LiveCdnSettings#defaults()} (a placeholder origin that the default behaviour
 * targets), for distributions seeded by hand in the fakes.
 */
final class Configs {

  private static final LiveCdnSettings SETTINGS = LiveCdnSettings.defaults();

  private Configs() {}

  /** A new channel distribution, as the library creates it, with the given CallerReference. */
  static DistributionConfig newDistribution(ChannelId channelId, String callerReference) {
    Origin placeholder = Origin.builder()
        .id(SETTINGS.placeholderOriginId())
        .domainName(SETTINGS.placeholderOriginDomain())
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .sslProtocols(SETTINGS.originSslProtocols())
        .build();
    Map<Integer, Long> errorCaching = new LinkedHashMap<>();
    SETTINGS.errorCachingCodes().forEach(code -> errorCaching.put(code, SETTINGS.errorCachingMinTtlSeconds()));
    return DistributionConfig.builder()
        .callerReference(callerReference)
        .comment(String.format(SETTINGS.commentFormat(), channelId.value()))
        .enabled(true)
        .addOrigins(placeholder)
        .defaultBehavior(CacheBehavior.builder()
            .pathPattern(CacheBehavior.DEFAULT_PATH_PATTERN)
            .targetOriginId(placeholder.id())
            .viewerProtocolPolicy(ProtocolPolicy.REDIRECT_TO_HTTPS)
            .allowedMethods(List.of("GET", "HEAD", "OPTIONS"))
            .cachedMethods(List.of("GET", "HEAD"))
            .cachePolicyId(SETTINGS.cachePolicyId())
            .originRequestPolicyId(SETTINGS.originRequestPolicyId())
            .compress(false)
            .smoothStreaming(false)
            .build())
        .priceClass(SETTINGS.priceClass())
        .httpVersion(SETTINGS.httpVersion())
        .ipv6Enabled(SETTINGS.ipv6Enabled())
        .errorCachingMinTtl(errorCaching)
        .build();
  }
}
