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
  GET_RESOURCES("tagging", "GetResources"),
  /** MediaPackage v2 CreateChannelGroup. */
  V2_CREATE_CHANNEL_GROUP("mediapackagev2", "CreateChannelGroup"),
  /** MediaPackage v2 GetChannelGroup. */
  V2_GET_CHANNEL_GROUP("mediapackagev2", "GetChannelGroup"),
  /** MediaPackage v2 ListChannelGroups, one call per page. */
  V2_LIST_CHANNEL_GROUPS("mediapackagev2", "ListChannelGroups"),
  /** MediaPackage v2 CreateChannel. */
  V2_CREATE_CHANNEL("mediapackagev2", "CreateChannel"),
  /** MediaPackage v2 GetChannel. */
  V2_GET_CHANNEL("mediapackagev2", "GetChannel"),
  /** MediaPackage v2 UpdateChannel, with {@code x-amzn-update-if-match}. */
  V2_UPDATE_CHANNEL("mediapackagev2", "UpdateChannel"),
  /** MediaPackage v2 ListChannels, one call per page. */
  V2_LIST_CHANNELS("mediapackagev2", "ListChannels"),
  /** MediaPackage v2 CreateOriginEndpoint. */
  V2_CREATE_ORIGIN_ENDPOINT("mediapackagev2", "CreateOriginEndpoint"),
  /** MediaPackage v2 GetOriginEndpoint. */
  V2_GET_ORIGIN_ENDPOINT("mediapackagev2", "GetOriginEndpoint"),
  /** MediaPackage v2 UpdateOriginEndpoint, with {@code x-amzn-update-if-match}. */
  V2_UPDATE_ORIGIN_ENDPOINT("mediapackagev2", "UpdateOriginEndpoint"),
  /** MediaPackage v2 ListOriginEndpoints, one call per page. */
  V2_LIST_ORIGIN_ENDPOINTS("mediapackagev2", "ListOriginEndpoints"),
  /** MediaPackage v2 DeleteChannel. */
  V2_DELETE_CHANNEL("mediapackagev2", "DeleteChannel"),
  /** MediaPackage v2 DeleteOriginEndpoint. */
  V2_DELETE_ORIGIN_ENDPOINT("mediapackagev2", "DeleteOriginEndpoint"),
  /** MediaPackage v2 GetOriginEndpointPolicy. */
  V2_GET_ORIGIN_ENDPOINT_POLICY("mediapackagev2", "GetOriginEndpointPolicy"),
  /** MediaPackage v2 PutOriginEndpointPolicy. */
  V2_PUT_ORIGIN_ENDPOINT_POLICY("mediapackagev2", "PutOriginEndpointPolicy"),
  /** MediaPackage v2 TagResource, on a channel ARN. */
  V2_TAG_RESOURCE("mediapackagev2", "TagResource"),
  /** CloudFront CreateOriginAccessControl. */
  CREATE_ORIGIN_ACCESS_CONTROL("cloudfront", "CreateOriginAccessControl"),
  /** CloudFront ListOriginAccessControls, one call per page. */
  LIST_ORIGIN_ACCESS_CONTROLS("cloudfront", "ListOriginAccessControls"),
  /** CloudFront CreateCachePolicy. */
  CREATE_CACHE_POLICY("cloudfront", "CreateCachePolicy"),
  /** CloudFront ListCachePolicies, one call per page. */
  LIST_CACHE_POLICIES("cloudfront", "ListCachePolicies");

  private final String service;
  private final String apiName;

  Operation(String service, String apiName) {
    this.service = service;
    this.apiName = apiName;
  }

  /** The service's signing name: {@code mediapackage}, {@code mediapackagev2}, {@code cloudfront} or {@code tagging}. */
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
        || apiName.startsWith("Tag") || apiName.startsWith("Untag") || apiName.startsWith("Put");
  }
}
