package io.github.mediapackagecdn.core.model;

import java.util.List;

/**
 * The ordered changes one UpdateDistribution makes. Empty means the distribution already has everything: no update
 * is sent.
 */
public record ChangeSet(List<DistributionChange> changes) {

  /** Keeps an unmodifiable copy of {@code changes}. */
  public ChangeSet {
    changes = List.copyOf(changes);
  }

  /** The changes, in the order they are applied. */
  public static ChangeSet of(List<DistributionChange> changes) {
    return new ChangeSet(changes);
  }

  /** No change: the distribution already has everything. */
  public static ChangeSet empty() {
    return new ChangeSet(List.of());
  }

  /** Whether there is nothing to change, so that no UpdateDistribution is sent. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Applies every change in order. */
  public DistributionConfig applyTo(DistributionConfig config) {
    return applyTo(config, ModelEditor.INSTANCE);
  }

  /** Applies every change in order to {@code config}, through {@code editor}: an adapter's full configuration. */
  public <C> C applyTo(C config, DistributionChange.Editor<C> editor) {
    C result = config;
    for (DistributionChange change : changes) {
      result = change.applyTo(result, editor);
    }
    return result;
  }
}
