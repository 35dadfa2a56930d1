package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.regex.Pattern;

/** A CloudFront distribution id, such as {@code E1U5RQF7T870K0}: upper-case letters and digits. */
public record DistributionId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{1,64}");

  /** Refuses a value that is not a CloudFront distribution id. */
  public DistributionId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new ValidationException(
          "distribution id '" + value + "' is not a CloudFront distribution id (upper-case letters and digits)");
    }
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
