package io.github.mediapackagecdn.aws;

import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.QuotaExceededException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.error.UnexpectedResponseException;
import io.github.mediapackagecdn.core.error.UnknownOutcomeException;
import io.github.mediapackagecdn.core.error.UnsupportedSettingsException;
import io.github.mediapackagecdn.core.error.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The one place where SDK exceptions become the core's {@link ProvisioningException}s. Every translated exception
 * keeps the SDK exception as its cause, with the service's error code and request id. Also the one place where a
 * successful answer that cannot be read as core model values becomes an {@link UnexpectedResponseException}
 * ({@link #parse}), never a {@link ValidationException}: that one means the caller's input.
 *
 * <p>Error codes are matched by name (CloudFront rest-xml {@code Code}, MediaPackage {@code x-amzn-ErrorType},
 * tagging {@code __type}, MediaPackage v2 {@code x-amzn-ErrorType}), not by SDK exception class, so one table covers
 * the four services; only MediaPackage v2's {@code ConflictException} is read further, for its
 * {@code ConflictExceptionType}.
 */
final class AwsErrors {

  private static final Set<String> NOT_FOUND = Set.of("NoSuchDistribution", "NotFoundException", "NoSuchResource",
      // MediaPackage v2
      "ResourceNotFoundException");
  private static final Set<String> STALE_VERSION = Set.of("PreconditionFailed");
  private static final Set<String> ALREADY_EXISTS =
      Set.of("DistributionAlreadyExists", "OriginAccessControlAlreadyExists", "CachePolicyAlreadyExists");
  /**
   * A distribution write naming a cache, origin request or response headers policy that does not exist: 404 in the
   * API model, but the request is refused, not the distribution missing (the port's
   * {@code ResourceNotFoundException} would say it is gone).
   */
  private static final Set<String> NO_SUCH_POLICY =
      Set.of("NoSuchResponseHeadersPolicy", "NoSuchCachePolicy", "NoSuchOriginRequestPolicy");
  /** MediaPackage v2's quota error (402); CloudFront's all start with {@link #QUOTA_PREFIX}. */
  private static final Set<String> QUOTA = Set.of("ServiceQuotaExceededException");
  /** MediaPackage v2's {@code ConflictException} (409), typed by its {@code ConflictExceptionType}. */
  private static final String V2_CONFLICT = "ConflictException";
  /**
   * UNCONFIRMED: the {@code ConflictExceptionType} MediaPackage v2 answers an update whose
   * {@code x-amzn-update-if-match} is not the current ETag with. The API model names no dedicated error ("the update
   * request will be rejected"); its {@code ConflictException} is the one refusal of a state, and of its four types
   * {@code CONFLICTING_OPERATION} is the one that fits. On UpdateChannel and UpdateOriginEndpoint, that type (or a
   * conflict without a type) is read as {@code STALE_VERSION}, as the testkit's fake answers it; everywhere else it
   * stays a conflict {@code IN_USE}.
   */
  static final Set<String> V2_STALE_ETAG_CONFLICT_TYPES = Set.of("CONFLICTING_OPERATION", "");
  /** DeleteDistribution's refusals (409): the distribution is enabled or its disabling is not deployed; in use. */
  private static final Set<String> NOT_DISABLED = Set.of("DistributionNotDisabled");
  private static final Set<String> IN_USE = Set.of("ResourceInUse");
  private static final Set<String> THROTTLED =
      Set.of("Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException");
  private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException", "ForbiddenException");
  private static final Set<String> SERVICE_FAILURE = Set.of(
      "InternalServerErrorException", "ServiceUnavailableException", "InternalServiceException",
      "InternalFailure", "ServiceUnavailable", "InternalServerException",
      // The sweep can be started again: the token only expired.
      "PaginationTokenExpiredException");
  /** CloudFront's quota errors all start with this; MediaPackage's TooManyRequestsException is matched before. */
  private static final String QUOTA_PREFIX = "TooMany";

  /** IAM's denial message: "... is not authorized to perform: cloudfront:UpdateDistribution on resource ...". */
  private static final Pattern DENIED_ACTION = Pattern.compile("perform: ([A-Za-z0-9-]+:[A-Za-z0-9]+)");

  private AwsErrors() {}

  /** Runs one SDK call, translating what it throws. */
  static <T> T call(AwsCall call, String resourceId, Supplier<T> sdkCall) {
    try {
      return sdkCall.get();
    } catch (SdkException e) {
      throw translate(e, call, resourceId);
    }
  }

  /** Runs one SDK call without a result, translating what it throws. */
  static void run(AwsCall call, String resourceId, Runnable sdkCall) {
    try {
      sdkCall.run();
    } catch (SdkException e) {
      throw translate(e, call, resourceId);
    }
  }

  /**
   * Reads a successful answer of {@code call} into core model values. What the model refuses (a channel ARN in
   * another form, an id MediaPackage would never assign, a missing field) becomes an
   * {@link UnexpectedResponseException} that says the call succeeded and, for a write, what it made.
   *
   * @param response the SDK answer, for its request id; may be null (a page of a paginated read)
   */
  static <T> T parse(AwsCall call, String resourceId, AwsResponse response, Supplier<T> reading) {
    try {
      return reading.get();
    } catch (ValidationException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
      String reported = response == null ? null : response.responseMetadata().requestId();
      String requestId = reported == null || "UNKNOWN".equals(reported) ? null : reported;
      StringBuilder text = new StringBuilder(call.toString());
      if (resourceId != null) {
        text.append(" of ").append(resourceId);
      }
      text.append(" succeeded");
      if (call.isWrite()) {
        text.append(" (").append(effect(call)).append(')');
      }
      text.append(", but its answer is not what the API documents, so the library cannot read it: ")
          .append(e.getMessage());
      if (requestId != null) {
        text.append(" [request id ").append(requestId).append(']');
      }
      text.append(". Check the endpoint the client talks to (an emulator may answer in another form)");
      throw new UnexpectedResponseException(text.toString(), requestId, e);
    }
  }

  /** What a write that succeeded has made, for the message of an answer that cannot be read. */
  private static String effect(AwsCall call) {
    return switch (call) {
      case CREATE_CHANNEL -> "the channel was created";
      case UPDATE_CHANNEL -> "the channel was updated";
      case CREATE_ORIGIN_ENDPOINT -> "the endpoint was created";
      case UPDATE_ORIGIN_ENDPOINT -> "the endpoint was updated";
      case CREATE_DISTRIBUTION_WITH_TAGS -> "the distribution was created";
      case UPDATE_DISTRIBUTION -> "the distribution was updated";
      case V2_CREATE_CHANNEL_GROUP -> "the channel group was created";
      case V2_CREATE_CHANNEL -> "the channel was created";
      case V2_UPDATE_CHANNEL -> "the channel was updated";
      case V2_CREATE_ORIGIN_ENDPOINT -> "the endpoint was created";
      case V2_UPDATE_ORIGIN_ENDPOINT -> "the endpoint was updated";
      case CREATE_ORIGIN_ACCESS_CONTROL -> "the origin access control was created";
      case CREATE_CACHE_POLICY -> "the cache policy was created";
      default -> "its change was made";
    };
  }

  /**
   * A distribution whose configuration holds {@code settings} (paths such as {@code DistributionConfig/CacheTagConfig})
   * that the SDK's model does not: writing it back would drop them, so no update was sent.
   */
  static UnsupportedSettingsException unsupportedSettings(String distributionId, List<String> settings) {
    return new UnsupportedSettingsException("distribution " + distributionId + " has settings that this AWS SDK for "
        + "Java does not model: " + String.join(", ", settings) + ". UpdateDistribution replaces the whole "
        + "configuration, so writing it back would drop them: no update was sent. Use a newer AWS SDK for Java 2.x "
        + "for CloudFront (software.amazon.awssdk:cloudfront) whose model has them, then save again.",
        distributionId, settings);
  }

  /**
   * A MediaPackage v2 channel or endpoint holds members the SDK does not model: writing it back would drop them, so
   * nothing was written.
   *
   * @param what {@code channel} or {@code origin endpoint}
   */
  static UnsupportedSettingsException v2UnsupportedSettings(AwsCall update, String what, String resourceId,
      List<String> settings) {
    return new UnsupportedSettingsException("MediaPackage v2 " + what + " " + resourceId + " has settings that this AWS"
        + " SDK for Java does not model: " + String.join(", ", settings) + ". " + update.operation() + " would send it"
        + " back without them: no update was sent. Use a newer AWS SDK for Java 2.x for MediaPackage v2"
        + " (software.amazon.awssdk:mediapackagev2) whose model has them, then save again.", resourceId, settings);
  }

  /** The configuration read by {@code call} could not be compared with what the SDK parsed: no update was sent. */
  static ServiceFailureException unverifiedWriteBack(AwsCall call, String resourceId, String why, Throwable cause) {
    return new ServiceFailureException(describe(call, resourceId, null, why)
        + "; whether writing it back would drop a setting is unknown, so no update was sent", null, null, cause);
  }

  /**
   * The core exception for {@code e}, thrown by {@code call} on the resource {@code resourceId} (may be null).
   *
   * <p>A client-side failure that happened after the request may have been sent (a timeout, a lost connection) is
   * an {@link UnknownOutcomeException} for a write and a {@link ServiceFailureException} for a read.
   */
  static ProvisioningException translate(SdkException e, AwsCall call, String resourceId) {
    if (e instanceof AwsServiceException service) {
      return translateService(service, call, resourceId);
    }
    if (e instanceof SdkServiceException service) {
      return byStatus(service.statusCode(), null, describe(call, resourceId, null, service.getMessage()),
          call, resourceId, service.requestId(), e);
    }
    String what = describe(call, resourceId, null, e.getMessage());
    boolean retried = e.numAttempts() != null && e.numAttempts() > 1;
    if (e instanceof SdkClientException && (mayHaveBeenSent(e) || retried && call.isWrite())) {
      if (call.isWrite()) {
        return new UnknownOutcomeException(what + " (the request may have been applied: read the state, or save again)",
            null, null, e);
      }
      return new ServiceFailureException(what, null, null, e);
    }
    // The request was not sent (credentials, configuration, marshalling): repeating it will fail alike.
    return new ServiceFailureException(what, null, null, e);
  }

  private static ProvisioningException translateService(AwsServiceException e, AwsCall call, String resourceId) {
    AwsErrorDetails details = e.awsErrorDetails();
    String code = details == null ? null : details.errorCode();
    String serviceMessage = details == null ? e.getMessage() : details.errorMessage();
    String requestId = e.requestId();
    String message = describe(call, resourceId, code, serviceMessage);
    if (code != null) {
      if (NO_SUCH_POLICY.contains(code)) {
        return new InvalidRequestException(message, code, requestId, e);
      }
      if (NOT_FOUND.contains(code)) {
        return new ResourceNotFoundException(message, resourceId, code, requestId, e);
      }
      if (STALE_VERSION.contains(code)) {
        return new ResourceConflictException(
            message, ResourceConflictException.Reason.STALE_VERSION, resourceId, code, requestId, e);
      }
      if (ALREADY_EXISTS.contains(code)) {
        return new ResourceConflictException(
            message, ResourceConflictException.Reason.ALREADY_EXISTS, resourceId, code, requestId, e);
      }
      if (NOT_DISABLED.contains(code)) {
        return new ResourceConflictException(
            message, ResourceConflictException.Reason.NOT_DISABLED, resourceId, code, requestId, e);
      }
      if (IN_USE.contains(code)) {
        return new ResourceConflictException(
            message, ResourceConflictException.Reason.IN_USE, resourceId, code, requestId, e);
      }
      if (THROTTLED.contains(code)) {
        return new ThrottledException(message, code, requestId, e);
      }
      if (ACCESS_DENIED.contains(code)) {
        return new AccessDeniedException(message, deniedAction(serviceMessage, call), code, requestId, e);
      }
      if (SERVICE_FAILURE.contains(code)) {
        return new ServiceFailureException(message, code, requestId, e);
      }
      if (V2_CONFLICT.equals(code)) {
        return new ResourceConflictException(message, v2ConflictReason(e, call), resourceId, code, requestId, e);
      }
      if (QUOTA.contains(code) || code.startsWith(QUOTA_PREFIX)) {
        return new QuotaExceededException(message, code, requestId, e);
      }
    }
    if (e.isThrottlingException()) {
      return new ThrottledException(message, code, requestId, e);
    }
    return byStatus(e.statusCode(), code, message, call, resourceId, requestId, e);
  }

  /**
   * The reason of a MediaPackage v2 {@code ConflictException}, from its {@code ConflictExceptionType}:
   * {@code RESOURCE_ALREADY_EXISTS} a name taken, {@code RESOURCE_IN_USE} a resource in use, on an ETag update
   * {@link #V2_STALE_ETAG_CONFLICT_TYPES} a stale ETag (UNCONFIRMED), anything else a resource in use.
   */
  static ResourceConflictException.Reason v2ConflictReason(AwsServiceException e, AwsCall call) {
    String type = e instanceof software.amazon.awssdk.services.mediapackagev2.model.ConflictException conflict
        && conflict.conflictExceptionTypeAsString() != null ? conflict.conflictExceptionTypeAsString() : "";
    if ("RESOURCE_ALREADY_EXISTS".equals(type)) {
      return ResourceConflictException.Reason.ALREADY_EXISTS;
    }
    if (call.isV2EtagUpdate() && V2_STALE_ETAG_CONFLICT_TYPES.contains(type)) {
      return ResourceConflictException.Reason.STALE_VERSION;
    }
    return ResourceConflictException.Reason.IN_USE;
  }

  private static ProvisioningException byStatus(int status, String code, String message, AwsCall call,
      String resourceId, String requestId, SdkException e) {
    if (status == 403) {
      return new AccessDeniedException(message, deniedAction(message, call), code, requestId, e);
    }
    if (status == 404) {
      return new ResourceNotFoundException(message, resourceId, code, requestId, e);
    }
    if (status == 412) {
      return new ResourceConflictException(
          message, ResourceConflictException.Reason.STALE_VERSION, resourceId, code, requestId, e);
    }
    if (status == 429) {
      return new ThrottledException(message, code, requestId, e);
    }
    if (status >= 500) {
      return new ServiceFailureException(message, code, requestId, e);
    }
    // InvalidArgument, InvalidOrigin, InconsistentQuantities, IllegalUpdate, InvalidIfMatchVersion, NoSuchOrigin,
    // UnprocessableEntityException, InvalidParameterException and every other refusal of the request itself.
    return new InvalidRequestException(message, code, requestId, e);
  }

  private static String deniedAction(String serviceMessage, AwsCall call) {
    if (serviceMessage != null) {
      Matcher m = DENIED_ACTION.matcher(serviceMessage);
      if (m.find()) {
        return m.group(1);
      }
    }
    return call.iamActions().get(0);
  }

  /** True for a timeout or an I/O failure, unless the connection could not even be opened. */
  private static boolean mayHaveBeenSent(Throwable e) {
    boolean failedIo = false;
    int depth = 0;
    for (Throwable t = e; t != null && depth < 16; t = t.getCause(), depth++) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
        return false;
      }
      failedIo |= t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
          || t instanceof IOException || t instanceof UncheckedIOException;
    }
    return failedIo;
  }

  private static String describe(AwsCall call, String resourceId, String code, String message) {
    StringBuilder text = new StringBuilder(call.toString());
    if (resourceId != null) {
      text.append(" of ").append(resourceId);
    }
    text.append(" failed");
    if (code != null) {
      text.append(": ").append(code);
    }
    if (message != null && !message.isBlank()) {
      text.append(code == null ? ": " : " - ").append(message);
    }
    return text.toString();
  }
}
