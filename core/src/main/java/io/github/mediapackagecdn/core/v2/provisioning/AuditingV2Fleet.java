package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.cdn.FleetAuditing;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionSummary;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The use case "audit the fleet", v2's side of the engine's {@link FleetAuditing}. MediaPackage v2 lists channels by
 * group and endpoints by channel, and its listings hold neither a channel's tags nor a group's egress domain, so it
 * reads, each in pages of 100: the groups (ListChannelGroups), each group's channels (ListChannels), each channel with
 * its tags (GetChannel), each channel's endpoints (ListOriginEndpoints, with their manifests' URLs), and the account's
 * shared settings by name (ListOriginAccessControls, ListCachePolicies); then the engine's GetResources and
 * ListDistributions; then, only for a channel with one linked distribution, its group once (GetChannelGroup) and each
 * of its endpoints' policies (GetOriginEndpointPolicy). With G groups, C channels, E endpoints, D distributions, T
 * link tags, and G' groups and E' endpoints of linked channels, every listing within one page:
 * {@code 1 + G + C + C + 2 + 1 + 1 + G' + E'} calls, none of them a write.
 *
 * <p>A linked channel is judged with v2's rules: what {@link V2Layout#changesFor} adds (the group's origin, the
 * endpoints' behaviours, a behaviour still on an earlier cache policy of the library's), the origin access control on
 * the group's origin, the CDN identifier header when an endpoint's policy has CDN authorization, the library's
 * statement for the distribution in each endpoint's policy ({@code ENDPOINT_POLICY_WITHOUT_STATEMENT}), and
 * CloudFront's routing of each endpoint ({@code ENDPOINT_WITHOUT_CDN_URL}); a shared origin access control or cache
 * policy changed by hand is {@code SHARED_POLICY_CHANGED}. A secondary Region is not audited: the second group's
 * origin and the origin group are not checked.
 */
final class AuditingV2Fleet implements FleetAuditing.Side<V2Channel> {

  /** A v2 channel ARN: {@code arn:<partition>:mediapackagev2:<Region>:<account>:channelGroup/<g>/channel/<c>}. */
  private static final Pattern CHANNEL_ARN =
      Pattern.compile("arn:[a-z-]+:mediapackagev2:([a-z0-9-]+):\\d{12}:channelGroup/[^/]+/channel/[^/]+");

  private final ChannelGroups groups;
  private final SharedPolicies shared;
  private final CdnSettings settings;
  private final V2CdnSettings v2Settings;
  /** What the last audit read, for the judging; one audit at a time. */
  private Map<V2ChannelId, List<V2Endpoint>> endpoints = Map.of();
  private SharedPolicies.Found found;
  private final Map<String, Optional<ChannelGroup>> channelGroups = new HashMap<>();

  AuditingV2Fleet(ChannelGroups groups, SharedPolicies shared, CdnSettings settings, V2CdnSettings v2Settings) {
    this.groups = groups;
    this.shared = shared;
    this.settings = settings;
    this.v2Settings = v2Settings;
  }

  @Override
  public void forget() {
    endpoints = Map.of();
    found = null;
    channelGroups.clear();
  }

  @Override
  public List<V2Channel> channels(FleetAuditing.Reads reads) {
    List<String> names = reads.read("ListChannelGroups", groups::groupNames, List::size);
    Map<String, List<String>> channelNames = reads.read("ListChannels", () -> {
      Map<String, List<String>> byGroup = new LinkedHashMap<>();
      names.forEach(group -> byGroup.put(group, existing(() -> groups.channelNames(group))));
      return byGroup;
    }, byGroup -> byGroup.values().stream().mapToInt(List::size).sum());
    List<V2Channel> fleet = reads.read("GetChannel", () -> channelNames.entrySet().stream()
        .flatMap(group -> group.getValue().stream().map(name -> V2ChannelId.of(group.getKey(), name)))
        .map(groups::findChannel).flatMap(Optional::stream).toList(), List::size);
    endpoints = reads.read("ListOriginEndpoints", () -> {
      Map<V2ChannelId, List<V2Endpoint>> byChannel = new LinkedHashMap<>();
      fleet.forEach(channel -> byChannel.put(channel.id(), existing(() -> groups.endpointsOf(channel.id()))));
      return byChannel;
    }, byChannel -> byChannel.values().stream().mapToInt(List::size).sum());
    found = reads.read("ListOriginAccessControls, ListCachePolicies", shared::read, f -> f.changed().size());
    return fleet;
  }

  /** What a listing answers, or nothing when its group or channel was deleted since it was listed. */
  private static <T> List<T> existing(java.util.function.Supplier<List<T>> listing) {
    try {
      return listing.get();
    } catch (ResourceNotFoundException e) {
      return List.of();
    }
  }

  @Override
  public int endpointCount() {
    return endpoints.values().stream().mapToInt(List::size).sum();
  }

  /**
   * In the distribution scope per channel group, the ARN of the channel's group when the group asked for a distribution
   * (its channel tag, read with GetChannelGroup once a group).
   */
  @Override
  public Optional<String> sharedLinkValue(V2Channel channel, FleetAuditing.Reads reads) {
    if (v2Settings.distributionScope() != V2CdnSettings.DistributionScope.CHANNEL_GROUP) {
      return Optional.empty();
    }
    return group(channel, reads).filter(g -> g.tags().containsKey(settings.channelTagKey())).map(ChannelGroup::arn);
  }

