package io.github.mediapackagecdn.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.InputType;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.V2Channel;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import io.github.mediapackagecdn.core.v2.model.V2EndpointSpec;
import io.github.mediapackagecdn.core.v2.model.V2Limits;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ChannelGroups}: what MediaPackage v2 does with channel groups, channels, origin endpoints
 * and endpoint policies, as every implementation (the fake, the adapter over WireMock) must show it through the port.
 * The world starts empty for every test; subclasses give the port.
 */
public abstract class ChannelGroupsContract {

  /** {@code arn:aws:mediapackagev2:<region>:<account>:channelGroup/<g>/channel/<c>/originEndpoint/<e>}. */
  protected static final Pattern ENDPOINT_ARN = Pattern.compile(
      "arn:aws[a-z-]*:mediapackagev2:[a-z0-9-]+:[0-9]{12}:channelGroup/live/channel/news/originEndpoint/hls");

  /** The group most scenarios use. */
  protected static final String GROUP = "live";

  /** The port under test. */
  protected abstract ChannelGroups groups();

  /** A group spec. */
  protected static ChannelGroupSpec group(String name) {
    return ChannelGroupSpec.builder().name(name).description("group " + name).build();
  }

  /** A channel spec in {@link #GROUP}. */
  protected static V2ChannelSpec channel(String name) {
    return V2ChannelSpec.builder().id(V2ChannelId.of(GROUP, name)).description("channel " + name).build();
  }

  /** A TS endpoint of channel {@code news} with one HLS manifest {@code index}. */
  protected static V2EndpointSpec hls(String name) {
    return V2EndpointSpec.builder().id(V2EndpointId.of(GROUP, "news", name)).containerType(ContainerType.TS)
        .addManifests(Manifest.of(ManifestType.HLS, "index")).build();
  }

  private V2Channel news() {
    groups().createGroup(group(GROUP));
    return groups().createChannel(channel("news"));
  }

  @Nested
  class Groups {

    @Test
    void createGroup_givesAnEgressDomainAndAnArn() {
      ChannelGroup created = groups().createGroup(group(GROUP));

      assertThat(created.egressDomain()).isNotBlank().doesNotContain("/");
      assertThat(created.arn()).matches("arn:aws[a-z-]*:mediapackagev2:[a-z0-9-]+:[0-9]{12}:channelGroup/live");
      assertThat(groups().findGroup(GROUP)).hasValueSatisfying(g ->
          assertThat(g.egressDomain()).isEqualTo(created.egressDomain()));
      assertThat(groups().groupNames()).containsExactly(GROUP);
    }

    @Test
    void findGroup_whenMissing_isEmpty() {
      assertThat(groups().findGroup("absent")).isEmpty();
    }

    @Test
    void createGroup_whenNameTaken_isAlreadyExists() {
      groups().createGroup(group(GROUP));

      assertThatThrownBy(() -> groups().createGroup(group(GROUP))).isInstanceOfSatisfying(
          ResourceConflictException.class,
          e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS));
    }

