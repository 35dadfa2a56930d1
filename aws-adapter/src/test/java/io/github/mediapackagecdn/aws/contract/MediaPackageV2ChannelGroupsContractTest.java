package io.github.mediapackagecdn.aws.contract;

import io.github.mediapackagecdn.aws.WireMockAws;
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import io.github.mediapackagecdn.testkit.contract.ChannelGroupsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ChannelGroupsContract} on the MediaPackage v2 adapter, over WireMock answering as MediaPackage v2 does. */
class MediaPackageV2ChannelGroupsContractTest extends ChannelGroupsContract {

  @RegisterExtension
  final WireMockAws aws = new WireMockAws();

  @Override
  protected ChannelGroups groups() {
    return aws.channelGroups();
  }
}
