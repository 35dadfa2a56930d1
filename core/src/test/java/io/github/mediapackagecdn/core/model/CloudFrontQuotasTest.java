package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudFrontQuotasTest {

  private static final CloudFrontQuotas QUOTAS = CloudFrontQuotas.defaults();

  private static Origin origin(String id) {
    return Origin.builder().id(id).domainName(id + ".example.com").build();
  }

  private static CacheBehavior behavior(String pattern) {
    return CacheBehavior.builder().pathPattern(pattern).targetOriginId("a").viewerProtocolPolicy(
        ProtocolPolicy.REDIRECT_TO_HTTPS).allowedMethods(List.of("GET", "HEAD")).cachedMethods(List.of("GET", "HEAD"))
        .cachePolicyId("policy").build();
  }

  /** A distribution with {@code behaviors} ordered behaviours and {@code origins} origins. */
  private static DistributionConfig config(int behaviors, int origins) {
    DistributionConfig.Builder config = DistributionConfig.builder().callerReference("ref").comment("c")
        .defaultBehavior(behavior("*"));
    for (int i = 0; i < origins; i++) {
      config.addOrigins(origin(i == 0 ? "a" : "o" + i));
    }
    for (int i = 0; i < behaviors; i++) {
      config.addCacheBehaviors(behavior("/user/" + i + "/*"));
    }
    return config.build();
  }

  private static ChangeSet addBehaviors(int count) {
    List<DistributionChange> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      changes.add(new DistributionChange.AddCacheBehavior(behavior("/out/" + i + "/*")));
    }
    return ChangeSet.of(changes);
  }

  @Test
  void defaults_areTheQuotasPages() {
    assertThat(QUOTAS).isEqualTo(new CloudFrontQuotas(75, 25, 10, 50, 10));
  }

  @Test
  void refuseChanges_whenTheBehavioursWouldPassTheQuota_namesTheQuotaTheFiguresAndWhatToDo() {
    assertThatCode(() -> QUOTAS.refuseChanges("distribution E1", config(70, 1), addBehaviors(5)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> QUOTAS.refuseChanges("distribution E1", config(70, 1), addBehaviors(6)))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessage("distribution E1 would have 76 cache behaviours (70 now, 6 more for this save); CloudFront allows"
            + " 75 a distribution (quota \"Cache behaviors per distribution\"): remove cache behaviours it no longer"
            + " needs, or, if AWS raised the quota for your account, give the raised figure with"
            + " CdnSettings.builder().cloudFrontQuotas(...)");
  }

  @Test
  void refuseChanges_whenARaisedQuotaIsGiven_allowsUpToIt() {
    assertThatCode(() -> QUOTAS.withCacheBehaviorsPerDistribution(100)
        .refuseChanges("distribution E1", config(70, 1), addBehaviors(30))).doesNotThrowAnyException();
  }

  @Test
  void refuseChanges_whenACountAboveTheQuotaIsNotRaised_letsTheChangeThrough() {
    // the account's quota may be higher than the figure given: what the save does not add is not refused
    ChangeSet retarget = ChangeSet.of(List.of(new DistributionChange.RetargetDefaultBehavior("a", "o1")));

    assertThatCode(() -> QUOTAS.withCacheBehaviorsPerDistribution(5).refuseChanges("distribution E1", config(9, 2),
        retarget)).doesNotThrowAnyException();
  }

  @Test
  void refuseChanges_whenTheOriginsWouldPassTheQuota_namesTheOrigins() {
    ChangeSet addOrigin = ChangeSet.of(List.of(new DistributionChange.AddOrigin(origin("new"))));

    assertThatThrownBy(() -> QUOTAS.refuseChanges("distribution E1", config(0, 25), addOrigin))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageStartingWith("distribution E1 would have 26 origins (25 now, 1 more for this save); CloudFront"
            + " allows 25 a distribution (quota \"Origins per distribution\")");
  }

  @Test
  void refuseChanges_whenTheOriginGroupsWouldPassTheQuota_namesTheOriginGroups() {
    OriginGroup group = OriginGroup.builder().id("g").primaryOriginId("a").secondaryOriginId("o1")
        .failoverStatusCodes(List.of(404)).build();
    ChangeSet addGroup = ChangeSet.of(List.of(new DistributionChange.AddOriginGroup(group)));

    assertThatThrownBy(() -> QUOTAS.withOriginGroupsPerDistribution(1).refuseChanges("distribution E1",
        DistributionConfig.builder().from(config(0, 2)).addOriginGroups(
            OriginGroup.builder().from(group).id("users").build()).build(), addGroup))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageStartingWith("distribution E1 would have 2 origin groups (1 now, 1 more for this save);"
            + " CloudFront allows 1 a distribution (quota \"Origin groups per distribution\")");
  }

  @Test
  void refuseTags_whenTheLinkTagPassesTheQuota_saysHowManyMayBeGiven() {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      tags.put("k" + i, "v");
    }
    assertThatCode(() -> QUOTAS.refuseTags("the distribution of channel live", tags)).doesNotThrowAnyException();
    tags.put("mediapackage:cloudfront_assoc", "arn");

    assertThatThrownBy(() -> QUOTAS.refuseTags("the distribution of channel live", tags))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageStartingWith("the distribution of channel live would have 51 tags, the link tag included;"
            + " CloudFront allows 50 a distribution (quota \"Tags that can be added to a distribution\"): give at most"
            + " 49 distribution tags");
  }

  @Test
  void refuseCachePolicy_whenItKeysOnMoreQueryStringsThanTheQuota_namesThePolicy() {
    List<String> seven = List.of("a", "b", "c", "d", "e", "f", "g");

    assertThatCode(() -> QUOTAS.refuseCachePolicy("manifests", seven)).doesNotThrowAnyException();
    assertThatThrownBy(() -> QUOTAS.withQueryStringsPerCachePolicy(6).refuseCachePolicy("manifests", seven))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageStartingWith("cache policy manifests keys on 7 query strings [a, b, c, d, e, f, g]; CloudFront"
            + " allows 6 a cache policy (quota \"Query strings per cache policy\")");
  }

  @Test
  void aQuotaBelowOne_isRefused_everyOneAtOnce() {
    assertThatThrownBy(() -> new CloudFrontQuotas(0, 25, 0, 50, 10))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).containsExactly(
            "the quota of cache behaviours a distribution is 0; it is 1 or more",
            "the quota of origin groups a distribution is 0; it is 1 or more"));
  }
}
