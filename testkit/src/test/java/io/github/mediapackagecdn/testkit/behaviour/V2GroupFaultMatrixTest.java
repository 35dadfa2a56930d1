package io.github.mediapackagecdn.testkit.behaviour;

import java.util.Map;

/**
 * The fault matrix on MediaPackage v2 in the distribution scope per channel group: 386 faulted runs, the 126 calls of
 * the eight use cases' clean runs with three faults each and eight lags. No 412 race: no clean run sends an
 * UpdateDistribution, since the group's distribution has its layout from its creation on, so no save writes to
 * CloudFront once it exists (the group's updater and its 412 retry are checked by GroupLayoutCompletionTest). Every
 * faulted call fails its use case with a typed error, except in the batch of three endpoints: a fault on the
 * GetOriginEndpoint or the CreateOriginEndpoint of the second or third stops the batch partway (4 per fault kind), the
 * endpoints saved before it served, as in the channel scope. Every lag is waited for. The group scope makes more calls
 * than the channel scope (126, not 116): the group's link is read on the group (GetChannelGroup) and confirmed on the
 * group's distribution, where the channel scope reads the channel's. Details and the wait read the policy of each
 * endpoint the distribution routes, as in the channel scope (6 of the 126).
 */
class V2GroupFaultMatrixTest extends FaultMatrixTests {

  @Override
  Side side() {
    return new V2GroupSide();
  }

  @Override
  Map<Fault, int[]> expectedSplit() {
    return Map.of(
        Fault.THROTTLED, new int[] {0, 4, 122},
        Fault.SERVER_ERROR, new int[] {0, 4, 122},
        Fault.LOST_RESPONSE, new int[] {0, 4, 122},
        Fault.RACE_412, new int[] {0, 0, 0},
        Fault.DELAYED_VISIBILITY, new int[] {8, 0, 0});
  }
}
