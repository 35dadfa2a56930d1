package io.github.mediapackagecdn.core.port;

import io.github.mediapackagecdn.core.model.DistributionId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds distributions by their link tag, whose value is a channel ARN. A distribution whose tag was changed or
 * removed is not found, and so is no longer managed.
 */
public interface DistributionLinks {

  /** The distributions whose tag {@code tagKey} has exactly the value {@code channelArn}. */
  List<DistributionId> find(String tagKey, String channelArn);

  /**
   * Every distribution carrying tag {@code tagKey}, by the tag's value (a channel ARN), from the same index as
   * {@link #find} (which lags after a create): the fleet view, in pages (GetResources at 100 a page), never one call
   * per channel. A distribution whose tag was removed is not in it.
   */
  Map<String, List<DistributionId>> all(String tagKey);

  /**
   * The value of tag {@code tagKey} on one distribution, read from CloudFront itself (ListTagsForResource), which
   * shows a tag as soon as it is written, unlike the tag index behind {@link #find}. Empty if the tag is absent.
   */
  Optional<String> tagValue(DistributionId distribution, String tagKey);

  /**
   * Whether {@link #find} may miss a link tag for a while after it is written, as the Resource Groups Tagging API's
   * index does; a lookup that reads CloudFront's own tags does not. Only where it may does the library wait for a
   * link to show (after {@code DistributionAlreadyExists}) and trust {@link #tagValue} over {@link #find}. True unless
   * overridden: waiting is the safe answer when a lookup cannot say.
   */
  default boolean lagsAfterWrite() {
    return true;
  }
}
