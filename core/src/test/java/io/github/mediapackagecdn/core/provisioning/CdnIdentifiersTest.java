package io.github.mediapackagecdn.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.port.CdnIdentifierSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The memory of CDN identifiers: given ones win over the source, and it forgets the oldest past its capacity. */
class CdnIdentifiersTest {

  private static final CdnIdentifier FROM_SOURCE = CdnIdentifier.of("source-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

  /** A source that knows every secret and whose own text would give its identifier away. */
  private static final class TalkativeSource implements CdnIdentifierSource {
    @Override
    public Optional<CdnIdentifier> identifierFor(String cdnIdentifierSecretArn) {
      return Optional.of(FROM_SOURCE);
    }

    @Override
    public String toString() {
      return "TalkativeSource holding " + FROM_SOURCE.reveal();
    }
  }

  private final CdnIdentifiers identifiers = new CdnIdentifiers(new TalkativeSource(), 2);

  private static CdnAuthorization secret(int n) {
    return CdnAuthorization.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-id-" + n,
        "arn:aws:iam::123456789012:role/MediaPackageSecretsRole");
  }

  private static CdnIdentifier given(int n) {
    return CdnIdentifier.of("given-" + n + "-9c1e6a34-5b1f-4d7e-9a55-3f8f0e1d2c3b");
  }

  private static EndpointSpec spec(int n) {
    return EndpointSpec.builder().id("live-news-" + n).channelId("live-news").packaging(Packaging.HLS)
        .authorization(secret(n)).cdnIdentifier(given(n)).build();
  }

  private static OriginEndpoint authorizedWith(int n) {
    return OriginEndpoint.builder().from(Fixtures.hls()).authorization(secret(n)).build();
  }

  @Test
  void identifierFor_whenTheSpecGaveOne_answersItAndNotTheSource() {
    identifiers.remember(spec(1));

    assertThat(identifiers.identifierFor(authorizedWith(1))).contains(given(1));
    assertThat(identifiers.identifierFor(authorizedWith(9))).contains(FROM_SOURCE);
    assertThat(identifiers.identifierFor(Fixtures.hls())).isEmpty();
  }

  @Test
  void remember_pastTheCapacity_forgetsTheSecretGivenLongestAgo() {
    identifiers.remember(spec(1));
    identifiers.remember(spec(2));
    identifiers.remember(spec(1)); // given again: now the newest
    identifiers.remember(spec(3));

    assertThat(identifiers.size()).isEqualTo(2);
    assertThat(identifiers.identifierFor(authorizedWith(2))).contains(FROM_SOURCE);
    assertThat(identifiers.identifierFor(authorizedWith(1))).contains(given(1));
    assertThat(identifiers.identifierFor(authorizedWith(3))).contains(given(3));
  }

  @Test
  void identifierFor_whenTheSourceGivesOneLongerThanV1Allows_throwsValidationException() {
    CdnIdentifier v2s = CdnIdentifier.of("x".repeat(129));
    CdnIdentifiers fromV2sSecret = new CdnIdentifiers(arn -> Optional.of(v2s), 2);

    assertThatThrownBy(() -> fromV2sSecret.identifierFor(authorizedWith(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MediaPackage v1 allows 8 to 128")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(v2s.reveal()));
  }

  @Test
  void toString_namesNoIdentifier_neitherGivenNorTheSources() {
    identifiers.remember(spec(1));

    assertThat(identifiers.toString()).doesNotContain(given(1).reveal()).doesNotContain(FROM_SOURCE.reveal())
        .contains("1 of at most 2").contains("TalkativeSource");
  }
}
