package io.github.mediapackagecdn.testkit.behaviour;

import java.util.Map;

/**
 * The fault matrix on MediaPackage v1: 207 faulted runs, the 65 calls of the eight use cases' clean runs with three
 * faults each, four 412 races (one per UpdateDistribution) and eight lags. Every faulted call fails its use case with a
 * typed error, except in the batch of four endpoints: a fault on the CreateOriginEndpoint of the second, third or
 * fourth stops the batch partway (3 per fault kind), the endpoints saved before it served. Every 412 is retried, every
 * lag waited for.
 */
class V1FaultMatrixTest extends FaultMatrixTests {

  @Override
  Side side() {
    return new V1Side();
  }

  @Override
  Map<Fault, int[]> expectedSplit() {
    return Map.of(
        Fault.THROTTLED, new int[] {0, 3, 62},
        Fault.SERVER_ERROR, new int[] {0, 3, 62},
        Fault.LOST_RESPONSE, new int[] {0, 3, 62},
        Fault.RACE_412, new int[] {4, 0, 0},
        Fault.DELAYED_VISIBILITY, new int[] {8, 0, 0});
  }
}
