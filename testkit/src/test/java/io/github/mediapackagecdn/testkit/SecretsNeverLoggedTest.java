package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.EndpointSpec;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.EndpointSaveResult;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The CDN identifier is a secret: a run that uses CDN authorization, with failures and retries, logs at DEBUG and
 * never writes it, nor puts it in an exception message or a value's {@code toString}.
 */
class SecretsNeverLoggedTest {

  private static final String SECRET = "0b6f1c2e-7d4a-4c1b-9e8f-5a3d2c1b0a99";
  private static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/none.log"));

  @Test
  void aRunWithCdnAuthorization_logsAtDebugButNeverTheCdnIdentifier() throws IOException {
    org.slf4j.LoggerFactory.getLogger(getClass()).debug("secret-leak check starts"); // the logger opens (and empties) the file
    long before = Files.exists(LOG) ? Files.size(LOG) : 0;
    FakeAws aws = FakeAws.create();
    CdnAuthorization authorization = CdnAuthorization.of(
        "arn:aws:secretsmanager:us-west-2:123456789012:secret:MediaPackage/cdn-AbCdEf",
        "arn:aws:iam::123456789012:role/MediaPackageSecrets");
    ChannelCdn cdn = aws.channelCdn(builder -> builder.cdnIdentifiers(
        arn -> arn.equals(authorization.cdnIdentifierSecretArn()) ? Optional.of(CdnIdentifier.of(SECRET))
            : Optional.empty()));
    List<String> texts = new ArrayList<>();

    cdn.saveChannel(Specs.channelWithDistribution());
    aws.failNext(Operation.UPDATE_DISTRIBUTION, 1, Faults.serviceUnavailable(Operation.UPDATE_DISTRIBUTION));
    EndpointSpec secured = EndpointSpec.builder().from(Specs.endpoint(Packaging.HLS)).authorization(authorization)
        .cdnIdentifier(CdnIdentifier.of(SECRET)).build();
    EndpointSaveResult failed = cdn.saveEndpoint(secured);
    failed.cdn().failure().map(ProvisioningException::getMessage).ifPresent(texts::add);
    aws.beforeNext(Operation.UPDATE_DISTRIBUTION, () -> aws.distributions().all()
        .forEach(d -> aws.distributions().edit(d.id(), c -> c))); // a 412 race, re-read and re-applied
    EndpointSaveResult saved = cdn.saveEndpoint(secured);
    cdn.saveEndpoint(EndpointSpec.builder().from(Specs.endpoint(Packaging.DASH)).authorization(authorization).build());
    cdn.awaitDeployed(ChannelId.of(Specs.CHANNEL), Duration.ofMinutes(30));

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.UPDATED);
    assertThat(aws.distributions().all().get(0).config().origins().get(0).customHeaders())
        .containsEntry(LiveCdnSettings.CDN_IDENTIFIER_HEADER, SECRET); // the secret did reach CloudFront
    texts.add(secured.toString());
    texts.add(saved.toString());
    texts.add(aws.distributions().all().toString());
    aws.calls().forEach(call -> texts.add(call.toString()));
    assertThat(texts).noneMatch(text -> text.contains(SECRET));

    byte[] all = Files.readAllBytes(LOG);
    String log = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
    assertThat(log).as("the run logged at DEBUG").contains("updated distribution").contains("DEBUG");
    assertThat(log).doesNotContain(SECRET);
  }
}
