package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Distribution configurations and change sets shaped like those the library writes with {@link CdnSettings#defaults()}
 * and {@link LiveCdnSettings#defaults()}, for seeding the fakes and for the contract suites. They are fixed examples
 * built from the public model, not the library's layout rules (those are internal to core and may refine what they
 * write).
 */
public final class SampleDistributions {

  private static final CdnSettings SETTINGS = CdnSettings.defaults();
  private static final LiveCdnSettings LAYOUT = LiveCdnSettings.defaults();

  private SampleDistributions() {}

  /**
   * A channel's new distribution, as the library creates it before the channel has endpoints: a placeholder origin
   * that the default behaviour targets, and the comment {@code MediaPackage live channel <id>}.
   */
  public static DistributionConfig newChannelDistribution(ChannelId channelId, String callerReference) {
    return newChannelDistribution(channelId, callerReference, String.format(SETTINGS.commentFormat(),
        channelId.value()));
  }

  /** A channel's new distribution, as {@link #newChannelDistribution(ChannelId, String)}, with the comment given. */
  public static DistributionConfig newChannelDistribution(ChannelId channelId, String callerReference,
      String comment) {
    Objects.requireNonNull(channelId, "channelId");
    Origin placeholder = origin(LAYOUT.placeholderOriginId(), LAYOUT.placeholderOriginDomain());
    Map<Integer, Long> errorCaching = new LinkedHashMap<>();
    SETTINGS.errorCachingCodes().forEach(code -> errorCaching.put(code, SETTINGS.errorCachingMinTtlSeconds()));
    return DistributionConfig.builder()
        .callerReference(callerReference)
        .comment(comment)
        .enabled(true)
        .addOrigins(placeholder)
        .defaultBehavior(behavior(CacheBehavior.DEFAULT_PATH_PATTERN, placeholder.id()))
        .priceClass(SETTINGS.priceClass())
        .httpVersion(SETTINGS.httpVersion())
        .ipv6Enabled(SETTINGS.ipv6Enabled())
        .errorCachingMinTtl(errorCaching)
        .build();
  }

  /**
   * What a save of {@code endpoint} changes in {@code current}, for an endpoint without CDN authorization: the
   * channel origin {@code EMP-<host label>} unless it exists, a behaviour for each of the format's path patterns the
   * distribution lacks, the default behaviour's retarget while it targets the placeholder, and the placeholder's
   * removal once nothing targets it.
   */
  public static ChangeSet endpointChanges(DistributionConfig current, OriginEndpoint endpoint) {
    return changes(current, endpoint, null);
  }

  /**
   * What a save of {@code endpoint} changes in {@code current}, as {@link #endpointChanges(DistributionConfig,
   * OriginEndpoint)}, with the CDN identifier header on the channel origin when the origin is added.
   */
  public static ChangeSet endpointChanges(DistributionConfig current, OriginEndpoint endpoint,
      CdnIdentifier identifier) {
    return changes(current, endpoint, Objects.requireNonNull(identifier, "identifier"));
  }

  private static ChangeSet changes(DistributionConfig current, OriginEndpoint endpoint, CdnIdentifier identifier) {
    String host = endpoint.host().orElseThrow(() -> new IllegalArgumentException(
        "endpoint " + endpoint.id().value() + " has no URL, so no egress host"));
    int dot = host.indexOf('.');
    String originId = "EMP-" + (dot < 0 ? host : host.substring(0, dot));
    List<DistributionChange> changes = new ArrayList<>();
    if (current.origin(originId).isEmpty()) {
      changes.add(new DistributionChange.AddOrigin(origin(originId, host)));
      if (identifier != null) {
        changes.add(new DistributionChange.AddOriginHeader(originId, LiveCdnSettings.CDN_IDENTIFIER_HEADER,
            identifier.reveal()));
      }
    }
    for (String pattern : endpoint.packaging().pathPatterns()) {
      if (current.behavior(pattern).isEmpty()) {
        changes.add(new DistributionChange.AddCacheBehavior(behavior(pattern, originId)));
      }
    }
    String placeholder = LAYOUT.placeholderOriginId();
    if (current.defaultBehavior().targetOriginId().equals(placeholder)) {
      changes.add(new DistributionChange.RetargetDefaultBehavior(placeholder, originId));
    }
    DistributionConfig after = ChangeSet.of(changes).applyTo(current);
    if (after.origin(placeholder).isPresent() && !after.targets(placeholder)) {
      changes.add(new DistributionChange.RemoveOrigin(placeholder));
    }
    return ChangeSet.of(changes);
  }

  private static Origin origin(String id, String domainName) {
    return Origin.builder()
        .id(id)
        .domainName(domainName)
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .sslProtocols(SETTINGS.originSslProtocols())
        .build();
  }

  private static CacheBehavior behavior(String pathPattern, String originId) {
    return CacheBehavior.builder()
        .pathPattern(pathPattern)
        .targetOriginId(originId)
        .viewerProtocolPolicy(ProtocolPolicy.REDIRECT_TO_HTTPS)
        .allowedMethods(List.of("GET", "HEAD", "OPTIONS"))
        .cachedMethods(List.of("GET", "HEAD"))
        .cachePolicyId(LAYOUT.cachePolicyId())
        .originRequestPolicyId(LAYOUT.originRequestPolicyId())
        .compress(false)
        .smoothStreaming(pathPattern.equals("*.ism/*"))
        .build();
  }
}
