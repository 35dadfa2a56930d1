package io.github.mediapackagecdn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.aws.fixtures.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other wire test (class order in junit-platform.properties) and checks that the IAM actions of the
 * requests they sent over the wire are exactly those the shipped policy grants: nothing missing, nothing extra.
 */
@Order(Integer.MAX_VALUE)
class IamPolicyWireTest {

  /** Request shape ({@code METHOD url target}) to the IAM actions AWS checks for it. */
  private static final Map<Pattern, List<String>> ACTIONS = Map.ofEntries(
      Map.entry(Pattern.compile("POST /2020-05-31/distribution\\?WithTags "),
          List.of("cloudfront:CreateDistribution", "cloudfront:TagResource")),
      Map.entry(Pattern.compile("GET /2020-05-31/distribution/[A-Z0-9]+ "), List.of("cloudfront:GetDistribution")),
      Map.entry(Pattern.compile("GET /2020-05-31/distribution/[A-Z0-9]+/config "),
          List.of("cloudfront:GetDistributionConfig")),
      Map.entry(Pattern.compile("PUT /2020-05-31/distribution/[A-Z0-9]+/config "),
          List.of("cloudfront:UpdateDistribution")),
      Map.entry(Pattern.compile("DELETE /2020-05-31/distribution/[A-Z0-9]+ "), List.of("cloudfront:DeleteDistribution")),
      Map.entry(Pattern.compile("GET /2020-05-31/distribution(\\?.*)? "), List.of("cloudfront:ListDistributions")),
      Map.entry(Pattern.compile("GET /2020-05-31/tagging\\?Resource=.* "), List.of("cloudfront:ListTagsForResource")),
      Map.entry(Pattern.compile("POST / ResourceGroupsTaggingAPI_20170126\\.GetResources"), List.of("tag:GetResources")),
      Map.entry(Pattern.compile("POST /channels "), List.of("mediapackage:CreateChannel")),
      Map.entry(Pattern.compile("PUT /channels/[^/?]+ "), List.of("mediapackage:UpdateChannel")),
      Map.entry(Pattern.compile("GET /channels/[^/?]+ "), List.of("mediapackage:DescribeChannel")),
      Map.entry(Pattern.compile("GET /channels(\\?.*)? "), List.of("mediapackage:ListChannels")),
      Map.entry(Pattern.compile("DELETE /channels/[^/?]+ "), List.of("mediapackage:DeleteChannel")),
      Map.entry(Pattern.compile("POST /tags/(?!arn(%3A|:)aws[a-z-]*(%3A|:)mediapackagev2(%3A|:))[^/?]+ "),
          List.of("mediapackage:TagResource")),
      Map.entry(Pattern.compile("POST /tags/arn(%3A|:)aws[a-z-]*(%3A|:)mediapackagev2(%3A|:)[^/?]+ "),
          List.of("mediapackagev2:TagResource")),
      Map.entry(Pattern.compile("POST /origin_endpoints "), List.of("mediapackage:CreateOriginEndpoint")),
      Map.entry(Pattern.compile("PUT /origin_endpoints/[^/?]+ "), List.of("mediapackage:UpdateOriginEndpoint")),
      Map.entry(Pattern.compile("GET /origin_endpoints/[^/?]+ "), List.of("mediapackage:DescribeOriginEndpoint")),
      Map.entry(Pattern.compile("GET /origin_endpoints(\\?.*)? "), List.of("mediapackage:ListOriginEndpoints")),
      Map.entry(Pattern.compile("DELETE /origin_endpoints/[^/?]+ "), List.of("mediapackage:DeleteOriginEndpoint")),
      Map.entry(Pattern.compile("GET /2020-05-31/origin-access-control(\\?.*)? "),
          List.of("cloudfront:ListOriginAccessControls")),
      Map.entry(Pattern.compile("POST /2020-05-31/origin-access-control "),
          List.of("cloudfront:CreateOriginAccessControl")),
      Map.entry(Pattern.compile("GET /2020-05-31/cache-policy(\\?.*)? "), List.of("cloudfront:ListCachePolicies")),
      Map.entry(Pattern.compile("POST /2020-05-31/cache-policy "), List.of("cloudfront:CreateCachePolicy")),
      Map.entry(Pattern.compile("POST /channelGroup "), List.of("mediapackagev2:CreateChannelGroup")),
      Map.entry(Pattern.compile("GET /channelGroup(\\?.*)? "), List.of("mediapackagev2:ListChannelGroups")),
      Map.entry(Pattern.compile("GET /channelGroup/[^/?]+ "), List.of("mediapackagev2:GetChannelGroup")),
      Map.entry(Pattern.compile("POST /channelGroup/[^/?]+/channel "), List.of("mediapackagev2:CreateChannel")),
      Map.entry(Pattern.compile("GET /channelGroup/[^/?]+/channel(\\?.*)? "), List.of("mediapackagev2:ListChannels")),
      Map.entry(Pattern.compile("GET /channelGroup/[^/?]+/channel/[^/?]+/ "), List.of("mediapackagev2:GetChannel")),
      Map.entry(Pattern.compile("PUT /channelGroup/[^/?]+/channel/[^/?]+/ "), List.of("mediapackagev2:UpdateChannel")),
      Map.entry(Pattern.compile("DELETE /channelGroup/[^/?]+/channel/[^/?]+/ "),
          List.of("mediapackagev2:DeleteChannel")),
      Map.entry(Pattern.compile("POST /channelGroup/[^/?]+/channel/[^/?]+/originEndpoint "),
          List.of("mediapackagev2:CreateOriginEndpoint")),
      Map.entry(Pattern.compile("GET /channelGroup/[^/?]+/channel/[^/?]+/originEndpoint(\\?.*)? "),
          List.of("mediapackagev2:ListOriginEndpoints")),
      Map.entry(Pattern.compile("GET /channelGroup/[^/?]+/channel/[^/?]+/originEndpoint/[^/?]+ "),
          List.of("mediapackagev2:GetOriginEndpoint")),
      Map.entry(Pattern.compile("PUT /channelGroup/[^/?]+/channel/[^/?]+/originEndpoint/[^/?]+ "),
          List.of("mediapackagev2:UpdateOriginEndpoint")),
      Map.entry(Pattern.compile("DELETE /channelGroup/[^/?]+/channel/[^/?]+/originEndpoint/[^/?]+ "),
          List.of("mediapackagev2:DeleteOriginEndpoint")),
      Map.entry(Pattern.compile("GET /channelGroup/[^/?]+/channel/[^/?]+/originEndpoint/[^/?]+/policy "),
          List.of("mediapackagev2:GetOriginEndpointPolicy")),
      Map.entry(Pattern.compile("POST /channelGroup/[^/?]+/channel/[^/?]+/originEndpoint/[^/?]+/policy "),
          List.of("mediapackagev2:PutOriginEndpointPolicy")));

  @Test
  void actionsOfTheRequestsTheWireTestsSent_areExactlyThoseThePolicyGrants() {
    assertThat(Wire.SENT).as("requests recorded by the wire tests that ran before").isNotEmpty();
    Set<String> called = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    for (String request : Wire.SENT) {
      List<String> actions = ACTIONS.entrySet().stream()
          .filter(e -> e.getKey().matcher(request).matches())
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
      if (actions == null) {
        unknown.add(request);
      } else {
        called.addAll(actions);
      }
    }
    assertThat(unknown).as("requests of no known AWS operation").isEmpty();
    assertThat(called).isEqualTo(IamPolicyTest.grantedActions());
  }
}
