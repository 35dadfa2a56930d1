package io.github.mediapackagecdn.testkit;

/** The AWS operations the fakes serve, by their API names: what calls are recorded as and faults injected into. */
public enum Operation {
  CREATE_CHANNEL("mediapackage", "CreateChannel"),
  UPDATE_CHANNEL("mediapackage", "UpdateChannel"),
  DESCRIBE_CHANNEL("mediapackage", "DescribeChannel"),
  DELETE_CHANNEL("mediapackage", "DeleteChannel"),
  TAG_RESOURCE("mediapackage", "TagResource"),
  CREATE_ORIGIN_ENDPOINT("mediapackage", "CreateOriginEndpoint"),
  UPDATE_ORIGIN_ENDPOINT("mediapackage", "UpdateOriginEndpoint"),
  DESCRIBE_ORIGIN_ENDPOINT("mediapackage", "DescribeOriginEndpoint"),
  LIST_ORIGIN_ENDPOINTS("mediapackage", "ListOriginEndpoints"),
  DELETE_ORIGIN_ENDPOINT("mediapackage", "DeleteOriginEndpoint"),
  CREATE_DISTRIBUTION_WITH_TAGS("cloudfront", "CreateDistributionWithTags"),
  GET_DISTRIBUTION("cloudfront", "GetDistribution"),
  UPDATE_DISTRIBUTION("cloudfront", "UpdateDistribution"),
  DELETE_DISTRIBUTION("cloudfront", "DeleteDistribution"),
  LIST_DISTRIBUTIONS("cloudfront", "ListDistributions"),
  LIST_TAGS_FOR_RESOURCE("cloudfront", "ListTagsForResource"),
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
