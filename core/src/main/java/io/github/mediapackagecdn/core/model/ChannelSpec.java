package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.Problems;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a user saves as a channel: the MediaPackage channel, and whether a CloudFront distribution is created for it
 * (the console's "Create a CloudFront distribution" choice). Building one checks every field and reports every
 * problem at once in a {@link io.github.mediapackagecdn.core.error.ValidationException}.
 *
 * <p>{@snippet :
 * ChannelSpec spec = ChannelSpec.builder()
 *     .id("live-news")
 *     .description("24/7 news")
 *     .createDistribution(true)
 *     .build();
 * }
 */
@Value.Immutable
public abstract class ChannelSpec {

  /** The channel id as typed; see {@link #channelId()}. */
  public abstract String id();

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

  /** Extra tags for a distribution created for this channel, besides the link tag; CloudFront's character set. */
  public abstract Map<String, String> distributionTags();

  @Value.Lazy
  public ChannelId channelId() {
    return ChannelId.of(id());
  }

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems();
    Ids.check(problems, "channel id", id());
    description().ifPresent(d -> Limits.description(problems, "channel", d));
    Limits.mediaPackageTags(problems, tags(), createDistribution() ? 1 : 0);
    distributionComment().ifPresent(c -> Limits.comment(problems, c));
    Limits.cloudFrontTags(problems, distributionTags(), 1);
    problems.throwIfAny();
  }

  /** Builds a {@link ChannelSpec}. */
  public static class Builder extends ImmutableChannelSpec.Builder {}
}
