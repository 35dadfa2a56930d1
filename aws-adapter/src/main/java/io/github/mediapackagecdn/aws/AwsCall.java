package io.github.mediapackagecdn.aws;

import java.util.List;

/**
 * Every AWS API call the adapters make: the service, the operation, the IAM actions it needs and whether it writes.
 * The IAM policy shipped as {@code iam-policy.json} lists exactly {@link #iamActions()} of all calls.
 */
enum AwsCall {
  CREATE_DISTRIBUTION_WITH_TAGS("CloudFront", "CreateDistributionWithTags", true,
      "cloudfront:CreateDistribution", "cloudfront:TagResource"),
  GET_DISTRIBUTION("CloudFront", "GetDistribution", false, "cloudfront:GetDistribution"),
  GET_DISTRIBUTION_CONFIG("CloudFront", "GetDistributionConfig", false, "cloudfront:GetDistributionConfig"),
  UPDATE_DISTRIBUTION("CloudFront", "UpdateDistribution", true, "cloudfront:UpdateDistribution"),
  DELETE_DISTRIBUTION("CloudFront", "DeleteDistribution", true, "cloudfront:DeleteDistribution"),
  LIST_DISTRIBUTIONS("CloudFront", "ListDistributions", false, "cloudfront:ListDistributions"),
  LIST_TAGS_FOR_RESOURCE("CloudFront", "ListTagsForResource", false, "cloudfront:ListTagsForResource"),
  GET_RESOURCES("Resource Groups Tagging API", "GetResources", false, "tag:GetResources"),
  CREATE_CHANNEL("MediaPackage", "CreateChannel", true, "mediapackage:CreateChannel"),
  UPDATE_CHANNEL("MediaPackage", "UpdateChannel", true, "mediapackage:UpdateChannel"),
  DESCRIBE_CHANNEL("MediaPackage", "DescribeChannel", false, "mediapackage:DescribeChannel"),
  LIST_CHANNELS("MediaPackage", "ListChannels", false, "mediapackage:ListChannels"),
  DELETE_CHANNEL("MediaPackage", "DeleteChannel", true, "mediapackage:DeleteChannel"),
  TAG_RESOURCE("MediaPackage", "TagResource", true, "mediapackage:TagResource"),
  CREATE_ORIGIN_ENDPOINT("MediaPackage", "CreateOriginEndpoint", true, "mediapackage:CreateOriginEndpoint"),
  UPDATE_ORIGIN_ENDPOINT("MediaPackage", "UpdateOriginEndpoint", true, "mediapackage:UpdateOriginEndpoint"),
  DESCRIBE_ORIGIN_ENDPOINT("MediaPackage", "DescribeOriginEndpoint", false, "mediapackage:DescribeOriginEndpoint"),
  LIST_ORIGIN_ENDPOINTS("MediaPackage", "ListOriginEndpoints", false, "mediapackage:ListOriginEndpoints"),
  DELETE_ORIGIN_ENDPOINT("MediaPackage", "DeleteOriginEndpoint", true, "mediapackage:DeleteOriginEndpoint"),
  LIST_ORIGIN_ACCESS_CONTROLS("CloudFront", "ListOriginAccessControls", false, "cloudfront:ListOriginAccessControls"),
  CREATE_ORIGIN_ACCESS_CONTROL("CloudFront", "CreateOriginAccessControl", true,
      "cloudfront:CreateOriginAccessControl"),
  LIST_CACHE_POLICIES("CloudFront", "ListCachePolicies", false, "cloudfront:ListCachePolicies"),
  CREATE_CACHE_POLICY("CloudFront", "CreateCachePolicy", true, "cloudfront:CreateCachePolicy"),
  V2_GET_CHANNEL_GROUP("MediaPackage v2", "GetChannelGroup", false, "mediapackagev2:GetChannelGroup"),
  V2_CREATE_CHANNEL_GROUP("MediaPackage v2", "CreateChannelGroup", true, "mediapackagev2:CreateChannelGroup"),
  V2_LIST_CHANNEL_GROUPS("MediaPackage v2", "ListChannelGroups", false, "mediapackagev2:ListChannelGroups"),
  V2_GET_CHANNEL("MediaPackage v2", "GetChannel", false, "mediapackagev2:GetChannel"),
  V2_CREATE_CHANNEL("MediaPackage v2", "CreateChannel", true, "mediapackagev2:CreateChannel"),
  V2_UPDATE_CHANNEL("MediaPackage v2", "UpdateChannel", true, "mediapackagev2:UpdateChannel"),
  V2_LIST_CHANNELS("MediaPackage v2", "ListChannels", false, "mediapackagev2:ListChannels"),
  V2_DELETE_CHANNEL("MediaPackage v2", "DeleteChannel", true, "mediapackagev2:DeleteChannel"),
  V2_TAG_RESOURCE("MediaPackage v2", "TagResource", true, "mediapackagev2:TagResource"),
  V2_GET_ORIGIN_ENDPOINT("MediaPackage v2", "GetOriginEndpoint", false, "mediapackagev2:GetOriginEndpoint"),
  V2_CREATE_ORIGIN_ENDPOINT("MediaPackage v2", "CreateOriginEndpoint", true, "mediapackagev2:CreateOriginEndpoint"),
  V2_UPDATE_ORIGIN_ENDPOINT("MediaPackage v2", "UpdateOriginEndpoint", true, "mediapackagev2:UpdateOriginEndpoint"),
  V2_LIST_ORIGIN_ENDPOINTS("MediaPackage v2", "ListOriginEndpoints", false, "mediapackagev2:ListOriginEndpoints"),
  V2_DELETE_ORIGIN_ENDPOINT("MediaPackage v2", "DeleteOriginEndpoint", true, "mediapackagev2:DeleteOriginEndpoint"),
  V2_GET_ORIGIN_ENDPOINT_POLICY("MediaPackage v2", "GetOriginEndpointPolicy", false,
      "mediapackagev2:GetOriginEndpointPolicy"),
  V2_PUT_ORIGIN_ENDPOINT_POLICY("MediaPackage v2", "PutOriginEndpointPolicy", true,
      "mediapackagev2:PutOriginEndpointPolicy");

  private final String service;
  private final String operation;
  private final boolean write;
  private final List<String> iamActions;

  AwsCall(String service, String operation, boolean write, String... iamActions) {
    this.service = service;
    this.operation = operation;
    this.write = write;
    this.iamActions = List.of(iamActions);
  }

  String service() {
    return service;
  }

  String operation() {
    return operation;
  }

  /** Whether the call is a MediaPackage v2 update sent with {@code x-amzn-update-if-match}. */
  boolean isV2EtagUpdate() {
    return this == V2_UPDATE_CHANNEL || this == V2_UPDATE_ORIGIN_ENDPOINT;
  }

  /** Whether the call changes state, so that a call that lost its response has an unknown outcome. */
  boolean isWrite() {
    return write;
  }

  /** The IAM actions the caller needs; the first is the one named when access is denied and AWS does not say. */
  List<String> iamActions() {
    return iamActions;
  }

  @Override
  public String toString() {
    return service + " " + operation;
  }
}
