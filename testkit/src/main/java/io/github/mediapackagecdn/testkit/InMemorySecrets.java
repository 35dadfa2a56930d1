package io.github.mediapackagecdn.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's Secrets Manager as MediaPackage reads it for CDN authorization: secret strings by secret ARN. A test
 * puts the CDN identifier there, as a user does in Secrets Manager, so that {@link FakeAws#viewerRequest} can compare
 * it with the header the origin sends. MediaPackage v1 reads the JSON key {@value #V1_CDN_IDENTIFIER_KEY}, v2 the key
 * {@value #V2_CDN_IDENTIFIER_KEY}. The library never calls it: writes are not recorded as calls.
 */
public final class InMemorySecrets {

  /** The JSON key of the CDN identifier in a secret MediaPackage v1 reads. */
  public static final String V1_CDN_IDENTIFIER_KEY = "MediaPackageCDNIdentifier";

  /** The JSON key of the CDN identifier in a secret MediaPackage v2 reads. */
  public static final String V2_CDN_IDENTIFIER_KEY = "MediaPackageV2CDNIdentifier";

  private final FakeAws aws;
  private final Map<String, String> secrets = new LinkedHashMap<>();

  InMemorySecrets(FakeAws aws) {
    this.aws = aws;
  }

  /** Stores {@code secretString} as the current value of the secret {@code secretArn}, replacing any before. */
  public void put(String secretArn, String secretString) {
    Objects.requireNonNull(secretArn, "secretArn");
    Objects.requireNonNull(secretString, "secretString");
    aws.locked(() -> secrets.put(secretArn, secretString));
  }

  /** Stores {@code {"MediaPackageCDNIdentifier": identifier}}: the secret of a v1 endpoint's CDN authorization. */
  public void putV1CdnIdentifier(String secretArn, String identifier) {
    put(secretArn, json(V1_CDN_IDENTIFIER_KEY, identifier));
  }

  /** Stores {@code {"MediaPackageV2CDNIdentifier": identifier}}: a secret of a v2 endpoint's CDN authorization. */
  public void putV2CdnIdentifier(String secretArn, String identifier) {
    put(secretArn, json(V2_CDN_IDENTIFIER_KEY, identifier));
  }

  /** The secret string of {@code secretArn}, if the secret exists. */
  public Optional<String> secretString(String secretArn) {
    return aws.locked(() -> Optional.ofNullable(secrets.get(secretArn)));
  }

  /**
   * The value of {@code key} in the secret's JSON, if the secret exists and holds that key as a string; empty also
   * when the secret is not a JSON object.
   */
  Optional<String> value(String secretArn, String key) {
    return secretString(secretArn).flatMap(text -> {
      try {
        return PolicyJson.parse(text) instanceof Map<?, ?> map && map.get(key) instanceof String value
            ? Optional.of(value) : Optional.<String>empty();
      } catch (IllegalArgumentException notJson) {
        return Optional.empty();
      }
    });
  }

  private static String json(String key, String identifier) {
    Objects.requireNonNull(identifier, "identifier");
    return "{\"" + key + "\":" + PolicyJson.quote(identifier) + "}";
  }
}
