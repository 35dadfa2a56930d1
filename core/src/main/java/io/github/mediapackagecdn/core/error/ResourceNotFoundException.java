package io.github.mediapackagecdn.core.error;

import java.util.Optional;

/** A channel, endpoint or distribution that does not exist (CloudFront {@code NoSuchDistribution}, MediaPackage {@code NotFoundException}). */
public final class ResourceNotFoundException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  private final String resourceId;

  /** A missing resource found by the library, with its id (or {@code null} if unknown). */
  public ResourceNotFoundException(String message, String resourceId) {
    this(message, resourceId, null, null, null);
  }

  /** A missing resource the service reported, with its error code, request id and the SDK exception as cause. */
  public ResourceNotFoundException(
      String message, String resourceId, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
    this.resourceId = resourceId;
  }

  /** The id of the resource that was not found, when known. */
  public Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }
}
