package io.github.mediapackagecdn.core.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Input the library refuses before any call to AWS. Lists every problem found at once, not only the first.
 */
public final class ValidationException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  /** An {@link ArrayList}, not {@code List}, so that the exception stays serializable with its problems. */
  private final ArrayList<String> problems;

  /** One problem; also the constructor Immutables uses for missing required attributes. */
  public ValidationException(String problem) {
    this(List.of(problem));
  }

  /** Every problem found; at least one. */
  public ValidationException(List<String> problems) {
    super(message(problems), null, null, null);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation error needs at least one problem");
    }
    this.problems = new ArrayList<>(List.copyOf(problems));
  }

  /** Throws one {@link ValidationException} naming every problem in {@code problems}; does nothing if there is none. */
  public static void throwIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  private static String message(List<String> problems) {
    return problems.size() == 1
        ? problems.get(0)
        : problems.size() + " problems: " + String.join("; ", problems);
  }

  /** Every problem found, in the order they were checked. */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }
}
