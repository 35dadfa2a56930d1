package io.github.mediapackagecdn.testkit.behaviour;

/** The shared behaviour on MediaPackage v2. */
class V2BehaviourTest extends ChannelCdnBehaviourTests {

  @Override
  Side side() {
    return new V2Side();
  }
}
