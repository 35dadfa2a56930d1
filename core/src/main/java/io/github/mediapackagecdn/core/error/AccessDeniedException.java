package io.github.mediapackagecdn.core.error;

import java.util.Optional;

/** The caller's IAM identity may not perform an action; {@link #action()} names it, such as {@code cloudfront:UpdateDistribution}. */
public final class AccessDeniedException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  private final String action;

  /** An access denial found by the library, naming the IAM {@code action} (or {@code null} if unknown). */
  public AccessDeniedException(String message, String action) {
    this(message, action, null, null, null);
  }

  /** An access denial the service answered, with its error code, request id and the SDK exception as cause. */
  public AccessDeniedException(String message, String action, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
    this.action = action;
  }

  /** The IAM action that was denied, when known. */
  public Optional<String> action() {
    return Optional.ofNullable(action);
  }
}
