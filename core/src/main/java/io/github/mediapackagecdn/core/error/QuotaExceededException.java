package io.github.mediapackagecdn.core.error;

/** A service quota would be exceeded: too many origins, cache behaviours, distributions, channels or endpoints. */
public final class QuotaExceededException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  public QuotaExceededException(String message) {
    this(message, null, null, null);
  }

  public QuotaExceededException(String message, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
  }
}
