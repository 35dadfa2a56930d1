package io.github.mediapackagecdn.core.model;

/**
 * The id a user gives a MediaPackage origin endpoint: a v1 endpoint's id, or, where the engine's outcomes and plans name
 * a v2 endpoint, its name within its channel. Letters, digits, '_' and '-', 1 to 256 characters, in both versions.
 */
public record OriginEndpointId(String value) {

  /** Refuses a value that breaks MediaPackage's id rule. */
  public OriginEndpointId {
    Ids.require("endpoint id", value);
  }

  /** The endpoint id {@code value}, checked. */
  public static OriginEndpointId of(String value) {
    return new OriginEndpointId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
