package io.github.mediapackagecdn.testkit.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.port.Scheduler;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Invariants;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * MediaPackage v2 in the distribution scope {@code CHANNEL_GROUP} for the shared behaviour suites: {@link V2Side}'s
 * channel and endpoints, the facade built with that scope. The channel's distribution is its group's: the first channel
 * save asking for one creates it for the group (linked by the group's ARN), the next ones write nothing to CloudFront.
 * So the link tag's value ({@link #channelArn()}) is the group's ARN once the channel exists, and a teardown removes
 * the channel, then (as {@code teardownGroup}) the group's distribution once no channel of the group remains. What
 * the group's distribution does not do by design is said by {@link #notApplicable}.
 */
final class V2GroupSide implements Side {

  private static final V2CdnSettings GROUP_SCOPE =
      V2CdnSettings.builder().distributionScope(V2CdnSettings.DistributionScope.CHANNEL_GROUP).build();

  private final V2Side v2;

  V2GroupSide() {
    this(FakeAws.create());
  }

  V2GroupSide(FakeAws aws) {
    this(new V2Side(aws, GROUP_SCOPE));
  }

  private V2GroupSide(V2Side v2) {
    this.v2 = v2;
  }

  @Override
  public Optional<String> notApplicable(Guarantee guarantee) {
    return switch (guarantee) {
      case CALLER_REFERENCE_GENERATIONS -> Optional.of("the distribution is the group's: a changed link tag on it"
          + " makes the group's next generation, not the channel's (GroupScopeOnFakesTest covers it)");
      case ENDPOINT_SAVE_UPDATES_THE_DISTRIBUTION -> Optional.of("the group's behaviours cover every channel of the"
          + " group from the start: an endpoint save writes nothing to CloudFront, so no UpdateDistribution can fail"
          + " or race");
      case CHANNEL_TEARDOWN_RESOLVES_THE_DISTRIBUTION_FIRST -> Optional.of("a channel's teardown never touches its"
          + " group's distribution: the group's teardown, once no channel remains, resolves it (and refuses an"
          + " ambiguous link there, with nothing deleted)");
    };
  }

  @Override
  public FakeAws aws() {
    return v2.aws();
  }

  @Override
  public void open(ProvisioningListener listener, Optional<Scheduler> scheduler) {
    v2.open(listener, scheduler);
  }

  @Override
  public Side anotherInstance() {
    return new V2GroupSide((V2Side) v2.anotherInstance());
  }

  @Override
  public Side onChannel(String name) {
    return new V2GroupSide((V2Side) v2.onChannel(name));
  }

  @Override
  public String channelName() {
    return v2.channelName();
  }

  @Override
  public String distributionOwnerName() {
    return v2.channel().group() + "/*";
  }

  @Override
  public Operation createEndpointOperation() {
    return v2.createEndpointOperation();
  }

  @Override
  public Operation readChannelOperation() {
    return v2.readChannelOperation();
  }

  @Override
  public Operation tagChannelOperation() {
    return v2.tagChannelOperation();
  }

  @Override
  public Operation deleteEndpointOperation() {
    return v2.deleteEndpointOperation();
  }

  @Override
  public List<Operation> faultableOperations() {
    return v2.faultableOperations();
  }

  @Override
  public String cdnIdentifierHeader() {
    return v2.cdnIdentifierHeader();
  }

  @Override
  public List<String> everyKind() {
    return v2.everyKind();
  }

  @Override
  public CdnOutcome saveChannel() {
    return v2.saveChannel();
  }

  @Override
  public void saveChannelWithoutDistribution() {
    v2.saveChannelWithoutDistribution();
  }

  @Override
  public void createOutsideTheLibrary(List<String> endpoints) {
    v2.createOutsideTheLibrary(endpoints);
  }

  @Override
  public CdnOutcome attachDistribution() {
    return v2.attachDistribution();
  }

  @Override
  public CdnOutcome reconcile() {
    return v2.reconcile();
  }

  @Override
  public DistributionPlan plan() {
    return v2.plan();
  }

  @Override
  public DistributionPlan planSaveEndpoints(List<String> names) {
    return v2.planSaveEndpoints(names);
  }

  @Override
  public List<DistributionPlan.PackagerWrite> packagerWrites() {
    return v2.packagerWrites();
  }

  @Override
  public Optional<String> removeEndpointAccessByHand(String name) {
    return v2.removeEndpointAccessByHand(name);
  }

  @Override
  public EndpointSave saveEndpoints(List<String> names) {
    return v2.saveEndpoints(names);
  }

  @Override
  public EndpointSave saveEndpoint(String name, String description) {
    return v2.saveEndpoint(name, description);
  }

  @Override
  public Details details() {
    return v2.details();
  }

  @Override
  public Details awaitDeployed(Duration timeout, Consumer<DeploymentProgress> progress) {
    return v2.awaitDeployed(timeout, progress);
  }

  @Override
  public Details awaitDeployed(Duration timeout) {
    return v2.awaitDeployed(timeout);
  }

  @Override
  public CompletableFuture<Details> awaitDeployedAsync(Duration timeout) {
    return v2.awaitDeployedAsync(timeout);
  }

  /** The channel's teardown alone: it never touches the group's distribution. */
  @Override
  public TeardownResult teardownKeepingTheDistribution() {
    return v2.teardownKeepingTheDistribution();
  }

  /**
   * The channel's teardown, which never touches the group's distribution, then, when it deleted the channel and no
   * channel of the group remains, the group's ({@code teardownGroup}): what became of the distribution is the group
   * teardown's answer.
   */
  @Override
  public TeardownResult teardown() {
    TeardownOptions withDistribution = TeardownOptions.builder().deleteDistribution(true).build();
    TeardownResult channel = v2.cdn().teardown(v2.channel(), withDistribution);
    if (channel.channel() != TeardownResult.Removal.DELETED) {
      return channel;
    }
    TeardownResult group = v2.cdn().teardownGroup(v2.channel().group(), withDistribution);
    return TeardownResult.builder().from(channel).distribution(group.distribution())
        .deletedDistribution(group.deletedDistribution()).unlinkedDistribution(group.unlinkedDistribution()).build();
  }


  /** The link tag's value of the channel's distribution: the group's ARN, once the channel exists. */
  @Override
  public Optional<String> channelArn() {
    return v2.channelArn().flatMap(arn -> aws().channelGroups().allGroups().stream()
        .filter(g -> g.name().equals(v2.channel().group())).findFirst().map(ChannelGroup::arn));
  }

  /** The library's channel tag on the group, once the channel exists. */
  @Override
  public Optional<String> channelTag() {
    return v2.channelArn().flatMap(arn -> aws().channelGroups().allGroups().stream()
        .filter(g -> g.name().equals(v2.channel().group())).findFirst()
        .map(g -> g.tags().get(CdnSettings.CHANNEL_TAG_KEY)));
  }

  @Override
  public List<String> endpointsNow() {
    return v2.endpointsNow();
  }

  @Override
  public List<String> endpointsListedNow() {
    return v2.endpointsListedNow();
  }

  @Override
  public List<String> originUrls(String endpoint) {
    return v2.originUrls(endpoint);
  }

  /**
   * Beyond what players get: every distribution linked to a channel group has the group's behaviours, its manifests'
   * before its catch-all (behind it, they would never be used), whatever a person edited before the recovery.
   */
  @Override
  public void layoutHolds(Map<DistributionId, DistributionConfig> before) {
    v2.layoutHolds(before);
    for (ChannelGroup group : aws().channelGroups().allGroups()) {
      Invariants.taggedWith(aws(), group.arn()).forEach(d -> groupLayoutHolds(group.name(), d.config()));
    }
  }

  @Override
  public void layoutServes(DistributionConfig config, List<String> endpoints) {
    v2.layoutServes(config, endpoints);
    groupLayoutHolds(v2.channel().group(), config);
  }

  private static void groupLayoutHolds(String group, DistributionConfig config) {
    String prefix = "/out/v1/" + group + "/";
    assertThat(config.cacheBehaviors()).extracting(CacheBehavior::pathPattern).as("the behaviours of group %s", group)
        .containsSubsequence(prefix + "*.m3u8", prefix + "*.mpd", prefix + "*");
  }
}
