package io.github.mediapackagecdn.core.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The value {@link DistributionPlan}: its one-of rule, and its text for every kind of change. */
class DistributionPlanTest {

  private static final ChannelRef CHANNEL = ChannelId.of("live-news").ref();
  private static final DistributionId ID = DistributionId.of("E2QWRUHEXAMPLE");
  private static final String ORIGIN_ID = "EMP-8343f7014c0ea438";
  private static final String HEADER = "X-MediaPackage-CDNIdentifier";
  private static final String SECRET = "9c1e6a34-5b1f-4d7e-9a55-3f8f0e1d2c3b";

  private static DistributionPlan withChanges(DistributionChange... changes) {
    return DistributionPlan.builder().channel(CHANNEL).distributionId(ID).changes(ChangeSet.of(List.of(changes)))
        .build();
  }

  /** One change of each kind DistributionChange permits. */
  private static List<DistributionChange> oneOfEachKind() {
    Origin origin = Origin.builder().id(ORIGIN_ID).domainName("8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com")
        .protocolPolicy(ProtocolPolicy.HTTPS_ONLY).addSslProtocols("TLSv1.2").build();
    CacheBehavior behavior = CacheBehavior.builder().pathPattern("*.m3u8").targetOriginId(ORIGIN_ID)
        .viewerProtocolPolicy(ProtocolPolicy.REDIRECT_TO_HTTPS).addAllowedMethods("GET", "HEAD")
        .addCachedMethods("GET", "HEAD").cachePolicyId("p").build();
    OriginGroup group = OriginGroup.builder().id("g").primaryOriginId(ORIGIN_ID).secondaryOriginId("second")
        .addFailoverStatusCodes(404).selectionCriteria(OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED).build();
    return List.of(new DistributionChange.AddOrigin(origin), new DistributionChange.AddOriginGroup(group),
        new DistributionChange.AddOriginHeader(ORIGIN_ID, HEADER, SECRET),
        new DistributionChange.AddCacheBehavior(behavior),
        new DistributionChange.RetargetDefaultBehavior("TEMP_ORIGIN_ID/channel", ORIGIN_ID),
        new DistributionChange.RetargetCacheBehavior("*.m3u8", ORIGIN_ID, "g"),
        new DistributionChange.UseCachePolicy("*.m3u8", ORIGIN_ID, Set.of("old"), "new", true),
        new DistributionChange.UseDefaultCachePolicy(ORIGIN_ID, Set.of("old"), "new", true),
        new DistributionChange.UseResponseHeadersPolicy("*.m3u8", ORIGIN_ID, Set.of("p"), "cors"),
        new DistributionChange.UseDefaultResponseHeadersPolicy(ORIGIN_ID, Set.of("p"), "cors"),
        new DistributionChange.UseOriginSettings(ORIGIN_ID, new DistributionChange.OriginSettings(
            java.util.Optional.of(3), java.util.Optional.of(3), java.util.Optional.of(7), java.util.Optional.empty(),
            java.util.Optional.of("us-west-2"))),
        new DistributionChange.RemoveOrigin("TEMP_ORIGIN_ID/channel"));
  }

  @Test
  void toString_describesEveryKindOfChange_eachOnItsOwnLine() {
    List<DistributionChange> all = oneOfEachKind();
    assertThat(all).extracting(Object::getClass).map(Class::getSimpleName).containsExactlyInAnyOrderElementsOf(
        java.util.Arrays.stream(DistributionChange.class.getPermittedSubclasses()).map(Class::getSimpleName)
            .toList());

    String text = withChanges(all.toArray(DistributionChange[]::new)).toString();

    assertThat(text.lines()).hasSize(1 + all.size());
    assertThat(text).contains("~ behavior *.m3u8: response headers policy cors")
        .contains("~ default behavior: response headers policy cors")
        .contains("~ origin " + ORIGIN_ID + ": connection timeout 3 s, read timeout 3 s, keep-alive 7 s, Origin Shield"
            + " us-west-2")
        .contains("- origin TEMP_ORIGIN_ID/channel").doesNotContain(SECRET);
  }

