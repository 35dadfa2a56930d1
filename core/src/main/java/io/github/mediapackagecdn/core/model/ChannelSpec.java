package io.github.mediapackagecdn.core.model;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * What a user saves as a channel: the MediaPackage channel, and whether a CloudFront distribution is created for it
 * (the console's "Create a CloudFront distribution" choice). Building one checks every field and reports every
 * problem at once in a {@link io.github.mediapackagecdn.core.error.ValidationException}.
 *
 * <pre>{@code
 * ChannelSpec spec = ChannelSpec.builder()
 *     .id("live-news")
 *     .description("24/7 news")
 *     .createDistribution(true)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ChannelSpec {

  /** The channel id as typed; see {@link #channelId()}. */
  public abstract String id();

  /** The channel's description, if any; at most 1,024 characters. */
  public abstract Optional<String> description();

  /** Tags for the MediaPackage channel. */
  public abstract Map<String, String> tags();

  /** Create (or keep) a CloudFront distribution for this channel when it is saved. */
  @Value.Default
  public boolean createDistribution() {
    return false;
  }

  /** Overrides the distribution's comment (its "description"); at most 128 characters. */
  public abstract Optional<String> distributionComment();

  /**
   * Extra tags for a distribution created for this channel, besides the link tag; CloudFront's character set. Their
   * count is checked by the save, against the account's quota of tags a distribution.
   */
  public abstract Map<String, String> distributionTags();

  /** The checked channel id. */
  @Value.Lazy
  public ChannelId channelId() {
    return ChannelId.of(id());
  }

  /** A builder of a channel spec; {@code build()} checks every field. */
  public static Builder builder() {
    return new Builder();
  }

  /** Checks every field and throws one {@code ValidationException} listing all problems. */
  @Value.Check
  protected void check() {
    Problems problems = new Problems();
    Ids.check(problems, "channel id", id());
    description().ifPresent(d -> Limits.description(problems, "channel", d));
    Limits.mediaPackageTags(problems, tags(), createDistribution() ? 1 : 0);
    distributionComment().ifPresent(c -> Limits.comment(problems, c));
    Limits.cloudFrontTags(problems, distributionTags(), OptionalInt.empty()); // their count: the save's quota check
    problems.throwIfAny();
  }

  /** Builds a {@link ChannelSpec}. */
  public static class Builder extends ImmutableChannelSpec.Builder {}
}
