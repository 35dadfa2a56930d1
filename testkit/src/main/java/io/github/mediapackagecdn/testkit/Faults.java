package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.error.UnknownOutcomeException;
import java.util.function.Supplier;

/** Ready-made faults, each the error an adapter raises for what AWS does. */
public final class Faults {

  private Faults() {}

  /** CloudFront {@code Throttling: Rate exceeded} (or its MediaPackage and tagging twins), after the SDK's retries. */
  public static Supplier<RuntimeException> throttled(Operation operation) {
    return () -> new ThrottledException("Rate exceeded", throttlingCode(operation), "fake-request", null);
  }

  /** An HTTP 503 the SDK's retries did not get past. */
  public static Supplier<RuntimeException> serviceUnavailable(Operation operation) {
    return () -> new ServiceFailureException(
        operation.apiName() + ": service unavailable", "ServiceUnavailable", "fake-request", null);
  }

  /** A call whose connection was lost: the caller cannot tell whether AWS acted. */
  public static Supplier<RuntimeException> lostResponse(Operation operation) {
    return () -> new UnknownOutcomeException(
        operation.apiName() + ": connection reset before the response arrived", null, null, null);
  }

  private static String throttlingCode(Operation operation) {
    switch (operation.service()) {
      case "cloudfront":
        return "Throttling";
      case "mediapackage":
        return "TooManyRequestsException";
      case "mediapackagev2":
        return "ThrottlingException";
      default:
        return "ThrottledException";
    }
  }
}
