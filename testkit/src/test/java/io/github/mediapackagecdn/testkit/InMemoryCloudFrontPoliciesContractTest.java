package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import io.github.mediapackagecdn.testkit.contract.CloudFrontPoliciesContract;

class InMemoryCloudFrontPoliciesContractTest extends CloudFrontPoliciesContract {

  private final FakeAws aws = FakeAws.create();

  @Override
  protected CloudFrontPolicies policies() {
    return aws.cloudFrontPolicies();
  }
}
