package io.github.mediapackagecdn.core.model;

/** The id a user gives a MediaPackage origin endpoint: letters, digits, '_' and '-', 1 to 256 characters. */
public record OriginEndpointId(String value) {

  public OriginEndpointId {
    Ids.require("endpoint id", value);
  }

  public static OriginEndpointId of(String value) {
    return new OriginEndpointId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
