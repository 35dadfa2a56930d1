package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;

/** CloudFront's protocol policies: {@code OriginProtocolPolicy} for origins, {@code ViewerProtocolPolicy} for viewers. */
public enum ProtocolPolicy {
  HTTP_ONLY("http-only"),
  MATCH_VIEWER("match-viewer"),
  HTTPS_ONLY("https-only"),
  ALLOW_ALL("allow-all"),
  REDIRECT_TO_HTTPS("redirect-to-https");

  private final String wireName;

  ProtocolPolicy(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

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
