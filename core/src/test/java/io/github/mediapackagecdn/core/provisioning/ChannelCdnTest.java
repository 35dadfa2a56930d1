package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelCdnTest {

  private static final ChannelId NEWS = ChannelId.of("live-news");
  private static final ChannelId SPORTS = ChannelId.of("live-sports");
  private static final String LINK_TAG = CdnSettings.LINK_TAG_KEY;
  private static final String CHANNEL_TAG = CdnSettings.CHANNEL_TAG_KEY;

  private RecordingChannels channels;
  private RecordingDistributions cloudFront;
  private ChannelCdn cdn;
  /** What the library waited for visibility: recorded, never slept. */
  private final List<Duration> sleeps = new java.util.ArrayList<>();

  @BeforeEach
  void setUp() {
    channels = new RecordingChannels();
    cloudFront = new RecordingDistributions();
    cdn = ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront).sleeper(sleeps::add)
        .build();
  }

  private static ChannelSpec newsWithDistribution() {
    return ChannelSpec.builder().id(NEWS.value()).createDistribution(true).build();
  }

  private static EndpointSpec endpoint(String id, String channelId, Packaging packaging) {
    return EndpointSpec.builder().id(id).channelId(channelId).packaging(packaging).build();
  }

  private int portCalls() {
    return channels.reads + channels.writes.size() + cloudFront.reads + cloudFront.writes.size();
  }

  private void assertNothingWritten() {
    assertThat(channels.writes).isEmpty();
    assertThat(cloudFront.writes).isEmpty();
  }

  // ---------------------------------------------------------------- invalid input never reaches a port

  @Test
  void saveChannel_whenSpecIsNull_throwsValidationExceptionWithoutCallingAPort() {
    assertThatThrownBy(() -> cdn.saveChannel(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("channel spec is null");
    assertThat(portCalls()).isZero();
  }

  @Test
  void saveEndpoint_whenSpecIsNull_throwsValidationExceptionWithoutCallingAPort() {
    assertThatThrownBy(() -> cdn.saveEndpoint(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cdn.saveEndpoints(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cdn.saveEndpoints(List.of())).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cdn.saveEndpoints(Arrays.asList(endpoint("news-hls", "live-news", Packaging.HLS), null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("an endpoint spec is null");
    assertThat(portCalls()).isZero();
  }

  @Test
  void saveEndpoints_whenIdsRepeat_throwsValidationExceptionWithoutCallingAPort() {
    channels.put(NEWS);

    assertThatThrownBy(() -> cdn.saveEndpoints(List.of(
            endpoint("news-hls", "live-news", Packaging.HLS),
            endpoint("news-hls", "live-news", Packaging.DASH))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("endpoint id 'news-hls' is given more than once");
    assertThat(portCalls()).isZero();
  }

  @Test
  void saveEndpoints_whenEndpointsBelongToTwoChannels_throwsValidationExceptionWithoutCallingAPort() {
    channels.put(NEWS);
    channels.put(SPORTS);

    assertThatThrownBy(() -> cdn.saveEndpoints(List.of(
            endpoint("news-hls", "live-news", Packaging.HLS),
            endpoint("sports-hls", "live-sports", Packaging.HLS))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("belong to one channel");
    assertThat(portCalls()).isZero();
  }

  @Test
  void saveEndpoints_whenAnExistingEndpointBelongsToAnotherChannel_throwsValidationExceptionAndWritesNothing() {
    channels.put(NEWS);
    channels.put(SPORTS);
    channels.put(OriginEndpoint.builder()
        .from(Fixtures.hls())
        .id(OriginEndpointId.of("shared-hls"))
        .channelId(SPORTS)
        .build());

    ValidationException e = catchThrowableOfType(ValidationException.class, () -> cdn.saveEndpoints(List.of(
        endpoint("news-dash", "live-news", Packaging.DASH),
        endpoint("shared-hls", "live-news", Packaging.HLS))));

    assertThat(e.problems()).singleElement().asString()
        .contains("endpoint shared-hls belongs to channel live-sports")
        .contains("cannot move to channel live-news");
    assertNothingWritten();
    assertThat(channels.endpoints).containsOnlyKeys(OriginEndpointId.of("shared-hls"));
  }

  // ---------------------------------------------------------------- CloudFront failures are reported beside the channel

  @Test
  void saveChannel_whenTwoDistributionsAreLinked_reportsAmbiguousLinkBesideTheChannel() {
    Channel existing = channels.put(NEWS);
    DistributionConfig placeholder =
        DistributionLayout.newDistribution(NEWS, "ref", CdnSettings.defaults(), LiveCdnSettings.defaults());
    DistributionId first = cloudFront.seed(placeholder, Map.of(LINK_TAG, existing.arn().value()));
    DistributionId second = cloudFront.seed(
        DistributionConfig.builder().from(placeholder).callerReference("ref-2").build(),
        Map.of(LINK_TAG, existing.arn().value()));

    ChannelSaveResult result = cdn.saveChannel(newsWithDistribution());

    assertThat(result.channel().id()).isEqualTo(NEWS);
    assertThat(result.channel().arn()).isEqualTo(existing.arn());
    assertThat(result.cdn().failed()).isTrue();
    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.FAILED);
    assertThat(result.cdn().failure()).get()
        .isInstanceOfSatisfying(ResourceConflictException.class, conflict -> {
          assertThat(conflict.reason()).isEqualTo(ResourceConflictException.Reason.AMBIGUOUS_LINK);
          assertThat(conflict.resourceId()).hasValue(existing.arn().value());
          assertThat(conflict.retryable()).isFalse();
          assertThat(conflict).hasMessageContaining(first.value()).hasMessageContaining(second.value());
        });
    assertThat(cloudFront.writes).isEmpty();
    assertThat(cloudFront.distributions).hasSize(2);
  }

  @Test
  void saveChannel_whenCloudFrontThrottlesTheCreate_returnsTheChannelAndAFailedOutcome() {
    ThrottledException throttled = new ThrottledException("Rate exceeded", "Throttling", "req-1", null);
    cloudFront.failNextCreate(throttled);

    ChannelSaveResult result = cdn.saveChannel(newsWithDistribution());

    assertThat(result.channel().id()).isEqualTo(NEWS);
    assertThat(channels.channels).containsKey(NEWS);
    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.FAILED);
    assertThat(result.cdn().failure()).containsSame(throttled);
    assertThat(result.cdn().failure()).map(ProvisioningException::retryable).hasValue(true);
    assertThat(result.cdn().distributionId()).isEmpty();
    assertThat(cloudFront.distributions).isEmpty();
  }

  @Test
  void saveChannel_whenSavedAgainAfterAFailedCreate_createsExactlyOneDistribution() {
    cloudFront.failNextCreate(new ThrottledException("Rate exceeded"));
    cdn.saveChannel(newsWithDistribution());

    ChannelSaveResult again = cdn.saveChannel(newsWithDistribution());
    ChannelSaveResult third = cdn.saveChannel(newsWithDistribution());

    assertThat(again.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(third.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(third.cdn().distributionId()).isEqualTo(again.cdn().distributionId());
    assertThat(cloudFront.distributions).hasSize(1);
    String id = again.cdn().distributionId().orElseThrow().value();
    // the unchanged channel is not written again; only the record of its distribution is (the request went with
    // the creation of the channel)
    assertThat(channels.writes).containsExactly("create live-news", "tag {" + CHANNEL_TAG + "=" + id + "}");
  }

  @Test
  void saveChannel_whenItCreatesTheChannel_recordsTheRequestWithTheCreationBeforeAskingCloudFront() {
    cloudFront.failNextCreate(new ThrottledException("Rate exceeded"));

    ChannelSaveResult result = cdn.saveChannel(newsWithDistribution());

    assertThat(result.cdn().failed()).isTrue();
    assertThat(channels.writes).containsExactly("create live-news");
    assertThat(channels.channels.get(NEWS).tags()).containsEntry(CHANNEL_TAG, CdnSettings.CHANNEL_TAG_REQUESTED);
  }

  // ---------------------------------------------------------------- the console's flow, end to end on the doubles

  @Test
  void saveChannel_whenDistributionIsRequested_createsItTaggedWithTheChannelArn() {
    ChannelSaveResult result = cdn.saveChannel(newsWithDistribution());

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(result.cdn().distributionId()).hasValue(cloudFront.only().id());
    assertThat(cloudFront.tags.get(cloudFront.only().id())).containsEntry(LINK_TAG, result.channel().arn().value());
    DistributionConfig config = cloudFront.only().config();
    assertThat(config.callerReference()).isEqualTo(DistributionLayout.callerReference(result.channel().arn(), 0));
    assertThat(config.defaultBehavior().targetOriginId()).isEqualTo(Fixtures.PLACEHOLDER_ID);
  }

  @Test
  void saveChannel_whenDistributionIsNotRequested_leavesCloudFrontAlone() {
    ChannelSaveResult result = cdn.saveChannel(ChannelSpec.builder().id(NEWS.value()).build());

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.NOT_REQUESTED);
    assertThat(cloudFront.reads + cloudFront.writes.size()).isZero();
  }

  @Test
  void saveEndpoint_whenChannelHasADistribution_addsTheOriginAndBehavioursOnceOnly() {
    cdn.saveChannel(newsWithDistribution());

    EndpointSaveResult first = cdn.saveEndpoint(endpoint("news-hls", "live-news", Packaging.HLS));
    EndpointSaveResult again = cdn.saveEndpoint(endpoint("news-hls", "live-news", Packaging.HLS));

    assertThat(first.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(again.cdn().action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(cloudFront.writes).filteredOn(w -> w.startsWith("update")).hasSize(1);
    DistributionConfig config = cloudFront.only().config();
    assertThat(config.origins()).singleElement().extracting(Origin::domainName).isEqualTo(Fixtures.HOST);
    assertThat(config.cacheBehaviors()).extracting(CacheBehavior::pathPattern).containsExactly("*.m3u8", "*.ts");
    assertThat(cdn.details(NEWS).endpoints()).singleElement()
        .satisfies(d -> assertThat(d.cdnUrls()).singleElement().asString()
            .startsWith("https://" + cloudFront.only().domainName() + "/out/v1/"));
  }

  @Test
  void saveEndpoint_whenChannelHasNoDistribution_savesTheEndpointOnly() {
    channels.put(NEWS);

    EndpointSaveResult result = cdn.saveEndpoint(endpoint("news-hls", "live-news", Packaging.HLS));

    assertThat(result.endpoint().id()).isEqualTo(OriginEndpointId.of("news-hls"));
    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
    assertThat(cloudFront.writes).isEmpty();
  }

  @Test
  void saveEndpoint_whenTheDistributionChangedSinceItWasRead_readsAgainAndUpdates() {
    cdn.saveChannel(newsWithDistribution());
    cloudFront.staleNextUpdates(2);

    EndpointSaveResult result = cdn.saveEndpoint(endpoint("news-dash", "live-news", Packaging.DASH));

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(cloudFront.writes).filteredOn(w -> w.startsWith("update")).hasSize(3);
    assertThat(cloudFront.only().config().cacheBehaviors())
        .extracting(CacheBehavior::pathPattern).containsExactly("*.mpd", "*.mp4");
  }

  @Test
  void saveEndpoint_whenEveryUpdateMeetsAStaleETag_triesExactlyMaxUpdateAttemptsTimesThenReportsTheConflict() {
    cdn.saveChannel(newsWithDistribution());
    cloudFront.staleNextUpdates(1_000);

    EndpointSaveResult result = cdn.saveEndpoint(endpoint("news-dash", "live-news", Packaging.DASH));

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.FAILED);
    assertThat(result.cdn().failure()).get().isInstanceOfSatisfying(ResourceConflictException.class,
        e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION));
    assertThat(cloudFront.writes).filteredOn(w -> w.startsWith("update"))
        .hasSize(CdnSettings.defaults().maxUpdateAttempts());
  }

  @Test
  void saveChannel_whenChannelAlreadyHasEndpoints_givesTheNewDistributionTheirOrigin() {
    channels.put(NEWS);
    cdn.saveEndpoints(List.of(
        endpoint("news-hls", "live-news", Packaging.HLS), endpoint("news-dash", "live-news", Packaging.DASH)));

    ChannelSaveResult result = cdn.saveChannel(newsWithDistribution());

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    DistributionConfig config = cloudFront.only().config();
    assertThat(config.origins()).extracting(Origin::id).containsExactly(Fixtures.CHANNEL_ORIGIN_ID);
    assertThat(config.defaultBehavior().targetOriginId()).isEqualTo(Fixtures.CHANNEL_ORIGIN_ID);
    assertThat(config.cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsExactly("*.m3u8", "*.ts", "*.mpd", "*.mp4");
  }

  @Test
  void attachDistribution_whenChannelWasCreatedElsewhere_createsOneDistributionAndKeepsIt() {
    channels.put(NEWS);

    CdnOutcome first = cdn.attachDistribution(NEWS);
    CdnOutcome again = cdn.attachDistribution(NEWS);

    assertThat(first.action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(again.action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(again.distributionId()).isEqualTo(first.distributionId());
    assertThat(cloudFront.distributions).hasSize(1);
    assertThat(channels.writes).containsExactly("tag {" + CHANNEL_TAG + "=requested}",
        "tag {" + CHANNEL_TAG + "=" + first.distributionId().orElseThrow() + "}");
  }

  @Test
  void saveChannel_whenCallerReferenceIsTakenByAnUnlinkedDistribution_usesTheNextGeneration() {
    Channel existing = channels.put(NEWS);
    String generation0 = DistributionLayout.callerReference(existing.arn(), 0);
    cloudFront.seed(DistributionLayout.newDistribution(NEWS, generation0, CdnSettings.defaults(),
        LiveCdnSettings.defaults()),
        Map.of("owner", "someone-who-removed-the-link-tag"));

    ChannelSaveResult result = cdn.saveChannel(newsWithDistribution());

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    DistributionId created = result.cdn().distributionId().orElseThrow();
    assertThat(cloudFront.distributions.get(created).config().callerReference())
        .isEqualTo(DistributionLayout.callerReference(existing.arn(), 1));
    assertThat(cloudFront.tags.get(created)).containsEntry(LINK_TAG, existing.arn().value());
  }

  @Test
  void saveChannel_whenAnotherSaveJustCreatedTheDistribution_adoptsItOnceItsLinkShows() {
    Channel existing = channels.put(NEWS);
    DistributionId theirs = cloudFront.seed(
        DistributionLayout.newDistribution(NEWS, DistributionLayout.callerReference(existing.arn(), 0),
            CdnSettings.defaults(),
            LiveCdnSettings.defaults()),
        Map.of(LINK_TAG, existing.arn().value()));
    cloudFront.hideLinksForNextLookups(1);

    ChannelSaveResult result = cdn.saveChannel(newsWithDistribution());

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.ADOPTED);
    assertThat(result.cdn().distributionId()).hasValue(theirs);
    assertThat(cloudFront.distributions).hasSize(1);
  }

  /**
   * The design: a second save "gets DistributionAlreadyExists and adopts the first through the link lookup", and
   * a tag "not yet visible" right after a create "is retried within a bound". ChannelCdn.create looks the link up once
   * after DistributionAlreadyExists and, finding nothing, moves on to the next CallerReference generation: while the
   * Tagging API has not indexed the first distribution's tag yet, the channel gets a second distribution. The same
   * happens when a save is repeated after an UnknownOutcomeException, which is documented as safe.
   */
  @Test
  void saveChannel_whenTheFirstDistributionsTagIsNotIndexedYet_neverCreatesASecondDistribution() {
    Channel existing = channels.put(NEWS);
    cloudFront.seed(
        DistributionLayout.newDistribution(NEWS, DistributionLayout.callerReference(existing.arn(), 0),
            CdnSettings.defaults(),
            LiveCdnSettings.defaults()),
        Map.of(LINK_TAG, existing.arn().value()));
    cloudFront.hideLinksForNextLookups(2); // the lookup before the create and the one after DistributionAlreadyExists

    ChannelSaveResult result = cdn.saveChannel(newsWithDistribution());

    assertThat(cloudFront.distributions).hasSize(1);
    assertThat(result.cdn().action()).isNotEqualTo(CdnOutcome.Action.CREATED);
    assertThat(sleeps).isNotEmpty(); // it waited for the tag instead
  }

  @Test
  void saveEndpoint_whenEndpointUsesCdnAuthorization_sendsTheIdentifierAndRemembersIt() {
    cdn.saveChannel(newsWithDistribution());
    EndpointSpec secured = EndpointSpec.builder()
        .from(endpoint("news-hls", "live-news", Packaging.HLS))
        .authorization(Fixtures.AUTHORIZATION)
        .cdnIdentifier(CdnIdentifier.of(Fixtures.SECRET))
        .build();
    EndpointSpec securedWithoutIdentifier = EndpointSpec.builder()
        .from(endpoint("news-dash", "live-news", Packaging.DASH))
        .authorization(Fixtures.AUTHORIZATION)
        .build();

    EndpointSaveResult first = cdn.saveEndpoint(secured);
    EndpointSaveResult second = cdn.saveEndpoint(securedWithoutIdentifier);

    assertThat(first.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(second.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(cloudFront.only().config().origin(Fixtures.CHANNEL_ORIGIN_ID).orElseThrow().customHeaders())
        .containsExactly(Map.entry(Fixtures.CDN_HEADER, Fixtures.SECRET));
  }

  @Test
  void saveEndpoint_whenCdnIdentifierIsUnknown_reportsTheValidationFailureBesideTheSavedEndpoint() {
    cdn.saveChannel(newsWithDistribution());
    EndpointSpec secured = EndpointSpec.builder()
        .from(endpoint("news-hls", "live-news", Packaging.HLS))
        .authorization(Fixtures.AUTHORIZATION)
        .build();

    EndpointSaveResult result = cdn.saveEndpoint(secured);

    assertThat(result.endpoint().id()).isEqualTo(OriginEndpointId.of("news-hls"));
    assertThat(result.cdn().failure()).get().isInstanceOf(ValidationException.class);
    assertThat(cloudFront.writes).filteredOn(w -> w.startsWith("update")).isEmpty();
  }

  @Test
  void awaitDeployed_whenDistributionDeploys_answersDeployedDetails() {
    cdn.saveChannel(newsWithDistribution());
    cdn.saveEndpoint(endpoint("news-hls", "live-news", Packaging.HLS));
    assertThat(cdn.details(NEWS).deployed()).isFalse();

    ChannelDetails details = cdn.awaitDeployed(NEWS, Duration.ofMinutes(30));

    assertThat(details.deployed()).isTrue();
    assertThat(details.distribution()).get().satisfies(d -> {
      assertThat(d.id()).isEqualTo(cloudFront.only().id());
      assertThat(d.description()).isEqualTo("MediaPackage live channel live-news");
      assertThat(d.consoleUrl()).endsWith("/distributions/" + d.id().value());
    });
  }

  // ---------------------------------------------------------------- the channel records its distribution

  private ChannelCdn otherInstance() {
    return ChannelCdn.builder().channels(channels).distributions(cloudFront).links(cloudFront).sleeper(sleeps::add)
        .build();
  }

  @Test
  void saveEndpoint_onAnotherInstanceWhileTheTagIndexShowsNothing_findsTheDistributionRecordedOnTheChannel() {
    cdn.saveChannel(newsWithDistribution());
    cloudFront.hideLinksForNextLookups(100);

    EndpointSaveResult result = otherInstance().saveEndpoint(endpoint("news-hls", "live-news", Packaging.HLS));

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(cloudFront.only().config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsExactly("*.m3u8", "*.ts");
  }

  @Test
  void saveEndpoint_afterAFailedCreation_saysTheChannelAskedForADistributionAndToSaveItAgain() {
    cloudFront.failNextCreate(new ThrottledException("Rate exceeded"));
    assertThat(cdn.saveChannel(newsWithDistribution()).cdn().failed()).isTrue();

    EndpointSaveResult result = cdn.saveEndpoint(endpoint("news-hls", "live-news", Packaging.HLS));

    assertThat(result.cdn().action()).isEqualTo(CdnOutcome.Action.REQUESTED_BUT_MISSING);
    assertThat(result.cdn().advice()).hasValueSatisfying(a -> assertThat(a).contains("Save the channel again"));
    assertThat(cloudFront.writes).containsExactly("create " + DistributionLayout.callerReference(
        channels.channels.get(NEWS).arn(), 0));
  }

  @Test
  void saveChannel_whenTheRequestCannotBeRecorded_asksNothingOfCloudFront() {
    channels.put(NEWS); // saved without a distribution: the request is a tag write of its own
    channels.failTagWrite(0, new ThrottledException("Rate exceeded"));

    ChannelSaveResult result = cdn.saveChannel(newsWithDistribution());

    assertThat(result.channel().id()).isEqualTo(NEWS);
    assertThat(result.cdn().failure()).containsInstanceOf(ThrottledException.class);
    assertThat(cloudFront.writes).isEmpty();
  }

  @Test
  void saveChannel_whenRecordingTheCreatedDistributionFails_reportsItWithItsIdAndSavingAgainRecordsIt() {
    // the request is recorded with the channel's creation; the id, the first tag write, is not
    channels.failTagWrite(0, new ThrottledException("Rate exceeded"));

    CdnOutcome first = cdn.saveChannel(newsWithDistribution()).cdn();
    CdnOutcome again = otherInstance().saveChannel(newsWithDistribution()).cdn();

    assertThat(first.failed()).isTrue();
    DistributionId id = first.distributionId().orElseThrow();
    assertThat(again.failed()).isFalse();
    assertThat(again.distributionId()).contains(id);
    assertThat(cloudFront.distributions).hasSize(1);
    assertThat(channels.channels.get(NEWS).tags()).containsEntry(CHANNEL_TAG, id.value());
  }

  @Test
  void reconcile_whenTheDistributionLacksAnEndpointsBehaviours_addsThemOnceAndThenWritesNothing() {
    cdn.saveChannel(newsWithDistribution());
    channels.put(OriginEndpoint.builder().id(OriginEndpointId.of("news-hls")).channelId(NEWS).packaging(Packaging.HLS)
        .manifestName("index").addUrls(io.github.mediapackagecdn.core.model.EndpointUrl.of(
            "https://" + Fixtures.HOST + "/out/v1/0123456789abcdef0123456789abcdef/index.m3u8")).build());
    int writesBefore = cloudFront.writes.size();

    CdnOutcome first = otherInstance().reconcile(NEWS);
    int channelWrites = channels.writes.size();
    CdnOutcome second = otherInstance().reconcile(NEWS);

    assertThat(first.action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(second.action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(cloudFront.writes.subList(writesBefore, cloudFront.writes.size())).containsExactly(
        "update " + cloudFront.only().id());
    assertThat(channels.writes).hasSize(channelWrites);
    assertThat(cloudFront.only().config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsExactly("*.m3u8", "*.ts");
  }

  @Test
  void reconcile_whenTheChannelAskedForADistributionAndHasNone_createsNothingAndSaysSo() {
    cloudFront.failNextCreate(new ThrottledException("Rate exceeded"));
    cdn.saveChannel(newsWithDistribution());
    int writesBefore = cloudFront.writes.size();

    CdnOutcome outcome = cdn.reconcile(NEWS);

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.REQUESTED_BUT_MISSING);
    assertThat(cloudFront.writes).hasSize(writesBefore);
  }

  @Test
  void reconcile_whenADistributionWasTaggedByHand_recordsItOnTheChannelOnce() {
    Channel news = channels.put(NEWS);
    DistributionId handTagged = cloudFront.seed(DistributionLayout.newDistribution(NEWS, "by-hand",
        CdnSettings.defaults(),
        LiveCdnSettings.defaults()), Map.of(LINK_TAG, news.arn().value()));

    CdnOutcome first = cdn.reconcile(NEWS);
    CdnOutcome second = cdn.reconcile(NEWS);

    assertThat(first.distributionId()).contains(handTagged);
    assertThat(second.action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
    assertThat(channels.writes).containsExactly("tag {" + CHANNEL_TAG + "=" + handTagged + "}");
  }

  @Test
  void saveChannel_whenTheSpecUsesTheLibrarysChannelTag_throwsValidationExceptionWithoutCallingAPort() {
    ChannelSpec spec = ChannelSpec.builder().id(NEWS.value()).putTags(CHANNEL_TAG, "E2QWRUHAPOMQZL").build();

    assertThatThrownBy(() -> cdn.saveChannel(spec)).isInstanceOf(ValidationException.class)
        .hasMessageContaining(CHANNEL_TAG);
    assertThat(portCalls()).isZero();
  }

  @Test
  void build_whenPortsAreMissing_reportsEachOne() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> ChannelCdn.builder().build());

    assertThat(e.problems()).containsExactly(
        "channels port is not set", "distributions port is not set", "distribution links port is not set");
  }
}
