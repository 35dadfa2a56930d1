package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import io.github.mediapackagecdn.testkit.contract.ChannelGroupsContract;

class InMemoryChannelGroupsContractTest extends ChannelGroupsContract {

  private final FakeAws aws = FakeAws.create();

  @Override
  protected ChannelGroups groups() {
    return aws.channelGroups();
  }
}