  private Optional<ChannelGroup> group(V2Channel channel, FleetAuditing.Reads reads) {
    return channelGroups.computeIfAbsent(channel.id().group(),
        name -> reads.read("GetChannelGroup", () -> groups.findGroup(name), g -> g.isPresent() ? 1 : 0));
  }

  @Override
  public LinkedChannel judge(V2Channel channel, DistributionSummary summary, FleetAuditing.Reads reads,
      Consumer<AuditFinding> findings) {
    return judge(channel, summary, reads, findings, false);
  }

  /** The channel served by its group's distribution, judged by {@link GroupLayout}: its origin and behaviours. */
  @Override
  public LinkedChannel judgeShared(V2Channel channel, DistributionSummary summary, FleetAuditing.Reads reads,
      Consumer<AuditFinding> findings) {
    return judge(channel, summary, reads, findings, true);
  }

  private LinkedChannel judge(V2Channel channel, DistributionSummary summary, FleetAuditing.Reads reads,
      Consumer<AuditFinding> findings, boolean byGroup) {
    List<V2Endpoint> served = endpoints.getOrDefault(channel.id(), List.of());
    LinkedChannel.Builder linked = LinkedChannel.builder().channel(channel.id().ref()).distribution(summary.id())
        .endpoints(served.size()).missing(ChangeSet.empty());
    Optional<DistributionConfig> routing = FleetAuditing.routing(summary);
    Optional<ChannelGroup> group = group(channel, reads);
    if (routing.isEmpty() || group.isEmpty()) {
      return linked.unknown(routing.isEmpty() ? "the listing of distribution " + summary.id()
          + " has no default behaviour" : "channel group " + channel.id().group() + " no longer exists").build();
    }
    DistributionConfig config = routing.get();
    String originId = V2Layout.originId(group.get().name());
    List<String> elsewhere = new ArrayList<>();
    Optional<Origin> origin = config.origin(originId);
    if (origin.isPresent() && (origin.get().originAccessControlId().isEmpty()
        || !origin.get().originAccessControlId().equals(found.accessControlId()))) {
      elsewhere.add("origin access control " + found.accessControlId().orElse(found.accessControlName())
          + " on origin " + originId + origin.get().originAccessControlId().map(id -> " (not " + id + ")")
          .orElse(""));
    }
    boolean authorized = false;
    for (V2Endpoint endpoint : served) {
      Optional<EndpointPolicy> policy = reads.read("GetOriginEndpointPolicy", () -> groups.findPolicy(endpoint.id()),
          p -> p.isPresent() ? 1 : 0);
      boolean cdnAuthorization = policy.flatMap(EndpointPolicy::cdnAuthorization).isPresent();
      authorized |= cdnAuthorization;
      OriginEndpointId endpointId = OriginEndpointId.of(endpoint.id().endpoint());
      EndpointPolicies.lacking(policy.map(EndpointPolicy::document), endpoint.arn(), summary.arn(), cdnAuthorization)
          .ifPresent(why -> {
            elsewhere.add("statement for the distribution in the policy of endpoint " + endpointId);
            findings.accept(finding(AuditFinding.Kind.ENDPOINT_POLICY_WITHOUT_STATEMENT, channel, summary,
                endpointId, "endpoint " + endpoint.id() + ": " + why));
          });
      V2Layout.whyNotServed(config, endpoint).ifPresent(why -> findings.accept(
          finding(AuditFinding.Kind.ENDPOINT_WITHOUT_CDN_URL, channel, summary, endpointId, why)));
    }
    if (authorized && origin.isPresent()
        && !origin.get().customHeaders().containsKey(ChannelCdnV2.CDN_IDENTIFIER_HEADER)) {
      elsewhere.add("header " + ChannelCdnV2.CDN_IDENTIFIER_HEADER + " on origin " + originId);
    }
    linked.missingElsewhere(elsewhere);
    V2Layout.Policies ids = new V2Layout.Policies(found.accessControlId().orElse(found.accessControlName()),
        found.manifestsId().orElse(ChannelCdnV2.MANIFEST_CACHE_POLICY_NAME),
        found.segmentsId().orElse(ChannelCdnV2.SEGMENT_CACHE_POLICY_NAME), found.earlier());
    try {
      linked.missing(byGroup
          ? GroupLayout.changesFor(config, group.get(), Optional.empty(), () -> ids, settings, v2Settings)
          : V2Layout.changesFor(config, group.get(), Optional.empty(), served, ids, Optional.empty(), settings,
              v2Settings));
    } catch (ProvisioningException e) {
      linked.unknown(e.getMessage());
    }
    return linked.build();
  }

  @Override
  public List<AuditFinding> accountFindings(FleetAuditing.Reads reads) {
    return found.changed().stream().map(changed -> AuditFinding.builder()
        .kind(AuditFinding.Kind.SHARED_POLICY_CHANGED).detail(changed).build()).toList();
  }

  @Override
  public Optional<String> channelRegion(String linkValue) {
    Matcher arn = CHANNEL_ARN.matcher(linkValue);
    return arn.matches() ? Optional.of(arn.group(1)) : Optional.empty();
  }

  private static AuditFinding finding(AuditFinding.Kind kind, V2Channel channel, DistributionSummary summary,
      OriginEndpointId endpoint, String detail) {
    return AuditFinding.builder().kind(kind).channel(channel.id().ref()).addDistributions(summary.id())
        .endpoint(endpoint).detail(detail).build();
  }
}
