package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * v2's concurrency control, used as v1 uses CloudFront's {@code If-Match}: an update sends the ETag of the latest read
 * in {@code x-amzn-update-if-match}; when MediaPackage answers that it is stale, the resource is read again and the
 * update re-applied, at most {@code maxAttempts} times. Every attempt, the first included, first asks whether the
 * resource already is as wanted and writes nothing then: a resource another writer has just created as wanted (a lost
 * create race) gets no update.
 */
final class EtagRetry {

  private EtagRetry() {}

  /**
   * Updates {@code current} with {@code update} (given the ETag), re-reading with {@code read} after a stale ETag;
   * returns the read itself, without writing, when it already is as wanted.
   *
   * @param current the latest read
   * @param etag the ETag of a read, empty when MediaPackage gave none (then it is read again first)
   * @param unchanged whether a read already is as wanted: nothing is written then
   * @throws ResourceConflictException ({@code STALE_VERSION}) when every attempt met a stale ETag
   */
  static <T> T update(T current, Function<T, Optional<String>> etag, Supplier<T> read, Predicate<T> unchanged,
      Function<String, T> update, int maxAttempts) {
    T latest = current;
    ResourceConflictException stale = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1 || etag.apply(latest).isEmpty()) {
        latest = read.get();
      }
      if (unchanged.test(latest)) {
        return latest;
      }
      String tag = etag.apply(latest).orElseThrow(() -> new ResourceConflictException(
          "MediaPackage returned no ETag to update with", ResourceConflictException.Reason.STALE_VERSION, null));
      try {
        return update.apply(tag);
      } catch (ResourceConflictException e) {
        if (e.reason() != ResourceConflictException.Reason.STALE_VERSION) {
          throw e;
        }
        stale = e;
      }
    }
    throw stale;
  }
}
