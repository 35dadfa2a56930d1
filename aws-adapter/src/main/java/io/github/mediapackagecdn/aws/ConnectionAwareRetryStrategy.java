package io.github.mediapackagecdn.aws;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The SDK's standard retry strategy, with fewer attempts when the connection could not even be opened (refused,
 * unknown host, no route, connect timeout): such a call fails after {@link #connectionAttempts()} attempts instead
 * of the standard strategy's {@link #maxAttempts()}, which throttled calls and server errors keep. Every decision
 * (retryable errors, throttling backoff, token bucket) is the standard strategy's; this only refuses more retries of
 * a connection that cannot be opened.
 */
final class ConnectionAwareRetryStrategy implements RetryStrategy {

  private final StandardRetryStrategy standard;
  private final int connectionAttempts;

  ConnectionAwareRetryStrategy(StandardRetryStrategy standard, int connectionAttempts) {
    if (connectionAttempts < 1 || connectionAttempts > standard.maxAttempts()) {
      throw new IllegalArgumentException("connection attempts must be 1 to " + standard.maxAttempts() + ", not "
          + connectionAttempts);
    }
    this.standard = standard;
    this.connectionAttempts = connectionAttempts;
  }

  /** How many attempts a call gets when its connection cannot be opened. */
  int connectionAttempts() {
    return connectionAttempts;
  }

  @Override
  public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
    AcquireInitialTokenResponse response = standard.acquireInitialToken(request);
    return AcquireInitialTokenResponse.create(new Token(response.token(), 0), response.delay());
  }

  @Override
  public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
    Token token = token(request.token());
    int notOpened = token.notOpened() + (connectionNotOpened(request.failure()) ? 1 : 0);
    if (notOpened >= connectionAttempts) {
      throw new TokenAcquisitionFailedException("the connection could not be opened in " + notOpened
          + " attempts; not retrying", token, request.failure());
    }
    RefreshRetryTokenResponse response = standard.refreshRetryToken(request.toBuilder().token(token.standard()).build());
    return RefreshRetryTokenResponse.create(new Token(response.token(), notOpened), response.delay());
  }

  @Override
  public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
    standard.recordSuccess(RecordSuccessRequest.create(token(request.token()).standard()));
    return RecordSuccessResponse.create(request.token());
  }

  @Override
  public int maxAttempts() {
    return standard.maxAttempts();
  }

  /** The standard strategy is configured already; the client must not add its defaults again. */
  @Override
  public boolean useClientDefaults() {
    return false;
  }

  @Override
  public Builder toBuilder() {
    return new Builder(standard.toBuilder(), connectionAttempts);
  }

  /**
   * True when the connection could not be opened, so the request was never sent: a refused connection, an unknown
   * host, no route to it, or a connect timeout.
   */
  static boolean connectionNotOpened(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
          || t instanceof HttpConnectTimeoutException) {
        return true;
      }
      if (t instanceof SocketTimeoutException && t.getMessage() != null
          && t.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
        return true; // "Connect timed out"; a read timeout may follow a sent request and keeps the standard retries
      }
    }
    return false;
  }

  private static Token token(RetryToken token) {
    if (token instanceof Token ours) {
      return ours;
    }
    throw new IllegalArgumentException("not a token of this strategy: " + token);
  }

  /** The standard strategy's token and how many attempts so far could not open the connection. */
  private record Token(RetryToken standard, int notOpened) implements RetryToken {
    Token {
      Objects.requireNonNull(standard, "standard token");
    }
  }

  /** Builds the strategy from a standard one's builder. */
  static final class Builder implements RetryStrategy.Builder<Builder, ConnectionAwareRetryStrategy> {
    private final StandardRetryStrategy.Builder standard;
    private int connectionAttempts;

    Builder(StandardRetryStrategy.Builder standard, int connectionAttempts) {
      this.standard = standard;
      this.connectionAttempts = connectionAttempts;
    }

    /** How many attempts a call gets when its connection cannot be opened. */
    Builder connectionAttempts(int attempts) {
      this.connectionAttempts = attempts;
      return this;
    }

    @Override
    public Builder retryOnException(Predicate<Throwable> shouldRetry) {
      standard.retryOnException(shouldRetry);
      return this;
    }

    @Override
    public Builder maxAttempts(int maxAttempts) {
      standard.maxAttempts(maxAttempts);
      return this;
    }

    @Override
    public Builder backoffStrategy(BackoffStrategy backoffStrategy) {
      standard.backoffStrategy(backoffStrategy);
      return this;
    }

    @Override
    public Builder throttlingBackoffStrategy(BackoffStrategy backoffStrategy) {
      standard.throttlingBackoffStrategy(backoffStrategy);
      return this;
    }

    @Override
    public Builder treatAsThrottling(Predicate<Throwable> treatAsThrottling) {
      standard.treatAsThrottling(treatAsThrottling);
      return this;
    }

    @Override
    public ConnectionAwareRetryStrategy build() {
      return new ConnectionAwareRetryStrategy(standard.build(), connectionAttempts);
    }
  }
}