  @Test
  void toString_ofAHeader_namesItsOriginAndNeverItsValue() {
    DistributionPlan plan = withChanges(new DistributionChange.AddOriginHeader(ORIGIN_ID, HEADER, SECRET));

    assertThat(plan.toString()).isEqualTo("plan for channel live-news, distribution " + ID + ":\n+ header "
        + HEADER + " on " + ORIGIN_ID + " (value hidden)");
    assertThat(plan.headerAdded()).contains(HEADER);
    assertThat(plan.isEmpty()).isFalse();
  }

  @Test
  void packagerWrites_makeAPlanNotEmpty_andReadAsLines() {
    DistributionPlan plan = DistributionPlan.builder().channel(ChannelRef.of("live", "news")).distributionId(ID)
        .addPackagerWrites(new DistributionPlan.PackagerWrite("PutOriginEndpointPolicy", "live/news/hls")).build();

    assertThat(plan.isEmpty()).isFalse();
    assertThat(plan).hasToString("plan for channel live/news, distribution " + ID
        + ":\n+ PutOriginEndpointPolicy live/news/hls");
  }

  @Test
  void cloudFrontWrites_makeAPlanNotEmpty_readAsLinesFirst_andNeverInAPlanNotManaged() {
    DistributionPlan plan = DistributionPlan.builder().channel(ChannelRef.of("live", "news")).distributionId(ID)
        .addCloudFrontWrites(new DistributionPlan.CloudFrontWrite("CreateCachePolicy", "mediapackage-cdn-v2-x"))
        .addPackagerWrites(new DistributionPlan.PackagerWrite("PutOriginEndpointPolicy", "live/news/hls")).build();

    assertThat(plan.isEmpty()).isFalse();
    assertThat(plan).hasToString("plan for channel live/news, distribution " + ID
        + ":\n+ CreateCachePolicy mediapackage-cdn-v2-x (shared by the account's v2 distributions, created once)"
        + "\n+ PutOriginEndpointPolicy live/news/hls");
    assertThatThrownBy(() -> DistributionPlan.builder().channel(CHANNEL)
        .notManaged(DistributionPlan.NotManaged.of(DistributionPlan.Reason.NO_DISTRIBUTION, "none"))
        .addCloudFrontWrites(new DistributionPlan.CloudFrontWrite("CreateCachePolicy", "p")).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPlan_isForADistributionOrANewOneOrNotManaged_exactlyOne() {
    assertThatThrownBy(() -> DistributionPlan.builder().channel(CHANNEL).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DistributionPlan.builder().channel(CHANNEL).distributionId(ID)
        .notManaged(DistributionPlan.NotManaged.of(DistributionPlan.Reason.NO_DISTRIBUTION, "none")).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DistributionPlan.builder().channel(CHANNEL)
        .notManaged(DistributionPlan.NotManaged.of(DistributionPlan.Reason.NO_DISTRIBUTION, "none"))
        .changes(ChangeSet.of(List.of(new DistributionChange.RemoveOrigin("x")))).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DistributionPlan.builder().channel(CHANNEL)
        .notManaged(DistributionPlan.NotManaged.of(DistributionPlan.Reason.NO_DISTRIBUTION, "none"))
        .addPackagerWrites(new DistributionPlan.PackagerWrite("PutOriginEndpointPolicy", "e")).build())
        .isInstanceOf(IllegalStateException.class);
    DistributionPlan none = DistributionPlan.notManaged(CHANNEL, DistributionPlan.Reason.NO_DISTRIBUTION,
        "no distribution");
    assertThat(none.isEmpty()).isTrue();
    assertThat(none).hasToString("plan for channel live-news: not managed, NO_DISTRIBUTION: no distribution");
  }
}
