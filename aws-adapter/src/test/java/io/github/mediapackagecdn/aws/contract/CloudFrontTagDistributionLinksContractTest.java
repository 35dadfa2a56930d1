package io.github.mediapackagecdn.aws.contract;

import io.github.mediapackagecdn.aws.WireMockAws;

/** {@code DistributionLinksContract} on the CloudFront-only adapter (ListDistributions and ListTagsForResource), over WireMock answering as CloudFront does. */
class CloudFrontTagDistributionLinksContractTest extends WireMockDistributionLinksContract {
  CloudFrontTagDistributionLinksContractTest() {
    super(WireMockAws::cloudFrontTagLinks);
  }
}
