package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.AuditFinding.Kind;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.error.UnknownOutcomeException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.event.ProvisioningEvent.Step;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.cdn.RepairOptions;
import io.github.mediapackagecdn.core.cdn.RepairResult;
import io.github.mediapackagecdn.testkit.assertions.ProvisioningEventsAssert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code ChannelCdn.repair(audit)} on the fakes: it gives back what was deleted in the console, leaves orphans, changed
 * link tags and ambiguous links for a person, keeps to its update rate on the fake clock (the exact waits), and goes
 * on after a failure without repeating a write; and the events of the audit and the repair.
 */
class FleetRepairOnFakesTest {

  private static final String LINK = CdnSettings.LINK_TAG_KEY;

  private final FakeAws aws = FakeAws.create();
  private final RecordingListener events = new RecordingListener();
  /** Every pause the library asked for, in order; each moves the fake clock, nothing sleeps. */
  private final List<Duration> waits = new ArrayList<>();
  private final ChannelCdn cdn = aws.channelCdn(b -> b.listener(events).sleeper(d -> {
    waits.add(d);
    aws.clock().advance(d);
  }));

  /** A user deletes the distribution's {@code *.mpd} behaviour in the CloudFront console. */
  private void deleteDashBehaviourInTheConsole(DistributionId id) {
    aws.distributions().edit(id, c -> DistributionConfig.builder().from(c)
        .cacheBehaviors(c.cacheBehaviors().stream().filter(b -> !b.pathPattern().equals("*.mpd")).toList())
        .build());
  }

