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
    return aws.call(Operation.LIST_TAGS_FOR_RESOURCE, List.of(distribution, tagKey),
        () -> Optional.ofNullable(aws.distributions().tagsOrEmpty(distribution).get(tagKey)));
  }

  /**
   * Every linked distribution, by the value of tag {@code tagKey}, in one GetResources sweep: a view for tests (the
   * port has no such query).
   */
  public Map<String, List<DistributionId>> all(String tagKey) {
    return aws.call(Operation.GET_RESOURCES, List.of(tagKey), () -> {
      Map<String, List<DistributionId>> byChannel = new LinkedHashMap<>();
      aws.distributions().tagValues(tagKey)
          .forEach((id, arn) -> byChannel.computeIfAbsent(arn, a -> new ArrayList<>()).add(id));
      return byChannel;
    });
  }
}
