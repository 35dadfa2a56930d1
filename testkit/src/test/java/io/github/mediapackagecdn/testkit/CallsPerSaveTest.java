package io.github.mediapackagecdn.testkit;

import static io.github.mediapackagecdn.testkit.Operation.CREATE_CHANNEL;
import static io.github.mediapackagecdn.testkit.Operation.CREATE_DISTRIBUTION_WITH_TAGS;
import static io.github.mediapackagecdn.testkit.Operation.CREATE_ORIGIN_ENDPOINT;
import static io.github.mediapackagecdn.testkit.Operation.DESCRIBE_CHANNEL;
import static io.github.mediapackagecdn.testkit.Operation.DESCRIBE_ORIGIN_ENDPOINT;
import static io.github.mediapackagecdn.testkit.Operation.GET_DISTRIBUTION;
import static io.github.mediapackagecdn.testkit.Operation.GET_RESOURCES;
import static io.github.mediapackagecdn.testkit.Operation.LIST_DISTRIBUTIONS;
import static io.github.mediapackagecdn.testkit.Operation.LIST_ORIGIN_ENDPOINTS;
import static io.github.mediapackagecdn.testkit.Operation.LIST_TAGS_FOR_RESOURCE;
import static io.github.mediapackagecdn.testkit.Operation.TAG_RESOURCE;
import static io.github.mediapackagecdn.testkit.Operation.UPDATE_DISTRIBUTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The exact AWS calls, in order, of the four everyday use cases, on each link lookup: a new channel with a
 * distribution, the first endpoint of a channel, the re-save of an unchanged endpoint, the channel details. On the
 * fakes (the port calls); {@code CallsPerSaveWireTest} in the AWS adapter counts the same on the wire.
 *
 * <p>Before, and now (tagging API; CloudFront tags, with one distribution in the account): new channel 7 and 7, now
 * 5 and 5; first endpoint 8 and 9, now 8 and 8; re-save of an unchanged endpoint 6 and 7, now 6 and 6, no write;
 * details 5 and 6, now 5 and 5. What went: the TagResource of the "requested" marker (given with CreateChannel now),
 * the lookup of a channel this save has just created (its ARN is new: nothing can be linked to it), and with
 * CloudFront tags, which do not lag, the second read of the recorded distribution's link tag (the lookup read it).
 *
 * <p>Why each call that stays is needed:
 * <ul>
 *   <li>DescribeChannel: the channel's ARN, which the link tag holds, and its tags, where the distribution is
 *       recorded; for a channel save, whether to create or update (an unchanged channel is not written). Creating
 *       first would make every re-save of a channel a refused write.</li>
 *   <li>CreateChannel, CreateOriginEndpoint, CreateDistributionWithTags, UpdateDistribution: the writes themselves.</li>
 *   <li>TagResource after CreateDistributionWithTags: records the distribution's id on the channel, so that another
 *       instance (or process) finds it at once through the channel, not after the tag index lags.</li>
 *   <li>DescribeOriginEndpoint: whether the endpoint exists, belongs to another channel (refused before anything is
 *       written) and already is as the spec says (then it is not written).</li>
 *   <li>The lookup, GetResources (tagging API) or ListDistributions and ListTagsForResource of each distribution
 *       (CloudFront tags): a second distribution tagged for the channel is an ambiguous link, refused before a write
 *       and reported by the details, not guessed past.</li>
 *   <li>ListTagsForResource of the recorded distribution (tagging API): the link tag read from CloudFront is the
 *       authority; the index lags, and a changed or removed link tag ends management.</li>
 *   <li>ListOriginEndpoints: a save gives the distribution what every endpoint of the channel needs, not only the
 *       saved one (a distribution made or edited by hand gets the others' behaviours too: see
 *       {@code RoutingAndBatchesOnFakesTest}); after creating a distribution, it serves endpoints another instance
 *       saved meanwhile; the details show every endpoint.</li>
 *   <li>GetDistribution: the configuration and the ETag the merge and the If-Match need, or that the details show;
 *       once per use case. An endpoint save that writes reads it (after the lookup and ListOriginEndpoints) before
 *       CreateOriginEndpoint, so that an update over the account's CloudFront quotas is refused before MediaPackage
 *       is written; its update starts from that read.</li>
 * </ul>
 */
class CallsPerSaveTest {

  private static List<Operation> operations(FakeAws aws) {
    return aws.calls().stream().map(RecordedCall::operation).toList();
  }

