package io.github.mediapackagecdn.testkit.behaviour;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.cdn.DeploymentProgress;
import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelDetails;
import io.github.mediapackagecdn.core.v2.provisioning.V2EndpointSaveResult;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** MediaPackage v2 for the shared behaviour suite: channel {@code live/news}, TS endpoints with an HLS manifest. */
final class V2Side implements Side {

  private static final V2ChannelId CHANNEL = V2ChannelId.of("live", "news");

  private final FakeAws aws = FakeAws.create();
  private ChannelCdnV2 cdn;

  @Override
  public FakeAws aws() {
    return aws;
  }

  @Override
  public void open(ProvisioningListener listener) {
    cdn = aws.channelCdnV2(b -> b.listener(listener));
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name(CHANNEL.group()).build()); // the group exists beforehand
  }

  @Override
  public String channelName() {
    return "live/news";
  }

  @Override
  public Operation createEndpointOperation() {
    return Operation.V2_CREATE_ORIGIN_ENDPOINT;
  }

  @Override
  public CdnOutcome saveChannel() {
    return cdn.saveChannel(V2ChannelSpec.builder().id(CHANNEL).createDistribution(true).build()).cdn();
  }

  @Override
  public void saveChannelWithoutDistribution() {
    cdn.saveChannel(V2ChannelSpec.builder().id(CHANNEL).build());
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
    return aws.calls(Operation.V2_PUT_ORIGIN_ENDPOINT_POLICY).stream()
        .map(call -> new DistributionPlan.PackagerWrite("PutOriginEndpointPolicy", call.arguments().get(0).toString()))
        .toList();
  }

  private static List<V2EndpointSpec> specs(List<String> names) {
    return names.stream().map(name -> V2EndpointSpec.builder().id(CHANNEL.endpoint(name))
        .containerType(ContainerType.TS).addManifests(Manifest.of(ManifestType.HLS, "index")).build()).toList();
  }

  @Override
  public EndpointSave saveEndpoints(List<String> names) {
    V2EndpointSaveResult result = cdn.saveEndpoints(specs(names));
    return new EndpointSave(result.cdn(), result.endpoints().stream().map(e -> e.id().endpoint()).toList(),
        result.unsaved().stream().map(V2EndpointId::endpoint).toList(), result.stoppedBy(), result.complete());
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

  private static Details of(V2ChannelDetails details) {
    Map<String, List<String>> urls = new LinkedHashMap<>();
    Map<String, String> notServed = new LinkedHashMap<>();
    details.endpoints().forEach(e -> {
      urls.put(e.endpoint().endpoint(), e.cdnUrls());
      e.notServedReason().ifPresent(reason -> notServed.put(e.endpoint().endpoint(), reason));
    });
    return new Details(details.readyForPlayers(), urls, notServed, details.notReadyReasons());
  }
}
