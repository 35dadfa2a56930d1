package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;

/**
 * A CloudFront origin access control as read ({@code OriginAccessControl}, {@code OriginAccessControlSummary}).
 *
 * @param id {@code Id}, what an origin names in {@code OriginAccessControlId}
 * @param config its {@code OriginAccessControlConfig}
 */
public record OriginAccessControl(String id, OriginAccessControlConfig config) {

  /** Refuses an empty id. */
  public OriginAccessControl {
    if (id == null || id.isEmpty() || config == null) {
      throw new ValidationException("an origin access control has an id and a configuration");
    }
  }
}