  /** Channels {@code live-0} to {@code live-<n-1>}, each served, then its {@code *.mpd} deleted in the console. */
  private List<DistributionId> brokenInTheConsole(int n) {
    List<DistributionId> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DistributionId id = Specs.served(cdn, "live-" + i);
      deleteDashBehaviourInTheConsole(id);
      ids.add(id);
    }
    return ids;
  }

  /** The audit, then the calls, waits and events forgotten so that the repair's can be counted alone. */
  private FleetAudit auditThenForget() {
    FleetAudit audit = cdn.audit();
    aws.clearCalls();
    waits.clear();
    events.clear();
    return audit;
  }

  private boolean hasDashBehaviour(DistributionId id) {
    return aws.distributions().peek(id).orElseThrow().config().behavior("*.mpd").isPresent();
  }

  /** The next {@code reads} GetDistribution calls each take five seconds on the fake clock. */
  private void readsOfTheDistributionTakeFiveSeconds(int reads) {
    for (int i = 0; i < reads; i++) {
      aws.beforeNext(Operation.GET_DISTRIBUTION, () -> aws.clock().advance(Duration.ofSeconds(5)));
    }
  }

  /** The time between each two UpdateDistribution calls, as the fake clock dated them. */
  private List<Duration> spacingOfTheUpdates() {
    List<Instant> at = aws.calls(Operation.UPDATE_DISTRIBUTION).stream().map(RecordedCall::at).toList();
    List<Duration> spacing = new ArrayList<>();
    for (int i = 1; i < at.size(); i++) {
      spacing.add(Duration.between(at.get(i - 1), at.get(i)));
    }
    return spacing;
  }

  private static List<ChannelId> channels(List<LinkedChannel> linked) {
    return linked.stream().map(l -> ChannelId.of(l.channel().name())).toList();
  }

  private static ChannelId channel(int i) {
    return ChannelId.of("live-" + i);
  }

  @Nested
  class Repairs {

    @Test
    void repair_ofAChannelWhoseTagNoLongerNamesItsDistribution_recordsTheLinkFoundThroughTheIndex_thenRepairs() {
      DistributionId id = brokenInTheConsole(1).get(0);
      aws.channels().tag(aws.channels().find(channel(0)).orElseThrow().arn(),
          Map.of(CdnSettings.CHANNEL_TAG_KEY, "requested")); // as a creation whose answer was lost leaves it
      FleetAudit audit = auditThenForget();
      assertThat(audit.findings()).extracting(AuditFinding::kind).containsExactly(Kind.NOT_SERVED);

      RepairResult result = cdn.repair(audit);

      assertThat(channels(result.repaired())).containsExactly(channel(0));
      assertThat(hasDashBehaviour(id)).isTrue();
      assertThat(aws.channels().find(channel(0)).orElseThrow().tags())
          .as("the link found through the tag index alone is recorded on the channel")
          .containsEntry(CdnSettings.CHANNEL_TAG_KEY, id.value());
      assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.TAG_RESOURCE,
          Operation.UPDATE_DISTRIBUTION);
      assertThat(cdn.audit().clean()).isTrue();
    }

    @Test
    void repair_ofABehaviourDeletedInTheConsole_addsItBackWithOneUpdateAndTheNextAuditIsClean() {
      DistributionId id = brokenInTheConsole(1).get(0);
      FleetAudit audit = auditThenForget();
      assertThat(audit.findings()).extracting(AuditFinding::kind).containsExactly(Kind.NOT_SERVED);

      RepairResult result = cdn.repair(audit);

      assertThat(hasDashBehaviour(id)).isTrue();
      assertThat(channels(result.repaired())).containsExactly(channel(0));
      assertThat(result.leftForPerson()).isEmpty();
      assertThat(result.failed()).isEmpty();
      assertThat(result.complete()).isTrue();
      assertThat(result.waited()).isZero();
      assertThat(waits).isEmpty();
      // the channel and its link are read again before the write: the audit may be old (the index first, whose
      // answer gives the adapter the ARN the link tag is read on)
      assertThat(aws.calls()).extracting(RecordedCall::operation).containsExactly(Operation.DESCRIBE_CHANNEL,
          Operation.GET_RESOURCES, Operation.LIST_TAGS_FOR_RESOURCE, Operation.LIST_ORIGIN_ENDPOINTS,
          Operation.GET_DISTRIBUTION, Operation.UPDATE_DISTRIBUTION);
      assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.UPDATE_DISTRIBUTION);
      assertThat(cdn.audit().clean()).isTrue();
    }

    @Test
    void repair_whenNothingIsToRepair_callsNothingAtAll() {
      Specs.served(cdn, "live-0");
      FleetAudit audit = auditThenForget();

      RepairResult result = cdn.repair(audit);

      assertThat(aws.calls()).isEmpty();
      assertThat(result.repaired()).isEmpty();
      assertThat(result.unchanged()).isEmpty();
      assertThat(result.leftForPerson()).isEmpty();
      assertThat(result.complete()).isTrue();
      assertThat(result).hasToString("Fleet repair: 0 repaired, 0 served already, 0 left for a person, 0 failed, "
          + "0 remaining; waited 0 s for the update rate");
    }

    @Test
    void repair_ofTheSameAuditAgain_readsButWritesNothing() {
      brokenInTheConsole(2);
      FleetAudit audit = auditThenForget();
      cdn.repair(audit);
      aws.clearCalls();
      waits.clear();

      RepairResult again = cdn.repair(audit);

      assertThat(aws.writes()).isEmpty();
      assertThat(aws.calls(Operation.GET_DISTRIBUTION)).hasSize(2);
      assertThat(channels(again.unchanged())).containsExactly(channel(0), channel(1));
      assertThat(again.repaired()).isEmpty();
      assertThat(again.complete()).isTrue();
      assertThat(waits).as("no write, so no wait").isEmpty();
    }

    @Test
    void repair_ofAnOriginPointedElsewhere_addsTheChannelOriginAndLeavesTheEndpointsItsBehavioursMisrouteForAPerson() {
      DistributionId id = Specs.served(cdn, "live-0");
      aws.distributions().edit(id, c -> DistributionConfig.builder().from(c)
          .origins(c.origins().stream().map(o -> Origin.builder().from(o).domainName("example.com").build()).toList())
          .build());
      FleetAudit audit = auditThenForget();
      assertThat(audit.findings()).extracting(AuditFinding::kind).containsExactly(Kind.NOT_SERVED,
          Kind.ENDPOINT_WITHOUT_CDN_URL, Kind.ENDPOINT_WITHOUT_CDN_URL);

      RepairResult result = cdn.repair(audit);

      assertThat(channels(result.repaired())).containsExactly(channel(0));
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
      // the user's behaviours still send both endpoints to example.com: a person's fix, as the distribution is now
      assertThat(result.leftForPerson()).extracting(AuditFinding::kind)
          .containsExactly(Kind.ENDPOINT_WITHOUT_CDN_URL, Kind.ENDPOINT_WITHOUT_CDN_URL);
      assertThat(result.leftForPerson()).allSatisfy(f -> assertThat(f.detail()).contains("example.com"));
      assertThat(result.complete()).isTrue();
    }
  }

  @Nested
  class LeftForAPerson {

    @Test
    void repair_neverTouchesOrphansChangedLinkTagsOrAmbiguousLinks_andReportsEachForAPerson() {
      DistributionId orphan = cdn.saveChannel(ChannelSpec.builder().id("live-gone").createDistribution(true).build())
          .cdn().distributionId().orElseThrow();
      aws.channels().delete(ChannelId.of("live-gone"));
      DistributionId untagged = Specs.served(cdn, "live-untagged");
      deleteDashBehaviourInTheConsole(untagged);
      aws.distributions().untag(untagged, LINK);
      DistributionId first = Specs.served(cdn, "live-twice");
      DistributionId second = aws.distributions().create(
          SampleDistributions.newChannelDistribution(ChannelId.of("live-twice"), "by-hand"),
          Map.of(LINK, aws.channels().find(ChannelId.of("live-twice")).orElseThrow().arn().value())).id();
      DistributionId broken = Specs.served(cdn, "live-broken");
      deleteDashBehaviourInTheConsole(broken);
      FleetAudit audit = auditThenForget();
      List<DistributionConfig> before = List.of(orphan, untagged, first, second).stream()
          .map(d -> aws.distributions().peek(d).orElseThrow().config()).toList();

      RepairResult result = cdn.repair(audit);

      assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.UPDATE_DISTRIBUTION);
      assertThat(aws.writes().get(0).arguments()).contains(broken);
      assertThat(List.of(orphan, untagged, first, second).stream()
          .map(d -> aws.distributions().peek(d).orElseThrow().config()).toList()).isEqualTo(before);
      assertThat(channels(result.repaired())).containsExactly(ChannelId.of("live-broken"));
      assertThat(result.leftForPerson()).extracting(AuditFinding::kind).containsExactlyInAnyOrder(Kind.ORPHAN,
          Kind.LINK_TAG_CHANGED, Kind.REQUESTED_BUT_MISSING, Kind.AMBIGUOUS_LINK);
      assertThat(result.leftForPerson()).isEqualTo(audit.findings().stream()
          .filter(f -> f.kind() != Kind.NOT_SERVED).toList());
      assertThat(result.complete()).isTrue();
      ProvisioningEventsAssert.assertThat(events).hasExactly(4, Step.REPAIR_SKIPPED).hasExactly(1, Step.REPAIRED);
      assertThat(events.events(Step.REPAIR_SKIPPED)).extracting(e -> e.detail().orElseThrow())
          .anySatisfy(d -> assertThat(d).startsWith("ORPHAN: tagged " + LINK + "="));
    }

    @Test
    void repair_whenTheLinkChangedSinceTheAudit_leavesTheChannelForAPersonAndWritesNothing() {
      DistributionId id = brokenInTheConsole(1).get(0);
      FleetAudit audit = auditThenForget();
      aws.distributions().untag(id, LINK);

      RepairResult result = cdn.repair(audit);

      assertThat(aws.writes()).isEmpty();
      assertThat(result.repaired()).isEmpty();
      assertThat(result.leftForPerson()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.NOT_SERVED);
        assertThat(f.detail()).isEqualTo("missing cache behaviour *.mpd; not repaired: it has no linked distribution "
            + "now, not " + id + " as audited: audit again");
      });
      assertThat(result.complete()).isTrue();
    }

    @Test
    void repair_whenTheChannelWasDeletedSinceTheAudit_leavesItForAPerson() {
      brokenInTheConsole(1);
      FleetAudit audit = auditThenForget();
      cdn.teardown(channel(0), io.github.mediapackagecdn.core.cdn.TeardownOptions.defaults());
      aws.clearCalls();

      RepairResult result = cdn.repair(audit);

      assertThat(aws.writes()).isEmpty();
      assertThat(aws.calls()).extracting(RecordedCall::operation).containsExactly(Operation.DESCRIBE_CHANNEL);
      assertThat(result.leftForPerson()).extracting(AuditFinding::detail)
          .contains("missing cache behaviour *.mpd; not repaired: the channel no longer exists");
    }
  }

  @Nested
  class Rate {

    @Test
    void repair_ofThreeChannels_byDefault_waitsTwentySecondsBeforeEachUpdateAfterTheFirst() {
      brokenInTheConsole(3);
      FleetAudit audit = auditThenForget();

      RepairResult result = cdn.repair(audit);

      assertThat(RepairOptions.DEFAULT_UPDATE_INTERVAL).isEqualTo(Duration.ofSeconds(20));
      assertThat(waits).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(20));
      assertThat(result.waited()).isEqualTo(Duration.ofSeconds(40));
      assertThat(spacingOfTheUpdates()).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(20));
      assertThat(events.events(Step.RATE_WAIT)).extracting(ProvisioningEvent::duration)
          .containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(20));
      assertThat(events.events(Step.RATE_WAIT)).extracting(e -> e.channel().orElseThrow())
          .containsExactly(channel(1).ref(), channel(2).ref());
    }

    @Test
    void repair_atTheRateTheCallerSets_waitsExactlyThatInterval() {
      brokenInTheConsole(3);
      FleetAudit audit = auditThenForget();

      RepairResult result = cdn.repair(audit, RepairOptions.builder().updateInterval(Duration.ofMinutes(1)).build());

      assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(1));
      assertThat(result.waited()).isEqualTo(Duration.ofMinutes(2));
      assertThat(result.repaired()).hasSize(3);
    }

    @Test
    void repair_whenReadsTakeTime_spacesTheUpdatesByMoreThanTheInterval() {
      brokenInTheConsole(3);
      FleetAudit audit = auditThenForget();
      readsOfTheDistributionTakeFiveSeconds(3);

      cdn.repair(audit);

      // live-0 writes at t=5; live-1 waits until t=25, reads, writes at t=30; live-2 waits until t=50, writes at 55
      assertThat(waits).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(20));
      assertThat(spacingOfTheUpdates()).containsExactly(Duration.ofSeconds(25), Duration.ofSeconds(25));
    }

    @Test
    void repair_aChannelServedAlreadyIsPacedAfterAWrite_butSetsNoPaceItself() {
      List<DistributionId> ids = brokenInTheConsole(3);
      FleetAudit audit = auditThenForget();
      aws.channelCdn().reconcile(channel(1)); // another instance repairs live-1 after the audit
      aws.clearCalls();
      readsOfTheDistributionTakeFiveSeconds(3);

      RepairResult result = cdn.repair(audit);

      // live-0 writes at t=5; live-1 waits until t=25 (a repair cannot tell before its read whether it writes), reads
      // at t=30 and writes nothing; live-2 need not wait: 20 s have passed since the last write
      assertThat(waits).containsExactly(Duration.ofSeconds(20));
      assertThat(channels(result.repaired())).containsExactly(channel(0), channel(2));
      assertThat(channels(result.unchanged())).containsExactly(channel(1));
      assertThat(spacingOfTheUpdates()).containsExactly(Duration.ofSeconds(30));
      assertThat(ids).allMatch(FleetRepairOnFakesTest.this::hasDashBehaviour);
    }

    @Test
    void repair_withAZeroInterval_neverWaits() {
      brokenInTheConsole(3);
      FleetAudit audit = auditThenForget();

      RepairResult result = cdn.repair(audit, RepairOptions.builder().updateInterval(Duration.ZERO).build());

      assertThat(waits).isEmpty();
      assertThat(result.repaired()).hasSize(3);
      ProvisioningEventsAssert.assertThat(events).hasNone(Step.RATE_WAIT);
    }

    @Test
    void repairOptions_refuseANegativeIntervalAndFewerThanOneUpdate() {
      assertThatThrownBy(() -> RepairOptions.builder().updateInterval(Duration.ofSeconds(-1)).build())
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> RepairOptions.builder().maxUpdates(0).build()).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> cdn.repair(null)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> cdn.repair(FleetAudit.builder().channelCount(0).endpointCount(0).distributionCount(0)
          .build(), null)).isInstanceOf(ValidationException.class);
    }
  }

  @Nested
  class Resumption {

    @Test
    void repair_afterAFailedUpdate_goesOnWithTheOthers_andRepairingTheRemainingPartFinishesTheJob() {
      List<DistributionId> ids = brokenInTheConsole(3);
      FleetAudit audit = auditThenForget();
      aws.failNext(Operation.UPDATE_DISTRIBUTION).withServiceUnavailable();

      RepairResult first = cdn.repair(audit);

      assertThat(first.failed()).containsOnlyKeys(channel(0).ref());
      assertThat(first.failed().get(channel(0).ref())).isInstanceOf(ServiceFailureException.class);
      assertThat(channels(first.repaired())).containsExactly(channel(1), channel(2));
      assertThat(first.complete()).isFalse();
      assertThat(first.remaining().findings()).singleElement().satisfies(f -> {
        assertThat(f.kind()).isEqualTo(Kind.NOT_SERVED);
        assertThat(f.channel()).contains(channel(0).ref());
      });
      assertThat(channels(first.remaining().linked())).containsExactly(channel(0));
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(3); // one refused, two written
      assertThat(waits).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(20)); // a failure is paced too
      ProvisioningEventsAssert.assertThat(events).hasExactly(1, Step.FAILED).hasExactly(2, Step.REPAIRED);
      aws.clearCalls();
      waits.clear();

      RepairResult second = cdn.repair(first.remaining());

      assertThat(channels(second.repaired())).containsExactly(channel(0));
      assertThat(second.complete()).isTrue();
      assertThat(aws.writes()).extracting(RecordedCall::operation).containsExactly(Operation.UPDATE_DISTRIBUTION);
      assertThat(aws.writes().get(0).arguments()).contains(ids.get(0));
      assertThat(waits).isEmpty();
      assertThat(ids).allMatch(FleetRepairOnFakesTest.this::hasDashBehaviour);
    }

    @Test
    void repair_whenThrottled_stopsAndLeavesTheRestRemaining_thenTheSameAuditFinishesWithoutRepeatingAWrite() {
      List<DistributionId> ids = brokenInTheConsole(3);
      FleetAudit audit = auditThenForget();
      cdn.repair(audit, RepairOptions.builder().maxUpdates(1).build()); // live-0 repaired
      aws.clearCalls();
      aws.failNext(Operation.UPDATE_DISTRIBUTION).withThrottling();

      RepairResult throttled = cdn.repair(audit);

      // live-0 is served already (read, not written); live-1 is throttled; live-2 is not reached
      assertThat(channels(throttled.unchanged())).containsExactly(channel(0));
      assertThat(throttled.failed()).containsOnlyKeys(channel(1).ref());
      assertThat(throttled.failed().get(channel(1).ref())).isInstanceOf(ThrottledException.class);
      assertThat(throttled.remaining().findings()).extracting(f -> f.channel().orElseThrow())
          .containsExactly(channel(1).ref(), channel(2).ref());
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
      assertThat(aws.calls(Operation.GET_DISTRIBUTION)).hasSize(2);
      ProvisioningEventsAssert.assertThat(events).hasInOrder(Step.THROTTLED, Step.FAILED, Step.REPAIR_COMPLETED);
      aws.clearCalls();

      RepairResult last = cdn.repair(audit);

      assertThat(channels(last.unchanged())).containsExactly(channel(0));
      assertThat(channels(last.repaired())).containsExactly(channel(1), channel(2));
      assertThat(aws.writes()).extracting(w -> w.arguments().get(0)).containsExactly(ids.get(1), ids.get(2));
      assertThat(last.complete()).isTrue();
    }

    @Test
    void repair_afterALostResponse_findsTheUpdateDoneOnTheNextRunAndDoesNotWriteItAgain() {
      DistributionId id = brokenInTheConsole(1).get(0);
      FleetAudit audit = auditThenForget();
      aws.loseNextResponse(Operation.UPDATE_DISTRIBUTION);

      RepairResult first = cdn.repair(audit);

      assertThat(first.failed().get(channel(0).ref())).isInstanceOf(UnknownOutcomeException.class);
      assertThat(hasDashBehaviour(id)).isTrue();
      aws.clearCalls();

      RepairResult second = cdn.repair(first.remaining());

      assertThat(aws.writes()).isEmpty();
      assertThat(channels(second.unchanged())).containsExactly(channel(0));
      assertThat(second.complete()).isTrue();
    }

    @Test
    void repair_withAMaximumOfUpdates_leavesTheRestRemainingForTheNextRun() {
      brokenInTheConsole(3);
      FleetAudit audit = auditThenForget();
      RepairOptions twoARun = RepairOptions.builder().maxUpdates(2).updateInterval(Duration.ofSeconds(30)).build();

      RepairResult first = cdn.repair(audit, twoARun);

      assertThat(channels(first.repaired())).containsExactly(channel(0), channel(1));
      assertThat(first.remaining().findings()).extracting(f -> f.channel().orElseThrow()).containsExactly(channel(2).ref());
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(2);
      assertThat(waits).containsExactly(Duration.ofSeconds(30));
      aws.clearCalls();

      RepairResult second = cdn.repair(first.remaining(), twoARun);

      assertThat(channels(second.repaired())).containsExactly(channel(2));
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
      assertThat(second.complete()).isTrue();
    }

    @Test
    void repair_interruptedDuringAWait_stopsThere_keepsTheInterruptFlag_andLeavesTheRestRemaining() {
      brokenInTheConsole(3);
      FleetAudit audit = auditThenForget();
      ChannelCdn interrupting = aws.channelCdn(b -> b.sleeper(d -> Thread.currentThread().interrupt()));

      RepairResult result;
      try {
        result = interrupting.repair(audit);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }

      assertThat(channels(result.repaired())).containsExactly(channel(0));
      assertThat(result.remaining().findings()).extracting(f -> f.channel().orElseThrow())
          .containsExactly(channel(1).ref(), channel(2).ref());
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).hasSize(1);
    }
  }

  @Nested
  class Events {

    @Test
    void audit_emitsOneEventPerListingWithItsCountAndDuration_thenOneWithTheWholeAudit() {
      brokenInTheConsole(2);
      events.clear();
      aws.clearCalls();
      aws.beforeNext(Operation.LIST_DISTRIBUTIONS, () -> aws.clock().advance(Duration.ofMillis(250)));

      cdn.audit();

      assertThat(events.steps()).containsExactly(Step.AUDIT_READ, Step.AUDIT_READ, Step.AUDIT_READ, Step.AUDIT_READ,
          Step.AUDIT_COMPLETED);
      assertThat(events.events(Step.AUDIT_READ)).extracting(ProvisioningEvent::operation, ProvisioningEvent::count,
          ProvisioningEvent::duration).containsExactly(
              org.assertj.core.groups.Tuple.tuple("ListChannels", 2, Duration.ZERO),
              org.assertj.core.groups.Tuple.tuple("ListOriginEndpoints", 4, Duration.ZERO),
              org.assertj.core.groups.Tuple.tuple("GetResources", 2, Duration.ZERO),
              org.assertj.core.groups.Tuple.tuple("ListDistributions", 2, Duration.ofMillis(250)));
      ProvisioningEvent completed = events.events(Step.AUDIT_COMPLETED).get(0);
      assertThat(completed.count()).isEqualTo(4);
      assertThat(completed.duration()).isEqualTo(Duration.ofMillis(250));
      assertThat(completed.channel()).isEmpty();
      assertThat(completed.detail()).contains("2 channels, 2 distributions, 2 findings");
      assertThat(completed).hasToString("ProvisioningEvent[AUDIT_COMPLETED, fleet, attempt 1, 250 ms, count 4, "
          + "2 channels, 2 distributions, 2 findings]");
      assertThat(aws.calls()).hasSize(4); // one page each, one call per listing
    }

    @Test
    void repair_emitsItsStartEachChannelsRepairSkipOrFailureEachWaitAndItsEnd() {
      DistributionId orphan = cdn.saveChannel(ChannelSpec.builder().id("live-gone").createDistribution(true).build())
          .cdn().distributionId().orElseThrow();
      aws.channels().delete(ChannelId.of("live-gone"));
      List<DistributionId> ids = brokenInTheConsole(3);
      FleetAudit audit = auditThenForget();
      aws.failNext(Operation.UPDATE_DISTRIBUTION).withServiceUnavailable(); // live-0

      cdn.repair(audit);

      assertThat(events.steps()).filteredOn(s -> s.compareTo(Step.AUDIT_READ) >= 0 || s == Step.FAILED)
          .containsExactly(Step.REPAIR_STARTED, Step.FAILED, Step.RATE_WAIT, Step.REPAIRED, Step.RATE_WAIT,
              Step.REPAIRED, Step.REPAIR_SKIPPED, Step.REPAIR_COMPLETED);
      assertThat(events.events(Step.REPAIR_STARTED).get(0).count()).isEqualTo(3);
      assertThat(events.events(Step.REPAIRED)).extracting(e -> e.channel().orElseThrow(),
          e -> e.distributionId().orElseThrow()).containsExactly(
              org.assertj.core.groups.Tuple.tuple(channel(1).ref(), ids.get(1)),
              org.assertj.core.groups.Tuple.tuple(channel(2).ref(), ids.get(2)));
      assertThat(events.events(Step.REPAIRED).get(0).detail()).contains("the audit found missing cache behaviour *.mpd");
      ProvisioningEvent skipped = events.events(Step.REPAIR_SKIPPED).get(0);
      assertThat(skipped.channel()).isEmpty();
      assertThat(skipped.distributionId()).contains(orphan);
      ProvisioningEvent completed = events.events(Step.REPAIR_COMPLETED).get(0);
      assertThat(completed.count()).isEqualTo(2);
      assertThat(completed.duration()).isEqualTo(Duration.ofSeconds(40));
      assertThat(completed.detail()).contains("0 served already, 1 left for a person, 1 failed, 1 remaining");
    }

    @Test
    void repair_ofAChannelServedAlready_emitsASkipSayingNothingWasWritten() {
      brokenInTheConsole(1);
      FleetAudit audit = auditThenForget();
      cdn.repair(audit);
      events.clear();

      cdn.repair(audit);

      assertThat(events.steps()).containsExactly(Step.REPAIR_STARTED, Step.REPAIR_SKIPPED, Step.REPAIR_COMPLETED);
      assertThat(events.events(Step.REPAIR_SKIPPED).get(0).detail())
          .contains("served already when read again: nothing written");
    }
  }

  @Test
  void toString_isAReportWithTheCountsAndOneLinePerChannelAndFinding() {
    DistributionId orphan = cdn.saveChannel(ChannelSpec.builder().id("live-gone").createDistribution(true).build())
        .cdn().distributionId().orElseThrow();
    String arn = aws.channels().find(ChannelId.of("live-gone")).orElseThrow().arn().value();
    aws.channels().delete(ChannelId.of("live-gone"));
    List<DistributionId> ids = brokenInTheConsole(2);
    FleetAudit audit = auditThenForget();
    aws.failNext(Operation.UPDATE_DISTRIBUTION).withServiceUnavailable();

    RepairResult result = cdn.repair(audit);

    assertThat(result.toString()).isEqualTo("""
        Fleet repair: 1 repaired, 0 served already, 1 left for a person, 1 failed, 1 remaining; waited 20 s for the \
        update rate
        Repaired:
          live-1 -> %s, 2 endpoints: missing cache behaviour *.mpd
        Left for a person:
          ORPHAN distribution [%s]: tagged %s=%s, a channel that no longer exists
        Failed:
          live-0: %s
        Remaining:
          NOT_SERVED channel live-0 distribution [%s]: missing cache behaviour *.mpd""".formatted(ids.get(1), orphan,
        LINK, arn, result.failed().get(channel(0).ref()), ids.get(0)));
  }
}
