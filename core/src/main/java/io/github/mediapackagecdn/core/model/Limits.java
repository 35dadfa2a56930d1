package io.github.mediapackagecdn.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Service limits checked before any call; each names its source (the facts and their sources are in the README). The
 * fakes check the same limits through the public members, so that a limit is written once.
 */
public final class Limits {

  /**
   * MediaPackage v1 documents no limit for descriptions; 1024 is MediaPackage v2's {@code ResourceDescription} maximum.
   * UNCONFIRMED for v1.
   */
  static final int MAX_DESCRIPTION_LENGTH = 1024;

  /** CloudFront {@code Comment}: at most 128 characters. */
  public static final int MAX_COMMENT_LENGTH = 128;

  /** {@code comment} as CloudFront takes it: unchanged within {@link #MAX_COMMENT_LENGTH}, else cut, ending in "…". */
  public static String fittedComment(String comment) {
    return comment.length() <= MAX_COMMENT_LENGTH ? comment : comment.substring(0, MAX_COMMENT_LENGTH - 1) + "…";
  }

  /** Tags per resource, for MediaPackage and CloudFront alike. */
  public static final int MAX_TAGS = 50;

  /** CloudFront {@code TagValue}: at most 256 characters (API model). The link tag's value is the channel ARN. */
  public static final int MAX_TAG_VALUE_LENGTH = 256;

  /** CloudFront {@code TagKey} and {@code TagValue} pattern from the API model. */
  private static final Pattern CLOUDFRONT_TAG = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  /** MediaPackage time delay: 5 s to 24 h. */
  static final int MIN_TIME_DELAY_SECONDS = 5;

  static final int MAX_TIME_DELAY_SECONDS = 86_400;

  /** MediaPackage keeps up to 336 h (14 days) of content for startover. */
  static final int MAX_STARTOVER_WINDOW_SECONDS = 1_209_600;

  private static final Pattern IPV4_CIDR = Pattern.compile(
      "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])");

  private Limits() {}

  static void description(Problems problems, String what, String description) {
    problems.check(description.length() <= MAX_DESCRIPTION_LENGTH,
        what + " description has " + description.length() + " characters; at most " + MAX_DESCRIPTION_LENGTH);
  }

  static void comment(Problems problems, String comment) {
    problems.check(comment.length() <= MAX_COMMENT_LENGTH,
        "distribution comment has " + comment.length() + " characters; CloudFront allows at most " + MAX_COMMENT_LENGTH);
  }

  /**
   * MediaPackage tags: keys 1-128, values up to 256, no reserved {@code aws:} prefix; {@code reserved} of the 50 are
   * kept for the library's own tag.
   */
  static void mediaPackageTags(Problems problems, Map<String, String> tags, int reserved) {
    problems.check(tags.size() + reserved <= MAX_TAGS, reserved == 0
        ? "a channel has at most " + MAX_TAGS + " tags, not " + tags.size()
        : "a channel with a distribution has at most " + (MAX_TAGS - reserved) + " tags of its own (the library records"
            + " the distribution on one more), not " + tags.size());
    tags.forEach((key, value) -> {
      problems.check(!key.isEmpty() && key.length() <= 128, "tag key '" + key + "' must have 1 to 128 characters");
      problems.check(value.length() <= 256, "value of tag '" + key + "' has more than 256 characters");
      problems.check(!key.startsWith("aws:"), "tag key '" + key + "' uses the reserved prefix 'aws:'");
    });
  }

  /**
   * CloudFront tags: the MediaPackage rules plus CloudFront's character set, and at most {@code maxTags} of them.
   * Without {@code maxTags}, the count is left to the save, which checks it against the account's quota.
   */
  static void cloudFrontTags(Problems problems, Map<String, String> tags, OptionalInt maxTags) {
    maxTags.ifPresent(max -> problems.check(tags.size() <= max,
        "a distribution has at most " + max + " tags, the link tag included; " + tags.size() + " given"));
    tags.forEach((key, value) -> {
      problems.check(!key.isEmpty() && key.length() <= 128, "distribution tag key '" + key + "' must have 1 to 128 characters");
      problems.check(value.length() <= MAX_TAG_VALUE_LENGTH,
          "value of distribution tag '" + key + "' has more than " + MAX_TAG_VALUE_LENGTH + " characters");
      problems.check(!key.startsWith("aws:"), "distribution tag key '" + key + "' uses the reserved prefix 'aws:'");
      problems.check(CLOUDFRONT_TAG.matcher(key).matches(), "distribution tag key '" + key
          + "' has characters CloudFront refuses (allowed: letters, digits, spaces and _ . : / = + - @)");
      problems.check(CLOUDFRONT_TAG.matcher(value).matches(), "value of distribution tag '" + key
          + "' has characters CloudFront refuses (allowed: letters, digits, spaces and _ . : / = + - @)");
    });
  }

