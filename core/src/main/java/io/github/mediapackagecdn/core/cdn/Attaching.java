package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.DistributionId;
import java.util.Map;
import java.util.Optional;

/**
 * The use case "make sure the channel has its distribution", written once for both MediaPackage versions over a
 * {@link Packager}: the linked one if there is one, else one created (or adopted, never a second) by
 * {@link DistributionCreation}, recorded on the channel and given what the channel's endpoints need by
 * {@link Reconciling}. Idempotent. A failure to find or create the distribution is thrown, for the caller to report;
 * a failure to complete one found or created is the outcome {@code FAILED} with its id. Public only for the two
 * facades' packages: not API.
 *
 * @param <C> the side's channel, as read
 * @param <E> the side's endpoint, as read
 */
public final class Attaching<C, E> {

  private final Packager<C, E> packager;
  private final LinkResolution<C> links;
  private final DistributionCreation<C> creation;
  private final Reconciling<C, E> reconciling;

  /** Attaches through {@code packager}, finding with {@code links}, creating with {@code creation}. */
  public Attaching(Packager<C, E> packager, LinkResolution<C> links, DistributionCreation<C> creation,
      Listeners listeners) {
    this.packager = packager;
    this.links = links;
    this.creation = creation;
    this.reconciling = new Reconciling<>(packager, links, listeners);
  }

  /**
   * {@code CREATED} or {@code ADOPTED} when the channel had no distribution recorded (a distribution found but not
   * recorded on the channel yet, made by a try whose answer was lost or by another instance, is {@code ADOPTED}), else
   * what reconciling it did. A new distribution gets {@code comment} and {@code tags}.
   *
   * @throws io.github.mediapackagecdn.core.error.ProvisioningException when no distribution could be found or created
   */
  public CdnOutcome attach(C channel, Optional<String> comment, Map<String, String> tags) {
    return attach(channel, links.resolve(channel), comment, tags);
  }

  /** As {@link #attach(Object, Optional, Map)}, the channel's distribution looked up already ({@code found}). */
  public CdnOutcome attach(C channel, DistributionResolver.Resolution found, Optional<String> comment,
      Map<String, String> tags) {
    if (found.id().isPresent()) {
      CdnOutcome reconciled = reconciling.reconcile(channel, found.id().get(), found.needsRecording());
      if (!found.needsRecording() || reconciled.failed()) {
        return reconciled;
      }
      // not recorded on the channel until now: made by a try whose answer was lost, or by another instance; ADOPTED
      // whatever completing it wrote, unless an endpoint is not served
      CdnOutcome adopted = creation.adoptedFound(channel, found.id().get());
      return reconciled.action() == CdnOutcome.Action.NOT_SERVED ? reconciled : adopted;
    }
    if (creation.recordedButMissing(channel).isEmpty()) {
      links.recordRequest(channel); // before asking CloudFront: a creation cut off stays detectable
    } // else the deleted distribution stays recorded until its successor is: it proves the link gone, save after save
    return attachToNew(channel, comment, tags);
  }

  /**
   * As {@link #attach(Object, Optional, Map)}, for a channel a save has just created with the "requested" marker
   * among its tags: its ARN is new, so no distribution can be linked to it yet, and nothing is looked up. Its
   * endpoints are still listed: another instance may have saved one since the channel was created.
   */
  public CdnOutcome attachToNew(C channel, Optional<String> comment, Map<String, String> tags) {
    Packager.NewDistribution fresh = packager.newDistribution(channel, comment, tags);
    CdnOutcome created = creation.create(channel, fresh.configFor(), fresh.tags());
    DistributionId id = created.distributionId().orElseThrow();
    CdnOutcome completed = reconciling.reconcile(channel, id, true);
    return completed.failed() ? completed : created;
  }
}
