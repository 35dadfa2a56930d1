package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;

/**
 * The secret value CloudFront sends in the {@code X-MediaPackage-CDNIdentifier} header when an endpoint uses CDN
 * authorization. Never printed: {@link #toString()} is redacted.
 */
public final class CdnIdentifier {

  private final String value;

  private CdnIdentifier(String value) {
    this.value = value;
  }

  /** MediaPackage recommends a UUID; any value of 8 to 128 characters without control characters is accepted. */
  public static CdnIdentifier of(String value) {
    if (value == null || value.length() < 8 || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException("a CDN identifier has 8 to 128 printable characters (a UUID is recommended)");
    }
    return new CdnIdentifier(value);
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
