package io.github.mediapackagecdn.testkit.behaviour;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** MediaPackage v1 for the shared behaviour suite: channel {@code live-news}, HLS endpoints. */
final class V1Side implements Side {

  private static final ChannelId CHANNEL = ChannelId.of("live-news");

  private final FakeAws aws = FakeAws.create();
  private ChannelCdn cdn;

  @Override
  public FakeAws aws() {
    return aws;
  }

  @Override
  public void open(ProvisioningListener listener) {
    cdn = aws.channelCdn(b -> b.listener(listener));
  }

  @Override
  public String channelName() {
    return "live-news";
  }

  @Override
  public Operation createEndpointOperation() {
    return Operation.CREATE_ORIGIN_ENDPOINT;
  }

  @Override
  public CdnOutcome saveChannel() {
    return cdn.saveChannel(ChannelSpec.builder().id(CHANNEL.value()).createDistribution(true).build()).cdn();
  }

  @Override
  public void saveChannelWithoutDistribution() {
    cdn.saveChannel(ChannelSpec.builder().id(CHANNEL.value()).build());
  }

  @Override
  public CdnOutcome attachDistribution() {
    return cdn.attachDistribution(CHANNEL);
  }

  @Override
  public CdnOutcome reconcile() {
    return cdn.reconcile(CHANNEL);
  }

  @Override
  public DistributionPlan plan() {
    return cdn.plan(CHANNEL);
  }

  @Override
  public DistributionPlan planSaveEndpoints(List<String> names) {
    return cdn.planSave(specs(names));
  }

  @Override
  public List<DistributionPlan.PackagerWrite> packagerWrites() {
    return List.of(); // v1's saves write no endpoint policy
  }

  private static List<EndpointSpec> specs(List<String> names) {
    return names.stream().map(name -> EndpointSpec.builder()
        .id(name).channelId(CHANNEL.value()).packaging(Packaging.HLS).build()).toList();
  }

  @Override
  public EndpointSave saveEndpoints(List<String> names) {
    EndpointSaveResult result = cdn.saveEndpoints(specs(names));
    return new EndpointSave(result.cdn(), result.endpoints().stream().map(e -> e.id().value()).toList(),
        result.unsaved().stream().map(OriginEndpointId::value).toList(), result.stoppedBy(), result.complete());
  }

  @Override
  public Teardown teardown() {
    var result = cdn.teardown(CHANNEL, io.github.mediapackagecdn.core.cdn.TeardownOptions.builder()
        .deleteDistribution(true).build());
    return new Teardown(result.channel().name(), result.distribution().name(), result.deletedEndpoints().size());
  }

  @Override
  public Details details() {
    return of(cdn.details(CHANNEL));
  }

  @Override
  public Details awaitDeployed(Duration timeout, Consumer<DeploymentProgress> progress) {
    return of(cdn.awaitDeployed(CHANNEL, timeout, progress));
  }

  private static Details of(ChannelDetails details) {
    Map<String, List<String>> urls = new LinkedHashMap<>();
    Map<String, String> notServed = new LinkedHashMap<>();
    details.endpoints().forEach(e -> {
      urls.put(e.endpoint().id().value(), e.cdnUrls());
      e.notServedReason().ifPresent(reason -> notServed.put(e.endpoint().id().value(), reason));
    });
    return new Details(details.readyForPlayers(), urls, notServed, details.notReadyReasons());
  }
}
