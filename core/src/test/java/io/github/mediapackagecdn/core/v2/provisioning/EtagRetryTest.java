package io.github.mediapackagecdn.core.v2.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ResourceConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EtagRetryTest {

  private record Thing(String value, Optional<String> etag) {}

  private static ResourceConflictException stale() {
    return new ResourceConflictException("stale", ResourceConflictException.Reason.STALE_VERSION, "x");
  }

  @Test
  void aCurrentEtag_updatesOnce_withoutReading() {
    List<String> sent = new ArrayList<>();
    Thing result = EtagRetry.update(new Thing("old", Optional.of("e1")), Thing::etag,
        () -> { throw new AssertionError("no read"); }, t -> false,
        etag -> { sent.add(etag); return new Thing("new", Optional.of("e2")); }, 3);

    assertThat(result.value()).isEqualTo("new");
    assertThat(sent).containsExactly("e1");
  }

  @Test
  void aReadAlreadyAsWanted_withItsEtag_writesNothing_andReadsNothing() {
    Thing winner = new Thing("new", Optional.of("e1"));
    Thing result = EtagRetry.update(winner, Thing::etag, () -> { throw new AssertionError("no read"); },
        t -> t.value().equals("new"), etag -> { throw new AssertionError("no update"); }, 3);

    assertThat(result).isSameAs(winner);
  }

  @Test
  void aStaleEtag_isReadAgain_andReapplied() {
    List<String> sent = new ArrayList<>();
    int[] reads = {0};
    Thing result = EtagRetry.update(new Thing("old", Optional.of("e1")), Thing::etag,
        () -> { reads[0]++; return new Thing("other", Optional.of("e" + (reads[0] + 1))); }, t -> false,
        etag -> {
          sent.add(etag);
          if (sent.size() == 1) {
            throw stale();
          }
          return new Thing("new", Optional.of("e9"));
        }, 3);

    assertThat(result.value()).isEqualTo("new");
    assertThat(sent).containsExactly("e1", "e2");
    assertThat(reads[0]).isEqualTo(1);
  }

  @Test
  void aFreshReadAsWanted_writesNothingMore() {
    List<String> sent = new ArrayList<>();
    Thing result = EtagRetry.update(new Thing("old", Optional.of("e1")), Thing::etag,
        () -> new Thing("new", Optional.of("e2")), t -> t.value().equals("new"),
        etag -> { sent.add(etag); throw stale(); }, 3);

    assertThat(result.etag()).contains("e2");
    assertThat(sent).containsExactly("e1");
  }

  @Test
  void staleEveryTime_stopsAtTheBound_withTheConflict() {
    int[] sent = {0};
    assertThatThrownBy(() -> EtagRetry.update(new Thing("old", Optional.of("e1")), Thing::etag,
        () -> new Thing("old", Optional.of("e1")), t -> false, etag -> { sent[0]++; throw stale(); }, 3))
        .isInstanceOfSatisfying(ResourceConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION));
    assertThat(sent[0]).isEqualTo(3);
  }

  @Test
  void anotherConflict_isNotRetried() {
    int[] sent = {0};
    assertThatThrownBy(() -> EtagRetry.update(new Thing("old", Optional.of("e1")), Thing::etag,
        () -> new Thing("old", Optional.of("e1")), t -> false, etag -> {
          sent[0]++;
          throw new ResourceConflictException("in use", ResourceConflictException.Reason.IN_USE, "x");
        }, 3)).isInstanceOf(ResourceConflictException.class);
    assertThat(sent[0]).isEqualTo(1);
  }

  @Test
  void noEtag_readsFirst() {
    List<String> sent = new ArrayList<>();
    EtagRetry.update(new Thing("listed", Optional.empty()), Thing::etag, () -> new Thing("read", Optional.of("e5")),
        t -> false, etag -> { sent.add(etag); return new Thing("new", Optional.of("e6")); }, 3);

    assertThat(sent).containsExactly("e5");
  }
}
