package io.github.mediapackagecdn.core.error;

import java.util.List;

/**
 * Input the library refuses before any call to AWS. Lists every problem found at once, not only the first.
 */
public final class ValidationException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** One problem; also the constructor Immutables uses for missing required attributes. */
  public ValidationException(String problem) {
    this(List.of(problem));
  }

  public ValidationException(List<String> problems) {
    super(message(problems), null, null, null);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation error needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  private static String message(List<String> problems) {
    return problems.size() == 1
        ? problems.get(0)
        : problems.size() + " problems: " + String.join("; ", problems);
  }

  /** Every problem found, in the order they were checked. */
  public List<String> problems() {
    return problems;
  }
}
