package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.DistributionChange;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.Origin;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the next save or reconcile of a channel would do to its distribution, as {@code ChannelCdn.plan} and
 * {@code ChannelCdnV2.plan} and their dry runs {@code planSave(...)} answer it, for MediaPackage v1 and v2 alike;
 * nothing is written to make it. Immutable.
 *
 * <p>The updater plans with the same code when it writes, and sends exactly {@link #changes()}: the
 * {@code CHANGE_PLANNED} event of that update carries this change set, so a plan and what a save applied can be
 * compared. What the save would write in MediaPackage besides is {@link #packagerWrites()} (v2: the endpoint
 * policies). A plan holds no CDN identifier in its text: {@link #toString()} names the header and its origin, never
 * its value.
 *
 * <p>{@link #toString()} reads like a short diff:
 * <pre>{@code
 * plan for channel live-news, distribution E2QWRUHEXAMPLE:
 * + origin EMP-8343f7014c0ea438 (8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com, https-only)
 * + behavior *.m3u8 -> EMP-8343f7014c0ea438
 * ~ default behavior: TEMP_ORIGIN_ID/channel -> EMP-8343f7014c0ea438
 * - origin TEMP_ORIGIN_ID/channel
 * }</pre>
 */
@Value.Immutable
public abstract class DistributionPlan {

  /**
   * The reserved name (RFC 2606 {@code .invalid}, never a real host) a dry run puts in place of an egress host
   * MediaPackage has not assigned yet; see {@link #egressHostKnown()}.
   */
  public static final String EGRESS_HOST_NOT_KNOWN = "egress-host-not-known-yet.invalid";

  /** The first label of {@link #EGRESS_HOST_NOT_KNOWN}, as origin ids derived from the host hold it. */
  private static final String EGRESS_LABEL_NOT_KNOWN = "egress-host-not-known-yet";

  /**
   * One write the save would make in MediaPackage besides the distribution's: the API operation and the resource it
   * writes, for example {@code PutOriginEndpointPolicy} of endpoint {@code live/news/hls} (v2).
   *
   * @param operation the MediaPackage API operation
   * @param resource the resource it writes, as the side names it
   */
  public record PackagerWrite(String operation, String resource) {

    /** Refuses a null. */
    public PackagerWrite {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(resource, "resource");
    }

    /** {@code <operation> <resource>}. */
    @Override
    public String toString() {
      return operation + " " + resource;
    }
  }

  /**
   * One write the save would make in CloudFront besides the distribution's, before it: a shared setting the account
   * does not have yet and the save would create once for every distribution (v2: the origin access control and the
   * two cache policies, by name).
   *
   * @param operation the CloudFront API operation, for example {@code CreateCachePolicy}
   * @param resource the name of what it creates
   */
  public record CloudFrontWrite(String operation, String resource) {

    /** Refuses a null. */
    public CloudFrontWrite {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(resource, "resource");
    }

    /** {@code <operation> <resource>}. */
    @Override
    public String toString() {
      return operation + " " + resource;
    }
  }

  /** Why a plan changes no distribution of the channel. */
  public enum Reason {
    /** The channel spec does not ask for a distribution ({@code createDistribution} is false). */
    NOT_REQUESTED,
    /** The channel has no distribution: it never asked for one, and none is tagged for it. */
    NO_DISTRIBUTION,
    /**
     * The distribution recorded on the channel no longer carries the link tag naming the channel (changed, removed,
     * or the distribution is gone): the library no longer manages it.
     */
    LINK_TAG_CHANGED,
    /** Two or more distributions carry the channel's link tag; the library does not guess which one serves it. */
    AMBIGUOUS_LINK,
    /** The channel asked for a distribution and has none recorded or visible: save the channel again. */
    REQUESTED_BUT_MISSING,
    /** No distribution is visible yet, but the lookup may lag: plan or reconcile again after the visibility timeout. */
    NOT_VISIBLE_YET
  }

  /** Why the plan changes no distribution: a reason and a sentence for a person. */
  @Value.Immutable
  public abstract static class NotManaged {

    /** The reason. */
    @Value.Parameter
    public abstract Reason reason();

    /** What it means and what to do, for a person. */
    @Value.Parameter
    public abstract String explanation();

    /** The reason, with its explanation. */
    static NotManaged of(Reason reason, String explanation) {
      return ImmutableNotManaged.of(reason, explanation);
    }

    /** The reason and the explanation. */
    @Override
    public String toString() {
      return reason() + ": " + explanation();
    }
  }

  /** The distribution a save of the channel would create, before {@link #changes()} are applied to it. */
  @Value.Immutable
  public abstract static class NewDistribution {

    /** Its comment. */
    public abstract String comment();

    /**
     * Its tags: the user's, and the link tag {@link #linkTagKey()} with the channel ARN when the channel exists.
     * For a channel MediaPackage has not created yet the ARN is not known, and the link tag is left out here.
     */
    public abstract Map<String, String> tags();

    /** The key of the link tag, whose value is the channel ARN. */
    public abstract String linkTagKey();

    /** Whether the channel's ARN, the link tag's value, is known (the channel exists in MediaPackage). */
    public abstract boolean channelArnKnown();

    static ImmutableNewDistribution.Builder builder() {
      return ImmutableNewDistribution.builder();
    }

    /** The comment and the tags, the link tag's value said in words while the channel does not exist. */
    @Override
    public String toString() {
      String tags = tags().toString();
      if (!channelArnKnown()) {
        String link = linkTagKey() + "=<the channel's ARN, known once MediaPackage creates the channel>";
        tags = tags().isEmpty() ? "{" + link + "}" : tags.substring(0, tags.length() - 1) + ", " + link + "}";
      }
      return "distribution \"" + comment() + "\", tags " + tags;
    }
  }

  /** The channel planned for, named without loss: {@code live-news} (v1), {@code live/news} (v2). */
  public abstract ChannelRef channel();

  /** The distribution the changes are for; empty when the channel has none or one would be created. */
  public abstract Optional<DistributionId> distributionId();

  /** Why no distribution of the channel is changed; empty when the plan is for one. */
  public abstract Optional<NotManaged> notManaged();

  /**
   * The distribution a save would create first (or adopt, when another instance made it a moment ago); empty when
   * the channel has its distribution or the plan does not create one.
   */
  public abstract Optional<NewDistribution> newDistribution();

  /**
   * The changes, in order, exactly as the update sends them; empty when nothing changes. It holds the CDN identifier
   * header's value, as the update sends it (its {@code toString} redacts it). When {@link #egressHostKnown()} is
   * false, the new origin's host in it is a reserved stand-in name, not a host: such a plan tells what will be, and is
   * never sent as it is.
   */
  @Value.Default
  public ChangeSet changes() {
    return ChangeSet.empty();
  }

  /**
   * False only in a dry run whose endpoints MediaPackage has not created yet on a channel that has no endpoint: their
   * egress host, which the origin's host and id come from, is known once MediaPackage creates them.
   */
  @Value.Default
  public boolean egressHostKnown() {
    return true;
  }

  /** Whether the save also records the distribution's id on the channel's tag (the settings' channel tag key). */
  @Value.Default
  public boolean recordsDistributionOnChannel() {
    return false;
  }

  /**
   * What the save would write in MediaPackage besides, in order (v2: each endpoint policy that lacks the library's
   * statements for this distribution); empty in v1, whose saves write no policy, and when nothing is missing. The
   * writes of the endpoints or the channel the spec itself asks for are not listed.
   */
  public abstract List<PackagerWrite> packagerWrites();

  /**
   * What the save would create in CloudFront before it writes the distribution, in order (v2: each shared origin
   * access control or cache policy the account has not got yet; while one is missing, {@link #changes()} name it by a
   * stand-in id, {@code not-looked-up-yet}); empty in v1, and when the account has them all.
   */
  public abstract List<CloudFrontWrite> cloudFrontWrites();

  /** The channel origin to add, if any; its header values are redacted from its {@code toString}. */
  public Optional<Origin> originAdded() {
    return changesOf(DistributionChange.AddOrigin.class).stream().map(DistributionChange.AddOrigin::origin)
        .findFirst();
  }

  /** The path patterns of the cache behaviours to add, in order. */
  public List<String> behaviorsAdded() {
    return changesOf(DistributionChange.AddCacheBehavior.class).stream().map(c -> c.behavior().pathPattern()).toList();
  }

  /** The move of the default behaviour off the placeholder origin, if any. */
  public Optional<DistributionChange.RetargetDefaultBehavior> defaultBehaviorRetarget() {
    return changesOf(DistributionChange.RetargetDefaultBehavior.class).stream().findFirst();
  }

  /** The id of the origin to remove (the placeholder, once nothing targets it), if any. */
  public Optional<String> originRemoved() {
    return changesOf(DistributionChange.RemoveOrigin.class).stream().map(DistributionChange.RemoveOrigin::originId)
        .findFirst();
  }

  /** The name of the CDN identifier header to add to the channel origin, if any; never its value. */
  public Optional<String> headerAdded() {
    return changesOf(DistributionChange.AddOriginHeader.class).stream().map(DistributionChange.AddOriginHeader::name)
        .findFirst();
  }

  /** Whether the save would do nothing to CloudFront, record nothing on the channel and write no policy. */
  public boolean isEmpty() {
    return changes().isEmpty() && newDistribution().isEmpty() && !recordsDistributionOnChannel()
        && packagerWrites().isEmpty() && cloudFrontWrites().isEmpty();
  }

  private <T extends DistributionChange> List<T> changesOf(Class<T> kind) {
    return changes().changes().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** A plan that changes nothing, for {@code reason}. */
  static DistributionPlan notManaged(ChannelRef channel, Reason reason, String explanation) {
    return builder().channel(channel).notManaged(NotManaged.of(reason, explanation)).build();
  }

  /**
   * This plan named for {@code channel}: a plan of a distribution that serves more than one channel (a channel group's,
   * say), made for one of them.
   */
  public DistributionPlan forChannel(ChannelRef channel) {
    return builder().from(this).channel(channel).build();
  }

  static ImmutableDistributionPlan.Builder builder() {
    return ImmutableDistributionPlan.builder();
  }

  /** Keeps a plan either for a distribution, or for a new one, or not managed with its reason. */
  @Value.Check
  protected void check() {
    int kinds = (distributionId().isPresent() ? 1 : 0) + (newDistribution().isPresent() ? 1 : 0)
        + (notManaged().isPresent() ? 1 : 0);
    if (kinds != 1) {
      throw new IllegalStateException("a plan is for a distribution, a new distribution, or not managed: one of them");
    }
    if (notManaged().isPresent() && (!changes().isEmpty() || recordsDistributionOnChannel()
        || !packagerWrites().isEmpty() || !cloudFrontWrites().isEmpty())) {
      throw new IllegalStateException("a plan that is not managed changes nothing");
    }
  }

  /**
   * A short diff: a first line naming the channel and the distribution, then one line per change ({@code +} added,
   * {@code ~} moved, {@code -} removed) and per shared CloudFront setting created and MediaPackage write, or {@code no change}, or why the distribution is
   * not managed. Never a header value.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("plan for channel ").append(channel());
    distributionId().ifPresent(id -> text.append(", distribution ").append(id));
    if (notManaged().isPresent()) {
      return text.append(": not managed, ").append(notManaged().get()).toString();
    }
    text.append(':');
    cloudFrontWrites().forEach(write -> text.append("\n+ ").append(write).append(" (shared by the account's v2"
        + " distributions, created once)"));
    newDistribution().ifPresent(created -> text.append("\n+ ").append(created)
        .append(" (or the one already created for the channel, adopted)"));
    if (recordsDistributionOnChannel()) {
      text.append("\n+ channel tag records the distribution's id");
    }
    for (DistributionChange change : changes().changes()) {
      text.append("\n").append(line(change));
    }
    packagerWrites().forEach(write -> text.append("\n+ ").append(write));
    return isEmpty() ? text.append(" no change").toString() : text.toString();
  }

  private String line(DistributionChange change) {
    if (change instanceof DistributionChange.AddOrigin add) {
      Origin origin = add.origin();
      String host = egressHostKnown() ? origin.domainName()
          : "on the channel's egress host, known once MediaPackage creates its first endpoint";
      return "+ origin " + originName(origin.id()) + " (" + host
          + origin.protocolPolicy().map(policy -> ", " + policy).orElse("") + ")";
    }
    if (change instanceof DistributionChange.AddOriginGroup group) {
      return "+ origin group " + group.group().id() + " (" + group.group().primaryOriginId() + ", then "
          + group.group().secondaryOriginId() + ", " + group.group().selectionCriteria().wireName() + ")";
    }
    if (change instanceof DistributionChange.AddOriginHeader header) {
      return "+ header " + header.name() + " on " + originName(header.originId()) + " (value hidden)";
    }
    if (change instanceof DistributionChange.AddCacheBehavior behavior) {
      return "+ behavior " + behavior.behavior().pathPattern() + " -> "
          + originName(behavior.behavior().targetOriginId());
    }
    if (change instanceof DistributionChange.RetargetDefaultBehavior retarget) {
      return "~ default behavior: " + originName(retarget.fromOriginId()) + " -> "
          + originName(retarget.toOriginId());
    }
    if (change instanceof DistributionChange.RetargetCacheBehavior retarget) {
      return "~ behavior " + retarget.pathPattern() + ": " + originName(retarget.fromOriginId()) + " -> "
          + retarget.toTargetId();
    }
    if (change instanceof DistributionChange.UseCachePolicy use) {
      return "~ behavior " + use.pathPattern() + ": cache policy " + use.toCachePolicyId();
    }
    if (change instanceof DistributionChange.UseDefaultCachePolicy use) {
      return "~ default behavior: cache policy " + use.toCachePolicyId();
    }
    if (change instanceof DistributionChange.UseResponseHeadersPolicy use) {
      return "~ behavior " + use.pathPattern() + ": response headers policy " + use.toResponseHeadersPolicyId();
    }
    if (change instanceof DistributionChange.UseDefaultResponseHeadersPolicy use) {
      return "~ default behavior: response headers policy " + use.toResponseHeadersPolicyId();
    }
    if (change instanceof DistributionChange.UseOriginSettings use) {
      return "~ origin " + originName(use.originId()) + ": " + use.settings();
    }
    if (change instanceof DistributionChange.RemoveOrigin remove) {
      return "- origin " + originName(remove.originId());
    }
    throw new IllegalStateException("a change the plan cannot describe: " + change.getClass().getName());
  }

  /** The origin's id, or while the egress host is not known, the id with its stand-in label in words. */
  private String originName(String originId) {
    return egressHostKnown() ? originId : originId.replace(EGRESS_LABEL_NOT_KNOWN, "<egress host label>");
  }
}
