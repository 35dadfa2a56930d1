package io.github.mediapackagecdn.core.v2.provisioning;

import static io.github.mediapackagecdn.core.v2.provisioning.V2LayoutTest.GROUP;
import static io.github.mediapackagecdn.core.v2.provisioning.V2LayoutTest.POLICIES;
import static io.github.mediapackagecdn.core.v2.provisioning.V2LayoutTest.SETTINGS;
import static io.github.mediapackagecdn.core.v2.provisioning.V2LayoutTest.created;
import static io.github.mediapackagecdn.core.v2.provisioning.V2LayoutTest.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link V2Layout#whyNotFromBothRegions}: whether a distribution sends an endpoint's requests to the
 * media-quality-based origin group of both Regions, which a move to the group's distribution requires with a
 * secondary Region.
 */
class V2LayoutBothRegionsTest {

  private static final ChannelGroup SECONDARY = ChannelGroup.builder().name("live")
      .arn("arn:aws:mediapackagev2:eu-west-1:123456789012:channelGroup/live")
      .egressDomain("xyz789.egress.uvw012.mediapackagev2.eu-west-1.amazonaws.com").build();
  private static final V2Endpoint DASH = endpoint("dash", ContainerType.CMAF, Manifest.of(ManifestType.DASH, "index"));

  private static DistributionConfig laidOut(Optional<ChannelGroup> secondary) {
    return V2Layout.changesFor(created(), GROUP, secondary, List.of(DASH), POLICIES, Optional.empty(), SETTINGS)
        .applyTo(created());
  }

  private static DistributionConfig withOriginGroup(UnaryOperator<OriginGroup.Builder> change) {
    DistributionConfig both = laidOut(Optional.of(SECONDARY));
    OriginGroup group = both.originGroups().get(0);
    return DistributionConfig.builder().from(both)
        .originGroups(List.of(change.apply(OriginGroup.builder().from(group)).build())).build();
  }

  @Test
  void laidOutForBothRegions_servesFromBoth() {
    assertThat(V2Layout.whyNotFromBothRegions(laidOut(Optional.of(SECONDARY)), DASH, SECONDARY)).isEmpty();
  }

  @Test
  void laidOutForOneRegion_isNotServedFromTheSecond_withTheBehaviourAndTheGroupItShouldTarget() {
    DistributionConfig one = laidOut(Optional.empty());

    assertThat(V2Layout.whyNotServed(one, DASH)).as("the first Region serves it").isEmpty();
    assertThat(V2Layout.whyNotFromBothRegions(one, DASH, SECONDARY)).hasValue("cache behaviour"
        + " '/out/v1/live/news/dash/*.mpd' sends /out/v1/live/news/dash/index.mpd to 'EMP2-live', not to the"
        + " media-quality-based origin group 'EMP2-live-mqar' of both Regions (its second origin"
        + " 'EMP2-live-eu-west-1' on " + SECONDARY.egressDomain() + "), so the secondary Region would never serve"
        + " endpoint live/news/dash");
  }

  @Test
  void anOriginGroupOfFailoverOnly_orWithAnotherSecondOrigin_isNotServedFromTheSecond() {
    DistributionConfig failover = withOriginGroup(g -> g.selectionCriteria(OriginGroup.SelectionCriteria.DEFAULT));
    Origin elsewhere = Origin.builder().from(laidOut(Optional.of(SECONDARY)).origin("EMP2-live-eu-west-1")
        .orElseThrow()).id("EMP2-live-eu-central-1").domainName("other.mediapackagev2.eu-central-1.amazonaws.com")
        .build();
    DistributionConfig otherMember = DistributionConfig.builder().from(withOriginGroup(g -> g.secondaryOriginId(
        elsewhere.id()))).addOrigins(elsewhere).build();

    assertThat(V2Layout.whyNotFromBothRegions(failover, DASH, SECONDARY)).isPresent();
    assertThat(V2Layout.whyNotFromBothRegions(otherMember, DASH, SECONDARY)).isPresent();
  }

  @Test
  void theSecondOriginOnAnotherDomain_isNotServedFromTheSecond() {
    DistributionConfig both = laidOut(Optional.of(SECONDARY));
    DistributionConfig moved = DistributionConfig.builder().from(both).origins(both.origins().stream()
        .map(o -> o.id().equals("EMP2-live-eu-west-1")
            ? Origin.builder().from(o).domainName("old.mediapackagev2.eu-west-1.amazonaws.com").build() : o)
        .toList()).build();

    assertThat(V2Layout.whyNotFromBothRegions(moved, DASH, SECONDARY)).isPresent();
  }

  @Test
  void aRequestTheDefaultBehaviourTakes_isNamedSo() {
    DistributionConfig defaultOnly = DistributionConfig.builder().from(laidOut(Optional.of(SECONDARY)))
        .cacheBehaviors(List.of()).build();

    assertThat(V2Layout.whyNotFromBothRegions(defaultOnly, DASH, SECONDARY)).hasValueSatisfying(r -> assertThat(r)
        .startsWith("the default cache behaviour sends /out/v1/live/news/dash/index.mpd to 'EMP2-live'"));
  }
}
