package io.github.mediapackagecdn.testkit.behaviour;

import io.github.mediapackagecdn.testkit.FakeAws;

/** The randomized concurrency test on MediaPackage v1. */
class V1RandomizedConcurrencyTest extends RandomizedConcurrencyTests {

  @Override
  Side side(FakeAws aws) {
    return new V1Side(aws);
  }

  @Override
  int defaultSeeds() {
    return 200;
  }
}
