package io.github.mediapackagecdn.testkit;

/** The AWS operations the fakes serve, by their API names: what calls are recorded as and faults injected into. */
public enum Operation {
  /** MediaPackage CreateChannel. */
  CREATE_CHANNEL("mediapackage", "CreateChannel"),
  /** MediaPackage UpdateChannel. */
  UPDATE_CHANNEL("mediapackage", "UpdateChannel"),
  /** MediaPackage ListChannels, one call per page. */
  LIST_CHANNELS("mediapackage", "ListChannels"),
  /** MediaPackage DescribeChannel. */
  DESCRIBE_CHANNEL("mediapackage", "DescribeChannel"),
  /** MediaPackage DeleteChannel. */
  DELETE_CHANNEL("mediapackage", "DeleteChannel"),
  /** MediaPackage TagResource, on a channel ARN. */
  TAG_RESOURCE("mediapackage", "TagResource"),
  /** MediaPackage CreateOriginEndpoint. */
  CREATE_ORIGIN_ENDPOINT("mediapackage", "CreateOriginEndpoint"),
  /** MediaPackage UpdateOriginEndpoint. */
  UPDATE_ORIGIN_ENDPOINT("mediapackage", "UpdateOriginEndpoint"),
  /** MediaPackage DescribeOriginEndpoint. */
  DESCRIBE_ORIGIN_ENDPOINT("mediapackage", "DescribeOriginEndpoint"),
  /** MediaPackage ListOriginEndpoints, one call per page. */
  LIST_ORIGIN_ENDPOINTS("mediapackage", "ListOriginEndpoints"),
  /** MediaPackage DeleteOriginEndpoint. */
  DELETE_ORIGIN_ENDPOINT("mediapackage", "DeleteOriginEndpoint"),
  /** CloudFront CreateDistributionWithTags. */
  CREATE_DISTRIBUTION_WITH_TAGS("cloudfront", "CreateDistributionWithTags"),
  /** CloudFront GetDistribution. */
  GET_DISTRIBUTION("cloudfront", "GetDistribution"),
  /** CloudFront UpdateDistribution. */
  UPDATE_DISTRIBUTION("cloudfront", "UpdateDistribution"),
  /** CloudFront DeleteDistribution. */
  DELETE_DISTRIBUTION("cloudfront", "DeleteDistribution"),
  /** CloudFront ListDistributions, one call per page. */
  LIST_DISTRIBUTIONS("cloudfront", "ListDistributions"),
  /** CloudFront ListTagsForResource. */
  LIST_TAGS_FOR_RESOURCE("cloudfront", "ListTagsForResource"),
  /** Resource Groups Tagging API GetResources, one call per page. */
  GET_RESOURCES("tagging", "GetResources");

  private final String service;
  private final String apiName;

  Operation(String service, String apiName) {
    this.service = service;
    this.apiName = apiName;
  }

  /** The service's signing name: {@code mediapackage}, {@code cloudfront} or {@code tagging}. */
  public String service() {
    return service;
  }

  /** The operation's name in the AWS API, such as {@code UpdateDistribution}. */
  public String apiName() {
    return apiName;
  }

  /**
   * Whether the operation changes anything (creates, updates, deletes, tags): a write whose response is lost may
   * still have acted.
   */
  public boolean isWrite() {
    return apiName.startsWith("Create") || apiName.startsWith("Update") || apiName.startsWith("Delete")
        || apiName.startsWith("Tag") || apiName.startsWith("Untag");
  }
}
