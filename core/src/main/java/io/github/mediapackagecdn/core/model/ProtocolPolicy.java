package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;

/** CloudFront's protocol policies: {@code OriginProtocolPolicy} for origins, {@code ViewerProtocolPolicy} for viewers. */
public enum ProtocolPolicy {
  /** Origin policy: CloudFront reaches the origin over HTTP only. */
  HTTP_ONLY("http-only"),
  /** Origin policy: CloudFront uses the viewer's protocol. */
  MATCH_VIEWER("match-viewer"),
  /** Origin or viewer policy: HTTPS only. */
  HTTPS_ONLY("https-only"),
  /** Viewer policy: HTTP and HTTPS are both served. */
  ALLOW_ALL("allow-all"),
  /** Viewer policy: HTTP requests are redirected to HTTPS. */
  REDIRECT_TO_HTTPS("redirect-to-https");

  private final String wireName;

  ProtocolPolicy(String wireName) {
    this.wireName = wireName;
  }

  /** The policy as CloudFront writes it, such as {@code https-only}. */
  public String wireName() {
    return wireName;
  }

  /** The policy CloudFront wrote as {@code value}. */
  public static ProtocolPolicy fromWire(String value) {
    for (ProtocolPolicy policy : values()) {
      if (policy.wireName.equals(value)) {
        return policy;
      }
    }
    throw new ValidationException("unknown protocol policy '" + value + "'");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
