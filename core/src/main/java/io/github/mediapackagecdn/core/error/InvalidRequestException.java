package io.github.mediapackagecdn.core.error;

/** The service rejected the request as invalid ({@code InvalidArgument}, {@code InvalidOrigin}, {@code InconsistentQuantities}, {@code IllegalUpdate}, {@code UnprocessableEntityException}, ...). */
public final class InvalidRequestException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    this(message, null, null, null);
  }

  public InvalidRequestException(String message, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
  }
}
