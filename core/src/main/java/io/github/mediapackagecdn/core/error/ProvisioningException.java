package io.github.mediapackagecdn.core.error;

import java.util.Optional;

/**
 * Root of every error the library raises: unchecked, sealed, one subtype per way a use case can fail.
 *
 * <p>Errors that come from AWS carry the service's error code (for example {@code PreconditionFailed}) and request id,
 * and keep the SDK exception as their cause.
 */
public abstract sealed class ProvisioningException extends RuntimeException
    permits ValidationException,
        ResourceNotFoundException,
        ResourceConflictException,
        ThrottledException,
        QuotaExceededException,
        InvalidRequestException,
        AccessDeniedException,
        ServiceFailureException,
        UnexpectedResponseException,
        UnknownOutcomeException,
        UnsupportedSettingsException,
        DeploymentTimeoutException {

  private static final long serialVersionUID = 1L;

  private final String errorCode;
  private final String requestId;

  ProvisioningException(String message, String errorCode, String requestId, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
    this.requestId = requestId;
  }

  /** The service's error code, such as {@code NoSuchDistribution}, when the error came from a service. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The service's request id, when the error came from a service and it sent one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The class name, marked as this library's (its simple names, such as {@code AccessDeniedException}, are also SDK
   * names), the AWS error code and request id when the error came from AWS, and the message. The SDK exception, with
   * its own request id, is the {@linkplain #getCause() cause}.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(getClass().getName()).append(" (mediapackage-cdn");
    errorCode().ifPresent(code -> text.append("; AWS error ").append(code));
    requestId().ifPresent(id -> text.append("; request id ").append(id));
    text.append(')');
    String message = getLocalizedMessage();
    return message == null ? text.toString() : text.append(": ").append(message).toString();
  }

  /** Whether repeating the same call later may succeed without any change to the input. */
  public boolean retryable() {
    return false;
  }
}
