package io.github.mediapackagecdn.core.model;

/** The stream format an origin endpoint packages: exactly one per endpoint. */
public enum Packaging {
  /** Apple HLS: {@code .m3u8} manifests, {@code .ts} segments. */
  HLS,
  /** MPEG-DASH: {@code .mpd} manifests, {@code .mp4} segments. */
  DASH,
  /** CMAF: HLS {@code .m3u8} manifests over {@code .mp4} segments. */
  CMAF,
  /** Microsoft Smooth Streaming: {@code <name>.ism/Manifest}. */
  MSS
}
