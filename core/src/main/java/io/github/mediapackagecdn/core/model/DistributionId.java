package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.regex.Pattern;

/** A CloudFront distribution id, such as {@code E1U5RQF7T870K0}: upper-case letters and digits. */
public record DistributionId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{1,64}");

  /** Refuses a value that is not a CloudFront distribution id. */
  public DistributionId {
    if (!isValid(value)) {
      throw new ValidationException(
          "distribution id '" + value + "' is not a CloudFront distribution id (upper-case letters and digits)");
    }
  }

  /** Whether {@code value} is a CloudFront distribution id: 1 to 64 upper-case letters and digits. */
  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  /** The distribution id {@code value}, checked. */
  public static DistributionId of(String value) {
    return new DistributionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
