package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionSummary;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.port.Distributions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The adapter's {@code CLOUDFRONT_TAGS} link lookup, on the fakes: CloudFront alone, ListDistributions and then
 * ListTagsForResource of each distribution, as {@code AwsChannelCdn.LinkLookup.CLOUDFRONT_TAGS} does over the SDK.
 * The fakes' own lookup is the tagging API's.
 */
final class CloudFrontTagLinks implements DistributionLinks {

  private final Distributions cloudFront;
  private final DistributionLinks tags;

  /**
   * A lookup listing {@code cloudFront}'s distributions and reading each one's tags through {@code tags}'s
   * {@link DistributionLinks#tagValue} (ListTagsForResource).
   */
  CloudFrontTagLinks(Distributions cloudFront, DistributionLinks tags) {
    this.cloudFront = cloudFront;
    this.tags = tags;
  }

  /** ListDistributions, then ListTagsForResource of each distribution, for those tagged exactly {@code channelArn}. */
  @Override
  public List<DistributionId> find(String tagKey, String channelArn) {
    List<DistributionId> found = new ArrayList<>();
    for (DistributionSummary summary : cloudFront.list()) {
      if (tags.tagValue(summary.id(), tagKey).filter(channelArn::equals).isPresent()) {
        found.add(summary.id());
      }
    }
    return List.copyOf(found);
  }

  /** ListDistributions, then ListTagsForResource of each distribution: one call per distribution. */
  @Override
  public Map<String, List<DistributionId>> all(String tagKey) {
    Map<String, List<DistributionId>> links = new LinkedHashMap<>();
    for (DistributionSummary summary : cloudFront.list()) {
      tags.tagValue(summary.id(), tagKey)
          .ifPresent(value -> links.computeIfAbsent(value, v -> new ArrayList<>()).add(summary.id()));
    }
    links.replaceAll((value, ids) -> List.copyOf(ids));
    return links;
  }

  /** ListTagsForResource of the one distribution. */
  @Override
  public Optional<String> tagValue(DistributionId distribution, String tagKey) {
    return tags.tagValue(distribution, tagKey);
  }
}