  /**
   * What CloudFront refuses in a distribution's {@code tags} (count, key and value lengths, the {@code aws:} prefix,
   * its character set), one problem each; empty when CloudFront accepts them.
   */
  public static List<String> cloudFrontTagProblems(Map<String, String> tags) {
    return cloudFrontTagProblems(tags, MAX_TAGS);
  }

  /** As {@link #cloudFrontTagProblems(Map)}, for an account whose quota of tags a distribution is {@code maxTags}. */
  public static List<String> cloudFrontTagProblems(Map<String, String> tags, int maxTags) {
    Problems problems = new Problems();
    cloudFrontTags(problems, tags, OptionalInt.of(maxTags));
    return problems.list();
  }

  /**
   * The problem of a channel ARN too long to be the value of the link tag, if it is: CloudFront refuses a tag value
   * over {@value #MAX_TAG_VALUE_LENGTH} characters ({@code InvalidTagging}), so such a channel could never get its
   * distribution.
   *
   * @param channel the channel, as the problem names it
   * @param arnLength the length of the channel's ARN; with {@code atLeast}, the least it can have
   * @param atLeast whether {@code arnLength} is a lower bound (the Region is not known yet)
   */
  public static Optional<String> linkTagValueProblem(String channel, int arnLength, boolean atLeast) {
    if (arnLength <= MAX_TAG_VALUE_LENGTH) {
      return Optional.empty();
    }
    return Optional.of("the ARN of channel " + channel + " has " + (atLeast ? "at least " : "") + arnLength
        + " characters, and it is the value of the distribution's link tag: CloudFront allows at most "
        + MAX_TAG_VALUE_LENGTH + " characters in a tag value; shorten the names by "
        + (arnLength - MAX_TAG_VALUE_LENGTH) + " characters or more");
  }

  /**
   * What MediaPackage refuses in a channel's {@code tags} (count, key and value lengths, the {@code aws:} prefix), one
   * problem each, with {@code reserved} of the {@value #MAX_TAGS} kept for the library's own channel tag; empty when
   * MediaPackage accepts them. For v2 channels, which no other check in this package sees.
   */
  public static List<String> mediaPackageTagProblems(Map<String, String> tags, int reserved) {
    Problems problems = new Problems();
    mediaPackageTags(problems, tags, reserved);
    return problems.list();
  }

  /** Time delay, startover window and IP allow list of an endpoint. */
  static void endpointWindows(
      Problems problems, Integer startoverWindowSeconds, Integer timeDelaySeconds, List<String> whitelist) {
    if (timeDelaySeconds != null) {
      problems.check(timeDelaySeconds >= MIN_TIME_DELAY_SECONDS && timeDelaySeconds <= MAX_TIME_DELAY_SECONDS,
          "time delay " + timeDelaySeconds + " s is outside 5 s to 86400 s");
    }
    if (startoverWindowSeconds != null) {
      problems.check(startoverWindowSeconds > 0 && startoverWindowSeconds <= MAX_STARTOVER_WINDOW_SECONDS,
          "startover window " + startoverWindowSeconds + " s is outside 1 s to 1209600 s (14 days)");
    }
    if (timeDelaySeconds != null && startoverWindowSeconds != null) {
      problems.check(timeDelaySeconds < startoverWindowSeconds,
          "time delay (" + timeDelaySeconds + " s) must be shorter than the startover window ("
              + startoverWindowSeconds + " s)");
    }
    for (String cidr : whitelist) {
      problems.check(IPV4_CIDR.matcher(cidr).matches(), "'" + cidr + "' is not an IPv4 CIDR block such as 192.0.2.0/24");
    }
  }
}
