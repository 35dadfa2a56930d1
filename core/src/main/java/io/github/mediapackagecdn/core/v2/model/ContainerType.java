package io.github.mediapackagecdn.core.v2.model;

import java.util.Set;

/** An origin endpoint's segment container, {@code ContainerType}: {@code TS | CMAF | ISM}. */
public enum ContainerType {
  /** MPEG transport stream: HLS and LL-HLS manifests. */
  TS(Set.of(ManifestType.HLS, ManifestType.LOW_LATENCY_HLS)),
  /** CMAF: HLS, LL-HLS and DASH manifests. */
  CMAF(Set.of(ManifestType.HLS, ManifestType.LOW_LATENCY_HLS, ManifestType.DASH)),
  /** ISM (fragmented MP4 for Smooth Streaming): MSS manifests. */
  ISM(Set.of(ManifestType.MSS));

  private final Set<ManifestType> manifests;

  ContainerType(Set<ManifestType> manifests) {
    this.manifests = manifests;
  }

  /**
   * The manifest kinds an endpoint of this container can have: the API model's {@code ValidationExceptionType} names
   * each refusal ({@code TS_CONTAINER_TYPE_WITH_DASH_MANIFEST}, {@code TS_CONTAINER_TYPE_WITH_MSS_MANIFEST},
   * {@code CMAF_CONTAINER_TYPE_WITH_MSS_MANIFEST}, {@code ISM_CONTAINER_TYPE_WITH_HLS_MANIFEST},
   * {@code ISM_CONTAINER_TYPE_WITH_LL_HLS_MANIFEST}, {@code ISM_CONTAINER_TYPE_WITH_DASH_MANIFEST}).
   */
  public Set<ManifestType> manifestTypes() {
    return manifests;
  }
}
