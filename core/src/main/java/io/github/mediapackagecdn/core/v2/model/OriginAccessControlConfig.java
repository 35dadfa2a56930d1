package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;

/**
 * A CloudFront origin access control's settings ({@code OriginAccessControlConfig}).
 *
 * @param name {@code Name}, at most 64 characters, unique in the account
 * @param description {@code Description}
 * @param originType {@code OriginAccessControlOriginType}: {@code s3 | mediastore | mediapackagev2 | lambda}
 * @param signingBehavior {@code SigningBehavior}: {@code never | always | no-override}
 * @param signingProtocol {@code SigningProtocol}: {@code sigv4}
 */
public record OriginAccessControlConfig(
    String name, String description, String originType, String signingBehavior, String signingProtocol) {

  /** {@code OriginAccessControlOriginType} of a MediaPackage v2 origin. */
  public static final String ORIGIN_TYPE_MEDIAPACKAGEV2 = "mediapackagev2";

  /** The longest {@code Name} CloudFront accepts. */
  public static final int MAX_NAME_LENGTH = 64;

  /** Refuses an empty or over-long name and null fields. */
  public OriginAccessControlConfig {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new ValidationException("an origin access control's name has 1 to " + MAX_NAME_LENGTH + " characters");
    }
    if (description == null || originType == null || signingBehavior == null || signingProtocol == null) {
      throw new ValidationException("an origin access control has a description, origin type, signing behaviour"
          + " and protocol");
    }
  }

  /** The one a MediaPackage v2 origin needs: origin type {@code mediapackagev2}, signing {@code always}, {@code sigv4}. */
  public static OriginAccessControlConfig forMediaPackageV2(String name) {
    return new OriginAccessControlConfig(name, "MediaPackage v2 origins, signed by CloudFront (mediapackage-cdn)",
        ORIGIN_TYPE_MEDIAPACKAGEV2, "always", "sigv4");
  }
}
