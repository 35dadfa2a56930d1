package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.DistributionSummary;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import io.github.mediapackagecdn.core.port.Distributions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal in-memory CloudFront for the facade's tests: {@link Distributions} with ETags that change on every update
 * and CallerReferences that stay taken, and {@link DistributionLinks} over the tags given at creation (optionally seen
 * late). Counts reads and records writes; the next create or updates can be made to fail.
 */
final class RecordingDistributions implements Distributions, DistributionLinks {

  final Map<DistributionId, Distribution> distributions = new LinkedHashMap<>();
  final Map<DistributionId, Map<String, String>> tags = new LinkedHashMap<>();
  final List<String> writes = new ArrayList<>();
  int reads;
  private RuntimeException nextCreateFailure;
  private int staleUpdates;
  private int hiddenLinkLookups;

  void failNextCreate(RuntimeException failure) {
    nextCreateFailure = failure;
  }

  /** The next {@code count} updates fail as if someone else had changed the distribution since it was read. */
  void staleNextUpdates(int count) {
    staleUpdates = count;
  }

  /**
   * The next {@code count} link lookups miss every distribution, as the Tagging API does until it has indexed the tags
   * of a distribution just created.
   */
  void hideLinksForNextLookups(int count) {
    hiddenLinkLookups = count;
  }

  /** Seeds a distribution, as if created earlier. */
  DistributionId seed(DistributionConfig config, Map<String, String> distributionTags) {
    return store(config, distributionTags).id();
  }

  /** The one distribution this double holds. */
  Distribution only() {
    if (distributions.size() != 1) {
      throw new IllegalStateException("expected one distribution, not " + distributions.keySet());
    }
    return distributions.values().iterator().next();
  }

  @Override
  public Distribution create(DistributionConfig config, Map<String, String> tags) {
    writes.add("create " + config.callerReference());
    if (nextCreateFailure != null) {
      RuntimeException failure = nextCreateFailure;
      nextCreateFailure = null;
      throw failure;
    }
    boolean referenceTaken = distributions.values().stream()
        .anyMatch(d -> d.config().callerReference().equals(config.callerReference()));
    if (referenceTaken) {
      throw new ResourceConflictException("DistributionAlreadyExists",
          ResourceConflictException.Reason.ALREADY_EXISTS, config.callerReference());
    }
    return store(config, tags);
  }

  @Override
  public Optional<Distribution> find(DistributionId id) {
    reads++;
    return Optional.ofNullable(distributions.get(id));
  }

  @Override
  public Distribution update(DistributionId id, String etag, ChangeSet changes) {
    writes.add("update " + id);
    Distribution current = distributions.get(id);
    if (current == null) {
      throw new ResourceNotFoundException("no distribution " + id, id.value());
    }
    if (staleUpdates > 0) {
      staleUpdates--;
      distributions.put(id, bumped(current, current.config())); // someone else's update
      throw new ResourceConflictException("PreconditionFailed", ResourceConflictException.Reason.STALE_VERSION, id.value());
    }
    if (!current.etag().equals(etag)) {
      throw new ResourceConflictException("PreconditionFailed", ResourceConflictException.Reason.STALE_VERSION, id.value());
    }
    Distribution updated = bumped(current, changes.applyTo(current.config()));
    distributions.put(id, updated);
    return updated;
  }

  @Override
  public Optional<DistributionId> findByCallerReference(String callerReference, String commentHint) {
    reads++;
    return distributions.values().stream()
        .filter(d -> d.config().callerReference().equals(callerReference))
        .map(Distribution::id)
        .findFirst();
  }

  @Override
  public List<DistributionSummary> list() {
    reads++;
    return distributions.values().stream()
        .map(d -> DistributionSummary.builder()
            .id(d.id()).arn(d.arn()).domainName(d.domainName()).status(d.status()).comment(d.config().comment())
            .build())
        .toList();
  }

  @Override
  public Distribution awaitDeployed(DistributionId id, Duration timeout) {
    reads++;
    Distribution deployed = Distribution.builder()
        .from(distributions.get(id)).status(DistributionStatus.DEPLOYED).build();
    distributions.put(id, deployed);
    return deployed;
  }

  @Override
  public Distribution disable(DistributionId id, String etag) {
    writes.add("disable " + id);
    Distribution current = current(id, etag);
    if (!current.config().enabled()) {
      return current;
    }
    Distribution disabled = bumped(current, DistributionConfig.builder().from(current.config()).enabled(false).build());
    distributions.put(id, disabled);
    return disabled;
  }

  @Override
  public void delete(DistributionId id, String etag) {
    writes.add("delete " + id);
    Distribution current = current(id, etag);
    if (current.config().enabled() || current.status() != DistributionStatus.DEPLOYED) {
      throw new ResourceConflictException("DistributionNotDisabled", ResourceConflictException.Reason.NOT_DISABLED,
          id.value());
    }
    distributions.remove(id);
    tags.remove(id);
  }

  private Distribution current(DistributionId id, String etag) {
    Distribution current = distributions.get(id);
    if (current == null) {
      throw new ResourceNotFoundException("no distribution " + id, id.value());
    }
    if (!current.etag().equals(etag)) {
      throw new ResourceConflictException("PreconditionFailed", ResourceConflictException.Reason.STALE_VERSION, id.value());
    }
    return current;
  }

  @Override
  public List<DistributionId> find(String tagKey, String channelArn) {
    reads++;
    if (hiddenLinkLookups > 0) {
      hiddenLinkLookups--;
      return List.of();
    }
    return tags.entrySet().stream()
        .filter(e -> channelArn.equals(e.getValue().get(tagKey)))
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public Optional<String> tagValue(DistributionId distribution, String tagKey) {
    reads++;
    return Optional.ofNullable(tags.getOrDefault(distribution, Map.of()).get(tagKey));
  }

  private Distribution store(DistributionConfig config, Map<String, String> distributionTags) {
    int n = distributions.size() + 1;
    DistributionId id = DistributionId.of(String.format("E%013d", n));
    Distribution distribution = Distribution.builder()
        .id(id)
        .arn("arn:aws:cloudfront::123456789012:distribution/" + id)
        .domainName("d" + n + "abcdef8.cloudfront.net")
        .status(DistributionStatus.IN_PROGRESS)
        .etag("ETAG" + n + "-1")
        .config(config)
        .build();
    distributions.put(id, distribution);
    tags.put(id, Map.copyOf(distributionTags));
    return distribution;
  }

  private static Distribution bumped(Distribution current, DistributionConfig config) {
    String etag = current.etag();
    int dash = etag.lastIndexOf('-');
    String next = etag.substring(0, dash + 1) + (Integer.parseInt(etag.substring(dash + 1)) + 1);
    return Distribution.builder().from(current).config(config).etag(next).status(DistributionStatus.IN_PROGRESS).build();
  }
}
