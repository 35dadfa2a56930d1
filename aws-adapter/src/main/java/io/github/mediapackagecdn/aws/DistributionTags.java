package io.github.mediapackagecdn.aws;

import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.DistributionId;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.Tags;

/**
 * A distribution's tags read from CloudFront itself, and its id read from its ARN: what both {@code DistributionLinks}
 * adapters need, so that neither calls the other.
 */
final class DistributionTags {

  private static final Logger log = LoggerFactory.getLogger(DistributionTags.class);

  private static final String DISTRIBUTION_ARN_MARKER = ":distribution/";

  private DistributionTags() {}

  /**
   * A distribution's tag, read from CloudFront itself: ListTagsForResource on its ARN, which {@code arns} gives once
   * any ARN of the account was read, else a GetDistribution reads it first. Unlike the tagging API's index, this
   * shows a tag as soon as the distribution exists. Empty when the distribution or the tag does not exist.
   */
  static Optional<String> tagOf(
      CloudFrontClient cloudFront, DistributionArns arns, DistributionId distribution, String key) {
    Optional<String> known = arns.of(distribution);
    if (known.isPresent()) {
      return tagOf(cloudFront, known.get(), key); // a deleted one answers NoSuchResource: empty
    }
    String arn;
    try {
      arn = AwsErrors.call(AwsCall.GET_DISTRIBUTION, distribution.value(),
          () -> cloudFront.getDistribution(r -> r.id(distribution.value())).distribution().arn());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    arns.learn(arn);
    return tagOf(cloudFront, arn, key);
  }

  /** The tag {@code key} of the distribution with ARN {@code arn} (ListTagsForResource); empty when it has none. */
  static Optional<String> tagOf(CloudFrontClient cloudFront, String arn, String key) {
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

  /** The distribution id at the end of {@code arn:<partition>:cloudfront::<account>:distribution/<id>}. */
  static Optional<DistributionId> idFromArn(String arn) {
    if (arn == null) {
      return Optional.empty();
    }
    int marker = arn.indexOf(DISTRIBUTION_ARN_MARKER);
    if (!arn.startsWith("arn:") || marker < 0) {
      return Optional.empty();
    }
    String id = arn.substring(marker + DISTRIBUTION_ARN_MARKER.length());
    return DistributionId.isValid(id) ? Optional.of(DistributionId.of(id)) : Optional.empty();
  }
}
