package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;

/** A distribution's deployment status: {@code InProgress} while changes propagate, then {@code Deployed}. */
public enum DistributionStatus {
  /** CloudFront is still propagating the last change to its edge locations. */
  IN_PROGRESS("InProgress"),
  /** Every edge location has the distribution's current configuration: players can use it. */
  DEPLOYED("Deployed");

  private final String wireName;

  DistributionStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The status as CloudFront writes it. */
  public String wireName() {
    return wireName;
  }

  /** The status CloudFront wrote as {@code value}, such as {@code Deployed}. */
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
