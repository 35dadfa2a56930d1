package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one input, then throws them together as one {@link ValidationException}.
 *
 * <pre>{@code
 * Problems problems = new Problems();
 * problems.check(id.length() <= 256, "id is longer than 256 characters");
 * problems.throwIfAny();
 * }</pre>
 */
final class Problems {

  private final List<String> found = new ArrayList<>();

  /** Records {@code problem} unless {@code ok} holds. */
  Problems check(boolean ok, String problem) {
    if (!ok) {
      found.add(problem);
    }
    return this;
  }

  /** Records a problem unconditionally. */
  Problems add(String problem) {
    found.add(problem);
    return this;
  }

  /** Runs {@code validation}; a {@link ValidationException} it throws adds its problems here. */
  Problems collect(Runnable validation) {
    try {
      validation.run();
    } catch (ValidationException e) {
      found.addAll(e.problems());
    }
    return this;
  }

  /** Whether no problem was recorded. */
  boolean isEmpty() {
    return found.isEmpty();
  }

  /** The problems recorded so far, in order. */
  List<String> list() {
    return List.copyOf(found);
  }

  /** Throws one {@link ValidationException} naming every problem recorded, if there is any. */
  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ValidationException(found);
    }
  }
}
