package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * The settings in which {@code found} differs from these, each as {@code Member: found value (wanted value)}: the
   * origin type and the signing behaviour and protocol (the name is how it was found, the description says nothing to
   * CloudFront). Empty when it signs as these do.
   */
  public List<String> differences(OriginAccessControlConfig found) {
    List<String> differences = new ArrayList<>();
    if (!found.originType.equals(originType)) {
      differences.add("OriginAccessControlOriginType: " + found.originType + " (" + originType + " wanted)");
    }
    if (!found.signingBehavior.equals(signingBehavior)) {
      differences.add("SigningBehavior: " + found.signingBehavior + " (" + signingBehavior + " wanted)");
    }
    if (!found.signingProtocol.equals(signingProtocol)) {
      differences.add("SigningProtocol: " + found.signingProtocol + " (" + signingProtocol + " wanted)");
    }
    return differences;
  }
}
