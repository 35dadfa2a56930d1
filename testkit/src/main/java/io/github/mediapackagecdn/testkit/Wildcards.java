package io.github.mediapackagecdn.testkit;

import java.util.Locale;

/**
 * The wildcard match CloudFront's path patterns and IAM's {@code *Like} operators, actions and resources share:
 * {@code *} matches any run of characters (none, and {@code /} too), {@code ?} exactly one, every other character
 * itself.
 */
final class Wildcards {

  private Wildcards() {}

  /**
   * Whether a cache behaviour's path pattern applies to a request path, as CloudFront's Developer Guide ("Path
   * pattern") says: case-sensitive, a leading {@code /} optional on the pattern (and so on the path), the query
   * string not considered (give the path without it).
   */
  static boolean pathPatternMatches(String pathPattern, String requestPath) {
    return matches(withoutLeadingSlash(pathPattern), withoutLeadingSlash(requestPath));
  }

  /** Whether {@code value} matches {@code pattern}, case-sensitively. */
  static boolean matches(String pattern, String value) {
    return matchFrom(pattern, 0, value, 0);
  }

  /** Whether {@code value} matches {@code pattern}, ignoring case (IAM actions). */
  static boolean matchesIgnoringCase(String pattern, String value) {
    return matches(pattern.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT));
  }

  private static boolean matchFrom(String pattern, int p, String value, int v) {
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '*') {
        while (p < pattern.length() && pattern.charAt(p) == '*') {
          p++; // a run of stars is one star
        }
        if (p == pattern.length()) {
          return true;
        }
        for (int from = v; from <= value.length(); from++) {
          if (matchFrom(pattern, p, value, from)) {
            return true;
          }
        }
        return false;
      }
      if (v >= value.length() || (c != '?' && c != value.charAt(v))) {
        return false;
      }
      p++;
      v++;
    }
    return v == value.length();
  }

  private static String withoutLeadingSlash(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
