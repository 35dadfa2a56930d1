package io.github.mediapackagecdn.core.error;

/** A distribution did not reach {@code Deployed} within the time the caller was willing to wait. Nothing failed; waiting again is safe. */
public final class DeploymentTimeoutException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  /** A wait for {@code Deployed} that ran out of time. */
  public DeploymentTimeoutException(String message) {
    this(message, null, null, null);
  }

  /** A wait that ran out of time, with the service's error code, request id and cause when a service call ended it. */
  public DeploymentTimeoutException(String message, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
