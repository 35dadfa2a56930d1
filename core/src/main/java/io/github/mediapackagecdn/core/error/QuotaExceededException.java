package io.github.mediapackagecdn.core.error;

/** A service quota would be exceeded: too many origins, cache behaviours, distributions, channels or endpoints. */
public final class QuotaExceededException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  /** A quota the library knows would be exceeded. */
  public QuotaExceededException(String message) {
    this(message, null, null, null);
  }

  /** A quota the service reported exceeded, with its error code, request id and the SDK exception as cause. */
  public QuotaExceededException(String message, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
  }
}
