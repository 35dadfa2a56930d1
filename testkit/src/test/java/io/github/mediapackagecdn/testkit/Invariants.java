package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.provisioning.DistributionLayout;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import java.util.List;

/** The invariants every fault and race must leave intact, checked on a fake account. */
final class Invariants {

  static final Origin USER_ORIGIN = Origin.builder().id("ads").domainName("ads.example.com")
      .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
  static final CacheBehavior USER_BEHAVIOR = CacheBehavior.builder().pathPattern("/ads/*").targetOriginId("ads")
      .viewerProtocolPolicy(ProtocolPolicy.HTTPS_ONLY).allowedMethods(List.of("GET", "HEAD"))
      .cachedMethods(List.of("GET", "HEAD")).cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6").build();
  static final String USER_ALIAS = "live.example.com";

  private Invariants() {}

  /** A user's edits in the CloudFront console: an origin, a behaviour and an alias the library must never touch. */
  static DistributionConfig withUserEdits(DistributionConfig config) {
    DistributionConfig.Builder edited = DistributionConfig.builder().from(config);
    if (config.origin(USER_ORIGIN.id()).isEmpty()) {
      edited.addOrigins(USER_ORIGIN).addCacheBehaviors(USER_BEHAVIOR).addAliases(USER_ALIAS);
    }
    return edited.build();
  }

  /** Adds the user's edits to every distribution of the account. */
  static void editEveryDistribution(FakeAws aws) {
    aws.distributions().all().forEach(d -> aws.distributions().edit(d.id(), Invariants::withUserEdits));
  }

  /**
   * At most one distribution per channel; if the channel has one, every endpoint's behaviours are in it; every user
   * edit made before is unchanged.
   */
  static void hold(FakeAws aws, boolean userEdited) {
    for (Channel channel : aws.channels().all()) {
      List<Distribution> linked = aws.distributions().all().stream()
          .filter(d -> channel.arn().value().equals(
              aws.distributions().tags(d.id()).get(LiveCdnSettings.LINK_TAG_KEY)))
          .toList();
      assertThat(linked).as("distributions of channel %s", channel.id()).hasSizeLessThanOrEqualTo(1);
      if (linked.isEmpty()) {
        continue;
      }
      DistributionConfig config = linked.get(0).config();
      List<OriginEndpoint> endpoints = aws.channels().allEndpoints().stream()
          .filter(e -> e.channelId().equals(channel.id()))
          .toList();
      for (OriginEndpoint endpoint : endpoints) {
        String host = endpoint.host().orElseThrow();
        assertThat(config.origins()).as("origin for %s", endpoint.id())
            .anyMatch(o -> o.domainName().equals(host));
        for (String pattern : DistributionLayout.pathPatterns(endpoint.packaging())) {
          assertThat(config.behavior(pattern)).as("behaviour %s for endpoint %s", pattern, endpoint.id()).isPresent();
        }
      }
      if (userEdited) {
        assertThat(config.origin(USER_ORIGIN.id())).contains(USER_ORIGIN);
        assertThat(config.behavior(USER_BEHAVIOR.pathPattern())).contains(USER_BEHAVIOR);
        assertThat(config.aliases()).contains(USER_ALIAS);
      }
    }
  }
}
