package io.github.mediapackagecdn.core.error;

import java.util.Optional;

/** The caller's IAM identity may not perform an action; {@link #action()} names it, such as {@code cloudfront:UpdateDistribution}. */
public final class AccessDeniedException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  private final String action;

  public AccessDeniedException(String message, String action) {
    this(message, action, null, null, null);
  }

  public AccessDeniedException(String message, String action, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
    this.action = action;
  }

  /** The IAM action that was denied, when known. */
  public Optional<String> action() {
    return Optional.ofNullable(action);
  }
}
