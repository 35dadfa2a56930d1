package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.v2.model.ContainerType;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The paths a player asks for after a manifest: one of each kind the manifest's endpoint serves, beside the manifest.
 * The endpoint is found from the manifest's path alone ({@code /out/v1/<32 hex>/} for v1,
 * {@code /out/v1/<group>/<channel>/<endpoint>/} for v2), whatever CloudFront does with it, so that a segment whose
 * behaviour sends it elsewhere is still asked for. The file names follow the manifest's ({@code index_1.m3u8},
 * {@code index_1_1.ts}, {@code index_1_init.mp4}, {@code index_video_1_1.mp4},
 * {@code index.ism/QualityLevels(200000)/Fragments(video=0)}): what routing and MediaPackage's kinds of objects depend
 * on is the directory and the extension, which are the endpoint's (the exact names MediaPackage generates are not
 * modelled).
 */
final class PlayerSamples {

  private static final String PLAYLIST = ".m3u8";
  private static final String DASH = ".mpd";
  private static final String SMOOTH = ".ism/Manifest";

  private final FakeAws aws;

  PlayerSamples(FakeAws aws) {
    this.aws = aws;
  }

  /** The manifest's path first, then a sample of each other kind; only the manifest when no endpoint has it. */
  List<String> paths(String manifestPath) {
    List<String> paths = new ArrayList<>();
    paths.add(manifestPath);
    Optional<Format> format = format(manifestPath);
    if (format.isEmpty()) {
      return paths;
    }
    if (manifestPath.endsWith(SMOOTH)) {
      paths.add(manifestPath.substring(0, manifestPath.length() - "Manifest".length())
          + "QualityLevels(200000)/Fragments(video=0)");
      return paths;
    }
    if (manifestPath.endsWith(PLAYLIST)) {
      String base = manifestPath.substring(0, manifestPath.length() - PLAYLIST.length());
      paths.add(base + "_1" + PLAYLIST);
      paths.add(base + "_1_1" + format.get().segment());
      if (format.get().initSegments()) {
        paths.add(base + "_1_init.mp4");
      }
    } else if (manifestPath.endsWith(DASH)) {
      String base = manifestPath.substring(0, manifestPath.length() - DASH.length());
      paths.add(base + "_video_1_1.mp4");
      paths.add(base + "_video_1_init.mp4");
    }
    return paths;
  }

  /** The segments of the endpoint the path belongs to: their extension, and whether they have init segments. */
  private record Format(String segment, boolean initSegments) {}

  private Optional<Format> format(String path) {
    String[] parts = path.split("/", -1);
    if (parts.length < 5 || !parts[1].equals("out") || !parts[2].equals("v1")) {
      return Optional.empty();
    }
    Optional<OriginEndpoint> v1 = aws.channels().endpointWithPathId(parts[3]);
    if (v1.isPresent()) {
      return Optional.of(switch (v1.get().packaging()) {
        case HLS -> new Format(".ts", false);
        case DASH, CMAF -> new Format(".mp4", true);
        case MSS -> new Format("", false);
      });
    }
    if (parts.length < 7) {
      return Optional.empty();
    }
    Optional<V2Endpoint> v2;
    try {
      V2EndpointId id = V2EndpointId.of(parts[3], parts[4], parts[5]);
      v2 = aws.channelGroups().allEndpoints().stream().filter(e -> e.id().equals(id)).findFirst();
    } catch (ValidationException notAName) {
      return Optional.empty();
    }
    return v2.map(endpoint -> endpoint.containerType() == ContainerType.TS ? new Format(".ts", false)
        : endpoint.containerType() == ContainerType.CMAF ? new Format(".mp4", true) : new Format("", false));
  }
}
