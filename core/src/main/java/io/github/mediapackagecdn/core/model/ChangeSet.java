package io.github.mediapackagecdn.core.model;

import java.util.List;

/**
 * The ordered changes one UpdateDistribution makes. Empty means the distribution already has everything: no update
 * is sent.
 */
public record ChangeSet(List<DistributionChange> changes) {

  public ChangeSet {
    changes = List.copyOf(changes);
  }

  public static ChangeSet of(List<DistributionChange> changes) {
    return new ChangeSet(changes);
  }

  public static ChangeSet empty() {
    return new ChangeSet(List.of());
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Applies every change in order. */
  public DistributionConfig applyTo(DistributionConfig config) {
    DistributionConfig result = config;
    for (DistributionChange change : changes) {
      result = change.applyTo(result);
    }
    return result;
  }
}
