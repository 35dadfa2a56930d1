package io.github.mediapackagecdn.testkit.behaviour;

import io.github.mediapackagecdn.testkit.FakeAws;

/** The randomized concurrency test on MediaPackage v2 in the distribution scope per channel group. */
class V2GroupRandomizedConcurrencyTest extends RandomizedConcurrencyTests {

  @Override
  Side side(FakeAws aws) {
    return new V2GroupSide(aws);
  }

  @Override
  int defaultSeeds() {
    return 200;
  }
}
