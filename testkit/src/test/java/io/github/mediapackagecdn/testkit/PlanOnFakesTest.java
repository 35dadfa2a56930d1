package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.event.ProvisioningEvent;
import io.github.mediapackagecdn.core.event.ProvisioningEvent.Step;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ChannelCdn#plan} and the dry runs on the fakes: for each row of the layout rules, the plan made before a
 * save equals what the save then applies (the {@code CHANGE_PLANNED} event and the UpdateDistribution call), and
 * planning writes nothing, with exact call counts. Then the dry runs, each reason a distribution is not managed, and
 * the plan's text.
 */
class PlanOnFakesTest {

  private static final ChannelId CHANNEL = ChannelId.of(Specs.CHANNEL);
  private static final String PLACEHOLDER = "TEMP_ORIGIN_ID/channel";
  private static final String SECRET = "3c7e1f0a-9b2d-4e6f-8a1c-5d4b3a2f1e0d";
  private static final CdnAuthorization AUTHORIZATION = CdnAuthorization.of(
      "arn:aws:secretsmanager:us-west-2:123456789012:secret:MediaPackage/cdn-id-AbCdEf",
      "arn:aws:iam::123456789012:role/MediaPackageSecretsRole");
  /** The reads of {@code plan} on a channel whose distribution is recorded on it. */
  private static final List<Operation> PLAN_READS = List.of(Operation.DESCRIBE_CHANNEL,
      Operation.GET_RESOURCES, Operation.LIST_TAGS_FOR_RESOURCE, Operation.LIST_ORIGIN_ENDPOINTS,
      Operation.GET_DISTRIBUTION);

  private final FakeAws aws = FakeAws.create();
  private final RecordingListener events = new RecordingListener();
  private final ChannelCdn cdn = aws.channelCdn(builder -> builder.listener(events)
      .cdnIdentifiers(arn -> Optional.of(CdnIdentifier.of(SECRET))));

  // ---------------------------------------------------------------- arranging the world without the library

  /** A channel with its distribution (placeholder only), and endpoints MediaPackage has that CloudFront lacks. */
  private Distribution channelWithEndpoints(EndpointSpec... specs) {
    cdn.saveChannel(Specs.channelWithDistribution());
    for (EndpointSpec spec : specs) {
      aws.channels().createEndpoint(spec);
    }
    return Specs.onlyDistribution(aws);
  }

  private String host() {
    return aws.channels().endpointsOf(CHANNEL).get(0).host().orElseThrow();
  }

  private String channelOriginId() {
    return "EMP-" + host().substring(0, host().indexOf('.'));
  }

  private void edit(Distribution distribution, java.util.function.UnaryOperator<DistributionConfig> edit) {
    aws.distributions().edit(distribution.id(), edit);
  }

  private static CacheBehavior userBehavior(String pattern, String originId) {
    return CacheBehavior.builder().pathPattern(pattern).targetOriginId(originId)
        .viewerProtocolPolicy(ProtocolPolicy.ALLOW_ALL).allowedMethods(List.of("GET", "HEAD"))
        .cachedMethods(List.of("GET", "HEAD")).cachePolicyId(LiveCdnSettings.ELEMENTAL_MEDIAPACKAGE_CACHE_POLICY_ID)
        .build();
  }

  private static Origin userOrigin(String id, String domain, String originPath) {
    return Origin.builder().id(id).domainName(domain).originPath(originPath).protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
        .addSslProtocols("TLSv1.2").build();
  }

  // ---------------------------------------------------------------- plan before a save equals what it applies

  /**
   * Plans, asserting it read exactly {@link #PLAN_READS} and wrote nothing, then reconciles, asserting it applied
   * exactly the plan's changes: in the UpdateDistribution call and in the {@code CHANGE_PLANNED} event, or no update
   * at all for an empty plan.
   */
  private DistributionPlan planThenReconcile() {
    aws.clearCalls();
    events.clear();
    DistributionPlan plan = cdn.plan(CHANNEL);
    assertThat(aws.calls()).extracting(RecordedCall::operation).containsExactlyElementsOf(PLAN_READS);
    assertThat(aws.writes()).isEmpty();
    assertThat(events.events()).isEmpty();
    assertThat(plan.notManaged()).isEmpty();
    assertThat(plan.distributionId()).contains(Specs.onlyDistribution(aws).id());

    aws.clearCalls();
    CdnOutcome outcome = cdn.reconcile(CHANNEL);
    assertAppliedExactly(plan.changes());
    assertThat(outcome.action()).isEqualTo(plan.changes().isEmpty() ? CdnOutcome.Action.UNCHANGED
        : CdnOutcome.Action.UPDATED);
    return plan;
  }

