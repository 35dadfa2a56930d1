package io.github.mediapackagecdn.core.error;

import java.util.Optional;

/** The resource is not in the state the call expected; {@link #reason()} says how. */
public final class ResourceConflictException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  /** How the state differed from what the call expected. */
  public enum Reason {
    /** The ETag sent in {@code If-Match} is no longer current (CloudFront {@code PreconditionFailed}, HTTP 412). */
    STALE_VERSION,
    /** The resource already exists (a reused CallerReference, a channel or endpoint id already taken). */
    ALREADY_EXISTS,
    /** More than one distribution carries the link tag of one channel: the library never guesses which is meant. */
    AMBIGUOUS_LINK,
    /** The resource is still used by another one (a channel that still has endpoints). */
    IN_USE,
    /**
     * The distribution cannot be deleted yet: it is enabled, or its disabling is not deployed (CloudFront
     * {@code DistributionNotDisabled}, HTTP 409).
     */
    NOT_DISABLED,
    /** The distribution's link tag stopped naming the channel while it was being removed: it is left as it is. */
    LINK_CHANGED,
    /**
     * The channel origin already sends a CDN identifier other than the one an endpoint uses: CloudFront would keep
     * sending the old one and MediaPackage would answer 403. The library does not rotate identifiers.
     */
    CDN_IDENTIFIER_MISMATCH,
    /**
     * The distribution does not serve every endpoint of the channel (it is disabled, or does not route an endpoint to
     * it), so its CDN URLs cannot be given out.
     */
    NOT_SERVED,
    /** The resource has a setting that can never change, such as a v2 channel's input type, and the spec differs. */
    IMMUTABLE_SETTING,
    /**
     * A CloudFront setting the library shares across the account by its name (the v2 origin access control, a v2 cache
     * policy) exists under that name with other settings than the library's: the library neither uses nor changes it.
     */
    SHARED_POLICY_MISMATCH
  }

  private final Reason reason;
  private final String resourceId;

  /** A conflict found by the library, with its reason and the id of the resource (or {@code null} if unknown). */
  public ResourceConflictException(String message, Reason reason, String resourceId) {
    this(message, reason, resourceId, null, null, null);
  }

  /** A conflict the service reported, with its error code, request id and the SDK exception as cause. */
  public ResourceConflictException(
      String message, Reason reason, String resourceId, String errorCode, String requestId, Throwable cause) {
    super(message, errorCode, requestId, cause);
    this.reason = reason;
    this.resourceId = resourceId;
  }

  /** How the resource's state differed from what the call expected. */
  public Reason reason() {
    return reason;
  }

  /** The id of the resource in conflict, when known. */
  public Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  /** A stale ETag can be resolved by reading again; the other reasons need a different request. */
  @Override
  public boolean retryable() {
    return reason == Reason.STALE_VERSION;
  }
}
