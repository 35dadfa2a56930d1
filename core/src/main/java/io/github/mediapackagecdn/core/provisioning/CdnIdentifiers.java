package io.github.mediapackagecdn.core.provisioning;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.port.CdnIdentifierSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CDN identifiers of endpoints with CDN authorization: those given in endpoint specs, remembered by secret ARN so
 * that later saves of the channel can use them, else the {@link CdnIdentifierSource}. The memory holds secrets, so it
 * is bounded: past {@code capacity} secrets, the one given longest ago is forgotten (the source is asked for it again).
 * Its {@link #toString()} names no identifier.
 */
final class CdnIdentifiers {

  /** How many secrets are remembered unless told otherwise. */
  static final int DEFAULT_CAPACITY = 1_000;

  private final CdnIdentifierSource source;
  private final int capacity;
  /** By secret ARN, the one given longest ago first; guarded by {@code this}. */
  private final Map<String, CdnIdentifier> given = new LinkedHashMap<>();

  CdnIdentifiers(CdnIdentifierSource source, int capacity) {
    this.source = source;
    this.capacity = capacity;
  }

  /** Remembers the identifier the spec gives, if it gives one with a CDN authorization. */
  void remember(EndpointSpec spec) {
    spec.authorization().ifPresent(auth -> spec.cdnIdentifier()
        .ifPresent(id -> remember(auth.cdnIdentifierSecretArn(), id)));
  }

  /**
   * The identifier CloudFront must send for the endpoint: the one given for its secret, else the source's.
   *
   * @throws ValidationException when the source's identifier is longer than MediaPackage v1 allows
   */
  Optional<CdnIdentifier> identifierFor(OriginEndpoint endpoint) {
    return endpoint.authorization().flatMap(auth -> given(auth.cdnIdentifierSecretArn())
        .or(() -> fromSource(auth.cdnIdentifierSecretArn())));
  }

  private Optional<CdnIdentifier> fromSource(String secretArn) {
    Optional<CdnIdentifier> found = source.identifierFor(secretArn);
    if (found.filter(id -> !id.fitsMediaPackageV1()).isPresent()) {
      throw new ValidationException("the CDN identifier source gives secret " + secretArn + " an identifier of more"
          + " than " + CdnIdentifier.MAX_V1_LENGTH + " characters; MediaPackage v1 allows 8 to "
          + CdnIdentifier.MAX_V1_LENGTH);
    }
    return found;
  }

  /** How many secrets are remembered; for tests. */
  synchronized int size() {
    return given.size();
  }

  private synchronized void remember(String secretArn, CdnIdentifier id) {
    given.remove(secretArn); // given again: the newest
    given.put(secretArn, id);
    for (Iterator<String> oldest = given.keySet().iterator(); given.size() > capacity; ) {
      oldest.next();
      oldest.remove();
    }
  }

  private synchronized Optional<CdnIdentifier> given(String secretArn) {
    return Optional.ofNullable(given.get(secretArn));
  }

  /** Says how many secrets are remembered and what kind of source is asked; never an identifier or a source's text. */
  @Override
  public synchronized String toString() {
    return "CdnIdentifiers[" + given.size() + " of at most " + capacity + " remembered, source "
        + source.getClass().getSimpleName() + "]";
  }
}
