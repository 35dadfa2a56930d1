package io.github.mediapackagecdn.testkit.behaviour;

import io.github.mediapackagecdn.testkit.FakeAws;

/** The randomized concurrency test on MediaPackage v2. */
class V2RandomizedConcurrencyTest extends RandomizedConcurrencyTests {

  @Override
  Side side(FakeAws aws) {
    return new V2Side(aws);
  }

  @Override
  int defaultSeeds() {
    return 200;
  }
}
