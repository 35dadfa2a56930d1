package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * CDN authorization of a v2 endpoint ({@code CdnAuthConfiguration}, part of its policy): MediaPackage reads the
 * secrets with the role (each holds the identifier under the JSON key {@code MediaPackageV2CDNIdentifier}) and
 * answers requests whose {@code X-MediaPackageV2-CDNIdentifier} header matches one; the policy allows them with a
 * statement on the condition {@code mediapackagev2:RequestHasMatchingCdnAuthHeader}, which the library adds.
 *
 * @param secretArns {@code CdnIdentifierSecretArns}, at least one, each 20 to 2,048 characters
 * @param secretsRoleArn {@code SecretsRoleArn}, 20 to 2,048 characters
 */
public record CdnAuthConfiguration(List<String> secretArns, String secretsRoleArn) {

  /** Keeps an unmodifiable copy; refuses what the API model refuses. */
  public CdnAuthConfiguration {
    List<String> problems = new ArrayList<>();
    if (secretArns == null || secretArns.isEmpty()) {
      problems.add("CDN authorization names at least one secret ARN");
    } else {
      secretArns.forEach(arn -> {
        if (arn == null || arn.length() < 20 || arn.length() > 2048) {
          problems.add("a CDN identifier secret ARN has 20 to 2048 characters");
        }
      });
    }
    if (secretsRoleArn == null || secretsRoleArn.length() < 20 || secretsRoleArn.length() > 2048) {
      problems.add("the secrets role ARN has 20 to 2048 characters");
    }
    ValidationException.throwIfAny(problems);
    secretArns = List.copyOf(secretArns);
  }
}