  private void assertAppliedExactly(ChangeSet planned) {
    if (planned.isEmpty()) {
      assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
      assertThat(events.events(Step.CHANGE_PLANNED)).isEmpty();
      return;
    }
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).singleElement()
        .satisfies(call -> assertThat(call.arguments().get(2)).isEqualTo(planned));
    assertThat(events.events(Step.CHANGE_PLANNED)).singleElement()
        .satisfies(event -> assertThat(event.changes()).contains(planned));
  }

  @Test
  void plan_whenTheDistributionHasOnlyThePlaceholder_addsOriginBehaviorsRetargetsAndRemovesThePlaceholder() {
    channelWithEndpoints(Specs.endpoint(Packaging.HLS));

    DistributionPlan plan = planThenReconcile();

    String origin = channelOriginId();
    assertThat(plan.originAdded()).get().satisfies(o -> {
      assertThat(o.id()).isEqualTo(origin);
      assertThat(o.domainName()).isEqualTo(host());
      assertThat(o.protocolPolicy()).contains(ProtocolPolicy.HTTPS_ONLY);
    });
    assertThat(plan.behaviorsAdded()).containsExactly("*.m3u8", "*.ts");
    assertThat(plan.defaultBehaviorRetarget()).get()
        .satisfies(r -> assertThat(List.of(r.fromOriginId(), r.toOriginId())).containsExactly(PLACEHOLDER, origin));
    assertThat(plan.originRemoved()).contains(PLACEHOLDER);
    assertThat(plan.headerAdded()).isEmpty();
    assertThat(plan.egressHostKnown()).isTrue();
    assertThat(plan.isEmpty()).isFalse();
  }

  @Test
  void plan_whenTheChannelOriginIsThereAlready_addsOnlyTheNewFormatsBehaviors() {
    channelWithEndpoints(Specs.endpoint(Packaging.HLS));
    cdn.reconcile(CHANNEL);
    aws.channels().createEndpoint(Specs.endpoint(Packaging.DASH));

    DistributionPlan plan = planThenReconcile();

    assertThat(plan.originAdded()).isEmpty();
    assertThat(plan.behaviorsAdded()).containsExactly("*.mpd", "*.mp4");
    assertThat(plan.defaultBehaviorRetarget()).isEmpty();
    assertThat(plan.originRemoved()).isEmpty();
  }

  @Test
  void plan_whenAUsersOriginOnTheHostHasAnOriginPath_addsTheChannelOriginBesideIt() {
    Distribution distribution = channelWithEndpoints(Specs.endpoint(Packaging.HLS));
    Origin users = userOrigin("console-origin", host(), "/out/v1/869e237f851549e9bcf10e3bc2830839");
    edit(distribution, config -> DistributionConfig.builder().from(config).addOrigins(users).build());

    DistributionPlan plan = planThenReconcile();

    assertThat(plan.originAdded()).get().satisfies(o -> {
      assertThat(o.id()).isEqualTo(channelOriginId());
      assertThat(o.originPath()).isEmpty();
    });
    assertThat(Specs.onlyDistribution(aws).config().origin("console-origin")).contains(users);
  }

  @Test
  void plan_whenAUsersOriginHoldsTheChannelOriginsId_addsTheChannelOriginUnderAFreeId() {
    Distribution distribution = channelWithEndpoints(Specs.endpoint(Packaging.HLS));
    String taken = channelOriginId();
    edit(distribution, config -> DistributionConfig.builder().from(config)
        .addOrigins(userOrigin(taken, "origin.example.com", "")).build());

    DistributionPlan plan = planThenReconcile();

    assertThat(plan.originAdded()).map(Origin::id).contains(taken + "-2");
    assertThat(plan.behaviorsAdded()).containsExactly("*.m3u8", "*.ts");
    assertThat(plan.toString()).contains("+ behavior *.m3u8 -> " + taken + "-2");
  }

  @Test
  void plan_whenAnEndpointUsesCdnAuthorization_addsTheHeaderByNameAndNeverShowsItsValue() {
    channelWithEndpoints(EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS)).authorization(AUTHORIZATION)
        .build());

    DistributionPlan plan = planThenReconcile();

    assertThat(plan.headerAdded()).contains(LiveCdnSettings.CDN_IDENTIFIER_HEADER);
    assertThat(plan.toString())
        .contains("+ header X-MediaPackage-CDNIdentifier on " + channelOriginId() + " (value hidden)")
        .doesNotContain(SECRET);
    assertThat(plan.originAdded().orElseThrow().toString()).doesNotContain(SECRET);
    assertThat(events.events()).extracting(ProvisioningEvent::toString).noneMatch(text -> text.contains(SECRET));
  }

  @ParameterizedTest
  @EnumSource(Packaging.class)
  void plan_forEachPackagingFormat_addsItsPathPatterns(Packaging packaging) {
    channelWithEndpoints(Specs.endpoint(packaging));

    DistributionPlan plan = planThenReconcile();

    assertThat(plan.behaviorsAdded()).containsExactlyElementsOf(packaging.pathPatterns());
  }

  @Test
  void plan_withTheAllLiveFormatsLayout_addsEveryFormatsPatterns_asTheSaveThenDoes() {
    ChannelCdn allFormats = aws.channelCdn(builder -> builder.listener(events).layoutSettings(LiveCdnSettings.builder()
        .behaviorLayout(LiveCdnSettings.BehaviorLayout.ALL_LIVE_FORMATS).build()));
    allFormats.saveChannel(Specs.channelWithDistribution());
    aws.channels().createEndpoint(Specs.endpoint(Packaging.HLS));
    aws.clearCalls();
    events.clear();

    DistributionPlan plan = allFormats.plan(CHANNEL);

    assertThat(aws.writes()).isEmpty();
    assertThat(plan.behaviorsAdded()).containsExactly("*.m3u8", "*.ts", "*.mpd", "*.mp4", "*.ism/*");
    allFormats.reconcile(CHANNEL);
    assertAppliedExactly(plan.changes());
  }

  @Test
  void plan_whenAUserMadeABehaviorForAPattern_keepsItAndAddsTheOthers() {
    Distribution distribution = channelWithEndpoints(Specs.endpoint(Packaging.HLS));
    edit(distribution, config -> DistributionConfig.builder().from(config)
        .addOrigins(userOrigin("users", "origin.example.com", ""))
        .addCacheBehaviors(userBehavior("*.m3u8", "users")).build());

    DistributionPlan plan = planThenReconcile();

    assertThat(plan.behaviorsAdded()).containsExactly("*.ts");
    assertThat(Specs.onlyDistribution(aws).config().behavior("*.m3u8").orElseThrow().targetOriginId())
        .isEqualTo("users");
  }

  @Test
  void plan_whenAUserPointedTheDefaultBehaviorElsewhere_doesNotRetargetIt_andRemovesTheUnusedPlaceholder() {
    Distribution distribution = channelWithEndpoints(Specs.endpoint(Packaging.HLS));
    edit(distribution, config -> DistributionConfig.builder().from(config)
        .addOrigins(userOrigin("users", "origin.example.com", ""))
        .defaultBehavior(CacheBehavior.builder().from(config.defaultBehavior()).targetOriginId("users").build())
        .build());

    DistributionPlan plan = planThenReconcile();

    assertThat(plan.defaultBehaviorRetarget()).isEmpty();
    assertThat(plan.originRemoved()).contains(PLACEHOLDER);
    assertThat(plan.toString()).doesNotContain("~ default behavior");
  }

  @Test
  void plan_whenTheDistributionHasEverything_isEmpty_andTheReconcileSendsNoUpdate() {
    channelWithEndpoints(Specs.allFormats().toArray(EndpointSpec[]::new));
    cdn.reconcile(CHANNEL);

    DistributionPlan plan = planThenReconcile();

    assertThat(plan.changes().isEmpty()).isTrue();
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.toString())
        .isEqualTo("plan for channel live-news, distribution " + Specs.onlyDistribution(aws).id() + ": no change");
  }

  @Test
  void plan_whenTheChannelOriginSendsAnotherIdentifier_throwsTheMismatchTheReconcileReports() {
    Distribution distribution = channelWithEndpoints(EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS))
        .authorization(AUTHORIZATION).build());
    String origin = channelOriginId();
    edit(distribution, config -> DistributionConfig.builder().from(config)
        .addOrigins(Origin.builder().from(userOrigin(origin, host(), ""))
            .putCustomHeaders(LiveCdnSettings.CDN_IDENTIFIER_HEADER, "another-identifier").build()).build());
    aws.clearCalls();

    ResourceConflictException e = catchThrowableOfType(ResourceConflictException.class, () -> cdn.plan(CHANNEL));

    assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.CDN_IDENTIFIER_MISMATCH);
    assertThat(aws.writes()).isEmpty();
    CdnOutcome reconciled = cdn.reconcile(CHANNEL);
    assertThat(reconciled.failure()).get().isInstanceOfSatisfying(ResourceConflictException.class,
        conflict -> assertThat(conflict.reason()).isEqualTo(e.reason()));
  }

  @Test
  void plan_whenTheDistributionIsFoundThroughTheTagIndexAlone_saysTheSaveRecordsItOnTheChannel() {
    Distribution distribution = channelWithEndpoints(Specs.endpoint(Packaging.HLS));
    aws.channels().tag(aws.channels().find(CHANNEL).orElseThrow().arn(),
        Map.of(CdnSettings.CHANNEL_TAG_KEY, CdnSettings.CHANNEL_TAG_REQUESTED));
    aws.clearCalls();

    DistributionPlan plan = cdn.plan(CHANNEL);

    assertThat(aws.writes()).isEmpty();
    assertThat(plan.recordsDistributionOnChannel()).isTrue();
    assertThat(plan.distributionId()).contains(distribution.id());
    assertThat(plan.toString()).contains("+ channel tag records the distribution's id");
    cdn.reconcile(CHANNEL);
    assertThat(aws.calls(Operation.TAG_RESOURCE)).hasSize(1);
    assertAppliedExactly(plan.changes());
  }

  // ---------------------------------------------------------------- the plan's text

  @Test
  void toString_readsLikeAShortDiff() {
    channelWithEndpoints(EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS)).authorization(AUTHORIZATION)
        .build());
    String origin = channelOriginId();

    assertThat(cdn.plan(CHANNEL).toString()).isEqualTo(String.join("\n",
        "plan for channel live-news, distribution " + Specs.onlyDistribution(aws).id() + ":",
        "+ origin " + origin + " (" + host() + ", https-only)",
        "+ header X-MediaPackage-CDNIdentifier on " + origin + " (value hidden)",
        "+ behavior *.m3u8 -> " + origin,
        "+ behavior *.ts -> " + origin,
        "~ default behavior: " + PLACEHOLDER + " -> " + origin,
        "- origin " + PLACEHOLDER));
  }

  // ---------------------------------------------------------------- dry runs

  @Test
  void planSave_ofAnEndpointOnAChannelWithEndpoints_equalsWhatTheSaveApplies_andWritesNothing() {
    channelWithEndpoints(Specs.endpoint(Packaging.HLS));
    cdn.reconcile(CHANNEL);
    aws.clearCalls();
    events.clear();

    DistributionPlan plan = cdn.planSave(Specs.endpoint(Packaging.DASH));

    assertThat(aws.writes()).isEmpty();
    assertThat(aws.channels().findEndpoint(OriginEndpointId.of("live-news-dash"))).isEmpty();
    assertThat(plan.egressHostKnown()).isTrue();
    assertThat(plan.behaviorsAdded()).containsExactly("*.mpd", "*.mp4");
    aws.clearCalls();
    cdn.saveEndpoint(Specs.endpoint(Packaging.DASH));
    assertAppliedExactly(plan.changes());
  }

  @Test
  void planSave_ofTheFirstEndpoint_saysTheEgressHostIsNotKnownYet_andNeverInventsOne() {
    cdn.saveChannel(Specs.channelWithDistribution());
    aws.clearCalls();

    DistributionPlan plan = cdn.planSave(Specs.endpoint(Packaging.HLS));

    assertThat(aws.calls()).extracting(RecordedCall::operation).containsExactly(Operation.DESCRIBE_CHANNEL,
        Operation.DESCRIBE_ORIGIN_ENDPOINT, Operation.GET_RESOURCES, Operation.LIST_TAGS_FOR_RESOURCE,
        Operation.LIST_ORIGIN_ENDPOINTS, Operation.GET_DISTRIBUTION);
    assertThat(aws.channels().allEndpoints()).isEmpty();
    assertThat(plan.egressHostKnown()).isFalse();
    assertThat(plan.behaviorsAdded()).containsExactly("*.m3u8", "*.ts");
    assertThat(plan.originRemoved()).contains(PLACEHOLDER);
    assertThat(plan.toString())
        .contains("+ origin EMP-<egress host label> (on the channel's egress host, known once MediaPackage creates "
            + "its first endpoint, https-only)")
        .contains("+ behavior *.m3u8 -> EMP-<egress host label>")
        .doesNotContain("mediapackage.us-west-2");

    cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
    ChangeSet applied = events.events(Step.CHANGE_PLANNED).get(0).changes().orElseThrow();
    assertThat(applied.changes()).extracting(change -> change.getClass().getSimpleName())
        .containsExactlyElementsOf(plan.changes().changes().stream().map(c -> c.getClass().getSimpleName()).toList());
  }

  @Test
  void planSave_ofEndpoints_refusesBadInputWithTheSavesTypedErrors_beforeAnyCall() {
    aws.clearCalls();
    EndpointSpec hls = Specs.endpoint(Packaging.HLS);
    EndpointSpec other = EndpointSpec.builder().from(hls).channelId("live-sports").id("live-sports-hls").build();

    assertThatThrownBy(() -> cdn.planSave(List.of(hls, hls))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("is given more than once");
    assertThatThrownBy(() -> cdn.planSave(List.of(hls, other))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("belong to one channel");
    assertThatThrownBy(() -> cdn.planSave(List.of())).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cdn.planSave((EndpointSpec) null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cdn.planSave(List.of(
        EndpointSpec.builder().from(hls).authorization(AUTHORIZATION).cdnIdentifier(CdnIdentifier.of(SECRET)).build(),
        EndpointSpec.builder().from(Specs.endpoint(Packaging.DASH)).authorization(AUTHORIZATION)
            .cdnIdentifier(CdnIdentifier.of("another-identifier")).build())))
        .isInstanceOf(ValidationException.class).hasMessageContaining("different CDN identifiers");
    assertThat(aws.calls()).isEmpty();

    assertThatThrownBy(() -> cdn.planSave(hls)).isInstanceOf(ResourceNotFoundException.class);
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void planSave_ofAnEndpointOfAnotherChannel_refusesTheMove_andWritesNothing() {
    cdn.saveChannel(Specs.channelWithDistribution());
    cdn.saveChannel(ChannelSpec.builder().id("live-sports").build());
    aws.channels().createEndpoint(EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS)).channelId("live-sports")
        .build());
    aws.clearCalls();

    assertThatThrownBy(() -> cdn.planSave(Specs.endpoint(Packaging.HLS))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("cannot move to channel live-news");
    assertThat(aws.calls()).extracting(RecordedCall::operation)
        .containsExactly(Operation.DESCRIBE_CHANNEL, Operation.DESCRIBE_ORIGIN_ENDPOINT);
  }

  @Test
  void planSave_ofAnEndpointWithAnotherIdentifierThanTheOriginSends_throwsTheMismatch_andWritesNothing() {
    channelWithEndpoints(EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS)).authorization(AUTHORIZATION)
        .build());
    cdn.reconcile(CHANNEL);
    aws.clearCalls();

    ResourceConflictException e = catchThrowableOfType(ResourceConflictException.class, () -> cdn.planSave(
        EndpointSpec.builder().from(Specs.endpoint(Packaging.DASH)).authorization(AUTHORIZATION)
            .cdnIdentifier(CdnIdentifier.of("another-identifier")).build()));

    assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.CDN_IDENTIFIER_MISMATCH);
    assertThat(aws.writes()).isEmpty();
  }

  @Test
  void planSave_ofANewChannel_saysADistributionWouldBeCreated_withItsCommentAndTags_andWritesNothing() {
    ChannelSpec spec = ChannelSpec.builder().from(Specs.channelWithDistribution()).distributionComment("News CDN")
        .putDistributionTags("team", "news").build();

    DistributionPlan plan = cdn.planSave(spec);

    assertThat(aws.calls()).extracting(RecordedCall::operation).containsExactly(Operation.DESCRIBE_CHANNEL);
    assertThat(aws.channels().all()).isEmpty();
    DistributionPlan.NewDistribution created = plan.newDistribution().orElseThrow();
    assertThat(created.comment()).isEqualTo("News CDN");
    assertThat(created.tags()).containsExactly(Map.entry("team", "news"));
    assertThat(created.channelArnKnown()).isFalse();
    assertThat(plan.distributionId()).isEmpty();
    assertThat(plan.changes().isEmpty()).isTrue();
    assertThat(plan.toString()).isEqualTo("plan for channel live-news:\n+ distribution \"News CDN\", tags {team=news, "
        + "mediapackage:cloudfront_assoc=<the channel's ARN, known once MediaPackage creates the channel>} (or the "
        + "one already created for the channel, adopted)\n+ channel tag records the distribution's id");
  }

  @Test
  void planSave_ofAChannelWithEndpointsAndNoDistribution_plansTheCreationAndTheChangesTheSaveThenApplies() {
    cdn.saveChannel(Specs.channelWithoutDistribution());
    aws.channels().createEndpoint(Specs.endpoint(Packaging.HLS));
    ChannelArn arn = aws.channels().find(CHANNEL).orElseThrow().arn();
    aws.clearCalls();

    DistributionPlan plan = cdn.planSave(Specs.channelWithDistribution());

    assertThat(aws.writes()).isEmpty();
    assertThat(aws.distributions().all()).isEmpty();
    assertThat(plan.newDistribution().orElseThrow().tags())
        .containsExactly(Map.entry(CdnSettings.LINK_TAG_KEY, arn.value()));
    assertThat(plan.newDistribution().orElseThrow().comment()).isEqualTo("MediaPackage live channel live-news");
    assertThat(plan.behaviorsAdded()).containsExactly("*.m3u8", "*.ts");

    aws.clearCalls();
    CdnOutcome outcome = cdn.saveChannel(Specs.channelWithDistribution()).cdn();
    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).singleElement()
        .satisfies(call -> assertThat(call.arguments().get(1)).isEqualTo(plan.newDistribution().get().tags()));
    assertAppliedExactly(plan.changes());
  }

  @Test
  void planSave_ofAChannelWithItsDistribution_equalsThePlanOfTheChannel() {
    channelWithEndpoints(Specs.endpoint(Packaging.CMAF));

    DistributionPlan dryRun = cdn.planSave(Specs.channelWithDistribution());

    assertThat(dryRun).isEqualTo(cdn.plan(CHANNEL));
    aws.clearCalls();
    events.clear();
    cdn.saveChannel(Specs.channelWithDistribution());
    assertAppliedExactly(dryRun.changes());
  }

  @Test
  void planSave_ofAChannelSpec_refusesTheLibrarysOwnTagBeforeAnyCall() {
    assertThatThrownBy(() -> cdn.planSave(ChannelSpec.builder().from(Specs.channelWithDistribution())
        .putTags(CdnSettings.CHANNEL_TAG_KEY, "E2QWRUHEXAMPLE").build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("the library's own");
    assertThatThrownBy(() -> cdn.planSave((ChannelSpec) null)).isInstanceOf(ValidationException.class);
    assertThat(aws.calls()).isEmpty();
  }

  // ---------------------------------------------------------------- not managed: a reason, never an exception

  private DistributionPlan.NotManaged notManaged(DistributionPlan plan) {
    assertThat(aws.writes()).isEmpty();
    assertThat(plan.changes().isEmpty()).isTrue();
    assertThat(plan.distributionId()).isEmpty();
    assertThat(plan.toString()).startsWith("plan for channel live-news: not managed, " + plan.notManaged().get());
    return plan.notManaged().orElseThrow();
  }

  @Test
  void planSave_ofAChannelSpecWithoutADistribution_isNotRequested() {
    DistributionPlan plan = cdn.planSave(Specs.channelWithoutDistribution());

    assertThat(notManaged(plan).reason()).isEqualTo(DistributionPlan.Reason.NOT_REQUESTED);
    assertThat(aws.calls()).isEmpty();
  }

  @Test
  void plan_ofAChannelThatNeverAskedForADistribution_isNoDistribution() {
    cdn.saveChannel(Specs.channelWithoutDistribution());
    aws.channels().createEndpoint(Specs.endpoint(Packaging.HLS));
    aws.clearCalls();

    DistributionPlan.NotManaged why = notManaged(cdn.plan(CHANNEL));

    assertThat(why.reason()).isEqualTo(DistributionPlan.Reason.NO_DISTRIBUTION);
    assertThat(why.explanation()).contains("never asked for one");
    assertThat(aws.calls()).extracting(RecordedCall::operation)
        .containsExactly(Operation.DESCRIBE_CHANNEL, Operation.GET_RESOURCES);
    assertThat(notManaged(cdn.planSave(Specs.endpoint(Packaging.DASH))).reason())
        .isEqualTo(DistributionPlan.Reason.NO_DISTRIBUTION);
  }

  @Test
  void plan_whenTheLinkTagWasChanged_isLinkTagChanged() {
    Distribution distribution = channelWithEndpoints(Specs.endpoint(Packaging.HLS));
    aws.distributions().tag(distribution.id(), CdnSettings.LINK_TAG_KEY, "someone-else");
    aws.clearCalls();

    DistributionPlan.NotManaged why = notManaged(cdn.plan(CHANNEL));

    assertThat(why.reason()).isEqualTo(DistributionPlan.Reason.LINK_TAG_CHANGED);
    assertThat(why.explanation()).contains(distribution.id().value());
    assertThat(cdn.reconcile(CHANNEL).action()).isEqualTo(CdnOutcome.Action.NO_DISTRIBUTION);
    assertThat(aws.calls(Operation.UPDATE_DISTRIBUTION)).isEmpty();
  }

  @Test
  void plan_whenTwoDistributionsAreLinked_isAmbiguousLink_notAnException() {
    Distribution first = channelWithEndpoints(Specs.endpoint(Packaging.HLS));
    DistributionId second = aws.distributions().create(DistributionConfig.builder().from(first.config())
        .callerReference("another").build(), Map.of(CdnSettings.LINK_TAG_KEY,
        aws.channels().find(CHANNEL).orElseThrow().arn().value())).id();
    aws.clearCalls();

    DistributionPlan.NotManaged why = notManaged(cdn.plan(CHANNEL));

    assertThat(why.reason()).isEqualTo(DistributionPlan.Reason.AMBIGUOUS_LINK);
    assertThat(why.explanation()).contains(first.id().value()).contains(second.value());
    assertThat(notManaged(cdn.planSave(Specs.channelWithDistribution())).reason())
        .isEqualTo(DistributionPlan.Reason.AMBIGUOUS_LINK);
    assertThat(notManaged(cdn.planSave(Specs.endpoint(Packaging.DASH))).reason())
        .isEqualTo(DistributionPlan.Reason.AMBIGUOUS_LINK);
  }

  @Test
  void plan_whenTheChannelAskedAndHasNone_isRequestedButMissing() {
    cdn.saveChannel(Specs.channelWithoutDistribution());
    aws.channels().tag(aws.channels().find(CHANNEL).orElseThrow().arn(),
        Map.of(CdnSettings.CHANNEL_TAG_KEY, CdnSettings.CHANNEL_TAG_REQUESTED));
    aws.clearCalls();

    DistributionPlan.NotManaged why = notManaged(cdn.plan(CHANNEL));

    assertThat(why.reason()).isEqualTo(DistributionPlan.Reason.REQUESTED_BUT_MISSING);
    assertThat(why.explanation()).contains("Save the channel again");
  }

  @Test
  void plan_whenTagsMayLag_isNotVisibleYet() {
    ChannelCdn lagging = aws.channelCdn(builder -> builder.settings(CdnSettings.builder()
        .channelTagsReadAfterWrite(false).build()));
    lagging.saveChannel(Specs.channelWithoutDistribution());
    aws.clearCalls();

    DistributionPlan.NotManaged why = notManaged(lagging.plan(CHANNEL));

    assertThat(why.reason()).isEqualTo(DistributionPlan.Reason.NOT_VISIBLE_YET);
    assertThat(why.explanation()).contains("call reconcile after");
  }

  @Test
  void plan_ofAChannelThatDoesNotExist_throwsNotFound() {
    assertThatThrownBy(() -> cdn.plan(CHANNEL)).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> cdn.plan(null)).isInstanceOf(ValidationException.class);
    assertThat(aws.calls()).extracting(RecordedCall::operation).containsExactly(Operation.DESCRIBE_CHANNEL);
  }
}
