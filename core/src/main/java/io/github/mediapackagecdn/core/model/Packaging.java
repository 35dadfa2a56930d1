package io.github.mediapackagecdn.core.model;

import java.util.List;

/** The stream format an origin endpoint packages: exactly one per endpoint. */
public enum Packaging {
  /** Apple HLS: {@code .m3u8} manifests, {@code .ts} segments. */
  HLS("*.m3u8", "*.ts"),
  /** MPEG-DASH: {@code .mpd} manifests, {@code .mp4} segments. */
  DASH("*.mpd", "*.mp4"),
  /** CMAF: HLS {@code .m3u8} manifests over {@code .mp4} segments. */
  CMAF("*.m3u8", "*.mp4"),
  /**
   * Microsoft Smooth Streaming: {@code <name>.ism/Manifest}. CloudFront's guide writes {@code index.ism/*}, which
   * matches only the manifest name {@code index}; {@code *.ism/*} matches every manifest name.
   */
  MSS("*.ism/*");

  private final List<String> pathPatterns;

  Packaging(String... pathPatterns) {
    this.pathPatterns = List.of(pathPatterns);
  }

  /**
   * The cache behaviour path patterns a distribution needs to serve an endpoint of this format, from CloudFront's
   * guide for MediaPackage origins.
   */
  public List<String> pathPatterns() {
    return pathPatterns;
  }
}
