package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.aws.fixtures.Wire;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * {@link AwsChannelCdn#defaultRetryStrategy()}: a connection that cannot be opened fails fast, throttling and server
 * errors get every attempt, throttling with its own (longer) backoff. Pauses are counted, not waited, except in the
 * one test that times the real default against a closed port.
 */
class RetryDefaultsWireTest {

  @RegisterExtension
  static WireMockExtension wm = Wire.extension();

  /** Every pause a backoff was asked for, by the number of the attempt it precedes; zero, so nothing waits. */
  private final List<Integer> backoffs = new CopyOnWriteArrayList<>();
  private final List<Integer> throttlingBackoffs = new CopyOnWriteArrayList<>();

  private RetryStrategy countingDefaults() {
    return AwsChannelCdn.retryStrategy(attempt -> {
      backoffs.add(attempt);
      return Duration.ZERO;
    }, attempt -> {
      throttlingBackoffs.add(attempt);
      return Duration.ZERO;
    });
  }

  private static ChannelCdn cdn(URI endpoint, RetryStrategy retries) {
    AwsChannelCdn.Builder builder = AwsChannelCdn.builder()
        .mediaPackageRegion(Region.US_WEST_2)
        .endpointOverride(endpoint)
        .credentialsProvider(Wire.CREDENTIALS);
    return retries == null ? builder.build() : builder.retryStrategy(retries).build();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static int sdkAttempts(ProvisioningException e) {
    assertThat(e.getCause()).isInstanceOf(SdkException.class);
    return ((SdkException) e.getCause()).numAttempts();
  }

  @Test
  void defaultStrategy_whenTheConnectionIsRefused_failsAfterTwoAttemptsInUnderASecond() throws IOException {
    URI closed = URI.create("http://127.0.0.1:" + closedPort());
    try (ChannelCdn cdn = cdn(closed, null)) { // the real default strategy, with its real pauses
      ChannelId news = ChannelId.of("live-news");
      assertThatThrownBy(() -> cdn.details(news)).isInstanceOf(ServiceFailureException.class); // warms the client

      long start = System.nanoTime();
      ServiceFailureException e = catchThrowableOfType(ServiceFailureException.class, () -> cdn.details(news));
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

      assertThat(sdkAttempts(e)).isEqualTo(AwsChannelCdn.DEFAULT_CONNECTION_ATTEMPTS).isEqualTo(2);
      assertThat(e.getMessage()).contains("MediaPackage DescribeChannel of live-news failed");
      assertThat(millis).as("refused call took %d ms", millis).isLessThan(1_000);
      System.out.println("Retry defaults: refused connection failed after " + sdkAttempts(e) + " attempts in "
          + millis + " ms");
    }
  }

  @Test
  void defaultStrategy_whenTheConnectionIsRefused_pausesOnceWithTheOrdinaryBackoff() throws IOException {
    try (ChannelCdn cdn = cdn(URI.create("http://127.0.0.1:" + closedPort()), countingDefaults())) {
      ServiceFailureException e = catchThrowableOfType(ServiceFailureException.class,
          () -> cdn.details(ChannelId.of("live-news")));

      assertThat(sdkAttempts(e)).isEqualTo(2);
      assertThat(backoffs).containsExactly(2); // the pause before attempt 2
      assertThat(throttlingBackoffs).isEmpty();
    }
  }

  /** Throttled (429): the throttling backoff before each retry; a 500: the ordinary one. Eight attempts either way. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"429, TooManyRequestsException, true", "500, InternalServerErrorException, false"})
  void defaultStrategy_whenMediaPackageThrottlesOrFails_triesEightTimesWithItsBackoff(int status, String type,
      boolean throttled) {
    wm.stubFor(get(urlEqualTo("/channels/live-news")).willReturn(aResponse().withStatus(status)
        .withHeader("x-amzn-ErrorType", type).withBody("{\"message\":\"slow down\"}")));

    try (ChannelCdn cdn = cdn(URI.create(wm.baseUrl()), countingDefaults())) {
      Class<? extends ProvisioningException> expected = throttled ? ThrottledException.class
          : ServiceFailureException.class;
      ProvisioningException e = catchThrowableOfType(expected, () -> cdn.details(ChannelId.of("live-news")));

      assertThat(sdkAttempts(e)).isEqualTo(AwsChannelCdn.DEFAULT_MAX_ATTEMPTS).isEqualTo(8);
      assertThat(wm.findAll(getRequestedFor(urlEqualTo("/channels/live-news")))).hasSize(8);
      assertThat(throttled ? throttlingBackoffs : backoffs).containsExactly(2, 3, 4, 5, 6, 7, 8);
      assertThat(throttled ? backoffs : throttlingBackoffs).isEmpty();
    }
  }

  @Test
  void defaultStrategy_whenTheHostIsUnknown_refusesTheSecondRetry() {
    RetryStrategy strategy = AwsChannelCdn.defaultRetryStrategy();
    SdkClientException unknownHost = SdkClientException.builder().message("Unable to execute HTTP request")
        .cause(new UnknownHostException("mediapackage.us-west-9.amazonaws.com")).build();
    RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();

    RetryToken retried = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token)
        .failure(unknownHost).build()).token();

    assertThatThrownBy(() -> strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(retried)
        .failure(unknownHost).build()))
        .isInstanceOf(TokenAcquisitionFailedException.class)
        .hasMessageContaining("could not be opened in 2 attempts");
  }

  @Test
  void defaultStrategy_keepsTheLongerThrottlingBackoffAndTheSdkStandardOne() {
    assertThat(AwsChannelCdn.THROTTLING_BACKOFF_BASE).isEqualTo(Duration.ofSeconds(2));
    assertThat(AwsChannelCdn.THROTTLING_BACKOFF_MAX).isEqualTo(Duration.ofSeconds(60));
    assertThat(AwsChannelCdn.BACKOFF_BASE).isEqualTo(Duration.ofMillis(100));
    assertThat(AwsChannelCdn.BACKOFF_MAX).isEqualTo(Duration.ofSeconds(20));
    assertThat(AwsChannelCdn.defaultRetryStrategy().maxAttempts()).isEqualTo(8);
  }
}
