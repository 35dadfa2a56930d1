package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.Objects;

/**
 * One manifest of an origin endpoint: its kind, its {@code ManifestName}, and, as read, its {@code Url} (empty in a
 * spec). The same value for the four configurations ({@code GetHlsManifestConfiguration}, ...).
 *
 * @param type which list it is in ({@code HlsManifests}, {@code LowLatencyHlsManifests}, ...)
 * @param name {@code ManifestName}
 * @param url {@code Url}, the manifest's URL on the group's egress domain; empty in a spec
 */
public record Manifest(ManifestType type, String name, String url) {

  /** Refuses a null kind, name or URL. */
  public Manifest {
    if (type == null || name == null || url == null) {
      throw new ValidationException("a manifest has a type, a name and a URL (empty in a spec)");
    }
  }

  /** A manifest to create: kind and name, no URL yet. */
  public static Manifest of(ManifestType type, String name) {
    return new Manifest(type, name, "");
  }

  /** The same manifest with its URL, as MediaPackage answers it. */
  public Manifest withUrl(String url) {
    return new Manifest(type, name, Objects.requireNonNull(url, "url"));
  }

  /** The path, below the endpoint's prefix, of this manifest: its name and its kind's suffix. */
  public String fileName() {
    return name + type.suffix();
  }
}
