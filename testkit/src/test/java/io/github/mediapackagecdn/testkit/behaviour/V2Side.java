package io.github.mediapackagecdn.testkit.behaviour;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.port.Scheduler;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2EndpointSaveResult;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Invariants;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * MediaPackage v2 for the shared behaviour suites: channel {@code live/news} unless told another, endpoints of the
 * container their name starts with ({@code hls}: TS with an HLS manifest, {@code cmaf}: CMAF with an HLS and a DASH
 * manifest, {@code mss}: ISM with a smooth streaming manifest), else TS with an HLS manifest.
 */
final class V2Side implements Side {

  private static final String GROUP = "live";

  private final FakeAws aws;
  private final V2CdnSettings settings;
  private final V2ChannelId channel;
  private ChannelCdnV2 cdn;

  V2Side() {
    this(FakeAws.create());
  }

  V2Side(FakeAws aws) {
    this(aws, V2CdnSettings.defaults());
  }

  /** On {@code aws}, the facade built with {@code settings} (their distribution scope, say). */
  V2Side(FakeAws aws, V2CdnSettings settings) {
    this(aws, settings, V2ChannelId.of(GROUP, "news"), null);
  }

  private V2Side(FakeAws aws, V2CdnSettings settings, V2ChannelId channel, ChannelCdnV2 cdn) {
    this.aws = aws;
    this.settings = settings;
    this.channel = channel;
    this.cdn = cdn;
  }

  /** The facade, once {@link #open opened}. */
  ChannelCdnV2 cdn() {
    return cdn;
  }

  /** The channel this side works on. */
  V2ChannelId channel() {
    return channel;
  }

  @Override
  public FakeAws aws() {
    return aws;
  }

