package io.github.mediapackagecdn.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The raw body of the response to one SDK call, as the service sent it, before the SDK parses it.
 *
 * <p>One instance serves one call: {@link #plugin()} goes into that request's override configuration, and adds this
 * interceptor to that call only. A per-request plugin works on every client, also one the application built itself,
 * and needs no second HTTP client. When the SDK retries, the body of the last attempt, the one the SDK parsed, is kept.
 */
final class RawResponseBody implements ExecutionInterceptor {

  private volatile byte[] body;

  /** Adds this interceptor to the one request whose override configuration carries the plugin. */
  SdkPlugin plugin() {
    return config -> config.overrideConfiguration(o -> o.addExecutionInterceptor(this));
  }

  /** Reads the body once, keeps it, and hands the SDK an identical stream to parse. */
  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
      ExecutionAttributes executionAttributes) {
    Optional<InputStream> content = context.responseBody();
    if (content.isEmpty()) {
      body = new byte[0];
      return content;
    }
    try (InputStream in = content.get()) {
      byte[] bytes = in.readAllBytes();
      body = bytes;
      return Optional.of(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the response body failed", e);
    }
  }

  /** The body of the last response, or empty when no response was received. */
  Optional<byte[]> body() {
    byte[] bytes = body;
    return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
  }
}
