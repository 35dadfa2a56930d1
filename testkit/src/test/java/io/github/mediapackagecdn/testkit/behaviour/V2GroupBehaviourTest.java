package io.github.mediapackagecdn.testkit.behaviour;

/** The shared behaviour on MediaPackage v2 in the distribution scope per channel group. */
class V2GroupBehaviourTest extends ChannelCdnBehaviourTests {

  @Override
  Side side() {
    return new V2GroupSide();
  }
}
