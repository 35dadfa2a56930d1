package io.github.mediapackagecdn.core.v2.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MediaPackage v2's name rules and quotas, checked before any call, each written once and used by the facade, the
 * fakes and the adapter. Names and lengths are from the {@code mediapackagev2} 2022-12-25 API model; the quotas from
 * the v2 user guide's quotas page (not in the API model).
 */
public final class V2Limits {

  /** Channel groups per account and region (v2 user guide, quotas). */
  public static final int MAX_CHANNEL_GROUPS = 3;

  /** Channels per channel group (v2 user guide, quotas). */
  public static final int MAX_CHANNELS_PER_GROUP = 10;

  /** Origin endpoints per channel (v2 user guide, quotas). */
  public static final int MAX_ENDPOINTS_PER_CHANNEL = 10;

  /** Manifests per origin endpoint, all four kinds together (v2 user guide, quotas). */
  public static final int MAX_MANIFESTS_PER_ENDPOINT = 25;

  /** {@code ResourceName} (channel group, channel, endpoint names): 1 to 256 characters. */
  public static final int MAX_NAME_LENGTH = 256;

  /** {@code ResourceName}'s pattern: letters, digits, {@code _} and {@code -}. */
  public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");

  /** {@code ManifestName}'s pattern, for manifests created or updated: letters, digits and {@code -} (no {@code _}). */
  public static final Pattern MANIFEST_NAME = Pattern.compile("[a-zA-Z0-9-]+");

  /** {@code ResourceDescription}: at most 1,024 characters. */
  public static final int MAX_DESCRIPTION_LENGTH = 1024;

  /** {@code PolicyText}: an endpoint policy has at most 6,144 characters. */
  public static final int MAX_POLICY_LENGTH = 6144;

  /**
   * The shortest a channel group's ARN can be before its name: partition {@code aws} and a Region of 9 characters,
   * the shortest there is ({@code us-east-1}). The ARN format {@code
   * arn:aws:mediapackagev2:<region>:<account>:channelGroup/<group>} is UNCONFIRMED (not in the API model).
   */
  static final String SHORTEST_GROUP_ARN_PREFIX = "arn:aws:mediapackagev2:us-east-1:123456789012:channelGroup/";

  private V2Limits() {}

  /** The ARN of channel {@code channel} of the group whose ARN is {@code groupArn}: {@code <group ARN>/channel/<name>}. */
  public static String channelArn(String groupArn, String channel) {
    return groupArn + "/channel/" + channel;
  }

  /**
   * The problem of a channel whose ARN, the value of its distribution's link tag, would be longer than CloudFront
   * allows a tag value, if it has one, before any call: the shortest ARN its names can give in any Region.
   */
  public static List<String> linkTagProblems(V2ChannelId channel) {
    return linkTagProblems(channel, SHORTEST_GROUP_ARN_PREFIX + channel.group(), true);
  }

  /** As {@link #linkTagProblems(V2ChannelId)}, exactly, in the group whose ARN is {@code groupArn}. */
  public static List<String> linkTagProblems(V2ChannelId channel, String groupArn) {
    return linkTagProblems(channel, groupArn, false);
  }

  private static List<String> linkTagProblems(V2ChannelId channel, String groupArn, boolean atLeast) {
    return io.github.mediapackagecdn.core.model.Limits.linkTagValueProblem(channel.toString(),
        channelArn(groupArn, channel.channel()).length(), atLeast).stream().toList();
  }

  /** The problems of {@code name} as a {@code ResourceName} called {@code what}; empty when it is valid. */
  public static List<String> nameProblems(String what, String name) {
    List<String> problems = new ArrayList<>();
    checkName(problems, what, name, NAME, "letters, digits, '_' and '-'");
    return problems;
  }

  /** The problems of {@code name} as a {@code ManifestName}; empty when it is valid. */
  public static List<String> manifestNameProblems(String name) {
    List<String> problems = new ArrayList<>();
    checkName(problems, "manifest name", name, MANIFEST_NAME, "letters, digits and '-' (no '_')");
    return problems;
  }

  /**
   * The manifests of one endpoint that would share a path, one problem each; empty when every manifest has its own.
   * The API model says that a manifest's name "creates a unique path" and that "You can't use the same manifest name
   * if you use HLS manifest and low-latency HLS manifest" (both are {@code <name>.m3u8}); a DASH manifest is
   * {@code <name>.mpd}, so an HLS and a DASH manifest may share a name ({@code index} is the default of both). An MSS
   * manifest's name "must be unique within the origin endpoint".
   *
   * @param endpoint the endpoint, for the message
   */
  public static List<String> manifestPathCollisions(String endpoint, List<Manifest> manifests) {
    List<String> problems = new ArrayList<>();
    Map<String, Manifest> byPath = new HashMap<>();
    Map<String, Manifest> byName = new HashMap<>();
    for (Manifest manifest : manifests) {
      Manifest first = byPath.putIfAbsent(manifest.fileName(), manifest);
      Manifest named = byName.putIfAbsent(manifest.name(), manifest);
      if (first == null && named != null && (named.type() == ManifestType.MSS || manifest.type() == ManifestType.MSS)) {
        problems.add("manifest name '" + manifest.name() + "' is given to an MSS manifest and another one on origin"
            + " endpoint " + endpoint + ": an MSS manifest's name must be unique within the origin endpoint");
      }
      if (first == null) {
        continue;
      }
      problems.add(first.type() == manifest.type()
          ? "manifest name '" + manifest.name() + "' is given more than once for " + manifest.type() + " on origin"
              + " endpoint " + endpoint + ": each manifest needs its own path, " + manifest.fileName() + " is taken"
          : "manifest name '" + manifest.name() + "' is given to a " + first.type() + " and a " + manifest.type()
              + " manifest on origin endpoint " + endpoint + ": MediaPackage v2 forbids one name for an HLS and a"
              + " low-latency HLS manifest (both would be " + manifest.fileName() + ")");
    }
    return problems;
  }

  static void checkName(List<String> problems, String what, String name, Pattern pattern, String allowed) {
    if (name == null || name.isEmpty()) {
      problems.add(what + " is empty; MediaPackage v2 needs 1 to " + MAX_NAME_LENGTH + " characters");
    } else if (name.length() > MAX_NAME_LENGTH) {
      problems.add(what + " has " + name.length() + " characters; MediaPackage v2 allows at most " + MAX_NAME_LENGTH);
    } else if (!pattern.matcher(name).matches()) {
      problems.add(what + " '" + name + "' may contain only " + allowed);
    }
  }

  static void description(List<String> problems, String what, String description) {
    if (description.length() > MAX_DESCRIPTION_LENGTH) {
      problems.add(what + " description has " + description.length() + " characters; at most "
          + MAX_DESCRIPTION_LENGTH);
    }
  }
}
