package io.github.mediapackagecdn.core.port;

import io.github.mediapackagecdn.core.model.CdnIdentifier;
import java.util.Optional;

/**
 * Finds the CDN identifier stored in a Secrets Manager secret, for endpoints that use CDN authorization and were
 * saved without {@link io.github.mediapackagecdn.core.model.EndpointSpec#cdnIdentifier()} or
 * {@link io.github.mediapackagecdn.core.v2.model.V2EndpointSpec#cdnIdentifier()} (for instance when a distribution is
 * attached to a channel created elsewhere). The secret is JSON: MediaPackage v1 reads the key
 * {@code MediaPackageCDNIdentifier} (8 to 128 characters), v2 the key {@code MediaPackageV2CDNIdentifier} (8 to 256).
 */
@FunctionalInterface
public interface CdnIdentifierSource {

  /** The identifier the secret holds, if this source knows it. */
  Optional<CdnIdentifier> identifierFor(String cdnIdentifierSecretArn);

  /** A source that knows no identifier: only identifiers given in endpoint specs are used. */
  static CdnIdentifierSource none() {
    return secretArn -> Optional.empty();
  }
}
