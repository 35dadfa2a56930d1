package io.github.mediapackagecdn.aws;

import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.paginators.ListDistributionsIterable;

/**
 * {@link DistributionLinks} on CloudFront alone: every distribution of the account through the ListDistributions
 * paginator, and ListTagsForResource for each. For accounts that deny {@code tag:GetResources} and for
 * AWS-compatible endpoints without the tagging API; it makes one call per distribution, so it is slower than
 * {@link TaggingApiDistributionLinks} for accounts with many distributions.
 */
final class CloudFrontTagDistributionLinks implements DistributionLinks {

  private static final Logger log = LoggerFactory.getLogger(CloudFrontTagDistributionLinks.class);

  private final CloudFrontClient cloudFront;
  private final DistributionArns arns = new DistributionArns();

  CloudFrontTagDistributionLinks(CloudFrontClient cloudFront) {
    this.cloudFront = Objects.requireNonNull(cloudFront, "cloudFront");
  }

  /** ListDistributions, then ListTagsForResource of each distribution, for those tagged exactly {@code channelArn}. */
  @Override
  public List<DistributionId> find(String tagKey, String channelArn) {
    List<DistributionId> found = new ArrayList<>();
    AwsErrors.run(AwsCall.LIST_DISTRIBUTIONS, null, () ->
        new ListDistributionsIterable(cloudFront, CloudFrontDistributions.listRequest()).items().forEach(summary -> {
          arns.learn(summary.arn());
          if (DistributionTags.tagOf(cloudFront, summary.arn(), tagKey).filter(channelArn::equals).isPresent()) {
            found.add(AwsErrors.parse(AwsCall.LIST_DISTRIBUTIONS, summary.arn(), null,
                () -> DistributionId.of(summary.id())));
          }
        }));
    log.debug("{} distributions tagged {}={}", found.size(), tagKey, channelArn);
    return List.copyOf(found);
  }

  /**
   * ListDistributions, then ListTagsForResource of each distribution: one call per distribution, unlike the tagging
   * API's paged sweep, so a fleet audit on this lookup costs one call more per distribution.
   */
  @Override
  public Map<String, List<DistributionId>> all(String tagKey) {
    Map<String, List<DistributionId>> links = new LinkedHashMap<>();
    AwsErrors.run(AwsCall.LIST_DISTRIBUTIONS, null, () ->
        new ListDistributionsIterable(cloudFront, CloudFrontDistributions.listRequest()).items().forEach(summary ->
            DistributionTags.tagOf(cloudFront, summary.arn(), tagKey).ifPresent(value -> links
                .computeIfAbsent(value, v -> new ArrayList<>())
                .add(AwsErrors.parse(AwsCall.LIST_DISTRIBUTIONS, summary.arn(), null,
                    () -> DistributionId.of(summary.id()))))));
    links.replaceAll((value, ids) -> List.copyOf(ids));
    return links;
  }

  /** ListTagsForResource, on the ARN a listing showed, or read with GetDistribution first. */
  @Override
  public Optional<String> tagValue(DistributionId distribution, String tagKey) {
    return DistributionTags.tagOf(cloudFront, arns, distribution, tagKey);
  }

  /** CloudFront's own tags show a tag as soon as it is written. */
  @Override
  public boolean lagsAfterWrite() {
    return false;
  }
}
