package io.github.mediapackagecdn.testkit.behaviour;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.cdn.TeardownOptions;
import io.github.mediapackagecdn.core.cdn.TeardownResult;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.port.Scheduler;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.DistributionDetails;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Invariants;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * MediaPackage v1 for the shared behaviour suites: channel {@code live-news} unless told another, endpoints of the
 * packaging format their name starts with ({@code hls}, {@code dash}, {@code cmaf}, {@code mss}), else HLS.
 */
final class V1Side implements Side {

  private final FakeAws aws;
  private final ChannelId channel;
  private ChannelCdn cdn;

  V1Side() {
    this(FakeAws.create());
  }

  V1Side(FakeAws aws) {
    this(aws, ChannelId.of("live-news"), null);
  }

  private V1Side(FakeAws aws, ChannelId channel, ChannelCdn cdn) {
    this.aws = aws;
    this.channel = channel;
    this.cdn = cdn;
  }

  @Override
  public FakeAws aws() {
    return aws;
  }

  @Override
  public void open(ProvisioningListener listener, Optional<Scheduler> scheduler) {
    cdn = aws.channelCdn(b -> {
      b.listener(listener);
      scheduler.ifPresent(b::scheduler);
    });
  }

  @Override
  public Side anotherInstance() {
    return new V1Side(aws, channel, aws.channelCdn());
  }

  @Override
  public Side onChannel(String name) {
    return new V1Side(aws, ChannelId.of(name), cdn);
  }

  @Override
  public String channelName() {
    return channel.value();
  }

  @Override
  public Operation createEndpointOperation() {
    return Operation.CREATE_ORIGIN_ENDPOINT;
  }

  @Override
  public Operation readChannelOperation() {
    return Operation.DESCRIBE_CHANNEL;
  }

  @Override
  public Operation tagChannelOperation() {
    return Operation.TAG_RESOURCE;
  }

  @Override
  public Operation deleteEndpointOperation() {
    return Operation.DELETE_ORIGIN_ENDPOINT;
  }

  @Override
  public List<Operation> faultableOperations() {
    return List.of(Operation.DESCRIBE_CHANNEL, Operation.CREATE_CHANNEL, Operation.CREATE_ORIGIN_ENDPOINT,
        Operation.LIST_ORIGIN_ENDPOINTS, Operation.GET_RESOURCES, Operation.CREATE_DISTRIBUTION_WITH_TAGS,
        Operation.GET_DISTRIBUTION, Operation.UPDATE_DISTRIBUTION, Operation.LIST_TAGS_FOR_RESOURCE);
  }

  @Override
  public String cdnIdentifierHeader() {
    return "X-MediaPackage-CDNIdentifier";
  }

  @Override
  public Optional<String> removeEndpointAccessByHand(String name) {
    return Optional.empty(); // no endpoint policy in v1; the suite's endpoints use no CDN authorization
  }

  @Override
  public List<String> everyKind() {
    return List.of("hls", "dash", "cmaf", "mss");
  }

  private ChannelSpec.Builder channelSpec() {
    return ChannelSpec.builder().id(channel.value()).description("24/7 news");
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
    aws.channels().create(channelSpec().build());
    endpoints.forEach(name -> aws.channels().createEndpoint(endpoint(name, "").build()));
  }

  @Override
  public CdnOutcome attachDistribution() {
    return cdn.attachDistribution(channel);
  }

  @Override
  public CdnOutcome reconcile() {
    return cdn.reconcile(channel);
  }

  private EndpointSpec.Builder endpoint(String name, String description) {
    Packaging packaging = everyKind().stream().filter(name::startsWith).findFirst()
        .map(kind -> Packaging.valueOf(kind.toUpperCase(Locale.ROOT))).orElse(Packaging.HLS);
    return EndpointSpec.builder().id(name).channelId(channel.value()).packaging(packaging).description(description);
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
    return List.of(); // v1's saves write no endpoint policy
  }

  private List<EndpointSpec> specs(List<String> names) {
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

  private static EndpointSave of(EndpointSaveResult result) {
    return new EndpointSave(result.cdn(), result.endpoints().stream().map(e -> e.id().value()).toList(),
        result.unsaved().stream().map(OriginEndpointId::value).toList(), result.stoppedBy(), result.complete());
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
    return Side.answer(cdn.awaitDeployedAsync(channel, timeout), V1Side::of);
  }

  private static Details of(ChannelDetails details) {
    Map<String, List<String>> urls = new LinkedHashMap<>();
    Map<String, String> notServed = new LinkedHashMap<>();
    details.endpoints().forEach(e -> {
      urls.put(e.endpoint().id().value(), e.cdnUrls());
      e.notServedReason().ifPresent(reason -> notServed.put(e.endpoint().id().value(), reason));
    });
    return new Details(details.distribution().map(DistributionDetails::id),
        details.distribution().map(DistributionDetails::status), details.readyForPlayers(), urls,
        notServed, details.notReadyReasons());
  }

  private Optional<Channel> stored() {
    return aws.channels().all().stream().filter(c -> c.id().equals(channel)).findFirst();
  }

  @Override
  public Optional<String> channelArn() {
    return stored().map(c -> c.arn().value());
  }

  @Override
  public Optional<String> channelTag() {
    return stored().map(c -> c.tags().get(CdnSettings.CHANNEL_TAG_KEY));
  }

  @Override
  public List<String> endpointsNow() {
    return aws.channels().allEndpoints().stream().filter(e -> e.channelId().equals(channel))
        .map(e -> e.id().value()).toList();
  }

  @Override
  public List<String> endpointsListedNow() {
    return Invariants.visibleEndpointsOf(aws, channel).stream().map(e -> e.id().value()).toList();
  }

  @Override
  public List<String> originUrls(String endpoint) {
    return aws.channels().allEndpoints().stream().filter(e -> e.id().value().equals(endpoint))
        .flatMap(e -> e.urls().stream()).map(EndpointUrl::value).toList();
  }

  @Override
  public void layoutHolds(Map<DistributionId, DistributionConfig> before) {
    Invariants.hold(aws, before, cdn);
  }

  @Override
  public void layoutServes(DistributionConfig config, List<String> endpoints) {
    List<OriginEndpoint> served = aws.channels().allEndpoints().stream()
        .filter(e -> endpoints.contains(e.id().value())).toList();
    Invariants.channelIsServed(stored().orElseThrow(), config, served);
  }
}
