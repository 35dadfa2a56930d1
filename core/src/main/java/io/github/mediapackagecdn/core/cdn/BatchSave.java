package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ProvisioningException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch of endpoints saved in MediaPackage one by one, in both versions: when MediaPackage refuses one after saving
 * some (its quota of endpoints a channel, say), the batch stops there; the ones saved are kept, to be served like any
 * other, and the rest are named with the error that stopped them. When it refuses the first, nothing was saved and
 * its error is thrown.
 *
 * @param <S> a spec of one endpoint
 * @param <E> an endpoint as MediaPackage answered it
 * @param saved the endpoints saved, in the order given
 * @param unsaved the specs not saved, in the order given; empty when all were
 * @param stoppedBy the error that stopped the batch; present exactly when {@code unsaved} is not empty
 */
public record BatchSave<S, E>(List<E> saved, List<S> unsaved, Optional<ProvisioningException> stoppedBy) {

  private static final Logger log = LoggerFactory.getLogger(BatchSave.class);

  /** Keeps unmodifiable copies. */
  public BatchSave {
    saved = List.copyOf(saved);
    unsaved = List.copyOf(unsaved);
  }

  /**
   * Saves each spec in order with {@code save}, stopping at the first refusal after one was saved.
   *
   * @throws ProvisioningException the first spec's error, when nothing was saved
   */
  public static <S, E> BatchSave<S, E> saveEach(List<S> specs, Function<S, E> save) {
    List<E> saved = new ArrayList<>();
    List<S> unsaved = new ArrayList<>();
    ProvisioningException stoppedBy = null;
    for (S spec : specs) {
      if (stoppedBy != null) {
        unsaved.add(spec);
        continue;
      }
      try {
        saved.add(save.apply(spec));
      } catch (ProvisioningException e) {
        if (saved.isEmpty()) {
          throw e; // nothing was saved: the batch failed as a whole
        }
        log.debug("MediaPackage stopped the batch after {} saved: {}", saved.size(), e.getMessage());
        stoppedBy = e;
        unsaved.add(spec);
      }
    }
    return new BatchSave<>(saved, unsaved, Optional.ofNullable(stoppedBy));
  }
}
