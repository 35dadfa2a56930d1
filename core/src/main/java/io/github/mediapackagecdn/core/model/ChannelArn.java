package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARN MediaPackage assigns a channel, {@code arn:aws:mediapackage:<region>:<account>:channels/<32 hex>}. It is the
 * value of the link tag that ties a distribution to its channel.
 */
public record ChannelArn(String value) {

  private static final Pattern FORMAT =
      Pattern.compile("arn:(aws[a-z-]*):mediapackage:([a-z0-9-]+):([0-9]{12}):channels/([0-9A-Za-z_-]{1,256})");

  /** Refuses a value that is not a MediaPackage channel ARN. */
  public ChannelArn {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new ValidationException("'" + value
          + "' is not a MediaPackage channel ARN (arn:aws:mediapackage:<region>:<account>:channels/<id>)");
    }
  }

  /** The channel ARN {@code value}, checked. */
  public static ChannelArn of(String value) {
    return new ChannelArn(value);
  }

  /** The AWS partition, such as {@code aws}. */
  public String partition() {
    return part(1);
  }

  /** The MediaPackage region, such as {@code us-west-2}. */
  public String region() {
    return part(2);
  }

  /** The twelve-digit AWS account id. */
  public String accountId() {
    return part(3);
  }

  private String part(int group) {
    Matcher m = FORMAT.matcher(value);
    if (!m.matches()) {
      throw new IllegalStateException(value);
    }
    return m.group(group);
  }

  @Override
  public String toString() {
    return value;
  }
}
