package io.github.mediapackagecdn.core.error;

/** The service failed (HTTP 5xx) and kept failing after the SDK's retries. Retryable. */
public final class ServiceFailureException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  /** A service failure the library saw. */
  public ServiceFailureException(String message) {
    this(message, null, null, null);
  }

  /** A service failure, with the service's error code, request id and the SDK exception as cause. */
  public ServiceFailureException(String message, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
