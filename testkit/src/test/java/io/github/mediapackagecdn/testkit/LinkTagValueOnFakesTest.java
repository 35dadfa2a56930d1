package io.github.mediapackagecdn.testkit;

import static io.github.mediapackagecdn.testkit.Operation.DESCRIBE_CHANNEL;
import static io.github.mediapackagecdn.testkit.Operation.V2_GET_CHANNEL;
import static io.github.mediapackagecdn.testkit.Operation.V2_GET_CHANNEL_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.Channel;
import io.github.mediapackagecdn.core.model.ChannelArn;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The link tag's value is the channel ARN, and CloudFront allows 256 characters in a tag value: a channel whose ARN is
 * longer could never get its distribution (every save would fail with {@code InvalidTagging}), so asking for one is
 * refused before anything is written.
 */
class LinkTagValueOnFakesTest {

  private static List<Operation> operations(FakeAws aws) {
    return aws.calls().stream().map(RecordedCall::operation).toList();
  }

  @Test
  void v2_namesThatFitTheShortestRegion_butNotThisOne_areRefusedAfterReadingTheGroup_beforeAnyWrite() {
    // arn:aws:mediapackagev2:ap-southeast-2:123456789012:channelGroup/<88>/channel/<100>: 261 characters (256 in a
    // Region of 9 characters, which the spec's own check assumes)
    FakeAws aws = FakeAws.builder().region("ap-southeast-2").build();
    ChannelCdnV2 cdn = aws.channelCdnV2();
    V2ChannelId id = V2ChannelId.of("g".repeat(88), "c".repeat(100));
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name(id.group()).build());
    V2ChannelSpec spec = V2ChannelSpec.builder().id(id).createDistribution(true).build();
    aws.clearCalls();

    assertThatThrownBy(() -> cdn.saveChannel(spec)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.problems()).singleElement().asString().contains("has 261 characters")
            .contains("at most 256 characters in a tag value"));
    assertThat(aws.writes()).isEmpty();
    assertThat(operations(aws)).containsExactly(V2_GET_CHANNEL_GROUP, V2_GET_CHANNEL);
    assertThat(cdn.saveChannel(V2ChannelSpec.builder().id(id).build()).cdn().action())
        .as("without a distribution, the channel is saved").isEqualTo(CdnOutcome.Action.NOT_REQUESTED);
  }

  @Test
  void v1_anExistingChannelWhoseArnIsTooLong_isRefusedBeforeAnyWrite() {
    FakeAws aws = FakeAws.create();
    ChannelCdn cdn = aws.channelCdn(b -> b.channels(new ArnsWithTheId(aws.channels())));
    String id = "c".repeat(210); // arn:aws:mediapackage:us-west-2:123456789012:channels/<210>: 263 characters
    cdn.saveChannel(ChannelSpec.builder().id(id).build());
    aws.clearCalls();

    assertThatThrownBy(() -> cdn.saveChannel(ChannelSpec.builder().id(id).description("changed")
        .createDistribution(true).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement().asString()
            .contains("has 263 characters").contains("at most 256 characters in a tag value"));
    assertThat(aws.writes()).isEmpty();
    assertThat(operations(aws)).containsExactly(DESCRIBE_CHANNEL);
  }

  @Test
  void v1_aNewChannelWhoseArnIsTooLong_isSaved_andNoDistributionIsAskedFor() {
    // a new channel's ARN is MediaPackage's to give: known once the channel is created, before CloudFront is asked
    FakeAws aws = FakeAws.create();
    ChannelCdn cdn = aws.channelCdn(b -> b.channels(new ArnsWithTheId(aws.channels())));

    CdnOutcome outcome = cdn.saveChannel(ChannelSpec.builder().id("c".repeat(210)).createDistribution(true).build())
        .cdn();

    assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.FAILED);
    assertThat(outcome.failure()).get().isInstanceOf(ValidationException.class).asString()
        .contains("has 263 characters");
    assertThat(aws.calls(Operation.CREATE_DISTRIBUTION_WITH_TAGS)).isEmpty();
  }

  /**
   * MediaPackage v1 as an emulator answers it: the channel ARN ends with the channel's id, not with MediaPackage's
   * 32 hexadecimal digits (AWS's own ARNs are never longer than about 90 characters).
   */
  private static final class ArnsWithTheId implements Channels {

    private final Channels channels;

    ArnsWithTheId(Channels channels) {
      this.channels = channels;
    }

    private static Channel withIdArn(Channel channel) {
      return Channel.builder().from(channel).arn(ChannelArn.of(channel.arn().value()
          .substring(0, channel.arn().value().indexOf(":channels/") + ":channels/".length()) + channel.id().value()))
          .build();
    }

    private ChannelArn original(ChannelArn arn) {
      return channels.everyChannel().stream().filter(c -> withIdArn(c).arn().equals(arn)).findFirst()
          .map(Channel::arn).orElse(arn);
    }

    @Override
    public Channel create(ChannelSpec spec) {
      return withIdArn(channels.create(spec));
    }

    @Override
    public Channel update(ChannelSpec spec) {
      return withIdArn(channels.update(spec));
    }

    @Override
    public Optional<Channel> find(ChannelId id) {
      return channels.find(id).map(ArnsWithTheId::withIdArn);
    }

    @Override
    public void delete(ChannelId id) {
      channels.delete(id);
    }

    @Override
    public void tag(ChannelArn channel, Map<String, String> tags) {
      channels.tag(original(channel), tags);
    }

    @Override
    public OriginEndpoint createEndpoint(EndpointSpec spec) {
      return channels.createEndpoint(spec);
    }

    @Override
    public OriginEndpoint updateEndpoint(EndpointSpec spec) {
      return channels.updateEndpoint(spec);
    }

    @Override
    public Optional<OriginEndpoint> findEndpoint(OriginEndpointId id) {
      return channels.findEndpoint(id);
    }

    @Override
    public List<OriginEndpoint> endpointsOf(ChannelId channelId) {
      return channels.endpointsOf(channelId);
    }

    @Override
    public List<Channel> everyChannel() {
      return channels.everyChannel().stream().map(ArnsWithTheId::withIdArn).toList();
    }

    @Override
    public List<OriginEndpoint> everyEndpoint() {
      return channels.everyEndpoint();
    }

    @Override
    public void deleteEndpoint(OriginEndpointId id) {
      channels.deleteEndpoint(id);
    }
  }
}
