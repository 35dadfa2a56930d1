package io.github.mediapackagecdn.core.v2.model;

/**
 * The four kinds of v2 manifest, each its own list on an endpoint: {@code HlsManifests},
 * {@code LowLatencyHlsManifests}, {@code DashManifests}, {@code MssManifests}.
 */
public enum ManifestType {
  /** {@code HlsManifests}: {@code <name>.m3u8}. */
  HLS("HlsManifests", ".m3u8"),
  /** {@code LowLatencyHlsManifests}: {@code <name>.m3u8}. */
  LOW_LATENCY_HLS("LowLatencyHlsManifests", ".m3u8"),
  /** {@code DashManifests}: {@code <name>.mpd}. */
  DASH("DashManifests", ".mpd"),
  /** {@code MssManifests}: {@code <name>.ism/Manifest} (UNCONFIRMED for v2: the v1 form). */
  MSS("MssManifests", ".ism/Manifest");

  private final String member;
  private final String suffix;

  ManifestType(String member, String suffix) {
    this.member = member;
    this.suffix = suffix;
  }

  /** The endpoint's list member in the API model, such as {@code HlsManifests}. */
  public String member() {
    return member;
  }

  /** What a manifest's URL path ends in after its name, such as {@code .m3u8}. */
  public String suffix() {
    return suffix;
  }
}
