package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.Optional;

/**
 * An origin endpoint's policy ({@code GetOriginEndpointPolicyResponse}, {@code PutOriginEndpointPolicyRequest}): the
 * IAM policy document as JSON text ({@code Policy}, at most 6,144 characters) and the CDN authorization
 * ({@code CdnAuthConfiguration}) if the endpoint uses it. A value: the library never edits the text in place, it
 * computes a new one.
 *
 * @param document {@code Policy}, the JSON policy document
 * @param cdnAuthorization {@code CdnAuthConfiguration}, empty when the endpoint does not use CDN authorization
 */
public record EndpointPolicy(String document, Optional<CdnAuthConfiguration> cdnAuthorization) {

  /** Refuses a null or over-long document. */
  public EndpointPolicy {
    if (document == null || cdnAuthorization == null) {
      throw new ValidationException("an endpoint policy has a document and an optional CDN authorization");
    }
    if (document.length() > V2Limits.MAX_POLICY_LENGTH) {
      throw new ValidationException("the endpoint policy has " + document.length() + " characters; MediaPackage"
          + " allows at most " + V2Limits.MAX_POLICY_LENGTH);
    }
  }

  /** A policy without CDN authorization. */
  public static EndpointPolicy of(String document) {
    return new EndpointPolicy(document, Optional.empty());
  }

  /** A policy with CDN authorization. */
  public static EndpointPolicy of(String document, CdnAuthConfiguration cdnAuthorization) {
    return new EndpointPolicy(document, Optional.of(cdnAuthorization));
  }
}
