package io.github.mediapackagecdn.core.error;

import java.util.List;

/**
 * The distribution (or a MediaPackage v2 channel or endpoint) holds settings that the AWS SDK the library runs on does
 * not model, so writing its configuration back would drop them: no update was sent. {@link #settings()} names each one
 * by its path in the configuration, such as {@code DistributionConfig/CacheTagConfig} or
 * {@code HlsManifests[1]/UriPathType}. Upgrading the SDK (its {@code cloudfront} or {@code mediapackagev2} module) to a
 * version that models them, then saving again, completes the work; saving again without the upgrade fails the same way.
 */
public final class UnsupportedSettingsException extends ProvisioningException {

  private static final long serialVersionUID = 1L;

  private final String resourceId;
  /** An array, which is serializable, as the exception is. */
  private final String[] settings;

  /**
   * An error for the distribution (or v2 channel or endpoint) {@code resourceId}.
   *
   * @param message what was not written and how to fix it
   * @param resourceId the distribution id, or the v2 channel's or endpoint's {@code group/channel[/endpoint]}
   * @param settings the path of every element or value the SDK did not hold; at least one
   */
  public UnsupportedSettingsException(String message, String resourceId, List<String> settings) {
    super(message, null, null, null);
    if (settings.isEmpty()) {
      throw new IllegalArgumentException("an unsupported-settings error names at least one setting");
    }
    this.resourceId = resourceId;
    this.settings = settings.toArray(String[]::new);
  }

  /** The id of the distribution (or v2 channel or endpoint) whose configuration was not written back. */
  public String resourceId() {
    return resourceId;
  }

  /** The path of every element or value the SDK did not hold, in document order. */
  public List<String> settings() {
    return List.of(settings);
  }
}
