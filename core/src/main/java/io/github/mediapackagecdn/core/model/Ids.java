package io.github.mediapackagecdn.core.model;

import java.util.regex.Pattern;

/** MediaPackage's rule for channel, endpoint and manifest ids: letters, digits, '_' and '-', 1 to 256 characters. */
final class Ids {

  static final int MAX_LENGTH = 256;
  private static final Pattern ALLOWED = Pattern.compile("[0-9A-Za-z_-]+");

  private Ids() {}

  static void check(Problems problems, String what, String value) {
    if (value == null || value.isEmpty()) {
      problems.add(what + " is empty; MediaPackage needs 1 to 256 letters, digits, '_' or '-'");
    } else if (value.length() > MAX_LENGTH) {
      problems.add(what + " has " + value.length() + " characters; MediaPackage allows at most 256");
    } else if (!ALLOWED.matcher(value).matches()) {
      problems.add(what + " '" + value + "' may contain only letters, digits, '_' and '-' (no spaces)");
    }
  }

  static String require(String what, String value) {
    Problems problems = new Problems();
    check(problems, what, value);
    problems.throwIfAny();
    return value;
  }
}