  @Override
  public void open(ProvisioningListener listener, Optional<Scheduler> scheduler) {
    cdn = aws.channelCdnV2(b -> {
      b.v2Settings(settings).listener(listener);
      scheduler.ifPresent(b::scheduler);
    });
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name(GROUP).build()); // the group exists beforehand
  }

  @Override
  public Side anotherInstance() {
    return new V2Side(aws, settings, channel, aws.channelCdnV2(b -> b.v2Settings(settings)));
  }

  @Override
  public Side onChannel(String name) {
    return new V2Side(aws, settings, V2ChannelId.of(GROUP, name), cdn);
  }

  @Override
  public String channelName() {
    return channel.toString();
  }

  @Override
  public Operation createEndpointOperation() {
    return Operation.V2_CREATE_ORIGIN_ENDPOINT;
  }

  @Override
  public Operation readChannelOperation() {
    return Operation.V2_GET_CHANNEL;
  }

  @Override
  public Operation tagChannelOperation() {
    return Operation.V2_TAG_RESOURCE;
  }

  @Override
  public Operation deleteEndpointOperation() {
    return Operation.V2_DELETE_ORIGIN_ENDPOINT;
  }

  @Override
  public List<Operation> faultableOperations() {
    return List.of(Operation.V2_GET_CHANNEL, Operation.V2_CREATE_CHANNEL, Operation.V2_CREATE_ORIGIN_ENDPOINT,
        Operation.V2_LIST_ORIGIN_ENDPOINTS, Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY, Operation.GET_RESOURCES,
        Operation.CREATE_DISTRIBUTION_WITH_TAGS, Operation.GET_DISTRIBUTION, Operation.UPDATE_DISTRIBUTION,
        Operation.LIST_TAGS_FOR_RESOURCE);
  }

  @Override
  public String cdnIdentifierHeader() {
    return ChannelCdnV2.CDN_IDENTIFIER_HEADER;
  }

  @Override
  public Optional<String> removeEndpointAccessByHand(String name) {
    aws.channelGroups().removePolicyByHand(channel.endpoint(name));
    return Optional.of("endpoint policy");
  }

  @Override
  public List<String> everyKind() {
    return List.of("hls", "cmaf", "mss");
  }

  private V2ChannelSpec.Builder channelSpec() {
    return V2ChannelSpec.builder().id(channel).description("24/7 news");
  }

  @Override
  public CdnOutcome saveChannel() {
    return cdn.saveChannel(channelSpec().createDistribution(true).build()).cdn();
  }

  @Override
  public void saveChannelWithoutDistribution() {
    cdn.saveChannel(channelSpec().build());
  }

  @Override
  public void createOutsideTheLibrary(List<String> endpoints) {
    aws.channelGroups().createChannel(channelSpec().build());
    endpoints.forEach(name -> aws.channelGroups().createEndpoint(endpoint(name, "").build()));
  }

  @Override
  public CdnOutcome attachDistribution() {
    return cdn.attachDistribution(channel);
  }

  @Override
  public CdnOutcome reconcile() {
    return cdn.reconcile(channel);
  }

  private V2EndpointSpec.Builder endpoint(String name, String description) {
    V2EndpointSpec.Builder spec = V2EndpointSpec.builder().id(channel.endpoint(name)).description(description);
    if (name.startsWith("cmaf")) {
      return spec.containerType(ContainerType.CMAF).addManifests(Manifest.of(ManifestType.HLS, "index"),
          Manifest.of(ManifestType.DASH, "dash"));
    }
    if (name.startsWith("mss")) {
      return spec.containerType(ContainerType.ISM).addManifests(Manifest.of(ManifestType.MSS, "index"));
    }
    return spec.containerType(ContainerType.TS).addManifests(Manifest.of(ManifestType.HLS, "index"));
  }

  @Override
  public DistributionPlan plan() {
    return cdn.plan(channel);
  }

  @Override
  public DistributionPlan planSaveEndpoints(List<String> names) {
    return cdn.planSave(specs(names));
  }

  @Override
  public List<DistributionPlan.PackagerWrite> packagerWrites() {
    return aws.calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY).stream()
        .map(call -> new DistributionPlan.PackagerWrite("PutOriginEndpointPolicy", call.arguments().get(0).toString()))
        .toList();
  }

  private List<V2EndpointSpec> specs(List<String> names) {
    return names.stream().map(name -> endpoint(name, "").build()).toList();
  }

  @Override
  public EndpointSave saveEndpoints(List<String> names) {
    return of(cdn.saveEndpoints(names.stream().map(name -> endpoint(name, "").build()).toList()));
  }

  @Override
  public EndpointSave saveEndpoint(String name, String description) {
    return of(cdn.saveEndpoint(endpoint(name, description).build()));
  }

  private static EndpointSave of(V2EndpointSaveResult result) {
    return new EndpointSave(result.cdn(), result.endpoints().stream().map(e -> e.id().endpoint()).toList(),
        result.unsaved().stream().map(V2EndpointId::endpoint).toList(), result.stoppedBy(), result.complete());
  }

  @Override
  public TeardownResult teardown() {
    return cdn.teardown(channel, TeardownOptions.builder().deleteDistribution(true).build());
  }

  @Override
  public TeardownResult teardownKeepingTheDistribution() {
    return cdn.teardown(channel, TeardownOptions.defaults());
  }

  @Override
  public Details details() {
    return of(cdn.details(channel));
  }

  @Override
  public Details awaitDeployed(Duration timeout, Consumer<DeploymentProgress> progress) {
    return of(cdn.awaitDeployed(channel, timeout, progress));
  }

  @Override
  public Details awaitDeployed(Duration timeout) {
    return of(cdn.awaitDeployed(channel, timeout));
  }

  @Override
  public CompletableFuture<Details> awaitDeployedAsync(Duration timeout) {
    return Side.answer(cdn.awaitDeployedAsync(channel, timeout), V2Side::of);
  }

  private static Details of(V2ChannelDetails details) {
    Map<String, List<String>> urls = new LinkedHashMap<>();
    Map<String, String> notServed = new LinkedHashMap<>();
    details.endpoints().forEach(e -> {
      urls.put(e.endpoint().endpoint(), e.cdnUrls());
      e.notServedReason().ifPresent(reason -> notServed.put(e.endpoint().endpoint(), reason));
    });
    return new Details(details.distributionId(), details.status(), details.readyForPlayers(), urls, notServed,
        details.notReadyReasons());
  }

  @Override
  public Optional<String> channelArn() {
    return aws.channelGroups().allChannels().stream().filter(c -> c.id().equals(channel)).findFirst()
        .map(V2Channel::arn);
  }

  @Override
  public Optional<String> channelTag() {
    return aws.channelGroups().allChannels().stream().filter(c -> c.id().equals(channel)).findFirst()
        .map(c -> c.tags().get(CdnSettings.CHANNEL_TAG_KEY));
  }

  @Override
  public List<String> endpointsNow() {
    return aws.channelGroups().allEndpoints().stream().filter(e -> e.id().channelId().equals(channel))
        .map(e -> e.id().endpoint()).toList();
  }

  @Override
  public List<String> endpointsListedNow() {
    return Invariants.visibleEndpointsOf(aws, channel).stream().map(e -> e.id().endpoint()).toList();
  }

  @Override
  public List<String> originUrls(String endpoint) {
    return aws.channelGroups().allEndpoints().stream().filter(e -> e.id().equals(channel.endpoint(endpoint)))
        .flatMap(e -> e.manifests().stream()).map(Manifest::url).toList();
  }

  @Override
  public void layoutHolds(Map<DistributionId, DistributionConfig> before) {
    // v2's layout (origin access control, endpoint policies, cache policies) is what players' requests go through
  }

  @Override
  public void layoutServes(DistributionConfig config, List<String> endpoints) {
    // as layoutHolds: the players' view checks it
  }
}
