package io.github.mediapackagecdn.aws;

import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesRequest;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/**
 * {@link DistributionLinks} on the Resource Groups Tagging API: {@code GetResources} for the resource type
 * {@code cloudfront:distribution} with a tag filter, through the SDK paginator. CloudFront distributions are only
 * returned by the API in us-east-1, so the client must use that region.
 *
 * <p>The API also returns resources that were tagged once and have lost the tag (with their remaining tags), so
 * every result is checked for the exact key and value.
 */
final class TaggingApiDistributionLinks implements DistributionLinks {

  private static final Logger log = LoggerFactory.getLogger(TaggingApiDistributionLinks.class);

  /** The resource type filter of CloudFront distributions. */
  static final String DISTRIBUTION_RESOURCE_TYPE = "cloudfront:distribution";

  /** The largest page the API allows, for the fewest calls under its rate limit. */
  static final int RESOURCES_PER_PAGE = 100;

  private final ResourceGroupsTaggingApiClient tagging;
  private final CloudFrontClient cloudFront;
  private final DistributionArns arns = new DistributionArns();

  TaggingApiDistributionLinks(ResourceGroupsTaggingApiClient tagging, CloudFrontClient cloudFront) {
    this.tagging = Objects.requireNonNull(tagging, "tagging");
    this.cloudFront = Objects.requireNonNull(cloudFront, "cloudFront");
  }

  /**
   * Read from CloudFront, not from the tagging API, whose index lags behind a new distribution: ListTagsForResource,
   * on the ARN an earlier answer showed, or read with GetDistribution first.
   */
  @Override
  public Optional<String> tagValue(DistributionId distribution, String tagKey) {
    return DistributionTags.tagOf(cloudFront, arns, distribution, tagKey);
  }

  /** The tagging API's index lags behind a tag just written. */
  @Override
  public boolean lagsAfterWrite() {
    return true;
  }

  @Override
  public List<DistributionId> find(String tagKey, String channelArn) {
    GetResourcesRequest request = request(TagFilter.builder().key(tagKey).values(channelArn).build());
    Set<DistributionId> found = new LinkedHashSet<>();
    AwsErrors.run(AwsCall.GET_RESOURCES, channelArn, () ->
        tagging.getResourcesPaginator(request).resourceTagMappingList().forEach(mapping -> {
          if (channelArn.equals(tagValue(mapping, tagKey))) {
            found.add(distributionId(mapping));
          }
        }));
    log.debug("{} distributions tagged {}={}", found.size(), tagKey, channelArn);
    return List.copyOf(found);
  }

  /**
   * GetResources with a key-only tag filter, through the paginator at {@value #RESOURCES_PER_PAGE} a page: every
   * distribution carrying the key, by its value. A resource the index still answers for a key it lost is left out.
   */
  @Override
  public Map<String, List<DistributionId>> all(String tagKey) {
    GetResourcesRequest request = request(TagFilter.builder().key(tagKey).build());
    Map<String, Set<DistributionId>> links = new LinkedHashMap<>();
    AwsErrors.run(AwsCall.GET_RESOURCES, tagKey, () ->
        tagging.getResourcesPaginator(request).resourceTagMappingList().forEach(mapping -> {
          String value = tagValue(mapping, tagKey);
          if (value != null) {
            links.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(distributionId(mapping));
          }
        }));
    Map<String, List<DistributionId>> byValue = new LinkedHashMap<>();
    links.forEach((value, ids) -> byValue.put(value, List.copyOf(ids)));
    return byValue;
  }

  private static GetResourcesRequest request(TagFilter filter) {
    return GetResourcesRequest.builder()
        .resourceTypeFilters(DISTRIBUTION_RESOURCE_TYPE)
        .tagFilters(filter)
        .resourcesPerPage(RESOURCES_PER_PAGE)
        .build();
  }

  /**
   * The distribution of a tagged resource the API returned for the distribution type filter. An ARN in another form
   * is an answer the library cannot read, never skipped: skipping it could hide the link and make a second
   * distribution.
   */
  private DistributionId distributionId(ResourceTagMapping mapping) {
    String arn = mapping.resourceARN();
    arns.learn(arn);
    return AwsErrors.parse(AwsCall.GET_RESOURCES, arn, null, () -> DistributionTags.idFromArn(arn)
        .orElseThrow(() -> new IllegalStateException("'" + arn + "' is not a CloudFront distribution ARN "
            + "(arn:<partition>:cloudfront::<account>:distribution/<id>)")));
  }

  /** The value of the resource's tag {@code key}, or null when it has no such tag (any more). */
  private static String tagValue(ResourceTagMapping mapping, String key) {
    for (Tag tag : mapping.tags()) {
      if (key.equals(tag.key())) {
        return tag.value();
      }
    }
    return null;
  }
}
