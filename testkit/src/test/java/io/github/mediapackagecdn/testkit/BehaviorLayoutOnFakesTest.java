package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings.BehaviorLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour layout setting on the fakes, counted in UpdateDistribution calls (each one a deployment of minutes on
 * CloudFront): the console's layout per endpoint format by default, every live format with the first endpoint when
 * set, and in both the rules that never write an unchanged distribution nor replace a user's behaviour.
 */
class BehaviorLayoutOnFakesTest {

  private static final List<String> EVERY_PATTERN = List.of("*.m3u8", "*.ts", "*.mpd", "*.mp4", "*.ism/*");

  private final FakeAws aws = FakeAws.create();

  private ChannelCdn cdn(BehaviorLayout layout) {
    return aws.channelCdn(b -> b.layoutSettings(LiveCdnSettings.builder().behaviorLayout(layout).build()));
  }

  /** Ten endpoints of the channel, the four formats in {@code order} over and over. */
  private static List<EndpointSpec> tenEndpoints(List<Packaging> order) {
    List<EndpointSpec> specs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Packaging packaging = order.get(i % order.size());
      specs.add(EndpointSpec.builder().id(Specs.CHANNEL + "-" + i + "-" + packaging.name().toLowerCase(Locale.ROOT))
          .channelId(Specs.CHANNEL).packaging(packaging).build());
    }
    return specs;
  }

  /** Saves the channel, then each endpoint one by one; answers the UpdateDistribution calls of the endpoint saves. */
  private int updatesSavingOneByOne(ChannelCdn cdn, List<EndpointSpec> endpoints) {
    cdn.saveChannel(Specs.channelWithDistribution());
    aws.clearCalls();
    endpoints.forEach(cdn::saveEndpoint);
    return aws.calls(Operation.UPDATE_DISTRIBUTION).size();
  }

  private List<String> patterns() {
    return Specs.onlyDistribution(aws).config().cacheBehaviors().stream().map(CacheBehavior::pathPattern).toList();
  }

  /** Orders of the four formats, with the updates that saving ten endpoints in that order makes by default. */
  static Stream<Arguments> orders() {
    return Stream.of(
        Arguments.of(List.of(Packaging.HLS, Packaging.DASH, Packaging.CMAF, Packaging.MSS), 3),
        Arguments.of(List.of(Packaging.CMAF, Packaging.HLS, Packaging.DASH, Packaging.MSS), 4),
        Arguments.of(List.of(Packaging.DASH, Packaging.CMAF, Packaging.HLS, Packaging.MSS), 4),
        Arguments.of(List.of(Packaging.MSS, Packaging.HLS, Packaging.DASH, Packaging.CMAF), 3),
        Arguments.of(List.of(Packaging.HLS, Packaging.MSS, Packaging.CMAF, Packaging.DASH), 4),
        Arguments.of(List.of(Packaging.DASH, Packaging.HLS, Packaging.MSS, Packaging.CMAF), 3));
  }

  @Test
  void quickStartsFourFormats_oneByOne_byDefault_makeThreeUpdates() {
    ChannelCdn cdn = aws.channelCdn();

    int updates = updatesSavingOneByOne(cdn, Specs.allFormats());

    // HLS adds *.m3u8 and *.ts; DASH *.mpd and *.mp4; CMAF nothing (both its patterns are there); MSS *.ism/*
    assertThat(updates).isEqualTo(3);
    assertThat(patterns()).containsExactly(EVERY_PATTERN.toArray(String[]::new));
  }

  @Test
  void quickStartsFourFormats_oneByOne_withAllLiveFormats_makeOneUpdate() {
    ChannelCdn cdn = cdn(BehaviorLayout.ALL_LIVE_FORMATS);
    List<CdnOutcome.Action> actions = new ArrayList<>();
    cdn.saveChannel(Specs.channelWithDistribution());
    aws.clearCalls();

    Specs.allFormats().forEach(spec -> actions.add(cdn.saveEndpoint(spec).cdn().action()));

    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    assertThat(actions).containsExactly(CdnOutcome.Action.UPDATED, CdnOutcome.Action.UNCHANGED,
        CdnOutcome.Action.UNCHANGED, CdnOutcome.Action.UNCHANGED);
    assertThat(patterns()).containsExactly(EVERY_PATTERN.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void tenEndpointSavesOfEveryFormat_withAllLiveFormats_makeExactlyOneUpdate(List<Packaging> order, int byDefault) {
    int updates = updatesSavingOneByOne(cdn(BehaviorLayout.ALL_LIVE_FORMATS), tenEndpoints(order));

    assertThat(updates).isEqualTo(1);
    assertThat(aws.channels().allEndpoints()).hasSize(10);
    assertThat(patterns()).containsExactly(EVERY_PATTERN.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void tenEndpointSavesOfEveryFormat_byDefault_makeOneUpdatePerSaveThatBringsANewPattern(List<Packaging> order,
      int byDefault) {
    int updates = updatesSavingOneByOne(cdn(BehaviorLayout.PER_ENDPOINT_FORMAT), tenEndpoints(order));

    assertThat(updates).isEqualTo(byDefault);
    assertThat(patterns()).containsExactlyInAnyOrderElementsOf(EVERY_PATTERN);
  }

  @Test
  void saveEndpoints_aBatchOfTheFourFormats_makesOneUpdateInEitherLayout() {
    for (BehaviorLayout layout : BehaviorLayout.values()) {
      FakeAws account = FakeAws.create();
      ChannelCdn cdn =
          account.channelCdn(b -> b.layoutSettings(LiveCdnSettings.builder().behaviorLayout(layout).build()));
      cdn.saveChannel(Specs.channelWithDistribution());
      account.clearCalls();

      cdn.saveEndpoints(Specs.allFormats());

      assertThat(account.calls(Operation.UPDATE_DISTRIBUTION)).as("%s", layout).hasSize(1);
    }
  }

  @Test
  void reSavingEveryEndpoint_withAllLiveFormats_writesNothing() {
    ChannelCdn cdn = cdn(BehaviorLayout.ALL_LIVE_FORMATS);
    updatesSavingOneByOne(cdn, Specs.allFormats());
    aws.clearCalls();

    Specs.allFormats().forEach(cdn::saveEndpoint);

    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void firstEndpoint_withAllLiveFormats_keepsAUsersBehaviourForOneOfThePatterns() {
    ChannelCdn cdn = cdn(BehaviorLayout.ALL_LIVE_FORMATS);
    cdn.saveChannel(Specs.channelWithDistribution());
    var id = Specs.onlyDistribution(aws).id();
    Origin users = Origin.builder().id("users-dash").domainName("dash.example.com").build();
    aws.distributions().edit(id, c -> DistributionConfig.builder().from(c).addOrigins(users)
        .addCacheBehaviors(CacheBehavior.builder().from(c.defaultBehavior()).pathPattern("*.mpd")
            .targetOriginId("users-dash").build())
        .build());
    CacheBehavior usersMpd = Specs.onlyDistribution(aws).config().behavior("*.mpd").orElseThrow();
    aws.clearCalls();

    cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
    cdn.saveEndpoint(Specs.endpoint(Packaging.DASH));

    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    DistributionConfig after = Specs.onlyDistribution(aws).config();
    assertThat(after.behavior("*.mpd")).contains(usersMpd);
    assertThat(after.origin("users-dash")).contains(users);
    assertThat(patterns()).containsExactly("*.mpd", "*.m3u8", "*.ts", "*.mp4", "*.ism/*");
  }

  @Test
  void switchingAnExistingChannelToAllLiveFormats_makesItsNextSaveUpdate_whyItIsNotTheDefault() {
    aws.channelCdn().saveChannel(Specs.channelWithDistribution());
    aws.channelCdn().saveEndpoint(Specs.endpoint(Packaging.HLS));
    aws.clearCalls();

    aws.channelCdn().saveEndpoint(Specs.endpoint(Packaging.HLS));
    assertThat(aws.writes()).isEmpty();
    CdnOutcome outcome = cdn(BehaviorLayout.ALL_LIVE_FORMATS).saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    assertThat(patterns()).containsExactly(EVERY_PATTERN.toArray(String[]::new));
  }

  @Test
  void audit_withAllLiveFormats_judgesADistributionByTheFormatsItsEndpointsUse() {
    aws.channelCdn().saveChannel(Specs.channelWithDistribution());
    aws.channelCdn().saveEndpoint(Specs.endpoint(Packaging.HLS));

    FleetAudit audit = cdn(BehaviorLayout.ALL_LIVE_FORMATS).audit();

    assertThat(audit.clean()).as("%s", audit).isTrue();
    assertThat(patterns()).containsExactly("*.m3u8", "*.ts");
  }
}