    @Test
    void createGroup_beyondTheQuota_isQuotaExceeded() {
      for (int i = 0; i < V2Limits.MAX_CHANNEL_GROUPS; i++) {
        groups().createGroup(group("g" + i));
      }

      assertThatThrownBy(() -> groups().createGroup(group("one-more"))).isInstanceOf(QuotaExceededException.class);
    }
  }

  @Nested
  class Channels {

    @Test
    void createChannel_givesAnArnUnderItsGroupAndAnEtag() {
      V2Channel created = news();

      assertThat(created.arn()).endsWith(":channelGroup/live/channel/news");
      assertThat(created.etag()).isPresent();
      assertThat(groups().findChannel(V2ChannelId.of(GROUP, "news"))).hasValueSatisfying(c -> {
        assertThat(c.description()).isEqualTo("channel news");
        assertThat(c.etag()).isEqualTo(created.etag());
      });
      assertThat(groups().channelNames(GROUP)).containsExactly("news");
    }

    @Test
    void createChannel_withCmafIngestPublishingTheScore_readsBothBack_andAnUpdateTurnsThePublishingOff() {
      groups().createGroup(group(GROUP));
      V2ChannelSpec cmaf = V2ChannelSpec.builder().from(channel("news")).inputType(InputType.CMAF)
          .publishMediaQualityScore(true).build();
      V2Channel created = groups().createChannel(cmaf);
      V2Channel hls = groups().createChannel(channel("sports"));

      assertThat(groups().findChannel(cmaf.id())).hasValueSatisfying(c -> {
        assertThat(c.inputType()).isEqualTo(InputType.CMAF);
        assertThat(c.publishMediaQualityScore()).isTrue();
      });
      assertThat(hls.inputType()).isEqualTo(InputType.HLS);
      assertThat(hls.publishMediaQualityScore()).isFalse();
      V2Channel updated = groups().updateChannel(V2ChannelSpec.builder().from(cmaf).publishMediaQualityScore(false)
          .build(), created.etag().orElseThrow());
      assertThat(updated.inputType()).isEqualTo(InputType.CMAF);
      assertThat(groups().findChannel(cmaf.id()).orElseThrow().publishMediaQualityScore()).isFalse();
    }

    @Test
    void createChannel_inAMissingGroup_isNotFound() {
      assertThatThrownBy(() -> groups().createChannel(channel("news")))
          .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void updateChannel_withTheCurrentEtag_changesItAndTheEtag() {
      V2Channel created = news();

      V2Channel updated = groups().updateChannel(V2ChannelSpec.builder().from(channel("news"))
          .description("new text").build(), created.etag().orElseThrow());

      assertThat(updated.description()).isEqualTo("new text");
      assertThat(updated.etag()).isPresent().isNotEqualTo(created.etag());
    }

    @Test
    void updateChannel_withAStaleEtag_isStaleVersionAndChangesNothing() {
      V2Channel created = news();
      groups().updateChannel(channel("news"), created.etag().orElseThrow());

      assertThatThrownBy(() -> groups().updateChannel(V2ChannelSpec.builder().from(channel("news"))
          .description("lost").build(), created.etag().orElseThrow()))
          .isInstanceOfSatisfying(ResourceConflictException.class,
              e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION));
      assertThat(groups().findChannel(V2ChannelId.of(GROUP, "news")).orElseThrow().description())
          .isEqualTo("channel news");
    }

    @Test
    void tagChannel_addsTheTagsAndReplacesAKeysValue_keepingTheOthers_andGetChannelReturnsThem() {
      groups().createGroup(group(GROUP));
      V2Channel created = groups().createChannel(V2ChannelSpec.builder().from(channel("news"))
          .putTags("team", "news").build());
      assertThat(created.tags()).containsExactly(Map.entry("team", "news"));

      groups().tagChannel(created.arn(), Map.of("mediapackage-cdn:distribution", "requested"));
      groups().tagChannel(created.arn(), Map.of("mediapackage-cdn:distribution", "E1U5RQF7T870K0"));

      assertThat(groups().findChannel(created.id()).orElseThrow().tags()).containsOnly(Map.entry("team", "news"),
          Map.entry("mediapackage-cdn:distribution", "E1U5RQF7T870K0"));
    }

    @Test
    void tagGroup_addsTheTagsAndReplacesAKeysValue_keepingTheOthers_andGetChannelGroupReturnsThem() {
      ChannelGroup created = groups().createGroup(ChannelGroupSpec.builder().from(group(GROUP))
          .putTags("team", "live").build());

      groups().tagGroup(created.arn(), Map.of("mediapackage-cdn:distribution", "requested"));
      groups().tagGroup(created.arn(), Map.of("mediapackage-cdn:distribution", "E1U5RQF7T870K0"));

      assertThat(groups().findGroup(GROUP).orElseThrow().tags()).containsOnly(Map.entry("team", "live"),
          Map.entry("mediapackage-cdn:distribution", "E1U5RQF7T870K0"));
    }

    @Test
    void createChannel_beyondTheGroupQuota_isQuotaExceeded() {
      groups().createGroup(group(GROUP));
      for (int i = 0; i < V2Limits.MAX_CHANNELS_PER_GROUP; i++) {
        groups().createChannel(channel("c" + i));
      }

      assertThatThrownBy(() -> groups().createChannel(channel("one-more")))
          .isInstanceOf(QuotaExceededException.class);
    }
  }

  @Nested
  class Endpoints {

    @Test
    void createEndpoint_givesTheManifestUrlsOnTheEgressDomain() {
      news();
      String egress = groups().findGroup(GROUP).orElseThrow().egressDomain();

      V2Endpoint created = groups().createEndpoint(hls("hls"));

      assertThat(created.arn()).matches(ENDPOINT_ARN);
      assertThat(created.etag()).isPresent();
      assertThat(created.manifests()).extracting(Manifest::url)
          .containsExactly("https://" + egress + "/out/v1/live/news/hls/index.m3u8");
      assertThat(groups().findEndpoint(created.id())).hasValueSatisfying(e ->
          assertThat(e.manifests()).isEqualTo(created.manifests()));
    }

    @Test
    void createEndpoint_withAnHlsAndADashManifestBothNamedIndex_givesBothPaths() {
      news();
      String egress = groups().findGroup(GROUP).orElseThrow().egressDomain();

      V2Endpoint created = groups().createEndpoint(V2EndpointSpec.builder()
          .id(V2EndpointId.of(GROUP, "news", "cmaf")).containerType(ContainerType.CMAF)
          .addManifests(Manifest.of(ManifestType.HLS, "index"), Manifest.of(ManifestType.DASH, "index")).build());

      assertThat(created.manifests()).extracting(Manifest::url).containsExactly(
          "https://" + egress + "/out/v1/live/news/cmaf/index.m3u8",
          "https://" + egress + "/out/v1/live/news/cmaf/index.mpd");
    }

    @Test
    void endpointsOf_listsThemWithoutEtags() {
      news();
      groups().createEndpoint(hls("hls"));
      groups().createEndpoint(hls("hls-2"));

      assertThat(groups().endpointsOf(V2ChannelId.of(GROUP, "news")))
          .extracting(e -> e.id().endpoint()).containsExactly("hls", "hls-2");
      assertThat(groups().endpointsOf(V2ChannelId.of(GROUP, "news"))).allSatisfy(e ->
          assertThat(e.etag()).isEmpty());
    }

    @Test
    void createEndpoint_whenNameTaken_isAlreadyExists() {
      news();
      groups().createEndpoint(hls("hls"));

      assertThatThrownBy(() -> groups().createEndpoint(hls("hls"))).isInstanceOfSatisfying(
          ResourceConflictException.class,
          e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS));
    }

    @Test
    void updateEndpoint_withAStaleEtag_isStaleVersion() {
      news();
      V2Endpoint created = groups().createEndpoint(hls("hls"));
      groups().updateEndpoint(hls("hls"), created.etag().orElseThrow());

      assertThatThrownBy(() -> groups().updateEndpoint(hls("hls"), created.etag().orElseThrow()))
          .isInstanceOfSatisfying(ResourceConflictException.class,
              e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION));
    }

    @Test
    void createEndpoint_beyondTheChannelQuota_isQuotaExceeded() {
      news();
      for (int i = 0; i < V2Limits.MAX_ENDPOINTS_PER_CHANNEL; i++) {
        groups().createEndpoint(hls("e" + i));
      }

      assertThatThrownBy(() -> groups().createEndpoint(hls("one-more"))).isInstanceOf(QuotaExceededException.class);
    }
  }

  @Nested
  class Deletes {

    @Test
    void deleteEndpoint_removesItAndItsPolicy_thenTheChannelCanBeDeleted() {
      news();
      V2Endpoint endpoint = groups().createEndpoint(hls("hls"));
      groups().putPolicy(endpoint.id(), EndpointPolicy.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
      V2ChannelId channel = V2ChannelId.of(GROUP, "news");

      groups().deleteEndpoint(endpoint.id());

      assertThat(groups().findEndpoint(endpoint.id())).isEmpty();
      assertThat(groups().endpointsOf(channel)).isEmpty();
      groups().deleteChannel(channel);
      assertThat(groups().findChannel(channel)).isEmpty();
      assertThat(groups().channelNames(GROUP)).isEmpty();
    }

    @Test
    void deleteChannel_withAnEndpointLeft_isInUse_andDeletesNothing() {
      news();
      V2Endpoint endpoint = groups().createEndpoint(hls("hls"));
      V2ChannelId channel = V2ChannelId.of(GROUP, "news");

      assertThatThrownBy(() -> groups().deleteChannel(channel)).isInstanceOfSatisfying(
          ResourceConflictException.class,
          e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.IN_USE));
      assertThat(groups().findChannel(channel)).isPresent();
      assertThat(groups().findEndpoint(endpoint.id())).isPresent();
    }
  }

  @Nested
  class Policies {

    @Test
    void findPolicy_whenNoneWasPut_isEmpty() {
      news();
      V2Endpoint endpoint = groups().createEndpoint(hls("hls"));

      assertThat(groups().findPolicy(endpoint.id())).isEmpty();
    }

    @Test
    void putPolicy_thenFindPolicy_answersTheDocument() {
      news();
      V2Endpoint endpoint = groups().createEndpoint(hls("hls"));
      EndpointPolicy policy = EndpointPolicy.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}");

      groups().putPolicy(endpoint.id(), policy);

      assertThat(groups().findPolicy(endpoint.id())).hasValueSatisfying(p ->
          assertThat(p.document()).isEqualTo(policy.document()));
    }

    @Test
    void putPolicy_onAMissingEndpoint_isNotFound() {
      news();

      assertThatThrownBy(() -> groups().putPolicy(V2EndpointId.of(GROUP, "news", "absent"),
          EndpointPolicy.of("{}"))).isInstanceOf(ResourceNotFoundException.class);
    }
  }
}
