package io.github.mediapackagecdn.core.model;

import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An endpoint's CDN authorization: the Secrets Manager secret holding the CDN identifier and the IAM role MediaPackage
 * uses to read it. Only references; the identifier itself is a {@link CdnIdentifier}.
 */
@Value.Immutable
public abstract class CdnAuthorization {

  private static final Pattern SECRET_ARN =
      Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+");
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/.+");

  /** The ARN of the Secrets Manager secret holding the CDN identifier. */
  @Value.Parameter
  public abstract String cdnIdentifierSecretArn();

  /** The ARN of the IAM role MediaPackage assumes to read the secret. */
  @Value.Parameter
  public abstract String secretsRoleArn();

  /** The secret and role of an endpoint's CDN authorization; both must be ARNs of their kind. */
  public static CdnAuthorization of(String cdnIdentifierSecretArn, String secretsRoleArn) {
    return ImmutableCdnAuthorization.of(cdnIdentifierSecretArn, secretsRoleArn);
  }

  /** Refuses a secret ARN or role ARN that is not one. */
  @Value.Check
  protected void check() {
    new Problems()
        .check(SECRET_ARN.matcher(cdnIdentifierSecretArn()).matches(),
            "CDN identifier secret '" + cdnIdentifierSecretArn() + "' is not a Secrets Manager secret ARN")
        .check(ROLE_ARN.matcher(secretsRoleArn()).matches(),
            "secrets role '" + secretsRoleArn() + "' is not an IAM role ARN")
        .throwIfAny();
  }
}
