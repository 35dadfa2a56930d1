package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.cdn.DistributionUpdater;
import io.github.mediapackagecdn.core.cdn.GatedDistributions;
import io.github.mediapackagecdn.core.cdn.Listeners;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.Packaging;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Updates of one distribution are serialized, and what arrives meanwhile is coalesced into the next update. */
class DistributionUpdaterTest {

  private static final DistributionId ID = DistributionId.of("E1U5RQF7T870K0");
  private static final int CALLERS = 10;

  /** The double, holding a distribution as v1 creates it. */
  private static GatedDistributions gated() {
    return new GatedDistributions(Distribution.builder()
        .id(ID).arn("arn:aws:cloudfront::123456789012:distribution/" + ID).domainName("d111111abcdef8.cloudfront.net")
        .status(DistributionStatus.DEPLOYED).etag("E0")
        .config(DistributionLayout.newDistribution(Fixtures.CHANNEL_ID, "ref", CdnSettings.defaults(),
            LiveCdnSettings.defaults()))
        .build());
  }

  private static OriginEndpoint endpoint(int i, Packaging packaging) {
    return Fixtures.endpoint("live-news-" + i, packaging, Fixtures.HOST,
        "/out/v1/" + String.format("%032x", i) + "/index." + (packaging == Packaging.DASH ? "mpd" : "m3u8"));
  }

  private static DistributionUpdater<List<OriginEndpoint>> updater(GatedDistributions cloudFront) {
    return V1Updaters.updater(ID, cloudFront, () -> cloudFront.find(ID).orElseThrow());
  }

  /** What callers 1 to 9 save, one endpoint each, of the packaging {@code packaging} gives the caller. */
  private static List<List<OriginEndpoint>> queued(IntFunction<Packaging> packaging) {
    return IntStream.range(1, CALLERS).mapToObj(i -> List.of(endpoint(i, packaging.apply(i)))).toList();
  }

  @Test
  void update_arrivingWhileAnUpdateIsInFlight_areCoalescedIntoOneNextUpdate() throws Exception {
    GatedDistributions cloudFront = gated();
    List<Boolean> results = cloudFront.queueBehindTheFirst(updater(cloudFront), List.of(endpoint(0, Packaging.HLS)),
        queued(i -> i % 2 == 0 ? Packaging.HLS : Packaging.DASH));

    // the first update carried the HLS needs; every queued DASH caller's needs went into the one coalesced update,
    // so each of them (callers 1, 3, 5, 7, 9) was written for. Each caller writing its own request alone would also
    // make 2 updates, but only the first DASH caller to write would answer true: the others would find it done
    assertThat(cloudFront.updates).hasValue(2);
    assertThat(results).as("the first, then callers 1 to 9 (odd: DASH, even: HLS)")
        .containsExactly(true, true, false, true, false, true, false, true, false, true);
    assertThat(cloudFront.config().cacheBehaviors()).hasSize(4);
  }

  @Test
  void update_queuedBehindAnUpdate_tellTheListenersOfOneUpdateSentAndEachCallerCoalescedIntoIt()
      throws Exception {
    GatedDistributions cloudFront = gated();
    List<ProvisioningEvent> events = new CopyOnWriteArrayList<>();
    DistributionUpdater<List<OriginEndpoint>> updater = V1Updaters.updater(ID, cloudFront, () -> cloudFront.find(ID).orElseThrow(),
        new Listeners(List.of(events::add), Clock.systemUTC()));
    assertThat(cloudFront.queueBehindTheFirst(updater, List.of(endpoint(0, Packaging.HLS)), queued(i -> Packaging.DASH))
        .get(0)).isTrue();

    // one of the queued callers writes for all of them; the other eight are served by its update
    assertThat(cloudFront.updates).hasValue(2);
    assertThat(events).filteredOn(e -> e.step() == ProvisioningEvent.Step.UPDATE_SENT).hasSize(2);
    assertThat(events).filteredOn(e -> e.step() == ProvisioningEvent.Step.UPDATE_COALESCED).hasSize(CALLERS - 2)
        .allSatisfy(e -> {
          assertThat(e.distributionId()).contains(ID);
          assertThat(e.channel()).contains(Fixtures.CHANNEL_ID.ref());
          assertThat(e.endpointIds()).hasSize(1);
        });
    assertThat(events).filteredOn(e -> e.step() == ProvisioningEvent.Step.UPDATE_SENT).last()
        .satisfies(e -> assertThat(e.endpointIds()).hasSize(CALLERS - 1));
  }

  @Test
  void update_whenOneCallersEndpointIsInvalid_onlyThatCallerFails() throws Exception {
    GatedDistributions cloudFront = gated();
    cloudFront.release.countDown();
    DistributionUpdater<List<OriginEndpoint>> updater = updater(cloudFront);

    Throwable failure = null;
    try {
      updater.update(List.of(Fixtures.withAuthorization(Fixtures.hls()))); // no CDN identifier known
    } catch (ValidationException e) {
      failure = e;
    }
    boolean written = updater.update(List.of(Fixtures.dash()));

    assertThat(failure).isInstanceOf(ValidationException.class).hasMessageContaining("CDN identifier");
    assertThat(written).isTrue();
    assertThat(cloudFront.config().behavior("*.mpd")).isPresent();
  }

  /**
   * Every queued caller needs something the in-flight update does not carry (DASH: *.mpd and *.mp4, MSS: *.ism/*),
   * so without coalescing each distinct need would be its own update: at least three in all. Coalesced, the callers
   * queued behind the first update share exactly one more.
   */
  @Test
  void update_queuedCallersWithDifferentNeeds_shareExactlyOneNextUpdate() throws Exception {
    GatedDistributions cloudFront = gated();
    List<Boolean> results = cloudFront.queueBehindTheFirst(updater(cloudFront), List.of(endpoint(0, Packaging.HLS)),
        queued(i -> i % 2 == 0 ? Packaging.MSS : Packaging.DASH));

    assertThat(results).as("the first, then each queued caller, whose needs were in the coalesced update")
        .hasSize(CALLERS).containsOnly(true);
    assertThat(cloudFront.updates).as("UpdateDistribution calls").hasValue(2);
    assertThat(cloudFront.config().cacheBehaviors()).extracting(b -> b.pathPattern())
        .containsExactly("*.m3u8", "*.ts", "*.mpd", "*.mp4", "*.ism/*");
  }
}
