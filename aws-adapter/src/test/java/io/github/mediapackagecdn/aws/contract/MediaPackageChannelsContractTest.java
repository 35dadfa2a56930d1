package io.github.mediapackagecdn.aws.contract;

import io.github.mediapackagecdn.aws.WireMockAws;

/** {@code ChannelsContract} on the MediaPackage adapter, over WireMock answering as MediaPackage v1 does. */
class MediaPackageChannelsContractTest extends WireMockChannelsContract {
  MediaPackageChannelsContractTest() {
    super(WireMockAws::channels);
  }
}
