package io.github.mediapackagecdn.aws.contract;

import io.github.mediapackagecdn.aws.WireMockAws;

/** {@code DistributionsContract} on the CloudFront adapter, over WireMock answering as CloudFront does. */
class CloudFrontDistributionsContractTest extends WireMockDistributionsContract {
  CloudFrontDistributionsContractTest() {
    super(WireMockAws::distributions);
  }
}
