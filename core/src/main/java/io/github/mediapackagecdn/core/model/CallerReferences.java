package io.github.mediapackagecdn.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The CallerReference of a channel's distribution, derived from the channel's ARN (MediaPackage v1 or v2), so that
 * two instances saving the same channel at once cannot create two distributions.
 */
public final class CallerReferences {

  private CallerReferences() {}

  /**
   * {@code mediapackage-cdn-<first 16 bytes of SHA-256(arn), hex>-<generation>}; a new generation is taken when a
   * distribution that is no longer linked holds the reference.
   *
   * @param channelArn the channel's ARN, as MediaPackage gives it
   * @param generation 0 for the first distribution of the channel
   */
  public static String of(String channelArn, int generation) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(channelArn.getBytes(StandardCharsets.UTF_8));
      return "mediapackage-cdn-" + HexFormat.of().formatHex(digest, 0, 16) + "-" + generation;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
