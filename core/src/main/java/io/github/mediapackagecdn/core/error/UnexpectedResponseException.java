package io.github.mediapackagecdn.core.error;

/**
 * AWS (or an AWS-compatible endpoint) answered a call with success, but the library cannot read the answer as the
 * API documents it: for example a channel ARN in another form. A service or response problem, never bad input: when
 * the call was a write, its change was made, and the message says what was made (such as "the channel was created").
 * Not retryable: the same answer would come back; check the endpoint the client talks to.
 */
public final class UnexpectedResponseException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  /**
   * An answer the library cannot read.
   *
   * @param message what the call was, what it did and what could not be read
   * @param requestId the service's request id of the answer, or null
   * @param cause what reading the answer threw
   */
  public UnexpectedResponseException(String message, String requestId, Throwable cause) {
    super(message, null, requestId, cause);
  }
}
