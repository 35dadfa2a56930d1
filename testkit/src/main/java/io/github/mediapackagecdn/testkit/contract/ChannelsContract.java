package io.github.mediapackagecdn.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.port.Channels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Channels}: what MediaPackage v1 does with live channels and origin endpoints, as every
 * implementation must show it through the port.
 *
 * <p>Subclasses give the port under test and arrange the world with {@link #givenChannel} and {@link #givenEndpoint};
 * the world starts empty for every test.
 */
public abstract class ChannelsContract {

  /** {@code arn:aws:mediapackage:<region>:<account>:channels/<32 hex>}. */
  protected static final Pattern CHANNEL_ARN =
      Pattern.compile("arn:aws[a-z-]*:mediapackage:[a-z0-9-]+:[0-9]{12}:channels/[0-9a-f]{32}");

  /** An endpoint's egress URL, {@code https://<host>/out/v1/<32 hex>/<rest>}. */
  protected static final Pattern EGRESS_URL = Pattern.compile("https://([a-z0-9.-]+)/out/v1/([0-9a-f]{32})/(.+)");

  /** The id of the channel most scenarios use. */
  protected static final String CHANNEL = "live-news";
  /** A second channel id, for scenarios with two channels. */
  protected static final String OTHER_CHANNEL = "live-sports";

  /** The port under test. */
  protected abstract Channels channels();

  /** The world has the channel {@code spec} describes; answers it as MediaPackage reports it. */
  protected abstract Channel givenChannel(ChannelSpec spec);

  /** The world has the endpoint {@code spec} describes, on a channel given before; answers it as MediaPackage reports it. */
  protected abstract OriginEndpoint givenEndpoint(EndpointSpec spec);

  /** A channel spec with a description and a tag. */
  protected static ChannelSpec channel(String id) {
    return ChannelSpec.builder().id(id).description("24/7 " + id).putTags("team", "video").build();
  }

  /** An endpoint spec with defaults but for its id, channel and packaging. */
  protected static EndpointSpec endpoint(String id, String channelId, Packaging packaging) {
    return EndpointSpec.builder().id(id).channelId(channelId).packaging(packaging).build();
  }

  private static Matcher egress(EndpointUrl url) {
    Matcher m = EGRESS_URL.matcher(url.value());
    assertThat(m.matches()).as("%s is an egress URL https://<host>/out/v1/<32 hex>/...", url).isTrue();
    return m;
  }

  @Nested
  class Create {

    @Test
    void create_whenIdIsFree_returnsTheChannelWithAMediaPackageArn() {
      Channel created = channels().create(channel(CHANNEL));

      assertThat(created.id()).isEqualTo(ChannelId.of(CHANNEL));
      assertThat(created.arn().value()).matches(CHANNEL_ARN);
      assertThat(created.description()).contains("24/7 " + CHANNEL);
      assertThat(created.tags()).containsExactlyEntriesOf(java.util.Map.of("team", "video"));
    }

    @Test
    void create_whenCreated_isFoundWithTheSameArn() {
      Channel created = channels().create(channel(CHANNEL));

      assertThat(channels().find(ChannelId.of(CHANNEL))).contains(created);
    }

    @Test
    void create_whenTwoChannels_givesThemDifferentArns() {
      Channel first = channels().create(channel(CHANNEL));
      Channel second = channels().create(channel(OTHER_CHANNEL));

      assertThat(first.arn()).isNotEqualTo(second.arn());
    }

    @Test
    void create_whenIdIsTaken_throwsAlreadyExists() {
      Channel existing = givenChannel(channel(CHANNEL));

      assertThatThrownBy(() -> channels().create(channel(CHANNEL)))
          .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
            assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS);
            assertThat(e.resourceId()).contains(CHANNEL);
          });
      assertThat(channels().find(ChannelId.of(CHANNEL))).contains(existing);
    }
  }

  @Nested
  class Find {

    @Test
    void find_whenIdIsUnknown_returnsEmpty() {
      givenChannel(channel(OTHER_CHANNEL));

      assertThat(channels().find(ChannelId.of(CHANNEL))).isEmpty();
    }

    @Test
    void find_whenChannelExists_returnsItAsGiven() {
      Channel given = givenChannel(channel(CHANNEL));

      assertThat(channels().find(ChannelId.of(CHANNEL))).contains(given);
      assertThat(given.arn().value()).matches(CHANNEL_ARN);
    }
  }

  @Nested
  class Update {

    @Test
    void update_whenChannelExists_changesTheDescriptionAndKeepsTheArn() {
      Channel given = givenChannel(channel(CHANNEL));

      Channel updated = channels().update(ChannelSpec.builder().id(CHANNEL).description("new text").build());

      assertThat(updated.arn()).isEqualTo(given.arn());
      assertThat(updated.description()).contains("new text");
      assertThat(channels().find(ChannelId.of(CHANNEL)).flatMap(Channel::description)).contains("new text");
    }

    @Test
    void update_whenChannelIsMissing_throwsNotFound() {
      assertThatThrownBy(() -> channels().update(ChannelSpec.builder().id(CHANNEL).description("x").build()))
          .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
            assertThat(e.errorCode()).contains("NotFoundException");
            assertThat(e.resourceId()).contains(CHANNEL);
          });
      assertThat(channels().find(ChannelId.of(CHANNEL))).isEmpty();
    }
  }

  @Nested
  class Tag {

    @Test
    void tag_whenChannelExists_addsTheTagAndDescribeChannelShowsItWithTheOthers() {
      Channel given = givenChannel(channel(CHANNEL));

      channels().tag(given.arn(), Map.of("mediapackage-cdn:distribution", "E2QWRUHAPOMQZL"));

      assertThat(channels().find(ChannelId.of(CHANNEL)).map(Channel::tags).orElseThrow())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("team", "video", "mediapackage-cdn:distribution", "E2QWRUHAPOMQZL"));
    }

    @Test
    void tag_whenTheKeyIsThere_replacesItsValue() {
      Channel given = givenChannel(channel(CHANNEL));
      channels().tag(given.arn(), Map.of("mediapackage-cdn:distribution", "requested"));

      channels().tag(given.arn(), Map.of("mediapackage-cdn:distribution", "E2QWRUHAPOMQZL"));

      assertThat(channels().find(ChannelId.of(CHANNEL)).map(Channel::tags).orElseThrow())
          .containsEntry("mediapackage-cdn:distribution", "E2QWRUHAPOMQZL")
          .containsEntry("team", "video")
          .hasSize(2);
    }

    @Test
    void tag_whenChannelUpdatedAfterwards_keepsTheTag() {
      Channel given = givenChannel(channel(CHANNEL));
      channels().tag(given.arn(), Map.of("mediapackage-cdn:distribution", "E2QWRUHAPOMQZL"));

      Channel updated = channels().update(ChannelSpec.builder().id(CHANNEL).description("new text").build());

      assertThat(updated.tags()).containsEntry("mediapackage-cdn:distribution", "E2QWRUHAPOMQZL");
      assertThat(channels().find(ChannelId.of(CHANNEL)).map(Channel::tags).orElseThrow())
          .containsEntry("mediapackage-cdn:distribution", "E2QWRUHAPOMQZL");
    }

    @Test
    void tag_whenItWouldMakeMoreThanFiftyTags_isRefusedAndChangesNothing() {
      Map<String, String> fifty = new LinkedHashMap<>();
      for (int i = 0; i < 50; i++) {
        fifty.put("k" + i, "v");
      }
      Channel given = givenChannel(ChannelSpec.builder().id(CHANNEL).tags(fifty).build());

      assertThatThrownBy(() -> channels().tag(given.arn(), Map.of("one-more", "v")))
          .isInstanceOf(InvalidRequestException.class);
      assertThat(channels().find(ChannelId.of(CHANNEL)).map(Channel::tags).orElseThrow()).isEqualTo(fifty);
    }

    @Test
    void tag_whenChannelIsMissing_throwsNotFound() {
      Channel given = givenChannel(channel(OTHER_CHANNEL));
      ChannelArn unknown = ChannelArn.of(
          given.arn().value().substring(0, given.arn().value().length() - 32) + "0".repeat(32));

      assertThatThrownBy(() -> channels().tag(unknown, Map.of("k", "v")))
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Nested
  class Delete {

    @Test
    void delete_whenChannelHasNoEndpoints_removesIt() {
      givenChannel(channel(CHANNEL));

      channels().delete(ChannelId.of(CHANNEL));

      assertThat(channels().find(ChannelId.of(CHANNEL))).isEmpty();
    }

    @Test
    void delete_whenChannelHasEndpoints_throwsInUseAndKeepsIt() {
      Channel given = givenChannel(channel(CHANNEL));
      givenEndpoint(endpoint(CHANNEL + "-hls", CHANNEL, Packaging.HLS));

      assertThatThrownBy(() -> channels().delete(ChannelId.of(CHANNEL)))
          .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
            assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.IN_USE);
            assertThat(e.resourceId()).contains(CHANNEL);
          });
      assertThat(channels().find(ChannelId.of(CHANNEL))).contains(given);
      assertThat(channels().endpointsOf(ChannelId.of(CHANNEL))).hasSize(1);
    }

    @Test
    void delete_whenChannelIsMissing_throwsNotFound() {
      assertThatThrownBy(() -> channels().delete(ChannelId.of(CHANNEL)))
          .isInstanceOfSatisfying(ResourceNotFoundException.class,
              e -> assertThat(e.errorCode()).contains("NotFoundException"));
    }
  }

  @Nested
  class CreateEndpoint {

    @Test
    void createEndpoint_whenHls_returnsOneEgressUrlOfItsManifest() {
      givenChannel(channel(CHANNEL));

      OriginEndpoint created = channels().createEndpoint(endpoint("ep", CHANNEL, Packaging.HLS));

      assertThat(created.id()).isEqualTo(OriginEndpointId.of("ep"));
      assertThat(created.channelId()).isEqualTo(ChannelId.of(CHANNEL));
      assertThat(created.packaging()).isEqualTo(Packaging.HLS);
      assertThat(created.manifestName()).isEqualTo("index");
      assertThat(created.urls()).singleElement().satisfies(url -> assertThat(egress(url).group(3)).isEqualTo("index.m3u8"));
    }

    @Test
    void createEndpoint_whenDash_returnsOneEgressUrlOfItsMpd() {
      givenChannel(channel(CHANNEL));

      OriginEndpoint created = channels().createEndpoint(endpoint("ep", CHANNEL, Packaging.DASH));

      assertThat(created.packaging()).isEqualTo(Packaging.DASH);
      assertThat(created.urls()).singleElement().satisfies(url -> assertThat(egress(url).group(3)).isEqualTo("index.mpd"));
    }

    @Test
    void createEndpoint_whenMss_returnsOneEgressUrlOfItsIsmManifest() {
      givenChannel(channel(CHANNEL));

      OriginEndpoint created = channels().createEndpoint(EndpointSpec.builder().id("ep").channelId(CHANNEL)
          .packaging(Packaging.MSS).manifestName("drama").build());

      assertThat(created.packaging()).isEqualTo(Packaging.MSS);
      assertThat(created.manifestName()).isEqualTo("drama");
      assertThat(created.urls()).singleElement()
          .satisfies(url -> assertThat(egress(url).group(3)).isEqualTo("drama.ism/Manifest"));
    }

    @Test
    void createEndpoint_whenCmaf_returnsOneUrlPerHlsManifestUnderTheEndpointPath() {
      givenChannel(channel(CHANNEL));

      OriginEndpoint created = channels().createEndpoint(EndpointSpec.builder().id("ep").channelId(CHANNEL)
          .packaging(Packaging.CMAF).addHlsManifestIds("cmaf_high", "cmaf_low").build());

      assertThat(created.packaging()).isEqualTo(Packaging.CMAF);
      assertThat(created.urls()).hasSize(2);
      Matcher high = egress(created.urls().get(0));
      Matcher low = egress(created.urls().get(1));
      assertThat(high.group(3)).isEqualTo("cmaf_high/index.m3u8");
      assertThat(low.group(3)).isEqualTo("cmaf_low/index.m3u8");
      assertThat(low.group(1)).isEqualTo(high.group(1));
      assertThat(low.group(2)).isEqualTo(high.group(2));
    }

    @Test
    void createEndpoint_whenCmafWithoutManifestIds_hasOneManifestNamedAfterTheEndpoint() {
      givenChannel(channel(CHANNEL));

      OriginEndpoint created = channels().createEndpoint(endpoint("ep", CHANNEL, Packaging.CMAF));

      assertThat(created.urls()).singleElement().satisfies(url -> assertThat(egress(url).group(3)).isEqualTo("ep/index.m3u8"));
    }

    @Test
    void createEndpoint_whenSeveralEndpoints_theyShareTheChannelsEgressHostButNotTheirPath() {
      givenChannel(channel(CHANNEL));

      OriginEndpoint hls = channels().createEndpoint(endpoint("a", CHANNEL, Packaging.HLS));
      OriginEndpoint dash = channels().createEndpoint(endpoint("b", CHANNEL, Packaging.DASH));

      assertThat(dash.host()).isEqualTo(hls.host());
      assertThat(egress(dash.urls().get(0)).group(2)).isNotEqualTo(egress(hls.urls().get(0)).group(2));
    }

    @Test
    void createEndpoint_whenSettingsAreGiven_reportsThem() {
      givenChannel(channel(CHANNEL));

      OriginEndpoint created = channels().createEndpoint(EndpointSpec.builder().id("ep").channelId(CHANNEL)
          .packaging(Packaging.HLS).description("HLS for news").startoverWindowSeconds(3600).timeDelaySeconds(30)
          .addWhitelist("192.0.2.0/24").build());

      assertThat(created.description()).contains("HLS for news");
      assertThat(created.startoverWindowSeconds()).contains(3600);
      assertThat(created.timeDelaySeconds()).contains(30);
      assertThat(created.whitelist()).containsExactly("192.0.2.0/24");
      assertThat(channels().findEndpoint(OriginEndpointId.of("ep"))).contains(created);
    }

    @Test
    void createEndpoint_whenChannelIsMissing_throwsNotFound() {
      assertThatThrownBy(() -> channels().createEndpoint(endpoint("ep", CHANNEL, Packaging.HLS)))
          .isInstanceOfSatisfying(ResourceNotFoundException.class,
              e -> assertThat(e.errorCode()).contains("NotFoundException"));
      assertThat(channels().findEndpoint(OriginEndpointId.of("ep"))).isEmpty();
    }

    @Test
    void createEndpoint_whenIdIsTaken_throwsAlreadyExists() {
      givenChannel(channel(CHANNEL));
      OriginEndpoint existing = givenEndpoint(endpoint("ep", CHANNEL, Packaging.HLS));

      assertThatThrownBy(() -> channels().createEndpoint(endpoint("ep", CHANNEL, Packaging.DASH)))
          .isInstanceOfSatisfying(ResourceConflictException.class,
              e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS));
      assertThat(channels().findEndpoint(OriginEndpointId.of("ep"))).contains(existing);
    }
  }

  @Nested
  class Fleet {

    @Test
    void everyChannel_whenChannelsExist_returnsEachWithItsArnAndTagsInCreationOrder() {
      Channel news = givenChannel(channel(CHANNEL));
      Channel sports = givenChannel(ChannelSpec.builder().id(OTHER_CHANNEL)
          .putTags("mediapackage-cdn:distribution", "E1U5RQF7T870K0").build());

      List<Channel> every = channels().everyChannel();

      assertThat(every).extracting(Channel::id).containsExactly(news.id(), sports.id());
      assertThat(every).extracting(Channel::arn).containsExactly(news.arn(), sports.arn());
      assertThat(every.get(0).tags()).containsEntry("team", "video");
      assertThat(every.get(1).tags()).containsEntry("mediapackage-cdn:distribution", "E1U5RQF7T870K0");
    }

    @Test
    void everyChannel_whenNone_returnsEmpty() {
      assertThat(channels().everyChannel()).isEmpty();
    }

    @Test
    void everyEndpoint_whenTwoChannelsHaveEndpoints_returnsEveryEndpointOfEveryChannelAsFindEndpointDoes() {
      givenChannel(channel(CHANNEL));
      givenChannel(channel(OTHER_CHANNEL));
      givenChannel(channel("live-empty"));
      OriginEndpoint a = givenEndpoint(endpoint("a", CHANNEL, Packaging.HLS));
      OriginEndpoint b = givenEndpoint(endpoint("b", OTHER_CHANNEL, Packaging.DASH));
      OriginEndpoint c = givenEndpoint(endpoint("c", CHANNEL, Packaging.CMAF));

      List<OriginEndpoint> every = channels().everyEndpoint();

      assertThat(every).containsExactlyInAnyOrder(a, b, c);
      assertThat(every).filteredOn(e -> e.channelId().equals(ChannelId.of(CHANNEL))).containsExactly(a, c);
    }

    @Test
    void everyEndpoint_whenNoChannelHasOne_returnsEmpty() {
      givenChannel(channel(CHANNEL));

      assertThat(channels().everyEndpoint()).isEmpty();
    }
  }

  @Nested
  class Endpoints {

    @Test
    void endpointsOf_whenTwoChannelsHaveEndpoints_returnsOnlyThoseOfTheChannelInCreationOrder() {
      givenChannel(channel(CHANNEL));
      givenChannel(channel(OTHER_CHANNEL));
      OriginEndpoint first = givenEndpoint(endpoint("a", CHANNEL, Packaging.HLS));
      givenEndpoint(endpoint("b", OTHER_CHANNEL, Packaging.HLS));
      OriginEndpoint second = givenEndpoint(endpoint("c", CHANNEL, Packaging.CMAF));

      assertThat(channels().endpointsOf(ChannelId.of(CHANNEL))).containsExactly(first, second);
    }

    @Test
    void endpointsOf_whenChannelHasNone_returnsEmpty() {
      givenChannel(channel(CHANNEL));
      givenChannel(channel(OTHER_CHANNEL));
      givenEndpoint(endpoint("b", OTHER_CHANNEL, Packaging.HLS));

      assertThat(channels().endpointsOf(ChannelId.of(CHANNEL))).isEmpty();
    }

    @Test
    void findEndpoint_whenExists_returnsItAsGiven() {
      givenChannel(channel(CHANNEL));
      OriginEndpoint given = givenEndpoint(endpoint("ep", CHANNEL, Packaging.DASH));

      assertThat(channels().findEndpoint(OriginEndpointId.of("ep"))).contains(given);
      assertThat(given.urls()).singleElement().satisfies(ChannelsContract::egress);
    }

    @Test
    void findEndpoint_whenIdIsUnknown_returnsEmpty() {
      givenChannel(channel(CHANNEL));
      givenEndpoint(endpoint("ep", CHANNEL, Packaging.HLS));

      assertThat(channels().findEndpoint(OriginEndpointId.of("other"))).isEmpty();
    }

    @Test
    void updateEndpoint_whenDescriptionChanges_keepsItsUrls() {
      givenChannel(channel(CHANNEL));
      OriginEndpoint given = givenEndpoint(endpoint("ep", CHANNEL, Packaging.HLS));

      OriginEndpoint updated = channels().updateEndpoint(EndpointSpec.builder().id("ep").channelId(CHANNEL)
          .packaging(Packaging.HLS).description("new text").build());

      assertThat(updated.description()).contains("new text");
      assertThat(updated.urls()).isEqualTo(given.urls());
      assertThat(channels().findEndpoint(OriginEndpointId.of("ep"))).contains(updated);
    }

    /**
     * UpdateOriginEndpoint may change the format: its request has the HLS, DASH, CMAF and MSS package members of
     * CreateOriginEndpoint, and the API model (mediapackage 2017-10-12) documents no restriction on changing them.
     */
    @Test
    void updateEndpoint_whenPackagingChanges_repackagesTheEndpointOnItsChannel() {
      givenChannel(channel(CHANNEL));
      OriginEndpoint given = givenEndpoint(endpoint("ep", CHANNEL, Packaging.HLS));

      OriginEndpoint updated = channels().updateEndpoint(endpoint("ep", CHANNEL, Packaging.DASH));

      assertThat(updated.packaging()).isEqualTo(Packaging.DASH);
      assertThat(updated.channelId()).isEqualTo(ChannelId.of(CHANNEL));
      assertThat(updated.urls()).singleElement().satisfies(ChannelsContract::egress);
      assertThat(updated.urls().get(0).value()).endsWith("/index.mpd");
      assertThat(updated.host()).isEqualTo(given.host());
      assertThat(channels().findEndpoint(OriginEndpointId.of("ep"))).contains(updated);
    }

    @Test
    void updateEndpoint_whenEndpointIsMissing_throwsNotFound() {
      givenChannel(channel(CHANNEL));

      assertThatThrownBy(() -> channels().updateEndpoint(endpoint("ep", CHANNEL, Packaging.HLS)))
          .isInstanceOfSatisfying(ResourceNotFoundException.class,
              e -> assertThat(e.errorCode()).contains("NotFoundException"));
    }

    @Test
    void updateEndpoint_whenSpecNamesAnotherChannel_throwsInvalidRequestAndKeepsIt() {
      givenChannel(channel(CHANNEL));
      givenChannel(channel(OTHER_CHANNEL));
      OriginEndpoint given = givenEndpoint(endpoint("ep", CHANNEL, Packaging.HLS));

      assertThatThrownBy(() -> channels().updateEndpoint(endpoint("ep", OTHER_CHANNEL, Packaging.HLS)))
          .isInstanceOf(InvalidRequestException.class);
      assertThat(channels().findEndpoint(OriginEndpointId.of("ep"))).contains(given);
    }

    @Test
    void deleteEndpoint_whenExists_removesItFromItsChannel() {
      givenChannel(channel(CHANNEL));
      givenEndpoint(endpoint("a", CHANNEL, Packaging.HLS));
      OriginEndpoint kept = givenEndpoint(endpoint("b", CHANNEL, Packaging.DASH));

      channels().deleteEndpoint(OriginEndpointId.of("a"));

      assertThat(channels().findEndpoint(OriginEndpointId.of("a"))).isEmpty();
      assertThat(channels().endpointsOf(ChannelId.of(CHANNEL))).isEqualTo(List.of(kept));
    }

    @Test
    void deleteEndpoint_whenEndpointIsMissing_throwsNotFound() {
      assertThatThrownBy(() -> channels().deleteEndpoint(OriginEndpointId.of("ep")))
          .isInstanceOfSatisfying(ResourceNotFoundException.class,
              e -> assertThat(e.errorCode()).contains("NotFoundException"));
    }
  }
}
