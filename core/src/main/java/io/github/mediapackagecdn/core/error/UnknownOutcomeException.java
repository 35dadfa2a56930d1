package io.github.mediapackagecdn.core.error;

/** A write whose outcome is unknown: the call timed out or lost its connection after it was sent, so the service may or may not have acted. Saving again is safe: the library's writes are idempotent. */
public final class UnknownOutcomeException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  /** A write whose outcome the library cannot know. */
  public UnknownOutcomeException(String message) {
    this(message, null, null, null);
  }

  /** A write whose outcome is unknown, with the error code and request id if any and the SDK exception as cause. */
  public UnknownOutcomeException(String message, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
