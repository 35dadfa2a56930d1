package io.github.mediapackagecdn.aws.contract;

import io.github.mediapackagecdn.aws.WireMockAws;
import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import io.github.mediapackagecdn.testkit.contract.CloudFrontPoliciesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code CloudFrontPoliciesContract} on the CloudFront policies adapter, over WireMock answering as CloudFront does. */
class CloudFrontPoliciesContractTest extends CloudFrontPoliciesContract {

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  @Override
  protected CloudFrontPolicies policies() {
    return aws.cloudFrontPoliciesPort();
  }
}
