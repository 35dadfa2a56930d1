package io.github.mediapackagecdn.aws.contract;

import io.github.mediapackagecdn.aws.WireMockAws;

/** {@code DistributionLinksContract} on the Resource Groups Tagging API adapter, over WireMock answering as GetResources and CloudFront do. */
class TaggingApiDistributionLinksContractTest extends WireMockDistributionLinksContract {
  TaggingApiDistributionLinksContractTest() {
    super(WireMockAws::taggingApiLinks);
  }
}
