package io.github.mediapackagecdn.core.error;

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
public final class Problems {

  private final List<String> found = new ArrayList<>();

  /** Records {@code problem} unless {@code ok} holds. */
  public Problems check(boolean ok, String problem) {
    if (!ok) {
      found.add(problem);
    }
    return this;
  }

  /** Records a problem unconditionally. */
  public Problems add(String problem) {
    found.add(problem);
    return this;
  }

  /** Runs {@code validation}; a {@link ValidationException} it throws adds its problems here. */
  public Problems collect(Runnable validation) {
    try {
      validation.run();
    } catch (ValidationException e) {
      found.addAll(e.problems());
    }
    return this;
  }

  /** Whether no problem was recorded. */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** The problems recorded so far, in order. */
  public List<String> list() {
    return List.copyOf(found);
  }

  /** Throws one {@link ValidationException} naming every problem recorded, if there is any. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ValidationException(found);
    }
  }
}