  /** The four use cases on one lookup; {@code index} stands for the lookup's calls that list the links. */
  abstract static class UseCases {

    final FakeAws aws = FakeAws.create();
    final ChannelCdn cdn = cdn(aws);

    abstract ChannelCdn cdn(FakeAws aws);

    /**
     * The calls that find and confirm the channel's distribution, with one distribution in the account: the index
     * read ({@code DistributionLinks.find}), then, where it lags, the link tag of the recorded distribution.
     */
    abstract List<Operation> index();

    List<Operation> with(List<Operation> before, List<Operation> after) {
      List<Operation> all = new java.util.ArrayList<>(before);
      all.addAll(index());
      all.addAll(after);
      return List.copyOf(all);
    }

    @Test
    void newChannelWithADistribution() {
      CdnOutcome outcome = cdn.saveChannel(Specs.channelWithDistribution()).cdn();

      assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.CREATED);
      assertThat(operations(aws)).containsExactlyElementsOf(newChannel());
    }

    abstract List<Operation> newChannel();

    @Test
    void firstEndpointOfAChannel() {
      cdn.saveChannel(Specs.channelWithDistribution());
      aws.clearCalls();

      CdnOutcome outcome = cdn.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn();

      assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.UPDATED);
      assertThat(operations(aws)).containsExactlyElementsOf(with(
          List.of(DESCRIBE_CHANNEL, DESCRIBE_ORIGIN_ENDPOINT),
          List.of(LIST_ORIGIN_ENDPOINTS, GET_DISTRIBUTION, CREATE_ORIGIN_ENDPOINT, UPDATE_DISTRIBUTION)));
    }

    @Test
    void reSaveOfAnUnchangedEndpoint() {
      cdn.saveChannel(Specs.channelWithDistribution());
      cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
      aws.clearCalls();

      CdnOutcome outcome = cdn.saveEndpoint(Specs.endpoint(Packaging.HLS)).cdn();

      assertThat(outcome.action()).isEqualTo(CdnOutcome.Action.UNCHANGED);
      assertThat(aws.writes()).isEmpty();
      assertThat(operations(aws)).containsExactlyElementsOf(with(
          List.of(DESCRIBE_CHANNEL, DESCRIBE_ORIGIN_ENDPOINT),
          List.of(LIST_ORIGIN_ENDPOINTS, GET_DISTRIBUTION)));
    }

    @Test
    void channelDetails() {
      cdn.saveChannel(Specs.channelWithDistribution());
      cdn.saveEndpoint(Specs.endpoint(Packaging.HLS));
      aws.clearCalls();

      assertThat(cdn.details(ChannelId.of(Specs.CHANNEL)).distribution()).isPresent();
      assertThat(operations(aws)).containsExactlyElementsOf(with(
          List.of(DESCRIBE_CHANNEL, LIST_ORIGIN_ENDPOINTS),
          List.of(GET_DISTRIBUTION)));
    }
  }

  /** The Resource Groups Tagging API lookup (the default): the index is one GetResources. */
  @Nested
  class TaggingApi extends UseCases {

    @Override
    ChannelCdn cdn(FakeAws aws) {
      return aws.channelCdn();
    }

    @Override
    List<Operation> index() {
      return List.of(GET_RESOURCES, LIST_TAGS_FOR_RESOURCE);
    }

    @Override
    List<Operation> newChannel() {
      return List.of(DESCRIBE_CHANNEL, CREATE_CHANNEL, CREATE_DISTRIBUTION_WITH_TAGS, TAG_RESOURCE, LIST_ORIGIN_ENDPOINTS);
    }
  }

  /** The CloudFront tags lookup: the index is ListDistributions and ListTagsForResource of each distribution. */
  @Nested
  class CloudFrontTags extends UseCases {

    @Override
    ChannelCdn cdn(FakeAws aws) {
      return aws.channelCdn(b -> b.links(aws.cloudFrontTagLinks()));
    }

    @Override
    List<Operation> index() {
      return List.of(LIST_DISTRIBUTIONS, LIST_TAGS_FOR_RESOURCE);
    }

    @Override
    List<Operation> newChannel() {
      return List.of(DESCRIBE_CHANNEL, CREATE_CHANNEL, CREATE_DISTRIBUTION_WITH_TAGS, TAG_RESOURCE, LIST_ORIGIN_ENDPOINTS);
    }
  }
}
