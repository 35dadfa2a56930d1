package io.github.mediapackagecdn.core.error;

/** The service refused the call because of its request rate (CloudFront {@code Throttling}, MediaPackage {@code TooManyRequestsException}, tagging {@code ThrottledException}). Retryable. */
public final class ThrottledException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  /** A call refused for its rate. */
  public ThrottledException(String message) {
    this(message, null, null, null);
  }

  /** A call the service refused for its rate, with its error code, request id and the SDK exception as cause. */
  public ThrottledException(String message, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
