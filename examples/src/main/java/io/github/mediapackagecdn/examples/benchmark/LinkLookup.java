package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.testkit.FakeAws;

/**
 * How the library finds a channel's distribution, as {@code AwsChannelCdn.LinkLookup} chooses it on AWS: the tagging
 * API (the fakes' own lookup) or CloudFront's tags alone ({@link FakeAws#cloudFrontTagLinks()}).
 */
enum LinkLookup {
  /** Resource Groups Tagging API GetResources: the fakes' {@code InMemoryDistributionLinks}, which lags. */
  TAGGING_API {
    @Override
    DistributionLinks over(FakeAws aws) {
      return aws.links();
    }
  },
  /** ListDistributions and ListTagsForResource of each distribution, which does not lag. */
  CLOUDFRONT_TAGS {
    @Override
    DistributionLinks over(FakeAws aws) {
      return aws.cloudFrontTagLinks();
    }
  };

  /** The lookup over the account's fakes. */
  abstract DistributionLinks over(FakeAws aws);
}
