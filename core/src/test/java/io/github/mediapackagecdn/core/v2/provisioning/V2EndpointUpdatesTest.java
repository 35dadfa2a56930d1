package io.github.mediapackagecdn.core.v2.provisioning;

import static io.github.mediapackagecdn.core.v2.provisioning.V2LayoutTest.GROUP;
import static io.github.mediapackagecdn.core.v2.provisioning.V2LayoutTest.ONE_REGION;
import static io.github.mediapackagecdn.core.v2.provisioning.V2LayoutTest.POLICIES;
import static io.github.mediapackagecdn.core.v2.provisioning.V2LayoutTest.SETTINGS;
import static io.github.mediapackagecdn.core.v2.provisioning.V2LayoutTest.created;
import static io.github.mediapackagecdn.core.v2.provisioning.V2LayoutTest.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.cdn.DistributionUpdater;
import io.github.mediapackagecdn.core.cdn.GatedDistributions;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * v2's planner on the updater v1 shares: concurrent saves of one channel's endpoints coalesce into one update (on
 * {@link V2LayoutTest}'s group, policies, distribution and endpoints).
 */
class V2EndpointUpdatesTest {

  private static final DistributionId ID = DistributionId.of("E2V2COALESCE");
  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");

  private final V2EndpointUpdates planner = new V2EndpointUpdates(SETTINGS);

  private static V2Endpoint hls(String name) {
    return endpoint(name, ContainerType.TS, Manifest.of(ManifestType.HLS, "index"));
  }

  private static V2Endpoint dash(String name) {
    return endpoint(name, ContainerType.CMAF, Manifest.of(ManifestType.DASH, "index"));
  }

  private static V2EndpointUpdates.Request request(V2Endpoint... endpoints) {
    return new V2EndpointUpdates.Request(NEWS, GROUP, ONE_REGION, List.of(endpoints), POLICIES, Optional.empty());
  }

  private static List<String> patterns(DistributionConfig config) {
    return config.cacheBehaviors().stream().map(CacheBehavior::pathPattern).toList();
  }

  @Test
  void plan_ofSeveralRequests_isThePlanOfTheirEndpointsTogether_eachOnce() {
    DistributionConfig config = created();
    V2Endpoint a = hls("a");
    V2Endpoint b = dash("b");

    assertThat(planner.plan(NEWS.ref(), ID, config, List.of(request(a), request(a, b))))
        .isEqualTo(V2Layout.changesFor(config, GROUP, ONE_REGION, List.of(a, b), POLICIES, Optional.empty(), SETTINGS));
    assertThat(planner.channel(request(a))).isEqualTo(NEWS.ref()).hasToString("live/news");
    assertThat(planner.endpointIds(request(a, b))).extracting(Object::toString).containsExactly("a", "b");
  }

  @Test
  void update_savesArrivingWhileAnUpdateIsInFlight_shareOneNextUpdate_andEachIsToldItWasCoalesced()
      throws Exception {
    GatedDistributions cloudFront = new GatedDistributions(Distribution.builder().id(ID)
        .arn("arn:aws:cloudfront::123456789012:distribution/" + ID).domainName("d111111abcdef8.cloudfront.net")
        .status(DistributionStatus.DEPLOYED).etag("E0").config(created()).build());
    List<ProvisioningEvent> events = new CopyOnWriteArrayList<>();
    DistributionUpdater<V2EndpointUpdates.Request> updater = new DistributionUpdater<>(ID, cloudFront,
        SETTINGS.maxUpdateAttempts(), channel -> cloudFront.find(ID).orElseThrow(), planner,
        new Listeners(List.of(events::add), Clock.systemUTC()));
    assertThat(cloudFront.queueBehindTheFirst(updater, request(hls("a")),
        List.of(request(hls("a"), dash("b")), request(hls("a"), hls("c"))))).containsExactly(true, true, true);
    assertThat(cloudFront.updates).as("UpdateDistribution calls").hasValue(2);
    assertThat(patterns(cloudFront.config())).containsExactlyInAnyOrderElementsOf(patterns(
        V2Layout.changesFor(created(), GROUP, ONE_REGION, List.of(hls("a"), dash("b"), hls("c")), POLICIES,
            Optional.empty(), SETTINGS).applyTo(created())));
    assertThat(events).filteredOn(e -> e.step() == ProvisioningEvent.Step.UPDATE_SENT).hasSize(2);
    assertThat(events).filteredOn(e -> e.step() == ProvisioningEvent.Step.UPDATE_COALESCED).hasSize(1);
  }
}
