package io.github.mediapackagecdn.core.model;

/** The stream format an origin endpoint packages: exactly one per endpoint. */
public enum Packaging {
  HLS,
  DASH,
  CMAF,
  MSS
}
