package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tag lookup on CloudFront alone, in memory, as the adapter's {@code CLOUDFRONT_TAGS} lookup makes it:
 * ListDistributions in pages, then ListTagsForResource of each distribution. CloudFront's own tags show as soon as
 * they are written, so this lookup does not lag ({@link #lagsAfterWrite()} is false), whatever
 * {@link FakeAws#delayVisibility} says; its calls are recorded as those two operations.
 */
public final class InMemoryCloudFrontTagLinks implements DistributionLinks {

  private final FakeAws aws;

  InMemoryCloudFrontTagLinks(FakeAws aws) {
    this.aws = aws;
  }

  @Override
  public List<DistributionId> find(String tagKey, String channelArn) {
    List<DistributionId> found = new ArrayList<>();
    everyDistribution().forEach(id -> tagValue(id, tagKey).filter(channelArn::equals).ifPresent(v -> found.add(id)));
    return List.copyOf(found);
  }

  @Override
  public Map<String, List<DistributionId>> all(String tagKey) {
    Map<String, List<DistributionId>> byChannel = new LinkedHashMap<>();
    everyDistribution().forEach(id -> tagValue(id, tagKey)
        .ifPresent(value -> byChannel.computeIfAbsent(value, v -> new ArrayList<>()).add(id)));
    byChannel.replaceAll((value, ids) -> List.copyOf(ids));
    return byChannel;
  }

  @Override
  public Optional<String> tagValue(DistributionId distribution, String tagKey) {
    return aws.distributions().listedTag(distribution, tagKey);
  }

  /** CloudFront's own tags: no lag. */
  @Override
  public boolean lagsAfterWrite() {
    return false;
  }

  /** ListDistributions, every distribution at once (no visibility delay), one recorded call a page. */
  private List<DistributionId> everyDistribution() {
    return aws.paged(Operation.LIST_DISTRIBUTIONS, List.of(), InMemoryDistributions.MAX_ITEMS,
        () -> aws.distributions().ids());
  }
}
