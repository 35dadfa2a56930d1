package io.github.mediapackagecdn.core.error;

/** The service rejected the request as invalid ({@code InvalidArgument}, {@code InvalidOrigin}, {@code InconsistentQuantities}, {@code IllegalUpdate}, {@code UnprocessableEntityException}, ...). */
public final class InvalidRequestException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  /** A request the library knows the service would refuse. */
  public InvalidRequestException(String message) {
    this(message, null, null, null);
  }

  /** A request the service refused, with its error code, request id and the SDK exception as cause. */
  public InvalidRequestException(String message, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
  }
}
