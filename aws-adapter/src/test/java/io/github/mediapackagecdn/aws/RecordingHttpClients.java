package io.github.mediapackagecdn.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/** Builds UrlConnection clients that note when they are closed: one flag per SDK client the builder created. */
final class RecordingHttpClients implements SdkHttpClient.Builder<RecordingHttpClients> {

  final List<AtomicBoolean> created = new CopyOnWriteArrayList<>();

  @Override
  public SdkHttpClient buildWithDefaults(AttributeMap defaults) {
    SdkHttpClient real = UrlConnectionHttpClient.builder().buildWithDefaults(defaults);
    AtomicBoolean closed = new AtomicBoolean();
    created.add(closed);
    return new SdkHttpClient() {
      @Override
      public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return real.prepareRequest(request);
      }

      @Override
      public void close() {
        closed.set(true);
        real.close();
      }
    };
  }
}
