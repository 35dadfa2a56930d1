package io.github.mediapackagecdn.testkit.behaviour;

import java.util.Map;

/**
 * The fault matrix on MediaPackage v2: 360 faulted runs, the 116 calls of the eight use cases' clean runs with three
 * faults each, four 412 races (one per UpdateDistribution) and eight lags. Every faulted call fails its use case with a
 * typed error, except in the batch of three endpoints: a fault on the GetOriginEndpoint or the CreateOriginEndpoint of
 * the second or third stops the batch partway (4 per fault kind), the endpoints saved before it served. Every 412 is
 * retried, every lag waited for. v2 makes more calls than v1: its channel group, each endpoint read before it is
 * written, the endpoint policies (details and the wait also read the policy of each of the 3 endpoints the distribution
 * routes, to say whether it lets the distribution read them: 6 of the 116), the origin access control and the two
 * cache policies.
 */
class V2FaultMatrixTest extends FaultMatrixTests {

  @Override
  Side side() {
    return new V2Side();
  }

  @Override
  Map<Fault, int[]> expectedSplit() {
    return Map.of(
        Fault.THROTTLED, new int[] {0, 4, 112},
        Fault.SERVER_ERROR, new int[] {0, 4, 112},
        Fault.LOST_RESPONSE, new int[] {0, 4, 112},
        Fault.RACE_412, new int[] {4, 0, 0},
        Fault.DELAYED_VISIBILITY, new int[] {8, 0, 0});
  }
}
