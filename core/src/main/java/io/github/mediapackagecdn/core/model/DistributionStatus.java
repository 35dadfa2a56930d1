package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;

/** A distribution's deployment status: {@code InProgress} while changes propagate, then {@code Deployed}. */
public enum DistributionStatus {
  IN_PROGRESS("InProgress"),
  DEPLOYED("Deployed");

  private final String wireName;

  DistributionStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The status as CloudFront writes it. */
  public String wireName() {
    return wireName;
  }

  public static DistributionStatus fromWire(String value) {
    for (DistributionStatus status : values()) {
      if (status.wireName.equals(value)) {
        return status;
      }
    }
    throw new ValidationException("unknown distribution status '" + value + "'");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
