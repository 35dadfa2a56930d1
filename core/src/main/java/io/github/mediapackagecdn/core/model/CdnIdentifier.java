package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;

/**
 * The secret value CloudFront sends in the CDN identifier header of the endpoint's origin when an endpoint uses CDN
 * authorization: {@code X-MediaPackage-CDNIdentifier} for MediaPackage v1, {@code X-MediaPackageV2-CDNIdentifier} for
 * v2. Never printed: {@link #toString()} is redacted.
 */
public final class CdnIdentifier {

  /** The longest identifier MediaPackage v1 accepts; v2 accepts up to {@value #MAX_LENGTH}. */
  public static final int MAX_V1_LENGTH = 128;

  /** The longest identifier MediaPackage accepts (v2's rule; v1's is {@value #MAX_V1_LENGTH}). */
  public static final int MAX_LENGTH = 256;

  private final String value;

  private CdnIdentifier(String value) {
    this.value = value;
  }

  /**
   * MediaPackage recommends a UUID; any value of 8 to {@value #MAX_LENGTH} characters without control characters is
   * accepted here, and MediaPackage v1's saves refuse one longer than {@value #MAX_V1_LENGTH}.
   */
  public static CdnIdentifier of(String value) {
    if (value == null || value.length() < 8 || value.length() > MAX_LENGTH
        || value.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException("a CDN identifier has 8 to " + MAX_LENGTH + " printable characters (MediaPackage"
          + " v1 allows " + MAX_V1_LENGTH + "; a UUID is recommended)");
    }
    return new CdnIdentifier(value);
  }

  /** Whether MediaPackage v1 accepts it: at most {@value #MAX_V1_LENGTH} characters. */
  public boolean fitsMediaPackageV1() {
    return value.length() <= MAX_V1_LENGTH;
  }

  /** The secret itself, for the origin's custom header only. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CdnIdentifier other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "CdnIdentifier{****}";
  }
}
