package io.github.mediapackagecdn.testkit;

import static io.github.mediapackagecdn.testkit.assertions.CdnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.event.ProvisioningEvent.Step;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One test per step the library tells its listeners, on the fakes, through the testkit's {@link RecordingListener};
 * then a listener that throws, secrecy, and the default with no listener. (Coalesced updates need two threads inside
 * one update, which the fakes' single lock cannot hold: {@code DistributionUpdaterTest} in core counts them.)
 */
class EventsOnFakesTest {

  private static final ChannelId CHANNEL = ChannelId.of(Specs.CHANNEL);
  private static final String SECRET = "5f2d8c1a-3b4e-4f6a-9c7d-1e2f3a4b5c6d";
  private static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/none.log"));

  private final FakeAws aws = FakeAws.create();
  private final RecordingListener events = new RecordingListener();
  private final ChannelCdn cdn = aws.channelCdn(builder -> builder.listener(events));

  @Test
  void saveChannel_tellsChannelSavedOnce_withTheOperationWrittenOrNoneWhenUnchanged() {
    cdn.saveChannel(Specs.channelWithoutDistribution());
    cdn.saveChannel(Specs.channelWithoutDistribution());

    assertThat(events).hasExactly(2, Step.CHANNEL_SAVED);
    assertThat(events.events(Step.CHANNEL_SAVED)).extracting(ProvisioningEvent::operation)
        .containsExactly("CreateChannel", "");
    assertThat(events.events(Step.CHANNEL_SAVED)).extracting(ProvisioningEvent::channel).containsOnly(Optional.of(CHANNEL.ref()));
    assertThat(events.steps()).containsExactly(Step.CHANNEL_SAVED, Step.CHANNEL_SAVED);
  }

  @Test
  void saveChannelWithADistribution_tellsDistributionCreatedOnce() {
    cdn.saveChannel(Specs.channelWithDistribution());

    assertThat(events).hasExactly(1, Step.DISTRIBUTION_CREATED).hasNone(Step.DISTRIBUTION_ADOPTED)
        .hasInOrder(Step.CHANNEL_SAVED, Step.DISTRIBUTION_CREATED);
    ProvisioningEvent created = events.events(Step.DISTRIBUTION_CREATED).get(0);
    assertThat(created.distributionId()).contains(Specs.onlyDistribution(aws).id());
    assertThat(created.operation()).isEqualTo("CreateDistributionWithTags");
    assertThat(created.attempt()).isEqualTo(1);
    assertThat(aws.calls()).hasExactly(1, Operation.CREATE_DISTRIBUTION_WITH_TAGS);
  }

  @Test
  void callerReferenceHeldByADistributionNoLongerLinked_tellsGenerationTakenOnce_thenCreatedAtTheNextAttempt() {
    cdn.saveChannel(Specs.channelWithDistribution());
    Distribution original = Specs.onlyDistribution(aws);
    aws.distributions().untag(original.id(), CdnSettings.LINK_TAG_KEY);
    events.clear();

    CdnOutcome outcome = cdn.saveChannel(Specs.channelWithDistribution()).cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(events).hasExactly(1, Step.CALLER_REFERENCE_GENERATION_TAKEN).hasExactly(1, Step.DISTRIBUTION_CREATED)
        .hasInOrder(Step.CALLER_REFERENCE_GENERATION_TAKEN, Step.DISTRIBUTION_CREATED);
    ProvisioningEvent taken = events.events(Step.CALLER_REFERENCE_GENERATION_TAKEN).get(0);
    assertThat(taken.distributionId()).contains(original.id());
    assertThat(taken.attempt()).isEqualTo(1);
    ProvisioningEvent created = events.events(Step.DISTRIBUTION_CREATED).get(0);
    assertThat(created.attempt()).isEqualTo(2);
    assertThat(created.distributionId()).isEqualTo(outcome.distributionId());
  }

  @Test
  void saveEndpoint_tellsChangePlannedOnce_withTheChangeSetTheUpdateSent() {
    cdn.saveChannel(Specs.channelWithDistribution());
    aws.clearCalls();

    cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
    cdn.saveEndpoint(Specs.endpoint(Packaging.HLS)); // nothing missing: nothing planned

    assertThat(events).hasExactly(1, Step.CHANGE_PLANNED);
    ProvisioningEvent planned = events.events(Step.CHANGE_PLANNED).get(0);
    assertThat(aws.calls()).hasExactly(1, Operation.UPDATE_DISTRIBUTION);
    ChangeSet sent = (ChangeSet) aws.calls(Operation.UPDATE_DISTRIBUTION).get(0).arguments().get(2);
    assertThat(planned.changes()).contains(sent);
    assertThat(planned.changes().orElseThrow().isEmpty()).isFalse();
    assertThat(planned.endpointIds()).containsExactly(OriginEndpointId.of("live-news-hls"));
  }

  @Test
  void saveEndpoint_tellsUpdateSentOncePerUpdateDistribution_andNoWaitWhenEverythingIsVisible() {
    cdn.saveChannel(Specs.channelWithDistribution());
    aws.clearCalls();

    cdn.saveEndpoints(Specs.allFormats());

    assertThat(aws.calls()).hasExactly(1, Operation.UPDATE_DISTRIBUTION);
    assertThat(events).hasExactly(1, Step.UPDATE_SENT).hasInOrder(Step.CHANGE_PLANNED, Step.UPDATE_SENT)
        .hasNone(Step.UPDATE_COALESCED).hasNone(Step.UPDATE_RETRIED_AFTER_412).hasNone(Step.FAILED)
        .hasNone(Step.VISIBILITY_WAIT_BEGAN).hasNone(Step.VISIBILITY_WAIT_ENDED);
    ProvisioningEvent sent = events.events(Step.UPDATE_SENT).get(0);
    assertThat(sent.operation()).isEqualTo("UpdateDistribution");
    assertThat(sent.attempt()).isEqualTo(1);
    assertThat(sent.distributionId()).contains(Specs.onlyDistribution(aws).id());
    assertThat(sent.endpointIds()).hasSize(4);
    assertThat(sent.duration()).isEqualTo(Duration.ZERO); // the fake clock does not move during a call
  }

  @Test
  void updateRacesAnotherWriter_tellsRetriedAfter412Once_thenUpdateSentAtTheSecondAttempt() {
    cdn.saveChannel(Specs.channelWithDistribution());
    Distribution created = Specs.onlyDistribution(aws);
    aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> aws.distributions().edit(created.id(), c -> c));

    CdnOutcome outcome = cdn.saveEndpoints(Specs.allFormats()).cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(events).hasExactly(1, Step.UPDATE_RETRIED_AFTER_412).hasExactly(2, Step.CHANGE_PLANNED)
        .hasExactly(1, Step.UPDATE_SENT).hasInOrder(Step.UPDATE_RETRIED_AFTER_412, Step.UPDATE_SENT);
    ProvisioningEvent retried = events.events(Step.UPDATE_RETRIED_AFTER_412).get(0);
    assertThat(retried.attempt()).isEqualTo(1);
    assertThat(retried.failure()).get().isInstanceOfSatisfying(ResourceConflictException.class,
        e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION));
    assertThat(events.events(Step.UPDATE_SENT).get(0).attempt()).isEqualTo(2);
  }

  @Test
  void updateThrottled_tellsThrottledOnce_thenFailedWithTheSameTypedError() {
    cdn.saveChannel(Specs.channelWithDistribution());
    aws.failNext(Operation.UPDATE_DISTRIBUTION).withThrottling();

    CdnOutcome outcome = cdn.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn();

    assertThat(outcome.failure()).get().isInstanceOf(ThrottledException.class);
    assertThat(events).hasExactly(1, Step.THROTTLED).hasExactly(1, Step.FAILED)
        .hasInOrder(Step.THROTTLED, Step.FAILED).hasNone(Step.UPDATE_SENT);
    assertThat(events.events(Step.THROTTLED).get(0).failure().orElseThrow()).isSameAs(outcome.failure().get());
    assertThat(events.events(Step.THROTTLED).get(0).distributionId()).isEqualTo(outcome.distributionId());
  }

  @Test
  void cloudFrontFails_tellsFailedOnce_withTheOutcomesTypedError() {
    cdn.saveChannel(Specs.channelWithDistribution());
    aws.failNext(Operation.UPDATE_DISTRIBUTION).withServiceUnavailable();

    CdnOutcome outcome = cdn.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn();

    assertThat(outcome.failed()).isTrue();
    assertThat(events).hasExactly(1, Step.FAILED).hasNone(Step.THROTTLED);
    ProvisioningEvent failed = events.events(Step.FAILED).get(0);
    assertThat(failed.failure()).get().isInstanceOf(ServiceFailureException.class).isSameAs(outcome.failure().get());
    assertThat(failed.distributionId()).isEqualTo(outcome.distributionId());
    assertThat(failed.channel()).contains(CHANNEL.ref());
  }

  @Test
  void channelNotVisibleYet_tellsVisibilityWaitBeganAndEndedOnce_withTheTimePausedAndTheReads() {
    aws.delayVisibility(Duration.ofSeconds(2));
    cdn.saveChannel(Specs.channelWithoutDistribution());

    cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));

    assertThat(events).hasExactly(1, Step.VISIBILITY_WAIT_BEGAN).hasExactly(1, Step.VISIBILITY_WAIT_ENDED)
        .hasInOrder(Step.VISIBILITY_WAIT_BEGAN, Step.VISIBILITY_WAIT_ENDED);
    ProvisioningEvent ended = events.events(Step.VISIBILITY_WAIT_ENDED).get(0);
    assertThat(ended.operation()).isEqualTo("DescribeChannel");
    // reads at 0, 0.5 s, 1.5 s (not visible yet) and 3.5 s on the fake clock
    assertThat(ended.duration()).isEqualTo(Duration.ofMillis(3500));
    assertThat(ended.attempt()).isEqualTo(4);
  }

  /** Throws on every event; a named class, so that its WARN line can be counted. */
  private static final class Thrower implements ProvisioningListener {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void on(ProvisioningEvent event) {
      calls.incrementAndGet();
      throw new IllegalStateException("a listener's bug");
    }
  }

  @Test
  void aListenerThatThrows_changesNoOutcome_isLoggedOnce_andTheNextListenerGetsEveryEvent() throws IOException {
    long before = logSize();
    Thrower thrower = new Thrower();
    FakeAws plainAws = FakeAws.create();
    RecordingListener plainEvents = new RecordingListener();
    RecordingListener afterThrower = new RecordingListener();
    List<String> plain = run(plainAws, plainAws.channelCdn(builder -> builder.listener(plainEvents)));
    FakeAws faultyAws = FakeAws.create();
    List<String> faulty =
        run(faultyAws, faultyAws.channelCdn(builder -> builder.listener(thrower).listener(afterThrower)));

    assertThat(faulty).isEqualTo(plain);
    assertThat(faultyAws.calls()).hasToString(plainAws.calls().toString());
    assertThat(afterThrower.steps()).isEqualTo(plainEvents.steps()).contains(Step.UPDATE_SENT, Step.FAILED);
    assertThat(thrower.calls).hasValue(plainEvents.events().size());
    String log = logSince(before);
    String warning = "provisioning listener " + Thrower.class.getName() + " threw";
    assertThat(log.split(java.util.regex.Pattern.quote(warning), -1)).as("WARN lines of the thrower").hasSize(2);
    assertThat(log).contains("WARN").contains("a listener's bug");
  }

  /** Saves a channel, all formats (one 412 race), one throttled save and a reconcile; the outcomes as text. */
  private static List<String> run(FakeAws aws, ChannelCdn cdn) {
    List<String> outcomes = new ArrayList<>();
    outcomes.add(cdn.saveChannel(Specs.channelWithDistribution()).cdn().action().name());
    aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> aws.distributions().all()
        .forEach(d -> aws.distributions().edit(d.id(), c -> c)));
    outcomes.add(cdn.saveEndpoints(Specs.allFormats().subList(0, 2)).toString());
    aws.failNext(Operation.UPDATE_DISTRIBUTION).withThrottling();
    CdnOutcome throttled = cdn.saveEndpoint(Specs.endpoint(Packaging.MSS)).cdn();
    outcomes.add(throttled.action() + " " + throttled.distributionId() + " "
        + throttled.failure().map(e -> e.getClass()));
    outcomes.add(cdn.reconcile(CHANNEL).toString());
    outcomes.add(cdn.details(CHANNEL).toString());
    return outcomes;
  }

  @Test
  void aRunWithCdnAuthorization_putsNoSecretInAnyEvent() {
    CdnAuthorization authorization = CdnAuthorization.of(
        "arn:aws:secretsmanager:us-west-2:123456789012:secret:MediaPackage/cdn-AbCdEf",
        "arn:aws:iam::123456789012:role/MediaPackageSecrets");
    ChannelCdn secured = aws.channelCdn(builder -> builder.listener(events).cdnIdentifiers(
        arn -> arn.equals(authorization.cdnIdentifierSecretArn()) ? Optional.of(CdnIdentifier.of(SECRET))
            : Optional.empty()));
    EndpointSpec hls = EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS)).authorization(authorization)
        .cdnIdentifier(CdnIdentifier.of(SECRET)).build();

    secured.saveChannel(Specs.channelWithDistribution());
    aws.failNext(Operation.UPDATE_DISTRIBUTION).withServiceUnavailable();
    secured.saveEndpoint(hls);
    aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> aws.distributions().all()
        .forEach(d -> aws.distributions().edit(d.id(), c -> c)));
    secured.saveEndpoint(hls);
    secured.saveEndpoint(EndpointSpec.builder().from(Specs.endpoint(Packaging.DASH)).authorization(authorization)
        .build());

    assertThat(Specs.onlyDistribution(aws).config().origins().get(0).customHeaders())
        .containsEntry(LiveCdnSettings.CDN_IDENTIFIER_HEADER, SECRET); // the secret did reach CloudFront
    assertThat(events.events(Step.CHANGE_PLANNED)).as("a planned change carries the header, redacted")
        .anySatisfy(e -> assertThat(e.changes().orElseThrow().changes())
            .anyMatch(c -> c instanceof DistributionChange.AddOriginHeader));
    assertThat(events).hasExactly(1, Step.FAILED).hasExactly(1, Step.UPDATE_RETRIED_AFTER_412);
    List<String> texts = new ArrayList<>();
    events.events().forEach(e -> {
      texts.add(e.toString());
      e.changes().ifPresent(c -> texts.add(c.toString()));
      e.failure().ifPresent(f -> texts.add(f.toString()));
    });
    assertThat(texts).noneMatch(text -> text.contains(SECRET));
  }

  @Test
  void noListener_provisionsAsWithOne_andLogsEachStepAtDebug() throws IOException {
    long before = logSize();
    FakeAws quiet = FakeAws.create();
    List<String> withoutListener = run(quiet, quiet.channelCdn());
    FakeAws heard = FakeAws.create();
    RecordingListener recorded = new RecordingListener();
    List<String> withListener = run(heard, heard.channelCdn(builder -> builder.listener(recorded)));

    assertThat(withoutListener).isEqualTo(withListener);
    assertThat(quiet.calls()).hasToString(heard.calls().toString());
    assertThat(quiet.channelCdn().toString()).contains("0 listeners");
    assertThat(logSince(before)).contains("DEBUG").contains("ProvisioningEvent[UPDATE_SENT, channel live-news");
  }

  private static long logSize() throws IOException {
    org.slf4j.LoggerFactory.getLogger(EventsOnFakesTest.class).debug("events check starts"); // opens the file
    return Files.exists(LOG) ? Files.size(LOG) : 0;
  }

  private static String logSince(long before) throws IOException {
    byte[] all = Files.readAllBytes(LOG);
    return new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
  }
}
