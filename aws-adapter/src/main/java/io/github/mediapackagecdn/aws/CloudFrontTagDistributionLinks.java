package io.github.mediapackagecdn.aws;

import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
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
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.paginators.ListDistributionsIterable;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.Tags;

/**
 * {@link DistributionLinks} on CloudFront alone: every distribution of the account through the ListDistributions
 * paginator, and ListTagsForResource for each. For accounts that deny {@code tag:GetResources} and for
 * AWS-compatible endpoints without the tagging API; it makes one call per distribution, so it is slower than
 * {@link TaggingApiDistributionLinks} for accounts with many distributions.
 */
final class CloudFrontTagDistributionLinks implements DistributionLinks {

  private static final Logger log = LoggerFactory.getLogger(CloudFrontTagDistributionLinks.class);

  private final CloudFrontClient cloudFront;

  CloudFrontTagDistributionLinks(CloudFrontClient cloudFront) {
    this.cloudFront = Objects.requireNonNull(cloudFront, "cloudFront");
  }

  @Override
  public List<DistributionId> find(String tagKey, String channelArn) {
    List<DistributionId> found = all(tagKey).getOrDefault(channelArn, List.of());
    log.debug("{} distributions tagged {}={}", found.size(), tagKey, channelArn);
    return found;
  }

  @Override
  public Map<String, List<DistributionId>> all(String tagKey) {
    Map<String, List<DistributionId>> links = new LinkedHashMap<>();
    AwsErrors.run(AwsCall.LIST_DISTRIBUTIONS, null, () ->
        new ListDistributionsIterable(cloudFront, ListDistributionsRequest.builder().build()).items().forEach(summary -> {
          Optional<String> value = tag(cloudFront, summary.arn(), tagKey);
          if (value.isPresent() && !value.get().isEmpty()) {
            links.computeIfAbsent(value.get(), v -> new ArrayList<>()).add(AwsErrors.parse(AwsCall.LIST_DISTRIBUTIONS,
                summary.arn(), null, () -> DistributionId.of(summary.id())));
          }
        }));
    links.replaceAll((arn, ids) -> List.copyOf(ids));
    return links;
  }

  @Override
  public Optional<String> tagValue(DistributionId distribution, String tagKey) {
    return tagOf(cloudFront, distribution, tagKey);
  }

  /**
   * A distribution's tag, read from CloudFront itself: GetDistribution for its ARN, then ListTagsForResource. Unlike
   * the tagging API's index, this shows a tag as soon as the distribution exists.
   */
  static Optional<String> tagOf(CloudFrontClient cloudFront, DistributionId distribution, String key) {
    String arn;
    try {
      arn = AwsErrors.call(AwsCall.GET_DISTRIBUTION, distribution.value(),
          () -> cloudFront.getDistribution(r -> r.id(distribution.value())).distribution().arn());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    return tag(cloudFront, arn, key);
  }

  private static Optional<String> tag(CloudFrontClient cloudFront, String arn, String key) {
    Tags tags;
    try {
      tags = AwsErrors.call(AwsCall.LIST_TAGS_FOR_RESOURCE, arn,
          () -> cloudFront.listTagsForResource(r -> r.resource(arn)).tags());
    } catch (ResourceNotFoundException e) {
      log.debug("distribution {} no longer exists", arn);
      return Optional.empty();
    }
    if (tags == null) {
      return Optional.empty();
    }
    return tags.items().stream().filter(t -> key.equals(t.key())).map(Tag::value).filter(Objects::nonNull).findFirst();
  }
}
