package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tag lookup in memory, over {@link InMemoryDistributions}: like GetResources with a tag filter, only exact
 * key and value matches are found, so a distribution whose link tag was changed is no longer found.
 */
public final class InMemoryDistributionLinks implements DistributionLinks {

  /** The Tagging API's largest page (ResourcesPerPage), which the fleet read asks for. */
  public static final int RESOURCES_PER_PAGE = 100;

  private final FakeAws aws;

  InMemoryDistributionLinks(FakeAws aws) {
    this.aws = aws;
  }

  @Override
  public List<DistributionId> find(String tagKey, String channelArn) {
    return aws.call(Operation.GET_RESOURCES, List.of(tagKey, channelArn),
        () -> aws.distributions().taggedWith(tagKey, channelArn));
  }

  @Override
  public Optional<String> tagValue(DistributionId distribution, String tagKey) {
    return aws.distributions().listedTag(distribution, tagKey);
  }

  /** The tag index lags behind a new distribution, as {@link FakeAws#delayVisibility} makes it. */
  @Override
  public boolean lagsAfterWrite() {
    return true;
  }

  /**
   * Every distribution carrying tag {@code tagKey}, by the tag's value: GetResources with a key-only tag filter, in
   * pages of {@value #RESOURCES_PER_PAGE}, as the tag index shows them.
   */
  @Override
  public Map<String, List<DistributionId>> all(String tagKey) {
    List<Map.Entry<DistributionId, String>> tagged = aws.paged(Operation.GET_RESOURCES, List.of(tagKey),
        RESOURCES_PER_PAGE, () -> List.copyOf(aws.distributions().tagValues(tagKey).entrySet()));
    Map<String, List<DistributionId>> byChannel = new LinkedHashMap<>();
    tagged.forEach(e -> byChannel.computeIfAbsent(e.getValue(), a -> new ArrayList<>()).add(e.getKey()));
    return byChannel;
  }
}
