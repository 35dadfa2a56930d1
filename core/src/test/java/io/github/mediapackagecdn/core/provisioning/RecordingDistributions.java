package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
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
 * late). Counts reads and records writes; the next create or updates can be made to fail. Public (in core's test-jar)
 * so that the testkit runs its {@code DistributionsContract} and {@code DistributionLinksContract} against it.
 */
public final class RecordingDistributions implements Distributions, DistributionLinks {

  final Map<DistributionId, Distribution> distributions = new LinkedHashMap<>();
  final Map<DistributionId, Map<String, String>> tags = new LinkedHashMap<>();
  final List<String> writes = new ArrayList<>();
  int reads;
  /** Every CallerReference ever used: CloudFront keeps it taken after the distribution is deleted. */
  private final java.util.Set<String> takenCallerReferences = new java.util.HashSet<>();
  /** Null: {@code awaitDeployed} deploys at once; else only the distributions in it deploy when awaited. */
  private java.util.Set<DistributionId> deployingWhenAwaited;
  private int created;
  private RuntimeException nextCreateFailure;
  private int staleUpdates;
  private int hiddenLinkLookups;

  void failNextCreate(RuntimeException failure) {
    nextCreateFailure = failure;
  }

  /** The next {@code count} updates fail as if someone else had changed the distribution since it was read. */
  public void staleNextUpdates(int count) {
    staleUpdates = count;
  }

  /**
   * The next {@code count} link lookups miss every distribution, as the Tagging API does until it has indexed the tags
   * of a distribution just created.
   */
  void hideLinksForNextLookups(int count) {
    hiddenLinkLookups = count;
  }

  /**
   * From now on, {@code awaitDeployed} deploys only the distributions given to {@link #deploysWhenAwaited}, and
   * times out on the others, as CloudFront's waiter does.
   */
  public void deployOnlyWhenAllowed() {
    deployingWhenAwaited = new java.util.HashSet<>();
  }

  /** Distribution {@code id} finishes deploying when it is awaited next. */
  public void deploysWhenAwaited(DistributionId id) {
    if (deployingWhenAwaited != null) {
      deployingWhenAwaited.add(id);
    }
  }

  /** Distribution {@code id} finishes deploying now, as a read shows it from then on. */
  public void deploy(DistributionId id) {
    distributions.computeIfPresent(id, (key, d) -> Distribution.builder().from(d).status(DistributionStatus.DEPLOYED)
        .build());
  }

  /** Seeds a distribution, as if created earlier. */
  public DistributionId seed(DistributionConfig config, Map<String, String> distributionTags) {
    return store(config, distributionTags).id();
  }

  /** Someone else changes the distribution (its comment, hence its ETag); answers it as it is now. */
  public Distribution edit(DistributionId id) {
    Distribution current = distributions.get(id);
    Distribution edited = bumped(current, DistributionConfig.builder().from(current.config())
        .comment(current.config().comment() + " (edited)").build());
    distributions.put(id, edited);
    return edited;
  }

  /** Someone removes the tag {@code key} from distribution {@code id}. */
  public void untag(DistributionId id, String key) {
    Map<String, String> remaining = new LinkedHashMap<>(tags.getOrDefault(id, Map.of()));
    remaining.remove(key);
    tags.put(id, Map.copyOf(remaining));
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
    if (takenCallerReferences.contains(config.callerReference())) {
      throw new ResourceConflictException("DistributionAlreadyExists",
          ResourceConflictException.Reason.ALREADY_EXISTS, config.callerReference(), "DistributionAlreadyExists",
          null, null);
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
    Distribution current = current(id, etag);
    DistributionConfig changed = changes.applyTo(current.config());
    if (changed.equals(current.config())) {
      return current;
    }
    Distribution updated = bumped(current, changed);
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
            .enabled(d.config().enabled()).origins(d.config().origins())
            .defaultBehavior(d.config().defaultBehavior()).cacheBehaviors(d.config().cacheBehaviors())
            .build())
        .toList();
  }

  @Override
  public Distribution awaitDeployed(DistributionId id, Duration timeout) {
    reads++;
    Distribution current = distributions.get(id);
    if (current == null) {
      throw notFound(id);
    }
    if (deployingWhenAwaited != null && current.status() != DistributionStatus.DEPLOYED
        && !deployingWhenAwaited.remove(id)) {
      throw new DeploymentTimeoutException("distribution " + id + " is still InProgress after " + timeout);
    }
    Distribution deployed = Distribution.builder().from(current).status(DistributionStatus.DEPLOYED).build();
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
          id.value(), "DistributionNotDisabled", null, null);
    }
    distributions.remove(id);
    tags.remove(id);
  }

  private Distribution current(DistributionId id, String etag) {
    Distribution current = distributions.get(id);
    if (current == null) {
      throw notFound(id);
    }
    if (etag == null || etag.isBlank()) {
      throw new InvalidRequestException("The If-Match version is missing or not valid.", "InvalidIfMatchVersion",
          null, null);
    }
    if (staleUpdates > 0) {
      staleUpdates--;
      distributions.put(id, bumped(current, current.config())); // someone else's update
      throw stale(id);
    }
    if (!current.etag().equals(etag)) {
      throw stale(id);
    }
    return current;
  }

  private static ResourceConflictException stale(DistributionId id) {
    return new ResourceConflictException("PreconditionFailed", ResourceConflictException.Reason.STALE_VERSION,
        id.value(), "PreconditionFailed", null, null);
  }

  private static ResourceNotFoundException notFound(DistributionId id) {
    return new ResourceNotFoundException("no distribution " + id, id.value(), "NoSuchDistribution", null, null);
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

  /** Every distribution carrying {@code tagKey}, by value, as one page: the double does not page. */
  @Override
  public Map<String, List<DistributionId>> all(String tagKey) {
    reads++;
    Map<String, List<DistributionId>> byValue = new LinkedHashMap<>();
    tags.forEach((id, t) -> {
      if (t.containsKey(tagKey)) {
        byValue.computeIfAbsent(t.get(tagKey), v -> new ArrayList<>()).add(id);
      }
    });
    return byValue;
  }

  @Override
  public Optional<String> tagValue(DistributionId distribution, String tagKey) {
    reads++;
    return Optional.ofNullable(tags.getOrDefault(distribution, Map.of()).get(tagKey));
  }

  private Distribution store(DistributionConfig config, Map<String, String> distributionTags) {
    int n = ++created;
    DistributionId id = DistributionId.of(String.format("E%013d", n));
    Distribution distribution = Distribution.builder()
        .id(id)
        .arn("arn:aws:cloudfront::123456789012:distribution/" + id)
        .domainName(String.format("d%06dabcdef8.cloudfront.net", n))
        .status(DistributionStatus.IN_PROGRESS)
        .etag("ETAG" + n + "-1")
        .lastModified(java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n))
        .config(config)
        .build();
    distributions.put(id, distribution);
    tags.put(id, Map.copyOf(distributionTags));
    takenCallerReferences.add(config.callerReference());
    return distribution;
  }

  private static Distribution bumped(Distribution current, DistributionConfig config) {
    String etag = current.etag();
    int dash = etag.lastIndexOf('-');
    String next = etag.substring(0, dash + 1) + (Integer.parseInt(etag.substring(dash + 1)) + 1);
    return Distribution.builder().from(current).config(config).etag(next).status(DistributionStatus.IN_PROGRESS).build();
  }
}
