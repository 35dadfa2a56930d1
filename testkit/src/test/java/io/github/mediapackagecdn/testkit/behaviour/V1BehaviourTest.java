package io.github.mediapackagecdn.testkit.behaviour;

/** The shared behaviour on MediaPackage v1. */
class V1BehaviourTest extends ChannelCdnBehaviourTests {

  @Override
  Side side() {
    return new V1Side();
  }
}
