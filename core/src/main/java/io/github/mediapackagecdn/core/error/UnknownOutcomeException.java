package io.github.mediapackagecdn.core.error;

/** A write whose outcome is unknown: the call timed out or lost its connection after it was sent, so the service may or may not have acted. Saving again is safe: the library's writes are idempotent. */
public final class UnknownOutcomeException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  public UnknownOutcomeException(String message) {
    this(message, null, null, null);
  }

  public UnknownOutcomeException(String message, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
