package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.port.Distributions;

/**
 * How the library finds a channel's distribution, as {@code AwsChannelCdn.LinkLookup} chooses it on AWS: the tagging
 * API (the fakes' own lookup) or CloudFront's tags alone ({@link CloudFrontTagLinks}).
 */
enum LinkLookup {
  /** Resource Groups Tagging API GetResources: the fakes' {@code InMemoryDistributionLinks}. */
  TAGGING_API {
    @Override
    DistributionLinks over(Distributions distributions, DistributionLinks taggingApi) {
      return taggingApi;
    }
  },
  /** ListDistributions and ListTagsForResource of each distribution. */
  CLOUDFRONT_TAGS {
    @Override
    DistributionLinks over(Distributions distributions, DistributionLinks taggingApi) {
      return new CloudFrontTagLinks(distributions, taggingApi);
    }
  };

  /** The lookup over the account's CloudFront and its tagging API (whose ListTagsForResource both use). */
  abstract DistributionLinks over(Distributions distributions, DistributionLinks taggingApi);
}
